// model.h — Galley's article model: what a bundle says, after validation.
//
// The model is plain data. It is produced by the bundle loader (bundle_loader.h) and by the importer, consumed by
// layout, and written back out by bundle_writer.h. Every string is valid UTF-8. Inline marks address text by
// Unicode code point offsets ([start, end)), the same unit in C++, JS and the JSON file.
//
// Not here: validation (bundle_loader), layout state, anything about fonts or pixels.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace galley {

enum class MarkKind : uint8_t { Emphasis, Strong, Link };

struct Mark {
    MarkKind kind = MarkKind::Emphasis;
    uint32_t start = 0;  // code point offset, inclusive
    uint32_t end = 0;    // code point offset, exclusive
    std::string href;    // Link only; scheme already checked (http, https, mailto) by the loader
};

// A run of text with inline marks. Marks may nest and overlap; they never extend past the text.
struct RichText {
    std::string text;
    std::vector<Mark> marks;
    bool empty() const { return text.empty(); }
};

// The part of `text` from byte `beginByte` to `endByte` (both on code point boundaries), with the marks that overlap
// it clipped and moved to its offsets. `beginCodePoint` is the code point offset of beginByte (the caller that walks a
// long text in parts knows it; counting again would make the walk quadratic).
RichText sliceRichText(const RichText& text, size_t beginByte, size_t endByte, uint32_t beginCodePoint);

enum class BlockType : uint8_t { Paragraph, Heading, Quote, Pullquote, List, Image, Divider };

// A bundle's `dir`: the direction of the article's or a block's paragraphs (UAX #9's paragraph level). Inherit: not
// given (a block takes its article's, an article its language's); Auto: from each paragraph's first strong letter.
enum class WritingDirection : uint8_t { Inherit, LeftToRight, RightToLeft, Auto };
const char* writingDirectionName(WritingDirection d);  // "ltr", "rtl", "auto"; "" for Inherit

const char* blockTypeName(BlockType t);

// One block of the article body. A flat struct (like ImGui's) rather than a class hierarchy: each type uses the
// fields listed beside it and leaves the others empty.
struct Block {
    BlockType type = BlockType::Paragraph;
    WritingDirection dir = WritingDirection::Inherit;  // any type: optional "dir"
    RichText text;                 // Paragraph, Heading, Quote, Pullquote
    int level = 0;                 // Heading: 1..6
    std::string anchor;            // Heading: optional "id" for deep links
    RichText attribution;          // Quote, Pullquote: optional "attribution"
    bool ordered = false;          // List
    std::vector<RichText> items;   // List
    std::string src;               // Image: relative to the bundle
    std::string alt;               // Image
    RichText caption;              // Image: optional
    int width = 0, height = 0;     // Image: intrinsic size in px, optional (0: unknown)
};

struct Author {
    std::string name;
    std::string url;  // optional
};

struct Source {
    std::string name;
    std::string url;  // optional
};

struct Article {
    std::string id;
    std::string lang = "en";
    WritingDirection dir = WritingDirection::Inherit;  // optional "dir"
    std::string title;
    std::string subtitle;        // optional ("dek")
    std::vector<Author> authors;
    std::string published;       // optional, ISO 8601 as written in the bundle (validated)
    Source source;               // optional: name empty when absent
    std::vector<Block> blocks;
};

struct Bundle {
    int version = 1;
    std::vector<Article> articles;
};

// The index of the article whose id is `id` (ids are unique in a valid bundle), or -1 when none has it.
long findArticle(const Bundle& bundle, std::string_view id);

// Languages written right to left (Arabic, Persian, Urdu, Hebrew, Yiddish and the like, or any tag whose script
// subtag is Arab, Hebr, Syrc, Thaa or Nkoo): their articles' paragraphs are right to left unless `dir` says otherwise.
bool isRightToLeftLanguage(std::string_view lang);
// The paragraph direction of a block (nullptr: the article's header): the block's dir, else the article's, else
// right to left for a right-to-left language and left to right for any other.
WritingDirection paragraphDirection(const Article& article, const Block* block);

// The format's one rule on characters in text: no control characters but tab and newline (C0, DEL and C1 are
// refused by the loader: they draw as nothing and confuse the DOM text layer).
bool isForbiddenControlCharacter(uint32_t codePoint);

// Replaces forbidden control characters in every text field (title, subtitle, names, rich text, alt) with a space,
// which keeps code point offsets, and so marks, where they were. For producers of bundles: the importers.
void replaceControlCharacters(Article& article);

}  // namespace galley
