// glyph_atlas.cpp — see glyph_atlas.h.
#include "glyph_atlas.h"

#include "textures.h"

#include <stb/stb_truetype.h>

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>

namespace galley {

GlyphAtlas::~GlyphAtlas() {
    if (texture_) glDeleteTextures(1, &texture_);
}

void GlyphAtlas::reset() {
    glyphs_.clear();
    // Only the rows glyphs reached hold anything, here and in the texture: those are zeroed and uploaded again.
    std::fill(pixels_.get(), pixels_.get() + static_cast<size_t>(clearedRows_) * Size, 0);
    shelfX_ = shelfY_ = 1;
    shelfHeight_ = 0;
    dirtyTop_ = 0;
    dirtyBottom_ = clearedRows_;
}

void GlyphAtlas::clearRowsTo(int row) {
    row = std::min(row, Size);
    if (row <= clearedRows_) return;
    uint8_t* rows = pixels_.get();
    std::fill(rows + static_cast<size_t>(clearedRows_) * Size, rows + static_cast<size_t>(row) * Size, 0);
    clearedRows_ = row;
}

const AtlasGlyph* GlyphAtlas::get(const FontSet& fonts, FontStyle style, FontSlice slice, uint16_t glyph,
                                  float devicePx, int subpixel, float scaleX) {
    uint32_t sizeKey = static_cast<uint32_t>(std::lround(devicePx * 8)) & 0xFFFFF;
    int scaleStep = std::clamp(static_cast<int>(std::lround((scaleX - 1.0f) * 400)), -127, 127);
    uint64_t key = (static_cast<uint64_t>(slice) << 59) | (static_cast<uint64_t>(style) << 56) | (static_cast<uint64_t>(subpixel & 7) << 52) |
                   (static_cast<uint64_t>(sizeKey) << 32) | (static_cast<uint64_t>(scaleStep + 128) << 16) | glyph;
    auto it = glyphs_.find(key);
    if (it != glyphs_.end()) return &it->second;

    const FontFace* sliceFace = fonts.face(style, slice);
    const FontFace& face = sliceFace ? *sliceFace : fonts.face(style);
    const auto* info = static_cast<const stbtt_fontinfo*>(face.stbFontInfo());
    if (!info) {  // a face of colour bitmaps: not drawn by this coverage atlas
        AtlasGlyph none;
        none.empty = true;
        none.color = true;
        return &glyphs_.emplace(key, none).first->second;
    }
    float scale = devicePx / static_cast<float>(face.unitsPerEm());
    float scaleH = scale * (1.0f + scaleStep / 400.0f);
    float shift = static_cast<float>(subpixel) / SubpixelSteps;
    int x0, y0, x1, y1;
    stbtt_GetGlyphBitmapBoxSubpixel(info, glyph, scaleH, scale, shift, 0, &x0, &y0, &x1, &y1);
    AtlasGlyph g;
    int w = x1 - x0, h = y1 - y0;
    if (w > 0 && h > 0 && w < Size / 4 && h < Size / 4) {
        if (shelfX_ + w + 1 > Size) {
            shelfX_ = 1;
            shelfY_ += shelfHeight_ + 1;
            shelfHeight_ = 0;
        }
        if (shelfY_ + h + 1 > Size) return nullptr;
        clearRowsTo(shelfY_ + h + 1);  // the glyph's rows and the blank row under it (linear filtering reads it)
        stbtt_MakeGlyphBitmapSubpixel(info, &pixels_[static_cast<size_t>(shelfY_) * Size + shelfX_], w, h, Size,
                                      scaleH, scale, shift, 0, glyph);
        g.x0 = static_cast<int16_t>(x0);
        g.y0 = static_cast<int16_t>(y0);
        g.x1 = static_cast<int16_t>(x1);
        g.y1 = static_cast<int16_t>(y1);
        g.u0 = static_cast<float>(shelfX_) / Size;
        g.v0 = static_cast<float>(shelfY_) / Size;
        g.u1 = static_cast<float>(shelfX_ + w) / Size;
        g.v1 = static_cast<float>(shelfY_ + h) / Size;
        g.empty = false;
        dirtyTop_ = std::min(dirtyTop_, shelfY_);
        dirtyBottom_ = std::max(dirtyBottom_, shelfY_ + h);
        shelfX_ += w + 1;
        shelfHeight_ = std::max(shelfHeight_, h);
    }
    return &glyphs_.emplace(key, g).first->second;
}

unsigned int GlyphAtlas::upload() {
    if (!texture_) {
        // WebGL zero-fills a new texture (no coverage), so only the rows rasterised into so far need uploading.
        texture_ = defineCoverageTexture(0, Size, Size, nullptr);
    }
    if (dirtyTop_ < dirtyBottom_) {
        // Coverage as it is, one byte a pixel: the renderer draws this texture as white with coverage as alpha.
        glBindTexture(GL_TEXTURE_2D, texture_);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, dirtyTop_, Size, dirtyBottom_ - dirtyTop_, GL_RED, GL_UNSIGNED_BYTE,
                        pixels_.get() + static_cast<size_t>(dirtyTop_) * Size);
        dirtyTop_ = Size;
        dirtyBottom_ = 0;
    }
    return texture_;
}

}  // namespace galley
