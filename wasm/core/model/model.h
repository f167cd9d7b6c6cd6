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

// Code: set in the monospaced face. Note: a footnote reference (the text it covers, "1" or "*", is its label), set
// raised and linked to the note in Article::notes whose id is `note`.
enum class MarkKind : uint8_t { Emphasis, Strong, Link, Code, Superscript, Subscript, Strikethrough, Note };
const char* markKindName(MarkKind k);  // the bundle's name: "emphasis", "strong", "link", "code", ...

struct Mark {
    MarkKind kind = MarkKind::Emphasis;
    uint32_t start = 0;  // code point offset, inclusive
    uint32_t end = 0;    // code point offset, exclusive
    std::string href;    // Link only; scheme already checked (http, https, mailto) by the loader
    std::string note;    // Note only: the id of a note of the article (checked by the loader)
};

// In rich text, U+2028 LINE SEPARATOR is a hard line break (poetry, addresses): the line ends there, the paragraph
// goes on. A newline (U+000A) is laid out like a space, as it always was.
inline constexpr uint32_t HardLineBreak = 0x2028;

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

enum class BlockType : uint8_t { Paragraph, Heading, Quote, Pullquote, List, Image, Divider, Code, Table, Embed };

// A bundle's `dir`: the direction of the article's or a block's paragraphs (UAX #9's paragraph level). Inherit: not
// given (a block takes its article's, an article its language's); Auto: from each paragraph's first strong letter.
enum class WritingDirection : uint8_t { Inherit, LeftToRight, RightToLeft, Auto };
const char* writingDirectionName(WritingDirection d);  // "ltr", "rtl", "auto"; "" for Inherit

const char* blockTypeName(BlockType t);

// A table's column or cell alignment. Inherit: a cell takes its column's; a column is set at the start of the line.
enum class CellAlign : uint8_t { Inherit, Start, Center, End };
const char* cellAlignName(CellAlign a);  // "start", "center", "end"; "" for Inherit

inline constexpr uint32_t MaxTableColumns = 200;  // a wider table is refused: nobody reads it in a column
inline constexpr uint32_t MaxTableSpan = 1000;     // colspan, rowspan, headerRows

struct TableCell {
    RichText text;
    uint32_t colSpan = 1, rowSpan = 1;  // 1..1000; a span past the table's last row or column is cut there
    CellAlign align = CellAlign::Inherit;
    bool header = false;                // a header cell (besides those of header rows and the header column)
};

// What an embed shows (a card: its kind decides only the card's label and the text layer's description).
enum class EmbedKind : uint8_t { Video, Audio, Post, Other };
const char* embedKindName(EmbedKind k);  // "video", "audio", "post", "other"

struct Block;

// A list item: its first paragraph, then any blocks it holds (further paragraphs, nested lists, quotes, code).
struct ListItem {
    RichText text;
    std::vector<Block> blocks;
};

// One block of the article body. A flat struct (like ImGui's) rather than a class hierarchy: each type uses the
// fields listed beside it and leaves the others empty.
struct Block {
    BlockType type = BlockType::Paragraph;
    WritingDirection dir = WritingDirection::Inherit;  // any type: optional "dir"
    RichText text;                 // Paragraph, Heading, Quote, Pullquote; Code (no marks: its text as written)
    int level = 0;                 // Heading: 1..6
    std::string anchor;            // Heading: optional "id" for deep links
    RichText attribution;          // Quote, Pullquote: optional "attribution"
    bool ordered = false;          // List
    int start = 1;                 // List, ordered: the first item's number
    std::vector<ListItem> items;   // List
    std::string src;               // Image; Embed: optional poster. Relative to the bundle, or an https URL
    std::string alt;               // Image
    RichText caption;              // Image, Table, Embed: optional
    RichText credit;               // Image: optional ("Photograph: Ada Example")
    int width = 0, height = 0;     // Image; Embed's poster: intrinsic size in px, optional (0: unknown)
    std::string language;          // Code: optional, as written ("cpp", "python")
    std::vector<std::vector<TableCell>> rows;  // Table: rows of cells, in reading order
    uint32_t headerRows = 0;       // Table: the first rows are header rows
    bool headerColumn = false;     // Table: the first column is a header column
    std::vector<CellAlign> columnAlign;  // Table: per column, optional
    std::string url;               // Embed: the page of the video, audio or post (http or https)
    std::string title;             // Embed
    std::string provider;          // Embed: optional ("YouTube", "Mastodon")
    EmbedKind embedKind = EmbedKind::Other;  // Embed
};

// A footnote or endnote, set at the article's end and referred to by Note marks.
struct Note {
    std::string id;                // a letter, then letters, digits, "_" or "-"; unique in the article
    RichText text;
};

struct Author {
    std::string name;
    std::string url;   // optional
    std::string role;  // optional: what they did, when not the writing ("Photographs", "Translation")
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
    std::string updated;         // optional, the same
    Source source;               // optional: name empty when absent
    std::vector<Block> blocks;
    std::vector<Note> notes;     // optional, in the order they are set
};

struct Bundle {
    int version = 1;
    std::vector<Article> articles;
};

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
