// font.h — one TrueType face, measured in CSS pixels of the em.
//
// Sizes are em sizes, as in CSS: at 18 px an em is 18 px (ImGui's "size" is ascent minus descent instead).
// Each face also opens as a HarfBuzz font (harfBuzzFont) for shaping (shaper.h): kerning, ligatures and marks come
// from there. stb_truetype reads the cmap, metrics and outlines, and rasterises by glyph id; its own kerning() is
// what the drop cap and the marker set by (single glyphs, no shaping).
//
// Trust: stb_truetype does no bounds checking on font data, so Galley only ever loads the fonts it ships (dist/fonts)
// or, natively, files the user names on the command line. A bundle can never supply a font.
#pragma once

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct hb_font_t;

namespace galley {

class CjkTiers;  // cjk_tiers.h

struct VerticalMetrics {
    float ascent = 0;   // above the baseline, positive, in em units (1.0 = one em)
    float descent = 0;  // below the baseline, positive, in em units
    float lineGap = 0;
};

class FontFace {
public:
    // Takes ownership of the bytes. Returns nullptr (and sets *error) if the data is not a usable font. `faceIndex`
    // picks a face of a collection (.ttc: Noto CJK's Japanese, Korean, Simplified and Traditional Chinese faces).
    // A font of colour bitmaps only (Noto Color Emoji's CBDT, which stb_truetype cannot read) opens too: measured by
    // HarfBuzz, with no outlines (hasOutlines false, stbFontInfo null); renderers draw its PNGs.
    static std::unique_ptr<FontFace> fromBytes(std::vector<unsigned char> bytes, std::string* error, int faceIndex = 0);
    static std::unique_ptr<FontFace> fromFile(const std::string& path, std::string* error, int faceIndex = 0);
    // A face of bytes that other faces share (a collection's faces: Noto CJK's four files hold 93 MB), as
    // readFontFile read them from `path` (fileName() is its last component).
    static std::unique_ptr<FontFace> fromShared(std::shared_ptr<const std::vector<unsigned char>> bytes,
                                                const std::string& path, std::string* error, int faceIndex = 0);
    // A file's bytes for fromShared; null (and *error set) when it cannot be read.
    static std::shared_ptr<const std::vector<unsigned char>> readFontFile(const std::string& path, std::string* error);
    ~FontFace();

    int glyphIndex(uint32_t codepoint) const;      // 0 (.notdef) when the face has no glyph for it
    bool hasGlyph(uint32_t codepoint) const { return glyphIndex(codepoint) != 0; }
    float advance(int glyph) const;                // in em units
    float kerning(int leftGlyph, int rightGlyph) const;  // in em units, usually negative
    const VerticalMetrics& metrics() const { return metrics_; }
    float capHeight() const;                       // of capital H above the baseline, in em units (70% of the
                                                   // ascent if the face has no H)
    float letterHeight(uint32_t codePoint) const;  // the same of another flat-topped letter (Hebrew he: how tall
                                                   // that script's letters stand)
    void inkExtent(int glyph, float& left, float& right) const;  // horizontal ink, in em units from the pen position
    int unitsPerEm() const { return unitsPerEm_; }

    int faceIndex() const { return faceIndex_; }
    // The file it was read from, without its folder ("NotoNaskhArabic-Regular.ttf"); empty when made from bytes.
    const std::string& fileName() const { return fileName_; }
    bool hasOutlines() const;                      // false: colour bitmaps only (emoji)

