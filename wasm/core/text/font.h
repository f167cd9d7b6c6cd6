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

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

struct hb_font_t;

namespace galley {

struct VerticalMetrics {
    float ascent = 0;   // above the baseline, positive, in em units (1.0 = one em)
    float descent = 0;  // below the baseline, positive, in em units
    float lineGap = 0;
};

class FontFace {
public:
    // Takes ownership of the bytes. Returns nullptr (and sets *error) if the data is not a usable TrueType font.
    static std::unique_ptr<FontFace> fromBytes(std::vector<unsigned char> bytes, std::string* error);
    static std::unique_ptr<FontFace> fromFile(const std::string& path, std::string* error);
    ~FontFace();

    int glyphIndex(uint32_t codepoint) const;      // 0 (.notdef) when the face has no glyph for it
    bool hasGlyph(uint32_t codepoint) const { return glyphIndex(codepoint) != 0; }
    float advance(int glyph) const;                // in em units
    float kerning(int leftGlyph, int rightGlyph) const;  // in em units, usually negative
    const VerticalMetrics& metrics() const { return metrics_; }
    float capHeight() const;                       // of capital H above the baseline, in em units (70% of the
                                                   // ascent if the face has no H)
    void inkExtent(int glyph, float& left, float& right) const;  // horizontal ink, in em units from the pen position
    int unitsPerEm() const { return unitsPerEm_; }

    // For renderers: stb_truetype's state, to rasterise glyphs.
    const void* stbFontInfo() const;
    // For the Shaper: the face as a HarfBuzz font at a scale of unitsPerEm (positions in font units); never null.
    hb_font_t* harfBuzzFont() const;

private:
    FontFace();
    struct Impl;
    std::unique_ptr<Impl> impl_;
    VerticalMetrics metrics_;
    int unitsPerEm_ = 1000;
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
enum class FontSlice : uint8_t {
#define GALLEY_SLICE(slice, suffix, ranges) slice,
#include "faces.def"
#undef GALLEY_SLICE
    Count
};
constexpr int FontStyleCount = static_cast<int>(FontStyle::Count);
constexpr int FontSliceCount = static_cast<int>(FontSlice::Count);

// The file of a face without its extension, as Debian and dist/fonts name it ("NotoSerif-Regular").
const char* faceFileName(FontStyle style);
// The slice whose Unicode ranges hold `codePoint`, the first in faces.def's order; the first slice when none does.
FontSlice sliceOf(uint32_t codePoint);
// A face's slice as a bit of the masks the page and the viewer pass (galley_faces_used): slice * styles + style, so
// that the first slice's bits are the styles' own.
static_assert(FontStyleCount * FontSliceCount <= 32, "face masks are 32-bit");
constexpr uint32_t faceBit(FontStyle style, FontSlice slice) {
    return 1u << (static_cast<int>(slice) * FontStyleCount + static_cast<int>(style));
}

// A face slice as one byte (ShapedGlyph::slot): slice * styles + style, the same order as faceBit.
static_assert(FontStyleCount * FontSliceCount <= 256, "face slots are one byte");
constexpr uint8_t faceSlot(FontStyle style, FontSlice slice) {
    return static_cast<uint8_t>(static_cast<int>(slice) * FontStyleCount + static_cast<int>(style));
}
constexpr FontStyle slotStyle(uint8_t slot) { return static_cast<FontStyle>(slot % FontStyleCount); }
constexpr FontSlice slotSlice(uint8_t slot) { return static_cast<FontSlice>(slot / FontStyleCount); }

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
};

// Loads the faces of faces.def from a directory holding Debian's or dist's files (only the first is required).
bool loadFontSet(FontSet& set, const std::string& dir, std::string* error);

}  // namespace galley
