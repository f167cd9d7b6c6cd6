// color_glyph_atlas.h — colour glyphs (Noto Color Emoji's bitmaps) at device pixel size, packed into an RGBA
// texture next to the coverage atlas (glyph_atlas.h), which draws nothing for faces without outlines.
//
// A glyph's PNG comes from HarfBuzz (hb_ot_color_glyph_reference_png: the font's CBDT strike, 109 ppem), is decoded
// by stb_image and scaled, in premultiplied alpha, to the box HarfBuzz gives its extents at the glyph's em size in
// device pixels: on the baseline at the pen position, as wide as the layout's advance expects. The texture holds
// straight (not premultiplied) RGBA, as the renderer blends every RGBA texture, and is drawn tinted white
// (DrawListRenderer samples it as RGBA: it is not the coverage texture), so the text colour never tints an emoji.
// Each glyph is decoded and scaled once per size (cached like the coverage atlas: scrolling and redraws only look
// it up); nothing is allocated until a page first shows a colour glyph. Only Galley's own fonts reach it, but sizes
// and decode results are checked all the same.
#pragma once

#include "font.h"

#include <cstdint>
#include <memory>
#include <unordered_map>

namespace galley {

struct ColorGlyph {
    int16_t x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // bitmap box relative to the pen position on the baseline, device px (y down)
    float u0 = 0, v0 = 0, u1 = 0, v1 = 0;
    bool empty = true;                       // no bitmap (or one that would not decode): nothing to draw
};

class ColorGlyphAtlas {
public:
    static constexpr int Size = 1024;
    static constexpr int MaxPngBytes = 1 << 20;  // a CBDT glyph is a few KB
    static constexpr int MaxPngSide = 512;       // Noto Color Emoji's are 136 × 128

    ~ColorGlyphAtlas();
    // Looks the glyph of `face` up, drawing it on first use. `key` names the face (its slot); `devicePx` is the em size
    // in device pixels. Returns nullptr when the texture is full (call reset()).
    const ColorGlyph* get(const FontFace& face, uint32_t key, uint16_t glyph, float devicePx);
    void reset();   // forgets every glyph (a face was replaced, or the texture is full)
    // Uploads what changed since the last call; creates the texture on first use. Returns the GL texture name (0 while
    // no colour glyph was ever drawn).
    unsigned int upload();

private:
    std::unordered_map<uint64_t, ColorGlyph> glyphs_;
    std::unique_ptr<uint8_t[]> pixels_;      // Size × Size RGBA, allocated on first use
    int shelfX_ = 1, shelfY_ = 1, shelfHeight_ = 0;
    int dirtyTop_ = Size, dirtyBottom_ = 0;
    unsigned int texture_ = 0;
};

}  // namespace galley
