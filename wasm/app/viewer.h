// viewer.h — the browser viewer's state: fonts, the loaded bundle, the layout of the current article, the view
// (canvas size, device pixel ratio, scroll position) and the renderer. Explicit state in one struct, ImGui-style;
// the C API in main.cpp is the only way JavaScript reaches it.
//
// Scrolling belongs to the page: the canvas stays fixed over the viewport and draws the slice [scrollY, scrollY +
// height) of the article, so wheel, touch, keyboard and anchors stay native.
#pragma once

#include "bundle_loader.h"
#include "display_list.h"
#include "font.h"
#include "glyph_atlas.h"
#include "hyphenator.h"
#include "layout.h"

#include <memory>
#include <optional>
#include <string>

namespace galley {

struct Theme {
    uint32_t background, text, muted, link, rule, accent;  // ImGui colour order: 0xAABBGGRR
};

struct Viewer {
    FontSet fonts;
    std::optional<Hyphenator> hyphenator;
    Bundle bundle;
    size_t article = 0;
    std::unique_ptr<ArticleLayout> layout;
    LayoutParams params;
    DisplayList display;
    bool layoutDirty = true;

    // View, in CSS px.
    float cssWidth = 800, cssHeight = 600, dpr = 1, scrollY = 0;
    float columnX = 0;                   // left edge of the text column
    float top = 48;                      // space above the article

    Theme theme{};
    GlyphAtlas atlas;
    std::string result;                  // JSON answer of the last call that returns text

    void relayoutIfNeeded();
    float documentHeight() const { return top + display.height + 96; }
    void draw();                         // one frame: ImGui draw lists → WebGL2
};

Theme lightTheme();

}  // namespace galley
