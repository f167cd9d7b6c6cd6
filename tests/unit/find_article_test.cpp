// findArticle: the article a reader names by its id (?article=ID, the element's article attribute).
#include "bundle_loader.h"
#include "model.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace galley;

namespace {

Bundle bundleOf(const char* rel) {
    LoadResult r = loadBundle(test::readText(test::sourcePath(rel)));
    EXPECT_TRUE(r.ok()) << rel;
    return r.bundle;
}

}  // namespace

TEST(FindArticle, EachIdNamesItsArticle) {
    const Bundle bundle = bundleOf("tests/data/bundles/valid/multiple-articles.json");
    ASSERT_GE(bundle.articles.size(), 3u);
    for (size_t i = 0; i < bundle.articles.size(); ++i)
        EXPECT_EQ(findArticle(bundle, bundle.articles[i].id), static_cast<long>(i)) << bundle.articles[i].id;
}

TEST(FindArticle, AnUnknownIdIsNone) {
    const Bundle bundle = bundleOf("tests/data/bundles/valid/multiple-articles.json");
    EXPECT_EQ(findArticle(bundle, "no-such-article"), -1);
    EXPECT_EQ(findArticle(bundle, ""), -1);
    // Ids are compared exactly: case and prefixes count.
    EXPECT_EQ(findArticle(bundle, "English"), -1);
    EXPECT_EQ(findArticle(bundle, "engl"), -1);
    EXPECT_EQ(findArticle(Bundle{}, "english"), -1);
}
