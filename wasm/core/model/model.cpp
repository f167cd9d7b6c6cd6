// model.cpp — the little the model needs besides its data: names of enumerations and the character rule, shared by
// the loader, the writer and the importers.
#include "model.h"

#include "utf8.h"

#include <algorithm>

namespace galley {

const char* blockTypeName(BlockType t) {
    switch (t) {
        case BlockType::Paragraph: return "paragraph";
        case BlockType::Heading: return "heading";
        case BlockType::Quote: return "quote";
        case BlockType::Pullquote: return "pullquote";
        case BlockType::List: return "list";
        case BlockType::Image: return "image";
        case BlockType::Divider: return "divider";
        case BlockType::Code: return "code";
        case BlockType::Table: return "table";
        case BlockType::Embed: return "embed";
    }
    return "?";
}

const char* markKindName(MarkKind k) {
    switch (k) {
        case MarkKind::Emphasis: return "emphasis";
        case MarkKind::Strong: return "strong";
        case MarkKind::Link: return "link";
        case MarkKind::Code: return "code";
        case MarkKind::Superscript: return "superscript";
        case MarkKind::Subscript: return "subscript";
        case MarkKind::Strikethrough: return "strikethrough";
        case MarkKind::Note: return "note";
    }
    return "?";
}

const char* cellAlignName(CellAlign a) {
    switch (a) {
        case CellAlign::Start: return "start";
        case CellAlign::Center: return "center";
        case CellAlign::End: return "end";
        default: return "";
    }
}

const char* embedKindName(EmbedKind k) {
    switch (k) {
        case EmbedKind::Video: return "video";
        case EmbedKind::Audio: return "audio";
        case EmbedKind::Post: return "post";
        case EmbedKind::Other: return "other";
    }
    return "other";
}

RichText sliceRichText(const RichText& text, size_t beginByte, size_t endByte, uint32_t beginCodePoint) {
    RichText out;
    out.text.assign(text.text, beginByte, endByte - beginByte);
    const uint32_t endCodePoint = beginCodePoint + static_cast<uint32_t>(utf8::countCodePoints(out.text));
    for (const Mark& m : text.marks) {
        if (m.end <= beginCodePoint || m.start >= endCodePoint) continue;
        Mark clipped = m;
        clipped.start = std::max(m.start, beginCodePoint) - beginCodePoint;
        clipped.end = std::min(m.end, endCodePoint) - beginCodePoint;
        out.marks.push_back(std::move(clipped));
    }
    return out;
}

bool isForbiddenControlCharacter(uint32_t c) { return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F); }

namespace {

void replaceIn(std::string& text) {
    size_t i = 0;
    while (i < text.size()) {
        const size_t begin = i;
        if (isForbiddenControlCharacter(utf8::next(text, i))) text.replace(begin, i - begin, 1, ' '), i = begin + 1;
    }
}

void replaceIn(RichText& text) { replaceIn(text.text); }

void replaceIn(std::vector<Block>& blocks) {
    for (Block& b : blocks) {
        for (std::string* s : {&b.alt, &b.language, &b.title, &b.provider}) replaceIn(*s);
        for (RichText* t : {&b.text, &b.attribution, &b.caption, &b.credit}) replaceIn(*t);
        for (ListItem& item : b.items) {
            replaceIn(item.text);
            replaceIn(item.blocks);
        }
        for (auto& row : b.rows)
            for (TableCell& cell : row) replaceIn(cell.text);
    }
}

}  // namespace

void replaceControlCharacters(Article& article) {
    replaceIn(article.title);
    replaceIn(article.subtitle);
    replaceIn(article.source.name);
    for (Author& a : article.authors) replaceIn(a.name), replaceIn(a.role);
    replaceIn(article.blocks);
    for (Note& n : article.notes) replaceIn(n.text);
}

const char* writingDirectionName(WritingDirection d) {
    switch (d) {
        case WritingDirection::LeftToRight: return "ltr";
        case WritingDirection::RightToLeft: return "rtl";
        case WritingDirection::Auto: return "auto";
        default: return "";
    }
}

bool isRightToLeftLanguage(std::string_view lang) {
    auto lower = [](std::string_view s) {
        std::string out(s);
        for (char& c : out) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    };
    const size_t dash = lang.find('-');
    const std::string primary = lower(lang.substr(0, dash));
    static const char* const rtl[] = {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "ku-arab", "pnb", "ps",
                                      "sd", "syr", "ug", "ur", "yi"};
    for (const char* r : rtl)
        if (primary == r) return true;
    // A script subtag (four letters) anywhere after the primary one.
    for (size_t at = dash; at != std::string_view::npos && at < lang.size();) {
        const size_t next = lang.find('-', at + 1);
        const std::string sub = lower(lang.substr(at + 1, next == std::string_view::npos ? std::string_view::npos : next - at - 1));
        if (sub == "arab" || sub == "hebr" || sub == "syrc" || sub == "thaa" || sub == "nkoo") return true;
        if (sub.size() == 4) return false;  // another script: Latn, Cyrl...
        at = next;
    }
    return false;
}

WritingDirection paragraphDirection(const Article& article, const Block* block) {
    if (block && block->dir != WritingDirection::Inherit) return block->dir;
    if (article.dir != WritingDirection::Inherit) return article.dir;
    return isRightToLeftLanguage(article.lang) ? WritingDirection::RightToLeft : WritingDirection::LeftToRight;
}

}  // namespace galley
