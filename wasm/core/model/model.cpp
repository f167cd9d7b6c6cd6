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
    }
    return "?";
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

}  // namespace

void replaceControlCharacters(Article& article) {
    replaceIn(article.title);
    replaceIn(article.subtitle);
    replaceIn(article.source.name);
    for (Author& a : article.authors) replaceIn(a.name);
    for (Block& b : article.blocks) {
        replaceIn(b.text);
        replaceIn(b.attribution);
        replaceIn(b.caption);
        replaceIn(b.alt);
        for (RichText& item : b.items) replaceIn(item);
    }
}

}  // namespace galley
