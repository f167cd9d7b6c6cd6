// font.cpp — see font.h. stb_truetype is compiled here, once, for the whole program (the renderer's glyph atlas
// calls its rasteriser through the same symbols).
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb/stb_truetype.h>

#include "font.h"

#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <vector>

namespace galley {

// Lookups are cached because layout asks for the same glyphs and pairs millions of times, and stb_truetype walks
// the cmap and GPOS tables on every call. The caches belong to the face; a face is used by one thread at a time.
struct FontFace::Impl {
    std::vector<unsigned char> bytes;
    stbtt_fontinfo info{};
    float unitScale = 0.001f;                     // font units to em units
    std::vector<int32_t> glyphOfCodepoint;        // direct table for the BMP's first 0x3000 code points; -1 = unknown
    mutable std::unordered_map<uint32_t, int> glyphOfOther;
    mutable std::vector<float> advanceOfGlyph;    // NaN-free: < 0 means not yet read
    mutable std::unordered_map<uint32_t, float> kernOfPair;
    // HarfBuzz reads the same bytes (no copy): they live as long as the face.
    hb_font_t* hbFont = nullptr;
    bool outlines = true;                         // false: stb_truetype cannot read it (colour bitmaps only)
    ~Impl() { hb_font_destroy(hbFont); }
};

static constexpr uint32_t DirectGlyphTable = 0x3000;

FontFace::FontFace() : impl_(new Impl) {}
FontFace::~FontFace() = default;

std::unique_ptr<FontFace> FontFace::fromBytes(std::vector<unsigned char> bytes, std::string* error, int faceIndex) {
    auto setError = [&](const char* msg) { if (error) *error = msg; return nullptr; };
    if (bytes.size() < 12) return setError("font: file too small");
    std::unique_ptr<FontFace> face(new FontFace);
    Impl& im = *face->impl_;
    im.bytes = std::move(bytes);
    face->faceIndex_ = faceIndex;
    hb_blob_t* blob = hb_blob_create(reinterpret_cast<const char*>(im.bytes.data()),
                                     static_cast<unsigned>(im.bytes.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* hbFace = hb_face_create(blob, static_cast<unsigned>(faceIndex));
    hb_blob_destroy(blob);
    const unsigned hbUnitsPerEm = hb_face_get_upem(hbFace);
    const bool colourBitmaps = hb_ot_color_has_png(hbFace) && hb_face_get_glyph_count(hbFace) > 0;
    im.hbFont = hb_font_create(hbFace);
    hb_face_destroy(hbFace);

    const int offset = stbtt_GetFontOffsetForIndex(im.bytes.data(), faceIndex);
    if (offset < 0 || !stbtt_InitFont(&im.info, im.bytes.data(), offset)) {
        if (!colourBitmaps) return setError("font: not a TrueType or OpenType font");
        im.outlines = false;  // Noto Color Emoji: no glyf, no CFF; HarfBuzz measures it
    }
    int unitsPerEm = static_cast<int>(hbUnitsPerEm);
    if (im.outlines && im.info.head > 0 && static_cast<size_t>(im.info.head) + 20 <= im.bytes.size())
        unitsPerEm = (im.bytes[im.info.head + 18] << 8) | im.bytes[im.info.head + 19];
    if (unitsPerEm < 16 || unitsPerEm > 16384) return setError("font: bad unitsPerEm in head table");
    face->unitsPerEm_ = unitsPerEm;
    im.unitScale = 1.0f / unitsPerEm;
    hb_font_set_scale(im.hbFont, unitsPerEm, unitsPerEm);
    hb_ot_font_set_funcs(im.hbFont);
    if (im.outlines) {
        int ascent, descent, lineGap;
        stbtt_GetFontVMetrics(&im.info, &ascent, &descent, &lineGap);
        face->metrics_ = {ascent * im.unitScale, -descent * im.unitScale, lineGap * im.unitScale};
    } else {
        hb_font_extents_t e{};
        hb_font_get_h_extents(im.hbFont, &e);
        face->metrics_ = {e.ascender * im.unitScale, -e.descender * im.unitScale, e.line_gap * im.unitScale};
    }
    im.glyphOfCodepoint.assign(DirectGlyphTable, -1);
    const unsigned glyphs = im.outlines ? static_cast<unsigned>(std::max(0, im.info.numGlyphs))
                                        : hb_face_get_glyph_count(hb_font_get_face(im.hbFont));
    im.advanceOfGlyph.assign(glyphs, -1.0f);
    return face;
}

std::unique_ptr<FontFace> FontFace::fromFile(const std::string& path, std::string* error, int faceIndex) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (error) *error = path + ": cannot open";
        return nullptr;
    }
    std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string why;
    auto face = fromBytes(std::move(bytes), &why, faceIndex);
    if (!face && error) *error = path + ": " + why;
    if (face) face->fileName_ = path.substr(path.find_last_of('/') + 1);
    return face;
}

int FontFace::glyphIndex(uint32_t cp) const {
    Impl& im = *impl_;
    if (!im.outlines) {
        hb_codepoint_t g = 0;
        return cp <= 0x10FFFF && hb_font_get_nominal_glyph(im.hbFont, cp, &g) ? static_cast<int>(g) : 0;
    }
    if (cp < DirectGlyphTable) {
        int32_t& g = im.glyphOfCodepoint[cp];
        if (g < 0) g = stbtt_FindGlyphIndex(&im.info, static_cast<int>(cp));
        return g;
    }
    auto it = im.glyphOfOther.find(cp);
    if (it != im.glyphOfOther.end()) return it->second;
    int g = cp <= 0x10FFFF ? stbtt_FindGlyphIndex(&im.info, static_cast<int>(cp)) : 0;
    im.glyphOfOther.emplace(cp, g);
    return g;
}

float FontFace::advance(int glyph) const {
    Impl& im = *impl_;
    if (glyph < 0 || static_cast<size_t>(glyph) >= im.advanceOfGlyph.size()) return 0;
    float& a = im.advanceOfGlyph[glyph];
    if (a < 0) {
        int adv = 0, lsb = 0;
        if (im.outlines) stbtt_GetGlyphHMetrics(&im.info, glyph, &adv, &lsb);
        else adv = hb_font_get_glyph_h_advance(im.hbFont, static_cast<hb_codepoint_t>(glyph));
        a = adv * im.unitScale;
    }
    return a;
}

float FontFace::kerning(int left, int right) const {
    Impl& im = *impl_;
    if (!im.outlines) return 0;
    if (left <= 0 || right <= 0 || left > 0xFFFF || right > 0xFFFF) return 0;
    uint32_t key = (static_cast<uint32_t>(left) << 16) | static_cast<uint32_t>(right);
    auto it = im.kernOfPair.find(key);
    if (it != im.kernOfPair.end()) return it->second;
    float k = stbtt_GetGlyphKernAdvance(&im.info, left, right) * im.unitScale;
    im.kernOfPair.emplace(key, k);
    return k;
}

float FontFace::capHeight() const { return letterHeight('H'); }

float FontFace::letterHeight(uint32_t codePoint) const {
    if (!impl_->outlines) return metrics_.ascent * 0.7f;
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    const int g = glyphIndex(codePoint);
    if (g == 0 || !stbtt_GetGlyphBox(&impl_->info, g, &x0, &y0, &x1, &y1) || y1 <= 0) return metrics_.ascent * 0.7f;
    return static_cast<float>(y1) / static_cast<float>(unitsPerEm_);
}

void FontFace::inkExtent(int glyph, float& left, float& right) const {
    if (!impl_->outlines) {
        hb_glyph_extents_t e{};
        hb_font_get_glyph_extents(impl_->hbFont, static_cast<hb_codepoint_t>(glyph), &e);
        left = static_cast<float>(e.x_bearing) / static_cast<float>(unitsPerEm_);
        right = static_cast<float>(e.x_bearing + e.width) / static_cast<float>(unitsPerEm_);
        return;
    }
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (!stbtt_GetGlyphBox(&impl_->info, glyph, &x0, &y0, &x1, &y1)) x0 = x1 = 0;
    left = static_cast<float>(x0) / static_cast<float>(unitsPerEm_);
    right = static_cast<float>(x1) / static_cast<float>(unitsPerEm_);
}

const void* FontFace::stbFontInfo() const { return impl_->outlines ? &impl_->info : nullptr; }

bool FontFace::hasOutlines() const { return impl_->outlines; }

hb_font_t* FontFace::harfBuzzFont() const { return impl_->hbFont; }

const FontFace* FontSet::face(FontStyle s, FontSlice slice) const {
    if (slice == FontSlice{}) return &face(s);
    const int k = static_cast<int>(slice);
    auto loaded = [&](FontStyle style) { return slices[static_cast<int>(style)][k].get(); };
    if (const FontFace* f = loaded(s)) return f;
    if (const FontFace* f = loaded(canonicalStyle(s, slice))) return f;
    if (s == FontStyle::BoldItalic && loaded(FontStyle::Bold)) return loaded(FontStyle::Bold);
    if (s == FontStyle::SansBold && loaded(FontStyle::Sans)) return loaded(FontStyle::Sans);
    if (const FontFace* f = loaded(FontStyle::Regular)) return f;
    // Natively, slices cut from one file (the emoji slices) hold that whole file once, in the first of them.
    const int whole = wholeFaceSlice[k];
    return whole > 0 && whole != k ? face(s, static_cast<FontSlice>(whole)) : nullptr;
}

const FontFace& FontSet::face(FontStyle s) const {
    int i = static_cast<int>(s);
    if (faces[i]) return *faces[i];
    // Fallbacks: bold italic → bold → regular; sans bold → sans → regular.
    if (s == FontStyle::BoldItalic && faces[static_cast<int>(FontStyle::Bold)]) return *faces[static_cast<int>(FontStyle::Bold)];
    if (s == FontStyle::SansBold && faces[static_cast<int>(FontStyle::Sans)]) return *faces[static_cast<int>(FontStyle::Sans)];
    return *faces[0];
}

const char* faceFileName(FontStyle style) {
    static const char* const files[] = {
#define GALLEY_FACE(style, file, family, generic, weight, italic) file,
#include "faces.def"
#undef GALLEY_FACE
    };
    const int i = static_cast<int>(style);
    return i >= 0 && i < static_cast<int>(FontStyle::Count) ? files[i] : files[0];
}

namespace {

struct CodePointRange { uint32_t first, last; };

// "U+0400-052F,U+1C80" → ranges; what faces.def writes (the build checks its form).
std::vector<CodePointRange> parseRanges(const char* text) {
    std::vector<CodePointRange> out;
    const char* p = text;
    while (*p) {
        while (*p == ',' || *p == 'U' || *p == '+') ++p;
        char* end = nullptr;
        const uint32_t first = static_cast<uint32_t>(std::strtoul(p, &end, 16));
        uint32_t last = first;
        if (end == p) break;
        p = end;
        if (*p == '-') {
            last = static_cast<uint32_t>(std::strtoul(p + 1, &end, 16));
            p = end;
        }
        out.push_back({first, last});
    }
    return out;
}

}  // namespace

namespace {

const std::vector<CodePointRange>& sliceRanges(int k) {
    static const std::vector<CodePointRange> ranges[] = {
#define GALLEY_SLICE(slice, suffix, ranges, serif, serifBold, sans, sansBold) parseRanges(ranges),
#include "faces.def"
#undef GALLEY_SLICE
    };
    return ranges[k];
}

bool holds(const std::vector<CodePointRange>& ranges, uint32_t codePoint) {
    for (const CodePointRange& r : ranges)
        if (codePoint >= r.first && codePoint <= r.last) return true;
    return false;
}

}  // namespace

FontSlice sliceOf(uint32_t codePoint) {
    for (int k = 0; k < FontSliceCount; ++k)
        if (holds(sliceRanges(k), codePoint)) return static_cast<FontSlice>(k);
    return FontSlice{};
}

FontSlice sliceHolding(const uint32_t* codePoints, size_t count) {
    for (int k = 0; k < FontSliceCount; ++k) {
        size_t i = 0;
        while (i < count && holds(sliceRanges(k), codePoints[i])) ++i;
        if (i == count) return static_cast<FontSlice>(k);
    }
    return FontSlice::Count;
}

namespace {

struct SliceFaces { const char* suffix; const char* serif; const char* serifBold; const char* sans; const char* sansBold; };
constexpr SliceFaces sliceFaces[] = {
#define GALLEY_SLICE(slice, suffix, ranges, serif, serifBold, sans, sansBold) {suffix, serif, serifBold, sans, sansBold},
#include "faces.def"
#undef GALLEY_SLICE
};

}  // namespace

const char* sliceSourceName(FontStyle style, FontSlice slice) {
    const int k = static_cast<int>(slice);
    if (k < 0 || k >= FontSliceCount) return faceFileName(style);
    const SliceFaces& f = sliceFaces[k];
    const char* script = nullptr;
    switch (style) {
        case FontStyle::Regular: case FontStyle::Italic: script = f.serif; break;
        case FontStyle::Bold: case FontStyle::BoldItalic: script = f.serifBold; break;
        case FontStyle::Sans: script = f.sans; break;
        case FontStyle::SansBold: script = f.sansBold; break;
        default: break;
    }
    return script && *script ? script : faceFileName(style);
}

std::string sliceFileName(FontStyle style, FontSlice slice) {
    const int k = static_cast<int>(slice);
    return std::string(sliceSourceName(style, slice)) + (k >= 0 && k < FontSliceCount ? sliceFaces[k].suffix : "");
}

FontStyle canonicalStyle(FontStyle style, FontSlice slice) {
    const std::string mine = sliceSourceName(style, slice);
    for (int i = 0; i < static_cast<int>(style); ++i)
        if (mine == sliceSourceName(static_cast<FontStyle>(i), slice)) return static_cast<FontStyle>(i);
    return style;
}

void FaceSlots::add(FontStyle style, FontSlice slice) { bits_.set(faceSlot(canonicalStyle(style, slice), slice)); }

bool FaceSlots::has(FontStyle style, FontSlice slice) const {
    return bits_[faceSlot(canonicalStyle(style, slice), slice)];
}

std::vector<int> FaceSlots::slots() const {
    std::vector<int> out;
    for (int i = 0; i < FaceSlotCount; ++i)
        if (bits_[static_cast<size_t>(i)]) out.push_back(i);
    return out;
}

bool loadFontSet(FontSet& set, const std::string& dir, std::string* error) {
    for (int i = 0; i < static_cast<int>(FontStyle::Count); ++i) {
        std::string why;
        set.faces[i] = FontFace::fromFile(dir + "/" + faceFileName(static_cast<FontStyle>(i)) + ".ttf", &why);
        if (!set.faces[i] && i == 0) {
            if (error) *error = why;
            return false;
        }
    }
    // The other scripts' faces, whole (natively there is no need to slice them); a face Debian lacks is skipped. A
    // colour face several slices are cut from (Noto Color Emoji, 11 MB) is read once, into the first of them: the
    // others find it there (wholeFaceSlice).
    for (int k = 1; k < FontSliceCount; ++k) {
        const FontSlice slice = static_cast<FontSlice>(k);
        for (int j = 1; j < k && !set.wholeFaceSlice[k]; ++j) {
            const FontFace* earlier = set.slot(FontStyle::Regular, static_cast<FontSlice>(j)).get();
            if (earlier && !earlier->hasOutlines() &&
                std::string(sliceSourceName(FontStyle::Regular, slice)) ==
                    sliceSourceName(FontStyle::Regular, static_cast<FontSlice>(j)))
                set.wholeFaceSlice[k] = static_cast<int8_t>(j);
        }
        if (set.wholeFaceSlice[k]) continue;
        for (int i = 0; i < static_cast<int>(FontStyle::Count); ++i) {
            const FontStyle style = static_cast<FontStyle>(i);
            if (canonicalStyle(style, slice) != style || sliceSourceName(style, slice) == std::string(faceFileName(style)))
                continue;
            set.slot(style, slice) = FontFace::fromFile(dir + "/" + sliceSourceName(style, slice) + ".ttf", nullptr);
        }
    }
    return true;
}

}  // namespace galley
