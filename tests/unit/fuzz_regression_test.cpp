// Replays the fuzz corpora and every input the fuzzers ever crashed on (tests/fuzz/regressions/TARGET/*) through the
// same code and checks as the fuzz targets, so a fixed crash stays fixed in the ordinary test run.
#include "bundle_loader.h"
#include "bundle_writer.h"
#include "import_markdown.h"
#include "import_text.h"
#include "layout.h"
#include "test_support.h"
#include "../fuzz/layout_invariants.h"
#include "utf8.h"

#include <gtest/gtest.h>

#include <dirent.h>

#include <string>
#include <vector>

using namespace galley;

namespace {

std::vector<std::string> filesIn(const std::string& dir) {
    std::vector<std::string> out;
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d))
            if (e->d_name[0] != '.') out.push_back(dir + "/" + e->d_name);
        closedir(d);
    }
    return out;
}

std::vector<std::string> inputsFor(const std::string& target) {
    std::vector<std::string> all = filesIn(test::sourcePath("tests/fuzz/corpus/" + target));
    for (auto& f : filesIn(test::sourcePath("tests/fuzz/regressions/" + target))) all.push_back(f);
    return all;
}

}  // namespace

TEST(FuzzRegression, BundleLoader) {
    auto inputs = inputsFor("bundle_loader");
    EXPECT_GE(inputs.size(), 5u);
    for (const std::string& file : inputs) {
        LoadResult r = loadBundle(test::readText(file));
        for (const auto& e : r.errors) EXPECT_FALSE(e.path.empty() || e.message.empty()) << file;
        if (r.ok()) {
            EXPECT_FALSE(r.bundle.articles.empty()) << file;
        }
    }
}

TEST(FuzzRegression, Layout) {
    auto inputs = inputsFor("layout");
    EXPECT_GE(inputs.size(), 5u);
    for (const std::string& file : inputs) {
        const char* broken = fuzz::layoutInvariantBroken(test::readText(file), test::notoFonts());
        EXPECT_EQ(broken, nullptr) << file << ": " << (broken ? broken : "");
    }
}

TEST(FuzzRegression, Importer) {
    auto inputs = inputsFor("importer");
    EXPECT_GE(inputs.size(), 5u);
    for (const std::string& file : inputs) {
        std::string data = test::readText(file);
        if (data.empty()) continue;
        const std::string_view text = std::string_view(data).substr(1);
        ImportOptions options;
        options.fallbackTitle = "untitled";
        ImportResult r = data[0] & 1 ? importMarkdown(text, options) : importScrapedText(text, options);
        for (size_t i = 0; i < r.lines.size(); ++i) EXPECT_EQ(r.lines[i].lineNumber, static_cast<int>(i + 1)) << file;
        Bundle bundle;
        bundle.articles.push_back(r.article);
        LoadResult back = loadBundle(writeBundleJson(bundle, -1));
        ASSERT_TRUE(back.ok()) << file;
        ASSERT_EQ(back.bundle.articles.size(), 1u) << file;
        EXPECT_EQ(back.bundle.articles[0].title, r.article.title) << file;
        EXPECT_EQ(back.bundle.articles[0].blocks.size(), r.article.blocks.size()) << file;
    }
}
