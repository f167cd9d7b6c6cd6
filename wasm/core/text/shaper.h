// shaper.h — shaping: a run of text in one face, one script and one direction → positioned glyphs, by HarfBuzz.
//
// Shaping applies the face's default OpenType features: kerning, standard ligatures (fi, ffl), contextual
// alternates, mark positioning, Arabic joining, Indic reordering, and `locl` forms by the run's language. Glyphs come
// out in visual order (left to right, as `hb-shape` prints them), each with its cluster: the byte offset in the text of
// the first code point it was shaped from. A ligature is one glyph for several code points; a base and its marks may
// be several glyphs of one cluster.
//
// Not here: which face a code point is set in (itemising: paragraph_builder.cpp), bidi levels, line breaking. Only
// Galley's own faces reach a Shaper (font.h says why). HarfBuzz's headers stay inside shaper.cpp and font.cpp.
#pragma once

#include "font.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace galley {

enum class TextDirection : uint8_t { LeftToRight, RightToLeft };
enum class TextPosition : uint8_t { Normal, Superscript, Subscript };

struct ShapedRunGlyph {
    uint32_t glyph = 0;
    uint32_t cluster = 0;         // byte offset into the text passed to shape()
    float advance = 0;            // em units
    float xOffset = 0, yOffset = 0;  // em units; y up, as in the font
    // HarfBuzz's HB_GLYPH_FLAG_UNSAFE_TO_BREAK: breaking the text before this glyph would change the shaping of
    // the glyphs around the break (a kerning pair, a contextual form); the breaker still may, at a small loss.
    bool unsafeToBreak = false;
};

// A run: bytes [begin, end) of `text`, in one face, script and direction. The text around the run is given to
// HarfBuzz as context (Arabic joining across a face change, for example) but not shaped.
struct TextRun {
    std::string_view text;
    uint32_t begin = 0, end = 0;
    TextDirection direction = TextDirection::LeftToRight;
    uint32_t script = 0;          // an ISO 15924 tag as HarfBuzz spells it (scriptOf); 0: let HarfBuzz guess
    std::string_view language;    // BCP 47 ("en", "zh-Hant"); empty: none
    TextPosition position = TextPosition::Normal;  // superscript, subscript: the face's `sups`, `subs` forms
};

class Shaper {
public:
    Shaper();
    ~Shaper();
    Shaper(const Shaper&) = delete;
    Shaper& operator=(const Shaper&) = delete;
    // Appends the run's glyphs to `out` (visual order). Returns how many it appended.
    size_t shape(const FontFace& face, const TextRun& run, std::vector<ShapedRunGlyph>& out);

private:
    struct Buffer;
    Buffer* buffer_;
};

// Shaped runs by their text, face and direction, so that measuring an article shapes each distinct word once
// (running text repeats its words: in the sample, 2,500 runs are 1,000 distinct ones). Clusters are kept relative to
// the run's start. The text around the run is part of the key (the code point before and after it in its word),
// since shaping reads it. Runs longer than MaxCachedRunBytes are shaped every time. One cache per layout: its faces
// must not change while it lives.
class ShapingCache {
public:
    static constexpr size_t MaxCachedRunBytes = 96;
    // The run's glyphs, shaped by `shaper` on a miss, with clusters from run.begin.
    const std::vector<ShapedRunGlyph>& shape(Shaper& shaper, const FontFace& face, uint16_t faceKey, const TextRun& run);
    size_t size() const { return runs_.size(); }

private:
    std::unordered_map<std::string, std::vector<ShapedRunGlyph>> runs_;
    std::string key_;
    std::vector<ShapedRunGlyph> scratch_;
};

// Unicode properties as HarfBuzz's own tables give them (the same data the shaping uses).
uint32_t scriptOf(uint32_t codePoint);            // ISO 15924 tag; Common ('Zyyy') and Inherited ('Zinh') too
constexpr uint32_t ScriptCommon = 0x5A797979u;    // 'Zyyy'
constexpr uint32_t ScriptInherited = 0x5A696E68u; // 'Zinh'
constexpr uint32_t ScriptUnknown = 0x5A7A7A7Au;   // 'Zzzz'
// Right-to-left scripts (Arabic, Hebrew, Syriac, Thaana, N'Ko and the like).
bool isRightToLeftScript(uint32_t script);
// Scripts whose letters join (Arabic, Syriac, Mongolian, N'Ko...): spacing letters apart would break them.
bool isCursiveScript(uint32_t script);
// A code point that belongs to the cluster before it: combining marks, joiners (ZWJ, ZWNJ), variation selectors,
// emoji modifiers and tags. Itemising keeps these in their base's face.
bool extendsCluster(uint32_t codePoint);

}  // namespace galley
