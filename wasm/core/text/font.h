// font.h — one TrueType face, measured in CSS pixels of the em.
//
// Sizes are em sizes, as in CSS: at 18 px an em is 18 px (ImGui's "size" is ascent minus descent instead).
// Kerning comes from stb_truetype (GPOS pair adjustment or the `kern` table). No shaping: no ligatures, no GSUB.
//
// Trust: stb_truetype does no bounds checking on font data, so Galley only ever loads the fonts it ships (dist/fonts)
// or, natively, files the user names on the command line. A bundle can never supply a font.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

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

// The file of a face without its extension, as Debian and dist/fonts name it ("NotoSerif-Regular").
const char* faceFileName(FontStyle style);

struct FontSet {
    std::unique_ptr<FontFace> faces[static_cast<int>(FontStyle::Count)];
    const FontFace& face(FontStyle s) const;
    bool valid() const { return faces[0] != nullptr; }
};

// Loads the faces of faces.def from a directory holding Debian's or dist's files (only the first is required).
bool loadFontSet(FontSet& set, const std::string& dir, std::string* error);

}  // namespace galley
