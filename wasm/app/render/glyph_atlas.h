// glyph_atlas.h — glyph bitmaps rasterised at device pixel size, packed into one coverage texture (one byte a pixel,
// drawn as white with coverage as alpha: DrawListRenderer::setCoverageTexture).
//
// Glyphs are keyed by face, glyph, device pixel size (to 1/8 px), horizontal subpixel phase (1/4 px) and horizontal
// scale (font expansion, to 1/400), so text positioned by Galley's layout at fractional x stays where layout put it,
// crisp at any devicePixelRatio: an expanded glyph is rasterised wider, not a stretched bitmap.
// Packing is by shelves; when the texture is full it is cleared and refilled (the caller redraws).
// The GL texture is owned here; nothing else touches GL state but the upload.
#pragma once

#include "font.h"

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace galley {

struct AtlasGlyph {
    int16_t x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // bitmap box relative to the pen position, device px (y down)
    float u0 = 0, v0 = 0, u1 = 0, v1 = 0;
    bool empty = true;                       // nothing to draw (a space)
    bool color = false;                      // of a face without outlines: drawn by ColorGlyphAtlas instead
};

class GlyphAtlas {
public:
    static constexpr int Size = 2048;
    static constexpr int SubpixelSteps = 4;

    ~GlyphAtlas();
    // Looks the glyph up, rasterising it on first use. Returns nullptr when the atlas is full (call reset()).
    const AtlasGlyph* get(const FontSet& fonts, FontStyle style, FontSlice slice, uint16_t glyph, float devicePx, int subpixel,
                          float scaleX = 1.0f);
    void reset();
    // Uploads what changed since the last call; creates the texture on first use. Returns the GL texture name.
    unsigned int upload();

private:
    // Zeroes coverage rows up to `row` (exclusive) that the shelves have not reached before.
    void clearRowsTo(int row);

    std::unordered_map<uint64_t, AtlasGlyph> glyphs_;
    // Coverage, 4 MB, left uninitialised and zeroed a shelf at a time as glyphs reach it: zeroing it whole took
    // 20-40 ms of the viewer's start in wasm (fresh pages), for rows most articles never use.
    std::unique_ptr<uint8_t[]> pixels_ = std::unique_ptr<uint8_t[]>(new uint8_t[static_cast<size_t>(Size) * Size]);
    int clearedRows_ = 0;
    int shelfX_ = 1, shelfY_ = 1, shelfHeight_ = 0;
    int dirtyTop_ = Size, dirtyBottom_ = 0;
    unsigned int texture_ = 0;
};

}  // namespace galley