    // For renderers: stb_truetype's state, to rasterise glyphs; null for a face without outlines.
    const void* stbFontInfo() const;
    // For the Shaper: the face as a HarfBuzz font at a scale of unitsPerEm (positions in font units); never null.
    hb_font_t* harfBuzzFont() const;

private:
    FontFace();
    struct Impl;
    std::unique_ptr<Impl> impl_;
    VerticalMetrics metrics_;
    int unitsPerEm_ = 1000;
    int faceIndex_ = 0;
    std::string fileName_;
};

// The faces an article is set in (faces.def lists them). Body faces are required; a missing italic or bold falls
// back to regular.
enum class FontStyle : uint8_t {
#define GALLEY_FACE(style, file, family, generic, weight, italic) style,
#include "faces.def"
#undef GALLEY_FACE
    Count
};

// The parts of a face's coverage shipped as files of their own (faces.def): the page fetches a slice only when an
// article's text needs it. Natively the first slice is the whole face and the others are not loaded.
enum class FontSlice : uint16_t {
#define GALLEY_SLICE(slice, suffix, ranges, serif, serifBold, sans, sansBold) slice,
#include "faces.def"
#undef GALLEY_SLICE
    Count
};
constexpr int FontStyleCount = static_cast<int>(FontStyle::Count);
constexpr int FontSliceCount = static_cast<int>(FontSlice::Count);

// The CJK faces of Noto CJK's collections (faces.def), chosen by the article's language.
enum class CjkFace : uint8_t {
#define GALLEY_CJK(face, index, languages, own) face,
#include "faces.def"
#undef GALLEY_CJK
    Count
};
// The CJK face of an article in `language` (BCP 47): the face whose languages begin it, subtag by subtag, the longest
// match winning ("zh-Hant-TW" is TC's "zh-Hant", "zh-CN" SC's); the first (SC) for any other language.
CjkFace cjkFaceOf(std::string_view language);
// The face a slice is cut from in Noto CJK; CjkFace::Count for a slice of other faces.
CjkFace sliceCjkFace(FontSlice slice);
// Its index in the collections (.ttc) its files are cut from; 0 for a slice of other faces.
int sliceFaceIndex(FontSlice slice);

// The file of a face without its extension, as Debian and dist/fonts name it ("NotoSerif-Regular").
const char* faceFileName(FontStyle style);
// The Debian face a slice of a style is cut from (without extension): the style's own, or the script's Noto face
// ("NotoNaskhArabic-Bold" for Bold's Arabic slice), or a Noto CJK collection ("NotoSerifCJK-Bold": a .ttc, of which
// the slice takes face sliceFaceIndex).
const char* sliceSourceName(FontStyle style, FontSlice slice);
// The slice's file in dist/fonts, without extension: the source face and the slice's suffix.
std::string sliceFileName(FontStyle style, FontSlice slice);
// The first style whose slice has the same file (Italic's Arabic is Regular's): the one slot that holds it.
FontStyle canonicalStyle(FontStyle style, FontSlice slice);
// The slice that holds `codePoint` in an article in `language` (BCP 47), the first in faces.def's order; the first
// slice when none does. A CJK slice holds a code point only for articles whose CJK face (cjkFaceOf) is its own, or
// when the code point is one its face's language alone writes (kana, Hangul); then by its ranges, or by the
// character's frequency rank in that face's order ("#a-b", scripts/cjk-slices.py), which `tiers` give.
// Without tiers no code point is in a "#a-b" slice or the symbols: *needsTiers, when given, is set when that made a
// difference (a code point reached a ranked slice of its face).
FontSlice sliceOf(uint32_t codePoint, std::string_view language, const CjkTiers* tiers = nullptr,
                  bool* needsTiers = nullptr);
// The first slice whose Unicode ranges hold every one of `count` code points (an emoji sequence: emoji.h);
// FontSlice::Count when none does.
FontSlice sliceHolding(const uint32_t* codePoints, size_t count);
// A face slice as one number (ShapedGlyph::slot, galley_faces_used, galley_add_font): slice * styles + style, so that
// the first slice's slots are the styles' own. Twelve bits in ShapedGlyph: up to 682 slices of six styles.
using FaceSlot = uint16_t;
static_assert(FontStyleCount * FontSliceCount <= 4096, "face slots are twelve bits (ShapedGlyph::slot)");
constexpr int FaceSlotCount = FontStyleCount * FontSliceCount;
constexpr FaceSlot faceSlot(FontStyle style, FontSlice slice) {
    return static_cast<FaceSlot>(static_cast<int>(slice) * FontStyleCount + static_cast<int>(style));
}
constexpr FontStyle slotStyle(FaceSlot slot) { return static_cast<FontStyle>(slot % FontStyleCount); }
constexpr FontSlice slotSlice(FaceSlot slot) { return static_cast<FontSlice>(slot / FontStyleCount); }

// A set of face slots: what an article asks the page to fetch. A slot whose file another style shares is recorded
// as that style's (canonicalStyle): the page fetches each file once.
class FaceSlots {
public:
    void add(FontStyle style, FontSlice slice);
    bool has(FontStyle style, FontSlice slice) const;
    bool hasSlot(int slot) const { return slot >= 0 && slot < FaceSlotCount && bits_[static_cast<size_t>(slot)]; }
    bool operator==(const FaceSlots& o) const { return bits_ == o.bits_; }
    std::vector<int> slots() const;  // ascending
private:
    std::bitset<FaceSlotCount> bits_;
};

// The slots of `used` that an article's first frame waits for: all but its CJK slots of styles other than the
// regular serif's (bold titles and headings, the sans byline), each replaced by the regular serif's slot of its
// slice. A CJK slice's bold or sans file costs as much as its regular one (~200 bytes a glyph brotli) for the few
// characters a title or byline holds, scattered over the frequency slices; until they arrive, FontSet::face draws
// those characters from the regular face of their slice. Ideographs, kana and full-width punctuation are one em wide
// in every Noto CJK face, Hangul in its serif ones, so the lines laid out then stay, their words where they were,
// when the later faces come (galley_add_font lays out again): the sans Hangul slices, whose widths differ, are
// waited for.
FaceSlots firstFrameFaces(const FaceSlots& used);

struct FontSet {
    std::unique_ptr<FontFace> faces[FontStyleCount];                     // the first slice of each
    std::unique_ptr<FontFace> slices[FontStyleCount][FontSliceCount];    // the others (the first stays empty)
    const FontFace& face(FontStyle s) const;
    // The face of `s` in `slice`, falling back as face() does (bold italic → bold → regular); nullptr when that
    // slice of none of them is loaded.
    const FontFace* face(FontStyle s, FontSlice slice) const;
    std::unique_ptr<FontFace>& slot(FontStyle s, FontSlice slice) {
        return slice == FontSlice{} ? faces[static_cast<int>(s)] : slices[static_cast<int>(s)][static_cast<int>(slice)];
    }
    bool valid() const { return faces[0] != nullptr; }
    // Natively (loadFontSet), a slice whose file is cut from the same face as an earlier slice's holds nothing: its
    // faces are that slice's, whole (the emoji slices share one Noto Color Emoji). 0: its own.
    int16_t wholeFaceSlice[FontSliceCount] = {};
};

// Loads the faces of faces.def from a directory holding Debian's files: each style's own face whole (the first slice),
// and the faces of other scripts whole into their canonical slots; Noto CJK's collections (.ttc) from the same
// directory or, where Debian installs them, its OpenType sibling (/usr/share/fonts/opentype/noto beside
// .../truetype/noto), each file read once and shared by its slices. Only the first face is required.
bool loadFontSet(FontSet& set, const std::string& dir, std::string* error);

}  // namespace galley
