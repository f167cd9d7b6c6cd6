// libFuzzer target: import arbitrary bytes as scraped text or Markdown (the first byte chooses), then check what the
// importer promises: it never throws or crashes, it gives one verdict per input line, in order, and what it writes is a bundle
// the loader accepts with the same article (so `galley import` can never produce a file the viewer rejects).
#include "bundle_loader.h"
#include "bundle_writer.h"
#include "import_markdown.h"
#include "import_text.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    const bool markdown = data[0] & 1;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    galley::ImportOptions options;
    options.fallbackTitle = "untitled";
    galley::ImportResult r = markdown ? galley::importMarkdown(text, options) : galley::importScrapedText(text, options);

    for (size_t i = 0; i < r.lines.size(); ++i)  // one verdict per line, in order (for --explain)
        if (r.lines[i].lineNumber != static_cast<int>(i + 1)) std::abort();

    galley::Bundle bundle;
    bundle.articles.push_back(r.article);
    const std::string json = galley::writeBundleJson(bundle, -1);
    galley::LoadResult loaded = galley::loadBundle(json);
    if (!loaded.ok() || loaded.bundle.articles.size() != 1) std::abort();
    const galley::Article& back = loaded.bundle.articles[0];
    if (back.title != r.article.title || back.blocks.size() != r.article.blocks.size()) std::abort();
    return 0;
}
