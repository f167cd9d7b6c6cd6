// bundle_writer.cpp — see bundle_writer.h. Builds an nlohmann::ordered_json tree (ordered so keys keep the
// documented order) and dumps it with the replacing error handler, which is what keeps dump() from throwing on
// bad UTF-8.
#include "bundle_writer.h"

#include <nlohmann/json.hpp>

namespace galley {
namespace {

using Json = nlohmann::ordered_json;

Json marksJson(const std::vector<Mark>& marks) {
    Json out = Json::array();
    for (const Mark& m : marks) {
        Json j;
        j["type"] = markKindName(m.kind);
        j["start"] = m.start;
        j["end"] = m.end;
        if (m.kind == MarkKind::Link) j["href"] = m.href;
        if (m.kind == MarkKind::Note) j["note"] = m.note;
        out.push_back(std::move(j));
    }
    return out;
}

// List items, captions and attributions: a string, or {text, marks} when there are marks.
Json richTextJson(const RichText& rt) {
    if (rt.marks.empty()) return Json(rt.text);
    Json j;
    j["text"] = rt.text;
    j["marks"] = marksJson(rt.marks);
    return j;
}

void addTextAndMarks(Json& j, const RichText& rt) {
    j["text"] = rt.text;
    if (!rt.marks.empty()) j["marks"] = marksJson(rt.marks);
}

Json blockJson(const Block& b);

Json blocksJson(const std::vector<Block>& blocks) {
    Json out = Json::array();
    for (const Block& b : blocks) out.push_back(blockJson(b));
    return out;
}

// A cell: rich text, or an object when it spans, aligns or is a header of its own.
Json cellJson(const TableCell& c) {
    if (c.colSpan == 1 && c.rowSpan == 1 && c.align == CellAlign::Inherit && !c.header) return richTextJson(c.text);
    Json j;
    addTextAndMarks(j, c.text);
    if (c.colSpan != 1) j["colspan"] = c.colSpan;
    if (c.rowSpan != 1) j["rowspan"] = c.rowSpan;
    if (c.align != CellAlign::Inherit) j["align"] = cellAlignName(c.align);
    if (c.header) j["header"] = true;
    return j;
}

void addImageSize(Json& j, const Block& b) {
    if (b.width > 0) j["width"] = b.width;
    if (b.height > 0) j["height"] = b.height;
}

Json blockJson(const Block& b) {
    Json j;
    j["type"] = blockTypeName(b.type);
    if (b.dir != WritingDirection::Inherit) j["dir"] = writingDirectionName(b.dir);
    switch (b.type) {
        case BlockType::Paragraph:
            addTextAndMarks(j, b.text);
            break;
        case BlockType::Heading:
            j["level"] = b.level;
            addTextAndMarks(j, b.text);
            if (!b.anchor.empty()) j["id"] = b.anchor;
            break;
        case BlockType::Quote:
        case BlockType::Pullquote:
            addTextAndMarks(j, b.text);
            if (!b.attribution.empty()) j["attribution"] = richTextJson(b.attribution);
            break;
        case BlockType::List: {
            j["ordered"] = b.ordered;
            if (b.ordered && b.start != 1) j["start"] = b.start;
            Json items = Json::array();
            for (const ListItem& item : b.items) {
                if (item.blocks.empty()) {
                    items.push_back(richTextJson(item.text));
                    continue;
                }
                Json ij;
                addTextAndMarks(ij, item.text);
                ij["blocks"] = blocksJson(item.blocks);
                items.push_back(std::move(ij));
            }
            j["items"] = std::move(items);
            break;
        }
        case BlockType::Image:
            j["src"] = b.src;
            j["alt"] = b.alt;
            addImageSize(j, b);
            if (!b.caption.empty()) j["caption"] = richTextJson(b.caption);
            if (!b.credit.empty()) j["credit"] = richTextJson(b.credit);
            break;
        case BlockType::Divider:
            break;
        case BlockType::Code:
            j["text"] = b.text.text;
            if (!b.language.empty()) j["language"] = b.language;
            break;
        case BlockType::Table: {
            Json rows = Json::array();
            for (const auto& row : b.rows) {
                Json r = Json::array();
                for (const TableCell& c : row) r.push_back(cellJson(c));
                rows.push_back(std::move(r));
            }
            j["rows"] = std::move(rows);
            if (b.headerRows > 0) j["headerRows"] = b.headerRows;
            if (b.headerColumn) j["headerColumn"] = true;
            if (!b.columnAlign.empty()) {
                Json align = Json::array();
                for (CellAlign a : b.columnAlign) align.push_back(a == CellAlign::Inherit ? "start" : cellAlignName(a));
                j["align"] = std::move(align);
            }
            if (!b.caption.empty()) j["caption"] = richTextJson(b.caption);
            break;
        }
        case BlockType::Embed:
            j["kind"] = embedKindName(b.embedKind);
            j["url"] = b.url;
            j["title"] = b.title;
            if (!b.provider.empty()) j["provider"] = b.provider;
            if (!b.src.empty()) j["poster"] = b.src;
            addImageSize(j, b);
            if (!b.caption.empty()) j["caption"] = richTextJson(b.caption);
            break;
    }
    return j;
}

Json articleJson(const Article& a) {
    Json j;
    j["id"] = a.id;
    j["lang"] = a.lang;
    if (a.dir != WritingDirection::Inherit) j["dir"] = writingDirectionName(a.dir);
    j["title"] = a.title;
    if (!a.subtitle.empty()) j["subtitle"] = a.subtitle;
    Json authors = Json::array();
    for (const Author& au : a.authors) {
        Json aj;
        aj["name"] = au.name;
        if (!au.url.empty()) aj["url"] = au.url;
        if (!au.role.empty()) aj["role"] = au.role;
        authors.push_back(std::move(aj));
    }
    j["authors"] = std::move(authors);
    if (!a.published.empty()) j["published"] = a.published;
    if (!a.updated.empty()) j["updated"] = a.updated;
    if (!a.source.name.empty()) {
        Json s;
        s["name"] = a.source.name;
        if (!a.source.url.empty()) s["url"] = a.source.url;
        j["source"] = std::move(s);
    }
    j["blocks"] = blocksJson(a.blocks);
    if (!a.notes.empty()) {
        Json notes = Json::array();
        for (const Note& n : a.notes) {
            Json nj;
            nj["id"] = n.id;
            addTextAndMarks(nj, n.text);
            notes.push_back(std::move(nj));
        }
        j["notes"] = std::move(notes);
    }
    return j;
}

}  // namespace

std::string writeBundleJson(const Bundle& bundle, int indent) {
    Json root;
    root["galley"] = bundle.version;
    Json articles = Json::array();
    for (const Article& a : bundle.articles) articles.push_back(articleJson(a));
    root["articles"] = std::move(articles);
    std::string text = root.dump(indent, ' ', false, Json::error_handler_t::replace);
    text.push_back('\n');
    return text;
}

std::string slugFromTitle(const std::string& title) {
    // Words are runs of ASCII letters and digits; apostrophes inside words are dropped ("China's" -> "chinas")
    // rather than splitting the word.
    std::vector<std::string> words;
    std::string word;
    for (size_t i = 0; i < title.size(); ++i) {
        char c = title[i];
        bool apostrophe = c == '\'' || title.compare(i, 3, "\xE2\x80\x99") == 0;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word.push_back(c);
        } else if (c >= 'A' && c <= 'Z') {
            word.push_back(static_cast<char>(c - 'A' + 'a'));
        } else if (apostrophe && !word.empty()) {
            if (c != '\'') i += 2;
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(word);
    const size_t limit = 30;
    std::string slug;
    for (const std::string& w : words) {
        size_t grown = slug.size() + (slug.empty() ? 0 : 1) + w.size();
        if (grown > limit) {
            if (slug.empty()) slug = w.substr(0, limit);
            break;
        }
        if (!slug.empty()) slug.push_back('-');
        slug += w;
    }
    return slug.empty() ? "article" : slug;
}

}  // namespace galley
