// viewer.cpp — see viewer.h. Layout of the visible slice into an ImGui draw list (the renderer's): glyph quads from the
// atlas at device-pixel positions, rules and link underlines as filled rectangles. ImGui never sets article text.
#include "viewer.h"

#include "hyphen_language.h"
#include "word_hyphenation.h"

#include <imgui.h>

#include <GLES3/gl3.h>

#include <emscripten/emscripten.h>

#include <algorithm>
#include <cmath>

namespace galley {

Theme lightTheme() {
    return {IM_COL32(0xFB, 0xFA, 0xF7, 0xFF), IM_COL32(0x1C, 0x1B, 0x19, 0xFF), IM_COL32(0x5E, 0x5B, 0x55, 0xFF),
            IM_COL32(0x1A, 0x4F, 0x8B, 0xFF), IM_COL32(0xD9, 0xD4, 0xCA, 0xFF), IM_COL32(0x8B, 0x2C, 0x1A, 0xFF)};
}

// The measure: measureEm of the body face on wide screens (the page offers about 55 to 78 characters), the full
// width less margins on phones.
static constexpr float MarginCss = 20.0f;

// Automatic alignment may start over ragged at a line below the first screen: before a layout's first frame, it
// goes on this long, so that a short article (the sample, whole) is first drawn as it stays rather than justified
// for a frame. Half a 60 Hz frame: the first frame of a long article comes at most that much later.
static constexpr double AutoAlignLookaheadMs = 8.0;

FontStyle Viewer::faceShown(FontStyle style) const {
    if (!sansBody || !sansFonts.valid() || style == FontStyle::Mono) return style;
    const bool bold = style == FontStyle::Bold || style == FontStyle::BoldItalic || style == FontStyle::SansBold;
    return bold ? FontStyle::SansBold : FontStyle::Sans;
}

std::unique_ptr<ArticleLayout> Viewer::newLayout() const {
    if (bundle.articles.empty() || !fonts.valid()) return nullptr;
    // ArticleLayout keeps a reference to the FontSet: both sets live as long as the viewer.
    auto made = std::make_unique<ArticleLayout>(bodyFonts(), bundle.articles[article]);
    if (hyphenator)
        made->setHyphenation([this, policy = hyphenationPolicyFor(bundle.articles[article].lang)](
                                 const std::string& t, std::vector<uint32_t>& points, std::vector<uint32_t>& lastResort) {
            findHyphenationPoints(*hyphenator, t, points, policy, &lastResort);
        });
    made->setThaiDictionary(thai.get());
    made->setCjkTiers(cjkTiers.get());
    return made;
}

void Viewer::rebuildLayout() {
    layout = newLayout();
    layoutDirty = true;
}

float Viewer::columnWidth(float pageWidth) const {
    return std::max(std::min(pageWidth - 2 * MarginCss, measureEm * params.fontSize), 120.0f);
}

FirstScreen Viewer::firstScreen(float pageWidth, float height) const {
    FirstScreen screen;
    screen.params = params;
    screen.params.width = columnWidth(pageWidth);
    screen.height = height;
    return screen;
}

void Viewer::relayoutIfNeeded() {
    const float width = columnWidth(cssWidth);
    columnX = std::floor((cssWidth - width) / 2);
    top = topMargin >= 0 ? topMargin : cssWidth < 600 ? 24.0f : 56.0f;
    if (!layout || (!layoutDirty && width == params.width)) return;
    params.width = width;
    tableScroll.clear();
    layout->begin(params, display);
    layoutPasses = layout->passes();
    layoutDirty = false;
    ++layoutGeneration;
}

bool Viewer::advanceLayout(const std::function<bool()>& more) {
    const bool done = layout->advance(more);
    if (layout->passes() != layoutPasses) {
        layoutPasses = layout->passes();
        ++layoutGeneration;
    }
    return done;
}

bool Viewer::layoutStep(double budgetMs) {
    relayoutIfNeeded();
    if (layoutDone()) return true;
    const double deadline = emscripten_get_now() + budgetMs;
    return advanceLayout([deadline] { return emscripten_get_now() < deadline; });
}

float Viewer::documentHeight() const {
    float height = display.height;
    if (!layoutDone()) height = std::max(height, height / std::max(layout->progress(), 0.01f));
    return top + height + 96;
}

void Viewer::clearImages() {
    for (auto& [block, image] : images)
        if (image.texture) glDeleteTextures(1, &image.texture);
    images.clear();
}

static uint32_t colorOf(const Theme& t, ColorRole r) {
    switch (r) {
        case ColorRole::Text: return t.text;
        case ColorRole::Muted: return t.muted;
        case ColorRole::Link: return t.link;
        case ColorRole::Rule: return t.rule;
        case ColorRole::Accent: return t.accent;
    }
    return t.text;
}

void Viewer::planDrawParts(float originY) {
    drawParts.clear();
    for (const TableBox& t : display.tables) {
        if (!t.scrolls) continue;
        DrawPart before;
        before.glyphEnd = t.glyphBegin;
        before.ruleEnd = t.ruleBegin;
        before.linkEnd = t.linkBegin;
        drawParts.push_back(before);
        // The page's scrollLeft, within what the table can scroll: from 0 to the right (negative from 0 to the left
        // in a right-to-left table, which starts at the right).
        const float range = t.contentWidth - t.width;
        auto found = tableScroll.find(t.block);
        const float scroll = found == tableScroll.end() ? 0.0f
                             : t.rightToLeft ? std::clamp(found->second, -range, 0.0f) : std::clamp(found->second, 0.0f, range);
        DrawPart table;
        table.glyphEnd = t.glyphEnd;
        table.ruleEnd = t.ruleEnd;
        table.linkEnd = t.linkEnd;
        table.dx = -scroll;
        table.clipped = true;
        table.clipX0 = columnX + t.x;
        table.clipX1 = columnX + t.x + t.width;
        table.clipY0 = originY + t.y;
        table.clipY1 = originY + t.y + t.height;
        drawParts.push_back(table);
    }
    DrawPart rest;
    rest.glyphEnd = static_cast<uint32_t>(display.glyphs.size());
    rest.ruleEnd = static_cast<uint32_t>(display.rules.size());
    rest.linkEnd = static_cast<uint32_t>(display.links.size());
    drawParts.push_back(rest);
}

// Emoji, from their own RGBA page, drawn white (their own colours): at the pen position on the baseline, snapped to
// device pixels like the coverage glyphs (no subpixel phase: a bitmap scaled once per size).
void Viewer::drawColorGlyphs(ImDrawList* dl, float originY) {
    if (colorGlyphs.empty()) return;
    const FontSet& fonts = bodyFonts();
    for (int pass = 0; pass < 2; ++pass) {
        bool full = false;
        colorQuads.clear();
        for (const auto& [g, part] : colorGlyphs) {
            const FontFace* face = fonts.face(g->style, g->slice);
            if (!face) continue;
            const uint32_t key = faceSlot(canonicalStyle(g->style, g->slice), g->slice);
            const ColorGlyph* c = colorAtlas.get(*face, key, g->glyph, g->size * dpr);
            if (!c) { full = true; break; }
            if (!c->empty) colorQuads.emplace_back(g, c, part);
        }
        if (!full) break;
        colorAtlas.reset();  // full (many sizes after zooming): start afresh for this frame's glyphs
    }
    if (colorQuads.empty()) return;
    dl->PushTextureID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(colorAtlas.upload())));
    uint32_t clippedPart = UINT32_MAX;  // the part whose clip rectangle is pushed
    for (const auto& [g, c, part] : colorQuads) {
        const DrawPart& p = drawParts[part];
        if (part != clippedPart) {
            if (clippedPart != UINT32_MAX) dl->PopClipRect();
            clippedPart = p.clipped ? part : UINT32_MAX;
            if (p.clipped) dl->PushClipRect(ImVec2(p.clipX0, p.clipY0), ImVec2(p.clipX1, p.clipY1), false);
        }
        const float whole = std::round((columnX + g->x + p.dx) * dpr);
        const float baselineDev = std::round((originY + g->y) * dpr);
        dl->PrimReserve(6, 4);
        dl->PrimRectUV(ImVec2((whole + c->x0) / dpr, (baselineDev + c->y0) / dpr),
                       ImVec2((whole + c->x1) / dpr, (baselineDev + c->y1) / dpr), ImVec2(c->u0, c->v0),
                       ImVec2(c->u1, c->v1), IM_COL32_WHITE);
    }
    if (clippedPart != UINT32_MAX) dl->PopClipRect();
    dl->PopTextureID();
}

