// shaper.cpp — see shaper.h.
#include "shaper.h"

#include <algorithm>

#include <hb-ot.h>
#include <hb.h>

namespace galley {

struct Shaper::Buffer {
    hb_buffer_t* buffer = hb_buffer_create();
    // hb_language_from_string interns its argument: looked up once per language, not per run.
    std::string languageText;
    hb_language_t language = HB_LANGUAGE_INVALID;
};

Shaper::Shaper() : buffer_(new Buffer) {}

Shaper::~Shaper() {
    hb_buffer_destroy(buffer_->buffer);
    delete buffer_;
}

size_t Shaper::shape(const FontFace& face, const TextRun& run, std::vector<ShapedRunGlyph>& out) {
    hb_font_t* font = face.harfBuzzFont();
    if (!font || run.begin >= run.end || run.end > run.text.size()) return 0;
    hb_buffer_t* b = buffer_->buffer;
    hb_buffer_clear_contents(b);
    hb_buffer_add_utf8(b, run.text.data(), static_cast<int>(run.text.size()), static_cast<unsigned>(run.begin),
                       static_cast<int>(run.end - run.begin));
    hb_buffer_set_direction(b, run.direction == TextDirection::RightToLeft ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    if (run.script != 0) hb_buffer_set_script(b, static_cast<hb_script_t>(run.script));
    if (!run.language.empty()) {
        if (buffer_->languageText != run.language) {
            buffer_->languageText.assign(run.language.data(), run.language.size());
            buffer_->language = hb_language_from_string(run.language.data(), static_cast<int>(run.language.size()));
        }
        hb_buffer_set_language(b, buffer_->language);
    }
    hb_buffer_guess_segment_properties(b);
    // Superior and inferior forms where the face has them (the caller sets the others small: paragraph_builder.h).
    static const hb_feature_t sups = {HB_TAG('s', 'u', 'p', 's'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END};
    static const hb_feature_t subs = {HB_TAG('s', 'u', 'b', 's'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END};
    const hb_feature_t* feature = run.position == TextPosition::Superscript ? &sups
                                  : run.position == TextPosition::Subscript ? &subs : nullptr;
    hb_shape(font, b, feature, feature ? 1 : 0);

    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(b, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(b, nullptr);
    const float unit = 1.0f / static_cast<float>(face.unitsPerEm());  // the font's scale is its units per em
    out.reserve(out.size() + count);
    for (unsigned k = 0; k < count; ++k) {
        ShapedRunGlyph g;
        g.glyph = info[k].codepoint;
        g.cluster = info[k].cluster;
        g.advance = static_cast<float>(pos[k].x_advance) * unit;
        g.xOffset = static_cast<float>(pos[k].x_offset) * unit;
        g.yOffset = static_cast<float>(pos[k].y_offset) * unit;
        g.unsafeToBreak = (hb_glyph_info_get_glyph_flags(&info[k]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
        out.push_back(g);
    }
    return count;
}

const std::vector<ShapedRunGlyph>& ShapingCache::shape(Shaper& shaper, const FontFace& face, uint16_t faceKey,
                                                     const TextRun& run) {
    scratch_.clear();
    if (run.end - run.begin > MaxCachedRunBytes) {
        shaper.shape(face, run, scratch_);
        for (ShapedRunGlyph& g : scratch_) g.cluster -= run.begin;
        return scratch_;
    }
    // Key: face, direction, script, and the run with up to 4 bytes of context on each side (a code point).
    const uint32_t before = run.begin >= 4 ? run.begin - 4 : 0;
    const uint32_t after = std::min<uint32_t>(static_cast<uint32_t>(run.text.size()), run.end + 4);
    key_.clear();
    key_.append(reinterpret_cast<const char*>(&faceKey), sizeof faceKey);  // a face slot: twelve bits
    key_ += static_cast<char>(run.direction);
    key_ += static_cast<char>(run.position);
    key_.append(reinterpret_cast<const char*>(&run.script), sizeof run.script);
    key_ += static_cast<char>(run.begin - before);
    key_ += static_cast<char>(after - run.end);
    key_.append(run.text.data() + before, after - before);
    auto it = runs_.find(key_);
    if (it != runs_.end()) return it->second;
    shaper.shape(face, run, scratch_);
    for (ShapedRunGlyph& g : scratch_) g.cluster -= run.begin;
    return runs_.emplace(key_, scratch_).first->second;
}

uint32_t scriptOf(uint32_t codePoint) {
    return static_cast<uint32_t>(hb_unicode_script(hb_unicode_funcs_get_default(), codePoint));
}

bool isRightToLeftScript(uint32_t script) {
    return hb_script_get_horizontal_direction(static_cast<hb_script_t>(script)) == HB_DIRECTION_RTL;
}

bool isCursiveScript(uint32_t script) {
    switch (static_cast<hb_script_t>(script)) {
        // Joining scripts...
        case HB_SCRIPT_ARABIC: case HB_SCRIPT_SYRIAC: case HB_SCRIPT_MONGOLIAN: case HB_SCRIPT_NKO:
        case HB_SCRIPT_MANDAIC: case HB_SCRIPT_MANICHAEAN: case HB_SCRIPT_PSALTER_PAHLAVI: case HB_SCRIPT_ADLAM:
        case HB_SCRIPT_HANIFI_ROHINGYA: case HB_SCRIPT_SOGDIAN: case HB_SCRIPT_PHAGS_PA:
        // ...and those whose letters hang from one headline (the shirorekha), which spacing would cut.
        case HB_SCRIPT_DEVANAGARI: case HB_SCRIPT_BENGALI: case HB_SCRIPT_GURMUKHI:
            return true;
        default:
            return false;
    }
}

bool extendsCluster(uint32_t cp) {
    if (cp == 0x200C || cp == 0x200D || cp == 0x034F) return true;              // ZWNJ, ZWJ, grapheme joiner
    if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) return true;  // variation selectors
    if ((cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F)) return true; // skin tones, tags
    switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), cp)) {
        case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
        case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
        case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
            return true;
        default:
            return false;
    }
}

}  // namespace galley
