// font.cpp — see font.h. stb_truetype is compiled here, once, for the whole program (the renderer's glyph atlas
// calls its rasteriser through the same symbols).
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb/stb_truetype.h>

#include "font.h"

#include "cjk_tiers.h"

#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <utility>
#include <vector>

namespace galley {

// Lookups are cached because layout asks for the same glyphs and pairs millions of times, and stb_truetype walks
// the cmap and GPOS tables on every call. The caches belong to the face; a face is used by one thread at a time.
struct FontFace::Impl {
    std::shared_ptr<const std::vector<unsigned char>> bytes;  // shared by the faces of one collection
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
    return fromShared(std::make_shared<const std::vector<unsigned char>>(std::move(bytes)), std::string(), error,
                      faceIndex);
}

std::unique_ptr<FontFace> FontFace::fromShared(std::shared_ptr<const std::vector<unsigned char>> shared,
                                               const std::string& path, std::string* error, int faceIndex) {
    auto setError = [&](const char* msg) {
        if (error) *error = path.empty() ? std::string(msg) : path + ": " + msg;
        return nullptr;
    };
    if (!shared || shared->size() < 12) return setError("font: file too small");
    std::unique_ptr<FontFace> face(new FontFace);
    Impl& im = *face->impl_;
    im.bytes = std::move(shared);
    const std::vector<unsigned char>& bytes = *im.bytes;
    face->faceIndex_ = faceIndex;
    if (!path.empty()) face->fileName_ = path.substr(path.find_last_of('/') + 1);
    hb_blob_t* blob = hb_blob_create(reinterpret_cast<const char*>(bytes.data()),
                                     static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* hbFace = hb_face_create(blob, static_cast<unsigned>(faceIndex));
    hb_blob_destroy(blob);
    const unsigned hbUnitsPerEm = hb_face_get_upem(hbFace);
    const bool colourBitmaps = hb_ot_color_has_png(hbFace) && hb_face_get_glyph_count(hbFace) > 0;
    im.hbFont = hb_font_create(hbFace);
    hb_face_destroy(hbFace);

    const int offset = stbtt_GetFontOffsetForIndex(bytes.data(), faceIndex);
    if (offset < 0 || !stbtt_InitFont(&im.info, bytes.data(), offset)) {
        if (!colourBitmaps) return setError("font: not a TrueType or OpenType font");
        im.outlines = false;  // Noto Color Emoji: no glyf, no CFF; HarfBuzz measures it
    }
    int unitsPerEm = static_cast<int>(hbUnitsPerEm);
    if (im.outlines && im.info.head > 0 && static_cast<size_t>(im.info.head) + 20 <= bytes.size())
        unitsPerEm = (bytes[im.info.head + 18] << 8) | bytes[im.info.head + 19];
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

std::shared_ptr<const std::vector<unsigned char>> FontFace::readFontFile(const std::string& path, std::string* error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (error) *error = path + ": cannot open";
        return nullptr;
    }
    return std::make_shared<const std::vector<unsigned char>>((std::istreambuf_iterator<char>(in)),
                                                              std::istreambuf_iterator<char>());
}

std::unique_ptr<FontFace> FontFace::fromFile(const std::string& path, std::string* error, int faceIndex) {
    auto bytes = readFontFile(path, error);
    return bytes ? fromShared(std::move(bytes), path, error, faceIndex) : nullptr;
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
    if ((s == FontStyle::SansBold || s == FontStyle::Mono) && loaded(FontStyle::Sans)) return loaded(FontStyle::Sans);
    if (const FontFace* f = loaded(FontStyle::Regular)) return f;
    // Natively, slices cut from one file (the emoji slices) hold that whole file once, in the first of them.
    const int whole = wholeFaceSlice[k];
    return whole > 0 && whole != k ? face(s, static_cast<FontSlice>(whole)) : nullptr;
}

const FontFace& FontSet::face(FontStyle s) const {
    int i = static_cast<int>(s);
    if (faces[i]) return *faces[i];
    // Fallbacks: bold italic → bold → regular; sans bold and mono → sans → regular.
    if (s == FontStyle::BoldItalic && faces[static_cast<int>(FontStyle::Bold)]) return *faces[static_cast<int>(FontStyle::Bold)];
    if ((s == FontStyle::SansBold || s == FontStyle::Mono) && faces[static_cast<int>(FontStyle::Sans)])
        return *faces[static_cast<int>(FontStyle::Sans)];
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

bool inRanges(uint32_t cp, const std::vector<CodePointRange>& ranges) {
    for (const CodePointRange& r : ranges)
        if (cp >= r.first && cp <= r.last) return true;
    return false;
}

// "U+0400-052F,U+1C80" → ranges; what faces.def writes (the build checks its form). A CJK slice's "#a-b" (frequency
// ranks) and "symbols" are not ranges: *ranked and *symbols say whether they were there.
std::vector<CodePointRange> parseRanges(const char* text, bool* ranked = nullptr, bool* symbols = nullptr) {
    std::vector<CodePointRange> out;
    const char* p = text;
    while (*p) {
        while (*p == ',' || *p == 'U' || *p == '+') ++p;
        if (*p == '#' || *p == 's') {
            bool* flag = *p == '#' ? ranked : symbols;
            if (flag) *flag = true;
            while (*p && *p != ',') ++p;
            continue;
        }
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

struct CjkFaceInfo { const char* name; int index; const char* languages; std::vector<CodePointRange> own; };
const std::vector<CjkFaceInfo>& cjkFaces() {
    static const std::vector<CjkFaceInfo> faces = {
#define GALLEY_CJK(face, index, languages, own) {#face, index, languages, parseRanges(own)},
#include "faces.def"
#undef GALLEY_CJK
    };
    return faces;
}

// A slice as sliceOf reads it: its CJK face (Count: none), its ranges, the ordinal of its "#a-b" ranks among its
// face's slices (from 1; 0: none), which CjkTiers gives each ranked character, and whether it holds the face's
// symbols (CjkTiers::SymbolsTier).
struct SliceSpec {
    CjkFace face = CjkFace::Count;
    std::vector<CodePointRange> ranges;
    uint8_t ordinal = 0;
    bool symbols = false;
};
SliceSpec parseSlice(const char* text) {
    SliceSpec spec;
    const char* colon = std::strchr(text, ':');
    if (colon) {
        const std::string name(text, colon);
        const auto& faces = cjkFaces();
        for (size_t f = 0; f < faces.size(); ++f)
            if (name == faces[f].name) spec.face = static_cast<CjkFace>(f);
        text = colon + 1;
    }
    bool ranked = false;
    spec.ranges = parseRanges(text, &ranked, &spec.symbols);
    spec.ordinal = ranked ? 1 : 0;
    return spec;
}

// Each slice's ranges as faces.def writes them: data, read by a loop (a call per slice would be code, 400 of them).
constexpr const char* sliceRanges[] = {
#define GALLEY_SLICE(slice, suffix, ranges, serif, serifBold, sans, sansBold) ranges,
#include "faces.def"
#undef GALLEY_SLICE
};

const std::vector<SliceSpec>& sliceSpecs() {
    static const std::vector<SliceSpec> specs = [] {
        std::vector<SliceSpec> out;
        out.reserve(FontSliceCount);
        for (const char* ranges : sliceRanges) out.push_back(parseSlice(ranges));
        uint8_t seen[static_cast<int>(CjkFace::Count) + 1] = {};
        for (SliceSpec& s : out)
            if (s.ordinal) s.ordinal = ++seen[static_cast<int>(s.face)];
        return out;
    }();
    return specs;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

// How many subtags of `tag` begin `language` ("zh-Hant" begins "zh-Hant-TW": 2); 0 when it does not.
int matchingSubtags(std::string_view tag, std::string_view language) {
    int n = 0;
    while (!tag.empty()) {
        const size_t t = tag.find('-'), l = language.find('-');
        if (!equalsIgnoringCase(tag.substr(0, t), language.substr(0, l))) return 0;
        ++n;
        if (t == std::string_view::npos) return n;
        if (l == std::string_view::npos) return 0;
        tag.remove_prefix(t + 1);
        language.remove_prefix(l + 1);
    }
    return n;
}

}  // namespace

namespace {

// cjkFaceOf, and whether one of the face's languages matched (else the face is the default).
CjkFace cjkFaceMatching(std::string_view language, bool& matched) {
    const auto& faces = cjkFaces();
    int best = 0;
    CjkFace chosen{};
    for (size_t f = 0; f < faces.size(); ++f) {
        std::string_view tags = faces[f].languages;
        while (!tags.empty()) {
            const size_t space = tags.find(' ');
            const int n = matchingSubtags(tags.substr(0, space), language);
            if (n > best) best = n, chosen = static_cast<CjkFace>(f);
            if (space == std::string_view::npos) break;
            tags.remove_prefix(space + 1);
        }
    }
    matched = best > 0;
    return chosen;
}

}  // namespace

CjkFace cjkFaceOf(std::string_view language) {
    bool matched = false;
    return cjkFaceMatching(language, matched);
}

CjkFace sliceCjkFace(FontSlice slice) {
    const int k = static_cast<int>(slice);
    return k >= 0 && k < FontSliceCount ? sliceSpecs()[static_cast<size_t>(k)].face : CjkFace::Count;
}

int sliceFaceIndex(FontSlice slice) {
    const CjkFace face = sliceCjkFace(slice);
    return face == CjkFace::Count ? 0 : cjkFaces()[static_cast<size_t>(face)].index;
}

FontSlice sliceOf(uint32_t codePoint, std::string_view language, const CjkTiers* tiers, bool* needsTiers) {
    const auto& specs = sliceSpecs();
    const auto& faces = cjkFaces();
    // Kana and Hangul are their language's whatever the article's; other CJK code points the article language's.
    CjkFace face = CjkFace::Count;
    for (size_t f = 0; f < faces.size() && face == CjkFace::Count; ++f)
        if (inRanges(codePoint, faces[f].own)) face = static_cast<CjkFace>(f);
    bool faceKnown = face != CjkFace::Count, inItsLanguage = false;
    int tier = -1;  // the code point's tier in `face`, looked up once, when a ranked slice of it is reached
    for (int k = 0; k < FontSliceCount; ++k) {
        const SliceSpec& s = specs[static_cast<size_t>(k)];
        if (s.face != CjkFace::Count) {
            if (!faceKnown) face = cjkFaceMatching(language, inItsLanguage), faceKnown = true;  // once, if needed
            if (s.face != face) continue;
            if (s.ordinal || s.symbols) {
                if (tier < 0) {
                    if (needsTiers && !tiers) *needsTiers = true;
                    tier = tiers ? tiers->tierOf(face, codePoint) : 0;
                }
                if (tier != 0 && tier == s.ordinal) return static_cast<FontSlice>(k);
                // A face's symbols, only in its languages: an English article's ∼ or ① is not set from Noto CJK.
                if (tier == CjkTiers::SymbolsTier && s.symbols && inItsLanguage) return static_cast<FontSlice>(k);
            }
        }
        if (inRanges(codePoint, s.ranges)) return static_cast<FontSlice>(k);
    }
    return FontSlice{};
}

FontSlice sliceHolding(const uint32_t* codePoints, size_t count) {
    for (int k = 0; k < FontSliceCount; ++k) {
        size_t i = 0;
        while (i < count && inRanges(codePoints[i], sliceSpecs()[static_cast<size_t>(k)].ranges)) ++i;
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
        case FontStyle::Mono: script = f.sans; break;  // Noto Sans Mono has Latin, Greek and Cyrillic; the rest sans
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

FaceSlots firstFrameFaces(const FaceSlots& used) {
    FaceSlots first;
    for (int slot : used.slots()) {
        const FontStyle style = slotStyle(static_cast<FaceSlot>(slot));
        const FontSlice slice = slotSlice(static_cast<FaceSlot>(slot));
        const FontStyle file = canonicalStyle(style, slice);
        // Hangul's widths differ between Noto Sans CJK and Noto Serif CJK (not its bold): its sans comes first too.
        const bool hangul = slice == FontSlice::Hangul || slice == FontSlice::Hangul2;
        const bool sans = file == FontStyle::Sans || file == FontStyle::SansBold;
        const bool deferred = sliceCjkFace(slice) != CjkFace::Count &&
                              file != canonicalStyle(FontStyle::Regular, slice) && !(hangul && sans);
        first.add(deferred ? FontStyle::Regular : style, slice);
    }
    return first;
}

namespace {

// Where a Noto CJK collection is: in `dir`, or where Debian installs OpenType collections, `dir`'s sibling
// ("/usr/share/fonts/truetype/noto" → "/usr/share/fonts/opentype/noto"). Empty when in neither.
std::string findCollection(const std::string& dir, const std::string& name) {
    std::vector<std::string> candidates = {dir + "/" + name + ".ttc"};
    const size_t last = dir.find_last_of('/');
    if (last != std::string::npos && last > 0) {
        const size_t parent = dir.find_last_of('/', last - 1);
        if (parent != std::string::npos && dir.compare(parent + 1, last - parent - 1, "truetype") == 0)
            candidates.push_back(dir.substr(0, parent + 1) + "opentype" + dir.substr(last) + "/" + name + ".ttc");
    }
    for (const std::string& path : candidates)
        if (std::ifstream(path, std::ios::binary)) return path;
    return {};
}

}  // namespace

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
    // others find it there (wholeFaceSlice). A CJK collection is read once: all its slices, of every CJK face, share
    // its bytes.
    std::map<std::string, std::shared_ptr<const std::vector<unsigned char>>> collections;
    for (int k = 1; k < FontSliceCount; ++k) {
        const FontSlice slice = static_cast<FontSlice>(k);
        for (int j = 1; j < k && !set.wholeFaceSlice[k]; ++j) {
            const FontFace* earlier = set.slot(FontStyle::Regular, static_cast<FontSlice>(j)).get();
            if (earlier && !earlier->hasOutlines() &&
                std::string(sliceSourceName(FontStyle::Regular, slice)) ==
                    sliceSourceName(FontStyle::Regular, static_cast<FontSlice>(j)))
                set.wholeFaceSlice[k] = static_cast<int16_t>(j);
        }
        if (set.wholeFaceSlice[k]) continue;
        for (int i = 0; i < static_cast<int>(FontStyle::Count); ++i) {
            const FontStyle style = static_cast<FontStyle>(i);
            if (canonicalStyle(style, slice) != style || sliceSourceName(style, slice) == std::string(faceFileName(style)))
                continue;
            if (sliceCjkFace(slice) == CjkFace::Count) {
                set.slot(style, slice) = FontFace::fromFile(dir + "/" + sliceSourceName(style, slice) + ".ttf", nullptr);
                continue;
            }
            const std::string path = findCollection(dir, sliceSourceName(style, slice));
            if (path.empty()) continue;
            auto& bytes = collections[path];
            if (!bytes) bytes = FontFace::readFontFile(path, nullptr);
            if (bytes) set.slot(style, slice) = FontFace::fromShared(bytes, path, nullptr, sliceFaceIndex(slice));
        }
    }
    return true;
}

}  // namespace galley