void Viewer::layoutViewport() {
    relayoutIfNeeded();
    // What the viewport shows is laid out now, whatever the slices have reached (the first screen, or a jump).
    if (!layoutDone()) {
        const float needed = scrollY - top + cssHeight + 64;
        auto viewportShort = [&] { return display.height < needed; };
        advanceLayout(viewportShort);
        if (params.align == Align::Auto && display.justified && drawnGeneration != layoutGeneration && !layoutDone()) {
            const double deadline = emscripten_get_now() + AutoAlignLookaheadMs;
            advanceLayout([deadline] { return emscripten_get_now() < deadline; });
            if (!layoutDone()) advanceLayout(viewportShort);  // started over ragged: the viewport again
        }
    }
    drawnGeneration = layoutGeneration;
}

const AtlasGlyph* Viewer::atlasGlyph(const PlacedGlyph& g, float dx, float& whole) {
    const float xDev = (columnX + g.x + dx) * dpr;
    whole = std::floor(xDev);
    int phase = static_cast<int>((xDev - whole) * GlyphAtlas::SubpixelSteps + 0.5f);
    if (phase == GlyphAtlas::SubpixelSteps) { phase = 0; whole += 1; }
    return atlas.get(bodyFonts(), g.style, g.slice, g.glyph, g.size * dpr, phase, g.scaleX);
}

