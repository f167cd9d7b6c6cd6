// import_format.cpp — see import_format.h. Plain string work (no std::filesystem): the page's import module is
// sized in bytes, and a browser's file name is a name, not a path.
#include "import_format.h"

#include "import_html.h"
#include "import_markdown.h"

namespace galley {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string_view lastComponent(std::string_view name) {
    size_t slash = name.find_last_of("/\\");
    return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

// Where the extension starts in a last component, or npos: not at 0 (a dotfile), and "." and ".." have none.
size_t extensionStart(std::string_view component) {
    if (component == "." || component == "..") return std::string_view::npos;
    size_t dot = component.rfind('.');
    return dot == 0 ? std::string_view::npos : dot;
}

}  // namespace

const char* importFormatName(ImportFormat format) {
    switch (format) {
        case ImportFormat::Markdown: return "markdown";
        case ImportFormat::Html: return "html";
        case ImportFormat::Text: break;
    }
    return "text";
}

std::string lowerFileExtension(std::string_view fileName) {
    std::string_view component = lastComponent(fileName);
    size_t dot = extensionStart(component);
    return dot == std::string_view::npos ? std::string() : lower(component.substr(dot));
}

std::string fileStem(std::string_view fileName) {
    std::string_view component = lastComponent(fileName);
    return std::string(component.substr(0, extensionStart(component)));
}

bool looksLikeHtml(std::string_view text) {
    size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    // Past white space and comments, a page starts with its doctype or <html>, <head> or <body> tag.
    for (;;) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
        if (text.compare(i, 4, "<!--") != 0) break;
        size_t end = text.find("-->", i);
        if (end == std::string_view::npos) return false;
        i = end + 3;
    }
    std::string start = lower(text.substr(i, 16));
    for (const char* opening : {"<!doctype html", "<html", "<head", "<body"})
        if (start.rfind(opening, 0) == 0) return true;
    return start.rfind("<?xml", 0) == 0 && lower(text.substr(0, 1024)).find("<html") != std::string::npos;
}

ImportFormat guessImportFormat(std::string_view fileName, std::string_view text) {
    std::string ext = lowerFileExtension(fileName);
    if (ext == ".md" || ext == ".markdown" || ext == ".mdown" || ext == ".mkd") return ImportFormat::Markdown;
    if (ext == ".txt" || ext == ".text") return ImportFormat::Text;
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return ImportFormat::Html;
    if (looksLikeHtml(text)) return ImportFormat::Html;
    if (text.substr(0, 4) == "---\n" || text.substr(0, 5) == "---\r\n") return ImportFormat::Markdown;
    // Count kinds of Markdown syntax, not occurrences: scraped text has the odd "**" or "# 1" by accident.
    bool heading = false, link = false, strong = false, fence = false, setext = false;
    size_t start = 0;
    std::string_view previous;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        if (line.size() > 2 && line[0] == '#') {
            size_t h = line.find_first_not_of('#');
            heading = heading || (h != std::string_view::npos && h <= 6 && line[h] == ' ');
        }
        link = link || line.find("](") != std::string_view::npos;
        strong = strong || line.find("**") != std::string_view::npos || line.find("__") != std::string_view::npos;
        fence = fence || line.substr(0, 3) == "```";
        bool underline = line.size() >= 3 && line.find_first_not_of("=") == std::string_view::npos;
        setext = setext || (underline && !previous.empty());
        previous = line;
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    int kinds = int(heading) + int(link) + int(strong) + int(fence) + int(setext);
    // An ATX heading ("# Title", "## Part") alone is enough: scraped text writes "#1", not "# 1".
    return kinds >= 2 || heading ? ImportFormat::Markdown : ImportFormat::Text;
}

ImportResult importAs(ImportFormat format, std::string_view text, const ImportOptions& options) {
    switch (format) {
        case ImportFormat::Html: return importHtml(text, options);
        case ImportFormat::Markdown: return importMarkdown(text, options);
        case ImportFormat::Text: break;
    }
    return importScrapedText(text, options);
}

}  // namespace galley
