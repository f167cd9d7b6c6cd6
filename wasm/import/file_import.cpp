// file_import.cpp — see file_import.h. Refusals before any importer runs (empty, too large, binary, not UTF-8 for
// the text formats: HTML reads its charsets itself), then the importer, then the article's image sources.
#include "file_import.h"

#include "bundle_writer.h"
#include "utf8.h"

namespace galley {
namespace {

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

bool fetchable(std::string_view src) { return startsWithNoCase(src, "http://") || startsWithNoCase(src, "https://"); }

void collectLocalImages(const std::vector<Block>& blocks, std::vector<std::string>& out) {
    for (const Block& b : blocks) {
        if ((b.type == BlockType::Image || b.type == BlockType::Embed) && !b.src.empty() && !fetchable(b.src))
            out.push_back(b.src);
        for (const ListItem& item : b.items) collectLocalImages(item.blocks, out);
    }
}

// Why the text formats cannot read these bytes, or "" (HTML decodes its own charsets: html_charset.h).
std::string textRefusal(std::string_view bytes) {
    size_t nul = bytes.substr(0, size_t(1) << 16).find('\0');
    if (nul != std::string_view::npos) return "binary data, not text (a NUL byte at offset " + std::to_string(nul) + ")";
    size_t bad = utf8::findInvalid(bytes);
    if (bad != std::string_view::npos)
        return "not UTF-8 text (an ill-formed byte at offset " + std::to_string(bad) +
               "; save the file as UTF-8 and open it again)";
    return {};
}

}  // namespace

FileImport importFile(std::string_view bytes, std::string_view fileName, std::string_view baseUrl) {
    FileImport out;
    const std::string name = fileName.empty() ? std::string("the file") : std::string(fileName);
    auto refuse = [&](const std::string& why) {
        out.errors.push_back(name + ": not imported: " + why);
        return out;
    };
    if (bytes.empty()) return refuse("the file is empty");
    if (bytes.size() > MaxImportedFileBytes)
        return refuse("larger than 32 MiB (" + std::to_string(bytes.size()) + " bytes)");
    if (!baseUrl.empty() && !fetchable(baseUrl))
        return refuse("the base URL must be an http or https URL (it is \"" + std::string(baseUrl) + "\")");

    out.format = guessImportFormat(fileName, bytes);
    std::string_view text = bytes;
    if (out.format != ImportFormat::Html) {
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        std::string why = textRefusal(text);
        if (!why.empty()) return refuse(why);
    }
    ImportOptions options;
    options.fallbackTitle = fileStem(fileName);
    options.baseUrl = std::string(baseUrl);
    ImportResult result = importAs(out.format, text, options);
    if (!result.refused.empty()) return refuse(result.refused);
    if (result.article.blocks.empty())
        return refuse(std::string("no article text found in it (read as ") + importFormatName(out.format) + ")");
    for (const HeldBackBlock& held : result.heldBack) out.warnings.push_back(held.why);
    collectLocalImages(result.article.blocks, out.localImages);

    Bundle bundle;
    bundle.articles.push_back(std::move(result.article));
    out.title = bundle.articles.front().title;
    out.bundleJson = writeBundleJson(bundle, -1);
    out.ok = true;
    return out;
}

}  // namespace galley