bool Viewer::firstScreenFacesLoaded() {
    if (bundle.articles.empty() || !layout) return false;
    const FirstScreen screen = firstScreen(cssWidth, scrollY + cssHeight);
    bool tiersNeeded = false;
    const FaceSlots used = facesUsed(bundle.articles[article], cjkTiers.get(), &tiersNeeded, &screen);
    if (tiersNeeded) return false;
    for (int slot : firstFrameFaces(used).slots())
        if (!fonts.slot(slotStyle(static_cast<FaceSlot>(slot)), slotSlice(static_cast<FaceSlot>(slot)))) return false;
    return true;
}

bool Viewer::prepareFrame() {
    if (!firstScreenFacesLoaded()) return false;
    layoutViewport();
    planDrawParts(top - scrollY);
    const float visibleTop = sliceTop(), visibleBottom = sliceBottom();
    uint32_t begin = 0;
    for (const DrawPart& p : drawParts) {
        for (uint32_t i = begin; i < p.glyphEnd; ++i) {
            const PlacedGlyph& g = display.glyphs[i];
            float whole = 0;
            if (glyphVisible(g, visibleTop, visibleBottom) && !atlasGlyph(g, p.dx, whole)) break;  // full: draw() resets it
        }
        begin = p.glyphEnd;
    }
    atlas.upload();
    return true;
}

