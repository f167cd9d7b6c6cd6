// viewer.h — the browser viewer's state: fonts, the loaded bundle, the layout of the current article, the view
// (canvas size, device pixel ratio, scroll position), the reader's settings, image textures and the renderer.
// Explicit state in one struct, ImGui-style; the C API (app/bridge/c_api.cpp) is the only way JavaScript reaches it.
//
// Scrolling belongs to the page: the canvas stays fixed over the viewport and draws the slice [scrollY, scrollY +
// height) of the article, so wheel, touch, keyboard and anchors stay native.
#pragma once

#include "bundle_loader.h"
#include "cjk_tiers.h"
#include "color_glyph_atlas.h"
#include "display_list.h"
#include "draw_list_renderer.h"
#include "font.h"
#include "glyph_atlas.h"
#include "hyphenator.h"
#include "line_breaks.h"
#include "layout.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

struct ImDrawList;

namespace galley {

struct Theme {
    uint32_t background, text, muted, link, rule, accent;  // ImGui colour order: 0xAABBGGRR
};

// A bundle image decoded by the page (createImageBitmap) and uploaded as an RGBA texture.
struct ImageTexture {
    unsigned int texture = 0;
    int width = 0, height = 0;
};

struct Viewer {
    FontSet fonts;                       // serif body: Noto Serif in the body slots, Noto Sans for bylines, captions
    // Sans body: the same layout with Noto Sans in the body slots. Layout picks faces by FontStyle, so swapping the
    // set is how a sans article is set without the layout knowing (italic falls back to upright: no Sans Italic).
    FontSet sansFonts;
    bool sansBody = false;
    std::optional<Hyphenator> hyphenator;
    std::unique_ptr<ThaiDictionary> thai;  // libthai's dictionary, once the page has fetched it (Thai articles)
    std::unique_ptr<CjkTiers> cjkTiers;    // the CJK frequency tiers, once the page has fetched them (CJK text)
    Bundle bundle;
    size_t article = 0;
    std::unique_ptr<ArticleLayout> layout;
    LayoutParams params;
    DisplayList display;
    bool layoutDirty = true;
    uint32_t layoutGeneration = 0;       // bumped whenever a layout of `display` starts (the page rebuilds its text layer)
    uint32_t layoutPasses = 0;           // ArticleLayout::passes() when last seen: one more is a new layout too
    uint32_t drawnGeneration = 0;        // the layout generation the last frame drew

    // View, in CSS px.
    float cssWidth = 800, cssHeight = 600, dpr = 1, scrollY = 0;
    float measureEm = 33.0f;             // widest text column, in ems of the body size (about 66 characters)
    float topMargin = -1;                // space above the article; negative: automatic (narrower on phones)
    float columnX = 0;                   // left edge of the text column
    float top = 48;                      // space above the article, as used
    // Tables that scroll sideways (TableBox::scrolls): the page's scrollLeft of each, by block; cleared by a new
    // layout (the page builds new scrollers for it).
    std::unordered_map<uint32_t, float> tableScroll;

    Theme theme{};
    GlyphAtlas atlas;
    ColorGlyphAtlas colorAtlas;          // emoji: reset whenever a colour face is added
    std::vector<std::pair<const PlacedGlyph*, uint32_t>> colorGlyphs;  // this frame's glyphs of colour faces and their drawParts (scratch)
    std::vector<std::tuple<const PlacedGlyph*, const ColorGlyph*, uint32_t>> colorQuads;
    DrawListRenderer renderer;
    std::unordered_map<uint32_t, ImageTexture> images;  // by block index
    std::string result;                  // JSON answer of the last call that returns text

    const FontSet& bodyFonts() const { return sansBody && sansFonts.valid() ? sansFonts : fonts; }
    // The face drawn where layout asks for `style`: with the sans body, Noto Sans and Noto Sans Bold fill the body
    // slots (italic falls back to upright), so the text layer measures its lines in the face that was drawn.
    FontStyle faceShown(FontStyle style) const;
    void rebuildLayout();                // a new ArticleLayout over bodyFonts() (article, fonts or date changed)
    // An ArticleLayout of the current article over bodyFonts(), with the hyphenation, Thai dictionary and CJK tiers
    // the viewer has (null without an article); rebuildLayout's, and the print layout's (app/bridge/print_layout.h).
    std::unique_ptr<ArticleLayout> newLayout() const;
    float columnWidth(float pageWidth) const;  // the text column a page this wide (CSS px) sets
    // What a window `height` CSS px tall shows from the article's top on a page this wide, as facesUsed takes it.
    FirstScreen firstScreen(float pageWidth, float height) const;
    // Starts a new layout of `display` when the width or settings changed; the layout then proceeds in
    // layoutStep() slices, and draw() lays out whatever the viewport shows first.
    void relayoutIfNeeded();
    bool layoutDone() const { return !layout || layout->done(); }
    bool layoutStep(double budgetMs);    // lays out blocks for about budgetMs; true when the article is done
    // ArticleLayout::advance, and a new generation when Align::Auto started over ragged in it.
    bool advanceLayout(const std::function<bool()>& more);
    // The whole document's height: exact once laid out, estimated from the text laid out so far until then.
    float documentHeight() const;
    void clearImages();
    // Lays out what the viewport shows, if the slices have not got there yet (the first screen, or a jump): what a
    // frame needs before it draws, with WebGL2 (draw) or without (the page's Canvas 2D: app/bridge/canvas_scene.h).
    void layoutViewport();
    // The slice of the article a frame draws, from the article's top (CSS px): the viewport and 64 px either side.
    float sliceTop() const { return scrollY - top - 64; }
    float sliceBottom() const { return scrollY - top + cssHeight + 64; }
    bool draw();                         // one frame: ImGui draw lists → WebGL2; false if WebGL cannot draw
    // What the next frame will need, made while the page still holds it back (show off: its faces and settings on
    // their way): the viewport's layout and its glyphs in the atlas, uploaded, so that the first frame only draws.
    // Only when the first screen's faces are all here (else the layout would be made again when they come); false
    // then.
    bool prepareFrame();
    bool firstScreenFacesLoaded();
    // The atlas entry `g` is drawn from, shifted by `dx` CSS px (its subpixel phase), and the whole device pixel it
    // starts at; null when the atlas is full.
    const AtlasGlyph* atlasGlyph(const PlacedGlyph& g, float dx, float& whole);
    static bool glyphVisible(const PlacedGlyph& g, float visibleTop, float visibleBottom) {
        return g.y >= visibleTop && g.y - g.size * 2 <= visibleBottom;
    }
    void drawColorGlyphs(ImDrawList* dl, float originY);  // this frame's colorGlyphs, after the coverage glyphs
    // What the frame draws in parts (table.cpp's TableBox): each range of glyphs, rules and links with the shift
    // and clip of the table that scrolls it, or none. Rebuilt each frame.
    struct DrawPart {
        uint32_t glyphEnd = 0, ruleEnd = 0, linkEnd = 0;  // this part ends there; it starts where the last ended
        float dx = 0;                                     // CSS px added to x
        bool clipped = false;
        float clipX0 = 0, clipY0 = 0, clipX1 = 0, clipY1 = 0;  // CSS px on the canvas
    };
    std::vector<DrawPart> drawParts;
    void planDrawParts(float originY);
};

Theme lightTheme();

}  // namespace galley
