// color_glyph_atlas.cpp — see color_glyph_atlas.h. stb_image is compiled here, PNG only, from memory only.
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#include <stb/stb_image.h>

#include "color_glyph_atlas.h"

#include "textures.h"

#include <hb-ot.h>
#include <hb.h>

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace galley {

namespace {

// For each of `out` pixels along an axis of `in` pixels: the source pixels it covers and how much of each (area
// sampling: a box filter when shrinking, which is what emoji at text sizes are, from 109 ppem to 20-60 px).
constexpr int MaxTaps = 32;  // shrinking by up to 31 in one go (a 136 px bitmap to 4 px); more is not read
struct Tap { int first = 0, count = 0; float weights[MaxTaps]; };
std::vector<Tap> taps(int in, int out) {
    std::vector<Tap> result(static_cast<size_t>(out));
    const float ratio = static_cast<float>(in) / static_cast<float>(out);
    for (int i = 0; i < out; ++i) {
        Tap& t = result[static_cast<size_t>(i)];
        float a = i * ratio, b = (i + 1) * ratio;
        if (b - a < 1.0f) {  // enlarging: one source pixel's width around the centre
            const float c = (a + b) / 2;
            a = c - 0.5f;
            b = c + 0.5f;
        }
        a = std::max(a, 0.0f);
        b = std::min(b, static_cast<float>(in));
        t.first = static_cast<int>(std::floor(a));
        const int last = std::min(static_cast<int>(std::ceil(b)), in) - 1;
        t.count = std::min(last - t.first + 1, MaxTaps);
        float sum = 0;
        for (int k = 0; k < t.count; ++k) {
            const float w = std::max(0.0f, std::min(b, static_cast<float>(t.first + k + 1)) - std::max(a, static_cast<float>(t.first + k)));
            t.weights[k] = w;
            sum += w;
        }
        for (int k = 0; k < t.count; ++k) t.weights[k] = sum > 0 ? t.weights[k] / sum : 0;
    }
    return result;
}

// Scales straight RGBA `src` (w × h) to dw × dh into `dst` (rows `stride` bytes apart), averaging in premultiplied
// alpha so that transparent pixels lend no colour to the edges, and writes straight alpha again.
void scaleInto(const uint8_t* src, int w, int h, uint8_t* dst, int dw, int dh, int stride) {
    const std::vector<Tap> tx = taps(w, dw), ty = taps(h, dh);
    std::vector<float> rows(static_cast<size_t>(h) * dw * 4);  // horizontally scaled, premultiplied
    for (int y = 0; y < h; ++y) {
        const uint8_t* in = src + static_cast<size_t>(y) * w * 4;
        float* out = &rows[static_cast<size_t>(y) * dw * 4];
        for (int x = 0; x < dw; ++x) {
            const Tap& t = tx[static_cast<size_t>(x)];
            float r = 0, g = 0, b = 0, a = 0;
            for (int k = 0; k < t.count; ++k) {
                const uint8_t* p = in + static_cast<size_t>(t.first + k) * 4;
                const float wa = t.weights[k] * p[3];
                r += wa * p[0];
                g += wa * p[1];
                b += wa * p[2];
                a += wa;
            }
            out[x * 4 + 0] = r, out[x * 4 + 1] = g, out[x * 4 + 2] = b, out[x * 4 + 3] = a;
        }
    }
    for (int y = 0; y < dh; ++y) {
        const Tap& t = ty[static_cast<size_t>(y)];
        uint8_t* out = dst + static_cast<size_t>(y) * stride;
        for (int x = 0; x < dw; ++x) {
            float r = 0, g = 0, b = 0, a = 0;
            for (int k = 0; k < t.count; ++k) {
                const float* p = &rows[(static_cast<size_t>(t.first + k) * dw + x) * 4];
                r += t.weights[k] * p[0];
                g += t.weights[k] * p[1];
                b += t.weights[k] * p[2];
                a += t.weights[k] * p[3];
            }
            const float unmultiply = a > 0 ? 1.0f / a : 0.0f;
            out[x * 4 + 0] = static_cast<uint8_t>(std::clamp(r * unmultiply + 0.5f, 0.0f, 255.0f));
            out[x * 4 + 1] = static_cast<uint8_t>(std::clamp(g * unmultiply + 0.5f, 0.0f, 255.0f));
            out[x * 4 + 2] = static_cast<uint8_t>(std::clamp(b * unmultiply + 0.5f, 0.0f, 255.0f));
            out[x * 4 + 3] = static_cast<uint8_t>(std::clamp(a + 0.5f, 0.0f, 255.0f));
        }
    }
}

}  // namespace

ColorGlyphAtlas::~ColorGlyphAtlas() {
    if (texture_) glDeleteTextures(1, &texture_);
}

void ColorGlyphAtlas::reset() {
    glyphs_.clear();
    if (pixels_) {
        // Only the rows the shelves reached hold anything: zero those, here and (uploaded again) in the texture.
        const int used = std::min(Size, shelfY_ + shelfHeight_ + 1);
        std::fill(pixels_.get(), pixels_.get() + static_cast<size_t>(used) * Size * 4, 0);
        dirtyTop_ = 0;
        dirtyBottom_ = used;
    }
    shelfX_ = shelfY_ = 1;
    shelfHeight_ = 0;
}

const ColorGlyph* ColorGlyphAtlas::get(const FontFace& face, uint32_t key, uint16_t glyph, float devicePx) {
    const uint64_t sizeKey = static_cast<uint64_t>(std::lround(std::clamp(devicePx, 0.0f, 4096.0f) * 8));
    const uint64_t k = (static_cast<uint64_t>(key & 0xFFFF) << 48) | (sizeKey << 16) | glyph;
    auto it = glyphs_.find(k);
    if (it != glyphs_.end()) return &it->second;

    ColorGlyph g;
    hb_font_t* font = face.harfBuzzFont();
    hb_glyph_extents_t e{};
    const float scale = devicePx / static_cast<float>(face.unitsPerEm());
    if (!font || !hb_font_get_glyph_extents(font, glyph, &e) || e.width <= 0 || e.height >= 0 || scale <= 0)
        return &glyphs_.emplace(k, g).first->second;
    const int x0 = static_cast<int>(std::lround(e.x_bearing * scale));
    const int y0 = static_cast<int>(std::lround(-e.y_bearing * scale));
    const int w = std::max(1, static_cast<int>(std::lround(e.width * scale)));
    const int h = std::max(1, static_cast<int>(std::lround(-e.height * scale)));
    if (w >= Size / 2 || h >= Size / 2) return &glyphs_.emplace(k, g).first->second;  // beyond any text size

    hb_blob_t* blob = hb_ot_color_glyph_reference_png(font, glyph);
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    int pw = 0, ph = 0, channels = 0;
    stbi_uc* png = nullptr;
    if (data && length > 0 && length <= static_cast<unsigned>(MaxPngBytes) &&
        stbi_info_from_memory(reinterpret_cast<const stbi_uc*>(data), static_cast<int>(length), &pw, &ph, &channels) &&
        pw > 0 && ph > 0 && pw <= MaxPngSide && ph <= MaxPngSide)
        png = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(data), static_cast<int>(length), &pw, &ph, &channels, 4);
    hb_blob_destroy(blob);
    if (!png) return &glyphs_.emplace(k, g).first->second;

    if (shelfX_ + w + 1 > Size) {
        shelfX_ = 1;
        shelfY_ += shelfHeight_ + 1;
        shelfHeight_ = 0;
    }
    if (shelfY_ + h + 1 > Size) {
        stbi_image_free(png);
        return nullptr;
    }
    if (!pixels_) pixels_.reset(new uint8_t[static_cast<size_t>(Size) * Size * 4]());  // zeroed: blank borders
    scaleInto(png, pw, ph, &pixels_[(static_cast<size_t>(shelfY_) * Size + shelfX_) * 4], w, h, Size * 4);
    stbi_image_free(png);
    g.x0 = static_cast<int16_t>(x0);
    g.y0 = static_cast<int16_t>(y0);
    g.x1 = static_cast<int16_t>(x0 + w);
    g.y1 = static_cast<int16_t>(y0 + h);
    g.u0 = static_cast<float>(shelfX_) / Size;
    g.v0 = static_cast<float>(shelfY_) / Size;
    g.u1 = static_cast<float>(shelfX_ + w) / Size;
    g.v1 = static_cast<float>(shelfY_ + h) / Size;
    g.empty = false;
    dirtyTop_ = std::min(dirtyTop_, shelfY_);
    dirtyBottom_ = std::max(dirtyBottom_, shelfY_ + h);
    shelfX_ += w + 1;
    shelfHeight_ = std::max(shelfHeight_, h);
    return &glyphs_.emplace(k, g).first->second;
}

unsigned int ColorGlyphAtlas::upload() {
    if (!pixels_) return texture_;
    if (!texture_) texture_ = defineRgbaTexture(0, Size, Size, nullptr);  // zero-filled by WebGL
    if (dirtyTop_ < dirtyBottom_) {
        glBindTexture(GL_TEXTURE_2D, texture_);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, dirtyTop_, Size, dirtyBottom_ - dirtyTop_, GL_RGBA, GL_UNSIGNED_BYTE,
                        pixels_.get() + static_cast<size_t>(dirtyTop_) * Size * 4);
        dirtyTop_ = Size;
        dirtyBottom_ = 0;
    }
    return texture_;
}

}  // namespace galley