bool Viewer::draw() {
    layoutViewport();
    ImDrawList* dl = renderer.beginFrame(cssWidth, cssHeight);

    const float originY = top - scrollY;
    const float visibleTop = sliceTop(), visibleBottom = sliceBottom();
    planDrawParts(originY);
    // Device-pixel snapping: ImGui scales CSS coordinates by dpr, so a CSS coordinate of n/dpr lands on pixel n.
    auto snap = [&](float css) { return std::round(css * dpr) / dpr; };

    for (int pass = 0; pass < 2; ++pass) {
        bool full = false;
        const unsigned atlasTexture = atlas.upload();
        renderer.setCoverageTexture(atlasTexture);
        ImTextureID texture = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(atlasTexture));
        dl->PushTextureID(texture);
        colorGlyphs.clear();
        uint32_t begin = 0;
        for (uint32_t part = 0; part < drawParts.size() && !full; begin = drawParts[part++].glyphEnd) {
            const DrawPart& p = drawParts[part];
            if (p.clipped) dl->PushClipRect(ImVec2(p.clipX0, p.clipY0), ImVec2(p.clipX1, p.clipY1), false);
            for (uint32_t i = begin; i < p.glyphEnd; ++i) {
                const PlacedGlyph& g = display.glyphs[i];
                if (!glyphVisible(g, visibleTop, visibleBottom)) continue;
                float whole = 0;
                const AtlasGlyph* a = atlasGlyph(g, p.dx, whole);
                if (!a) { full = true; break; }
                if (a->color) colorGlyphs.emplace_back(&g, part);
                if (a->empty) continue;
                float baselineDev = std::round((originY + g.y) * dpr);
                ImVec2 p0((whole + a->x0) / dpr, (baselineDev + a->y0) / dpr);
                ImVec2 p1((whole + a->x1) / dpr, (baselineDev + a->y1) / dpr);
                dl->PrimReserve(6, 4);
                dl->PrimRectUV(p0, p1, ImVec2(a->u0, a->v0), ImVec2(a->u1, a->v1), colorOf(theme, g.color));
            }
            if (p.clipped) dl->PopClipRect();
        }
        dl->PopTextureID();
        if (!full) break;
        // The atlas filled up (many sizes after zooming): start it afresh and draw this frame again.
        dl = renderer.beginFrame(cssWidth, cssHeight);
        atlas.reset();
    }
    // Textures are uploaded before the list is drawn; glyphs added after upload() are uploaded now.
    atlas.upload();
    drawColorGlyphs(dl, originY);

    uint32_t ruleBegin = 0, linkBegin = 0;
    for (const DrawPart& p : drawParts) {
        if (p.clipped) dl->PushClipRect(ImVec2(p.clipX0, p.clipY0), ImVec2(p.clipX1, p.clipY1), false);
        const float x0 = columnX + p.dx;
        for (uint32_t i = ruleBegin; i < p.ruleEnd; ++i) {
            const RuleBox& r = display.rules[i];
            if (r.y < visibleTop || r.y > visibleBottom) continue;
            float h = std::max(r.height, 1.0f / dpr);
            dl->AddRectFilled(ImVec2(snap(x0 + r.x), snap(originY + r.y)),
                              ImVec2(snap(x0 + r.x + r.width), snap(originY + r.y) + snap(h)), colorOf(theme, r.color));
        }
        for (uint32_t i = linkBegin; i < p.linkEnd; ++i) {
            const LinkBox& l = display.links[i];
            if (l.y < visibleTop || l.y > visibleBottom) continue;
            float y = snap(originY + l.y + l.height * 0.82f);
            dl->AddRectFilled(ImVec2(x0 + l.x, y), ImVec2(x0 + l.x + l.width, y + std::max(1.0f, std::round(dpr)) / dpr),
                              (theme.link & 0x00FFFFFF) | 0x80000000);
        }
        if (p.clipped) dl->PopClipRect();
        ruleBegin = p.ruleEnd;
        linkBegin = p.linkEnd;
    }
    for (const ImageBox& im : display.images) {
        if (im.y + im.height < visibleTop || im.y > visibleBottom) continue;
        ImVec2 p0(snap(columnX + im.x), snap(originY + im.y)), p1(snap(columnX + im.x + im.width), snap(originY + im.y + im.height));
        auto found = images.find(im.block);
        if (found == images.end() || !found->second.texture) {
            // Not loaded (yet), or missing: a quiet box; the page shows the alt text over it.
            dl->AddRectFilled(p0, p1, (theme.rule & 0x00FFFFFF) | 0x40000000);
            dl->AddRect(p0, p1, theme.rule);
            continue;
        }
        // The layout's box is 16:9 (bundles give no size yet): fit the image inside it, centred, never cropped.
        const ImageTexture& tex = found->second;
        float scale = std::min(im.width / tex.width, im.height / tex.height);
        float w = tex.width * scale, h = tex.height * scale;
        float x = columnX + im.x + (im.width - w) / 2, y = originY + im.y + (im.height - h) / 2;
        if (w < im.width - 1 || h < im.height - 1) dl->AddRectFilled(p0, p1, (theme.rule & 0x00FFFFFF) | 0x30000000);
        dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(tex.texture)), ImVec2(snap(x), snap(y)),
                     ImVec2(snap(x + w), snap(y + h)));
    }

    int fbw = static_cast<int>(std::lround(cssWidth * dpr)), fbh = static_cast<int>(std::lround(cssHeight * dpr));
    glViewport(0, 0, fbw, fbh);
    uint32_t bg = theme.background;
    glClearColor((bg & 0xFF) / 255.0f, ((bg >> 8) & 0xFF) / 255.0f, ((bg >> 16) & 0xFF) / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    return renderer.endFrame(dpr, fbw, fbh);
}

}  // namespace galley
