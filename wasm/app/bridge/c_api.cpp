// c_api.cpp — the viewer's C API for JavaScript (web/app.js). No main loop: JavaScript calls galley_frame() from
// requestAnimationFrame only when something changed, so an idle page does no work at all.
//
// Data in: JavaScript copies bytes into the wasm heap (_malloc + HEAPU8.set) and passes pointer and length; C++ copies
// what it keeps. Text out: functions return a pointer to a NUL-terminated UTF-8 string owned by the viewer, valid
// until the next call.
#include "byline.h"
#include "canvas_scene.h"
#include "hyphen_language.h"
#include "json_writer.h"
#include "print_layout.h"
#include "text_layer.h"
#include "thai_dictionary_file.h"
#include "textures.h"
#include "viewer.h"
#include "word_count.h"

#include <imgui.h>

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <nlohmann/json.hpp>

#include <GLES3/gl3.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cmath>
#include <string>
#include <vector>

using namespace galley;

namespace {

Viewer& viewer() {
    // The one viewer of this module instance; each <galley-viewer> gets its own instance.
    static Viewer v;
    return v;
}

TextLayerWriter& textLayer() {
    static TextLayerWriter writer;  // the text layer of viewer()'s layouts
    return writer;
}

std::string diagnosticsJson(const LoadResult& r, const Viewer& v) {
    nlohmann::json out;
    out["ok"] = r.ok();
    out["errors"] = nlohmann::json::array();
    out["warnings"] = nlohmann::json::array();
    for (const auto& e : r.errors) out["errors"].push_back(e.str());
    for (const auto& w : r.warnings) out["warnings"].push_back(w.str());
    if (r.ok() && !v.bundle.articles.empty()) {
        const Article& a = v.bundle.articles[v.article];
        out["id"] = a.id;
        out["index"] = v.article;
        out["title"] = a.title;
        out["lang"] = a.lang;
        out["published"] = a.published;
        out["articles"] = v.bundle.articles.size();
    }
    return out.dump();
}

}  // namespace

extern "C" {

// Creates the WebGL2 context on the canvas named by a CSS selector ("#galley-canvas"). Returns 0 on success.
EMSCRIPTEN_KEEPALIVE int galley_init(const char* canvasSelector) {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.antialias = false;
    attrs.depth = false;
    attrs.stencil = false;
    attrs.premultipliedAlpha = true;  // web/viewer.js creates the context early with these same attributes
    // Emscripten would otherwise enable every extension the browser has, one getExtension each (about 200 ms on
    // software GL); the renderer needs WebGL2 itself and, if there, parallel shader compilation.
    attrs.enableExtensionsByDefault = false;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context(canvasSelector, &attrs);
    if (ctx <= 0) return 1;
    emscripten_webgl_make_context_current(ctx);
    // Shaders and buffers now, while the page still waits for its bundle; the link runs on in the GPU process
    // (nothing here waits for it: see draw_list_renderer.h).
    const bool parallelCompile = emscripten_webgl_enable_extension(ctx, "KHR_parallel_shader_compile");
    if (!viewer().renderer.init(parallelCompile)) return 2;
    viewer().theme = lightTheme();
    return 0;
}

// The viewer without WebGL2 (the browser has none, or the page chose the DOM renderer: web/viewer.js): the core lays
// out as always, the page's text layer shows the text and a Canvas 2D draws the rest (galley_canvas_scene); nothing
// here needs a GL context then. Each word's face is recorded (LayoutParams::recordRuns) so that the text layer, now
// visible, sets emphasis in the face that Galley measured it in ("wf", text_layer.h).
EMSCRIPTEN_KEEPALIVE void galley_init_without_gl() {
    viewer().theme = lightTheme();
    viewer().params.recordRuns = true;
}

// A slice of a face: style is a FontStyle, slice a FontSlice (faces.js lists both, from faces.def). Only fonts from
// Galley's own dist/fonts are passed here by viewer.js; a bundle can never supply one. Returns 0 on success.
// The sans faces also fill the body slots of the sans-body font set (each set owns its copy of the bytes).
EMSCRIPTEN_KEEPALIVE int galley_add_font(int style, int slice, const unsigned char* data, int length) {
    if (style < 0 || style >= FontStyleCount || slice < 0 || slice >= FontSliceCount || !data || length <= 0) return 1;
    std::string error;
    std::vector<unsigned char> bytes(data, data + length);
    auto face = FontFace::fromBytes(bytes, &error);
    if (!face) return 2;
    Viewer& v = viewer();
    const FontSlice part = static_cast<FontSlice>(slice);
    if (!face->hasOutlines()) v.colorAtlas.reset();  // its glyphs are keyed by slot, not by face
    v.fonts.slot(static_cast<FontStyle>(style), part) = std::move(face);
    auto sansSlots = [part](FontStyle s) -> std::vector<FontStyle> {
        if (s == FontStyle::Sans) return {FontStyle::Regular, FontStyle::Sans};
        if (s == FontStyle::SansBold) return {FontStyle::Bold, FontStyle::SansBold};
        if (s == FontStyle::Mono) return {FontStyle::Mono};
        // A file every style shares (an emoji slice, added as Regular's): the sans set's Regular slot, to which its
        // other styles fall back.
        if (canonicalStyle(FontStyle::Sans, part) == s) return {FontStyle::Regular};
        return {};
    };
    for (FontStyle slot : sansSlots(static_cast<FontStyle>(style)))
        v.sansFonts.slot(slot, part) = FontFace::fromBytes(bytes, &error);
    v.rebuildLayout();
    return 0;
}

// Hyphenation patterns in their compiled form (a .bin from dist/hyphen, written at build time by `galley patterns
// compile`: the viewer never parses .dic text); none, with length 0: no hyphenation. Returns 0 on success; 1 if the
// bytes are not such a file (truncated, damaged, another format version), with galley_result() saying why; the
// patterns and the layout are then left as they were.
EMSCRIPTEN_KEEPALIVE int galley_set_hyphenation(const char* data, int length) {
    Viewer& v = viewer();
    std::optional<Hyphenator> patterns;
    if (length > 0) {
        std::string error;
        patterns = Hyphenator::fromCompiled(std::string_view(data, static_cast<size_t>(length)), &error);
        if (!patterns) {
            v.result = error;
            return 1;
        }
    }
    v.hyphenator = std::move(patterns);
    v.rebuildLayout();
    return 0;
}

// libthai's Thai dictionary (dist/dict/thbrk.tri, fetched by the page for articles with Thai text): Thai text then
// breaks between words. Only Galley's own file is passed here. Returns 0 on success.
EMSCRIPTEN_KEEPALIVE int galley_set_thai_dictionary(const unsigned char* data, int length) {
    Viewer& v = viewer();
    v.thai = length > 0 ? openThaiDictionaryFromMemory(data, static_cast<size_t>(length)) : nullptr;
    v.rebuildLayout();
    return v.thai ? 0 : 1;
}

// The pattern files the current article's language asks for, most specific first, as a JSON array: the page loads
// the first of them that the site ships (galley_set_hyphenation).
EMSCRIPTEN_KEEPALIVE const char* galley_hyphenation_files() {
    Viewer& v = viewer();
    JsonWriter w(v.result);
    w.raw("[");
    if (!v.bundle.articles.empty()) {
        const std::vector<std::string> names = hyphenationFileNames(v.bundle.articles[v.article].lang);
        for (size_t i = 0; i < names.size(); ++i) { if (i) w.raw(","); w.str(names[i]); }
    }
    w.raw("]");
    return v.result.c_str();
}

// Loads a bundle; returns 1 when it is valid. galley_result() then holds {"ok", "errors", "warnings", "title"}.
// The faces may come after it (the hosted page's early start sends the bundle as soon as the core has started): its
// layout is made once they are in (newLayout needs them; galley_add_font rebuilds it).
EMSCRIPTEN_KEEPALIVE int galley_load_bundle(const char* data, int length) {
    Viewer& v = viewer();
    LoadResult r = loadBundle(std::string_view(data, static_cast<size_t>(length)));
    if (r.ok()) {
        v.layout.reset();
        v.clearImages();
        v.bundle = std::move(r.bundle);
        v.article = 0;
        v.rebuildLayout();
    }
    v.result = diagnosticsJson(r, v);
    return r.ok() ? 1 : 0;
}

// The bundle's articles, for a contents list, in bundle order: [{"id", "title", "authors": [names], "byline", "lang",
// "dir"}], the byline as the article's header sets it (authors, source, date in its language; may be empty), dir its
// header's paragraph direction.
EMSCRIPTEN_KEEPALIVE const char* galley_articles() {
    Viewer& v = viewer();
    JsonWriter w(v.result);
    w.raw("[");
    for (size_t i = 0; i < v.bundle.articles.size(); ++i) {
        const Article& a = v.bundle.articles[i];
        w.raw(i ? ",{" : "{");
        w.key("id"); w.str(a.id);
        w.raw(","); w.key("title"); w.str(a.title);
        w.raw(","); w.key("authors"); w.raw("[");
        for (size_t k = 0; k < a.authors.size(); ++k) { if (k) w.raw(","); w.str(a.authors[k].name); }
        w.raw("],"); w.key("byline"); w.str(bylineText(a));
        w.raw(","); w.key("lang"); w.str(a.lang);
        w.raw(","); w.key("dir"); w.str(writingDirectionName(paragraphDirection(a, nullptr)));
        w.raw("}");
    }
    w.raw("]");
    return v.result.c_str();
}

// Shows the loaded bundle's article whose id is `id`, parsed once by galley_load_bundle: its layout starts over, and
// the page gives it what it needs as for a new bundle (faces, patterns, images: those of the article before are
// dropped). Returns its index, with galley_result() as galley_load_bundle leaves it; -1, changing nothing, when no
// article has that id.
EMSCRIPTEN_KEEPALIVE int galley_select_article(const char* id) {
    Viewer& v = viewer();
    const long index = id ? findArticle(v.bundle, id) : -1;
    if (index < 0) return -1;
    v.layout.reset();
    v.clearImages();
    v.article = static_cast<size_t>(index);
    v.rebuildLayout();
    v.result = diagnosticsJson(LoadResult{}, v);
    return static_cast<int>(index);
}

// What every article of the bundle asks for, so that a page keeping the bundle offline keeps all of it, not only
// what the article shown fetched: {"faces": [slots, ascending], "hyphenation": [[pattern files, most specific first],
// one per article], "cjkTiersNeeded": bool}. With cjkTiersNeeded, some article's CJK text waits for the tiers
// (galley_set_cjk_tiers): its CJK slots are not among the faces yet.
EMSCRIPTEN_KEEPALIVE const char* galley_bundle_files() {
    Viewer& v = viewer();
    FaceSlots all;
    bool tiersNeeded = false;
    for (const Article& a : v.bundle.articles) {
        bool needed = false;
        for (int slot : facesUsed(a, v.cjkTiers.get(), &needed).slots())
            all.add(slotStyle(static_cast<FaceSlot>(slot)), slotSlice(static_cast<FaceSlot>(slot)));
        tiersNeeded = tiersNeeded || needed;
    }
    JsonWriter w(v.result);
    w.raw("{"); w.key("faces"); w.raw("[");
    bool first = true;
    for (int slot : all.slots()) { if (!first) w.raw(","); first = false; w.integer(slot); }
    w.raw("],"); w.key("hyphenation"); w.raw("[");
    for (size_t i = 0; i < v.bundle.articles.size(); ++i) {
        w.raw(i ? ",[" : "[");
        const std::vector<std::string> names = hyphenationFileNames(v.bundle.articles[i].lang);
        for (size_t k = 0; k < names.size(); ++k) { if (k) w.raw(","); w.str(names[k]); }
        w.raw("]");
    }
    w.raw("],"); w.key("cjkTiersNeeded"); w.raw(tiersNeeded ? "true" : "false");
    w.raw("}");
    return v.result.c_str();
}

// Theme colours as 0xRRGGBB (what CSS writes); a theme change redraws without re-layout (colours are roles).
EMSCRIPTEN_KEEPALIVE void galley_set_theme(uint32_t background, uint32_t text, uint32_t muted, uint32_t link,
                                           uint32_t rule, uint32_t accent) {
    auto imgui = [](uint32_t rgb) { return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 0xFF); };
    viewer().theme = {imgui(background), imgui(text), imgui(muted), imgui(link), imgui(rule), imgui(accent)};
}

// The reader's settings: body size (CSS px), line height (multiple of the em), alignment (0 ragged, 1 justified,
// 2 automatic: Align::Auto), widest measure (ems of the body size), sans body, space above the article (CSS px;
// negative: automatic). Re-lays out only what changed: a new size re-measures, the rest re-breaks lines.
EMSCRIPTEN_KEEPALIVE void galley_set_layout(float fontSize, float lineHeight, int alignment, float measureEm,
                                            int sansBody, float topMargin) {
    Viewer& v = viewer();
    fontSize = std::clamp(fontSize, 8.0f, 72.0f);
    lineHeight = std::clamp(lineHeight, 1.0f, 3.0f);
    const Align align = alignment == 1 ? Align::Justify : alignment == 2 ? Align::Auto : Align::Left;
    measureEm = std::clamp(measureEm, 15.0f, 80.0f);
    if (fontSize != v.params.fontSize || lineHeight != v.params.lineHeight || align != v.params.align ||
        measureEm != v.measureEm)
        v.layoutDirty = true;
    v.params.fontSize = fontSize;
    v.params.lineHeight = lineHeight;
    v.params.align = align;
    v.measureEm = measureEm;
    v.topMargin = topMargin;
    if ((sansBody != 0) != v.sansBody) {
        v.sansBody = sansBody != 0;
        // The atlas keys glyphs by FontStyle, not by face: the same key now means another face.
        v.atlas.reset();
        v.rebuildLayout();
    }
}

// An image for the image block `block`: width × height RGBA pixels (not premultiplied, as getImageData gives them).
// Returns 0 on success.
EMSCRIPTEN_KEEPALIVE int galley_set_image(int block, int width, int height, const unsigned char* rgba) {
    if (block < 0 || width <= 0 || height <= 0 || width > 8192 || height > 8192 || !rgba) return 1;
    if (emscripten_webgl_get_current_context() <= 0) return 1;   // without WebGL2 the page draws images itself
    Viewer& v = viewer();
    ImageTexture& image = v.images[static_cast<uint32_t>(block)];
    image.texture = defineRgbaTexture(image.texture, width, height, rgba);
    image.width = width;
    image.height = height;
    return 0;
}

EMSCRIPTEN_KEEPALIVE const char* galley_result() { return viewer().result.c_str(); }

EMSCRIPTEN_KEEPALIVE const char* galley_title() {
    Viewer& v = viewer();
    v.result = v.bundle.articles.empty() ? "" : v.bundle.articles[v.article].title;
    return v.result.c_str();
}

// The canvas's CSS size and the device pixel ratio; sizes the backing store to match.
EMSCRIPTEN_KEEPALIVE void galley_set_view(const char* canvasSelector, float cssWidth, float cssHeight, float dpr) {
    Viewer& v = viewer();
    v.cssWidth = std::max(cssWidth, 1.0f);
    v.cssHeight = std::max(cssHeight, 1.0f);
    v.dpr = std::clamp(dpr, 0.25f, 8.0f);
    // Setting a canvas's size reallocates its drawing buffer even when the size is the same (tens of ms on software
    // GL): only on a change.
    const int width = static_cast<int>(std::lround(v.cssWidth * v.dpr)), height = static_cast<int>(std::lround(v.cssHeight * v.dpr));
    int currentWidth = 0, currentHeight = 0;
    emscripten_get_canvas_element_size(canvasSelector, &currentWidth, &currentHeight);
    if (currentWidth != width || currentHeight != height) emscripten_set_canvas_element_size(canvasSelector, width, height);
    v.relayoutIfNeeded();
}

EMSCRIPTEN_KEEPALIVE void galley_set_scroll(float y) { viewer().scrollY = y; }

// A table that scrolls sideways (the page's scroller over it, text-layer.js): its scrollLeft, by block.
EMSCRIPTEN_KEEPALIVE void galley_set_table_scroll(int block, float x) {
    if (block >= 0) viewer().tableScroll[static_cast<uint32_t>(block)] = x;
}

EMSCRIPTEN_KEEPALIVE float galley_document_height() {
    Viewer& v = viewer();
    v.relayoutIfNeeded();
    return v.documentHeight();
}

// Draws a frame. Returns 0, or 1 when WebGL cannot draw (the shader program failed to link): galley_result() then
// holds the message.
EMSCRIPTEN_KEEPALIVE int galley_frame() {
    Viewer& v = viewer();
    if (emscripten_webgl_get_current_context() <= 0) {
        v.result = "galley_frame: no WebGL2 context (without WebGL2 the page draws with galley_canvas_scene)";
        return 1;
    }
    if (v.draw()) return 0;
    v.result = v.renderer.error();
    return 1;
}

// While the page holds frames back (its 'show' off), what the first one will need: the viewport laid out and its
// glyphs rasterised into the atlas (Viewer::prepareFrame), so that the frame that shows the article only draws.
// Returns 1 when it was made, 0 when it was not yet worth making (no article, or the first screen's faces not all
// here: the layout would be made again when they come).
EMSCRIPTEN_KEEPALIVE int galley_prepare_frame() {
    Viewer& v = viewer();
    if (emscripten_webgl_get_current_context() <= 0) return 0;
    return v.prepareFrame() ? 1 : 0;
}

// A frame without WebGL2: lays out what the viewport shows and returns what it shows besides text, for the page's
// Canvas 2D (canvas_scene.h).
EMSCRIPTEN_KEEPALIVE const char* galley_canvas_scene() {
    Viewer& v = viewer();
    v.result = canvasSceneJson(v);
    return v.result.c_str();
}

// For the benchmark: the bytes malloc has taken from the heap at most so far (dlmalloc's footprint), against which the
// heap's own size (WebAssembly.Memory, grown in steps of 20%) is the rest.
extern "C" size_t malloc_max_footprint(void);
EMSCRIPTEN_KEEPALIVE double galley_heap_footprint() { return static_cast<double>(malloc_max_footprint()); }

EMSCRIPTEN_KEEPALIVE int galley_layout_generation() {
    Viewer& v = viewer();
    v.relayoutIfNeeded();
    return static_cast<int>(v.layoutGeneration);
}

// The article's blocks, for the text layer's structure: {"blocks": [{"type", "level", "anchor", "ordered", "dir"?}],
// "lang", "dir", "title", "words"}: the article's paragraph direction ("ltr", "rtl", "auto"), and a block's where it
// differs; its words, for the reading time (word_count.h).
EMSCRIPTEN_KEEPALIVE const char* galley_article_info() {
    Viewer& v = viewer();
    JsonWriter w(v.result);
    if (v.bundle.articles.empty()) { w.raw("null"); return v.result.c_str(); }
    const Article& article = v.bundle.articles[v.article];
    const WritingDirection direction = paragraphDirection(article, nullptr);
    w.raw("{\"blocks\":[");
    for (size_t i = 0; i < article.blocks.size(); ++i) {
        const Block& b = article.blocks[i];
        w.raw(i ? ",{" : "{");
        w.key("type"); w.str(blockTypeName(b.type));
        w.raw(","); w.key("level"); w.integer(b.level);
        w.raw(","); w.key("anchor"); w.str(b.anchor);
        w.raw(","); w.key("ordered"); w.raw(b.ordered ? "true" : "false");
        if (paragraphDirection(article, &b) != direction) {
            w.raw(","); w.key("dir"); w.str(writingDirectionName(paragraphDirection(article, &b)));
        }
        w.raw("}");
    }
    w.raw("],"); w.key("lang"); w.str(article.lang);
    w.raw(","); w.key("dir"); w.str(writingDirectionName(direction));
    w.raw(","); w.key("title"); w.str(article.title);
    w.raw(","); w.key("words"); w.integer(static_cast<long>(countWords(article)));
    w.raw("}");
    return v.result.c_str();
}

// 1 when the current article's CJK text needs the CJK frequency tiers, not loaded yet: the page then fetches
// fonts/cjk-tiers.bin and gives it to galley_set_cjk_tiers before it asks galley_faces_used. 0 otherwise.
EMSCRIPTEN_KEEPALIVE int galley_cjk_tiers_needed() {
    Viewer& v = viewer();
    bool needed = false;
    if (!v.bundle.articles.empty()) facesUsed(v.bundle.articles[v.article], v.cjkTiers.get(), &needed);
    return needed ? 1 : 0;
}

// The CJK frequency tiers (fonts/cjk-tiers.bin, scripts/cjk-slices.py). Returns 0 on success, 1 if the bytes are not
// that file for this build's faces.
EMSCRIPTEN_KEEPALIVE int galley_set_cjk_tiers(const unsigned char* data, int length) {
    Viewer& v = viewer();
    std::unique_ptr<CjkTiers> tiers = length > 0 ? CjkTiers::fromBytes(data, static_cast<size_t>(length)) : nullptr;
    if (!tiers) return 1;
    // Laid out again only when the article shown waits for them: a page may set them for another article of the
    // bundle (galley_bundle_files), and the layout of this one stays as it is.
    bool needed = false;
    if (!v.bundle.articles.empty()) facesUsed(v.bundle.articles[v.article], v.cjkTiers.get(), &needed);
    v.cjkTiers = std::move(tiers);
    if (needed) v.rebuildLayout();
    return 0;
}

namespace {
// The current article's face slots (its first slice's regular without an article), as a JSON array in v.result; only
// those of what `screen` shows, given one.
const char* writeFaceSlots(Viewer& v, FaceSlots (*select)(const FaceSlots&), const FirstScreen* screen = nullptr) {
    FaceSlots used;
    used.add(FontStyle::Regular, FontSlice{});
    if (!v.bundle.articles.empty()) used = facesUsed(v.bundle.articles[v.article], v.cjkTiers.get(), nullptr, screen);
    JsonWriter w(v.result);
    w.raw("[");
    bool first = true;
    for (int slot : select(used).slots()) {
        if (!first) w.raw(",");
        first = false;
        w.integer(slot);
    }
    w.raw("]");
    return v.result.c_str();
}
}  // namespace

// Face slots the current article asks for (slice * styles + style, font.h's FaceSlots), as a JSON array: all the
// page fetches for it.
EMSCRIPTEN_KEEPALIVE const char* galley_faces_used() {
    return writeFaceSlots(viewer(), [](const FaceSlots& used) { return used; });
}

// Those of them the first frame waits for (firstFrameFaces: the CJK bold and sans come after it), as a JSON array:
// of what a screen of the page's width and `screenHeight` CSS px can show from the article's top (FirstScreen), or
// of the whole article when screenHeight is 0 (a first frame further down: a reading position, a heading's link).
EMSCRIPTEN_KEEPALIVE const char* galley_faces_first_frame(float pageWidth, float screenHeight) {
    Viewer& v = viewer();
    if (!(screenHeight > 0)) return writeFaceSlots(v, firstFrameFaces);
    const FirstScreen screen = v.firstScreen(pageWidth, screenHeight);
    return writeFaceSlots(v, firstFrameFaces, &screen);
}

// Code points of the current layout that no loaded face has, drawn as .notdef (final once the layout is done).
EMSCRIPTEN_KEEPALIVE int galley_missing_glyphs() { return static_cast<int>(viewer().display.missingGlyphs); }

// 1 when the body is set justified (the reader's choice, or what automatic alignment chose), 0 when ragged. Final
// once the layout is done.
EMSCRIPTEN_KEEPALIVE int galley_justified() { return viewer().display.justified ? 1 : 0; }

// Lays out for about budgetMs (whole blocks, or windows of a long paragraph; at least one). Returns 1 when the article is laid out.
EMSCRIPTEN_KEEPALIVE int galley_layout_step(double budgetMs) { return viewer().layoutStep(budgetMs) ? 1 : 0; }

// The next lines of the layout for the DOM text layer: see TextLayerWriter::next (text_layer.h).
EMSCRIPTEN_KEEPALIVE const char* galley_text_layer_next(int maxLines) {
    Viewer& v = viewer();
    v.result = textLayer().next(v, maxLines);
    return v.result.c_str();
}

// The current article laid out again for paper, whole, at a column `width` CSS px wide with a body of `fontSize`
// px (the reader's other settings kept): print_layout.h. The screen's layout is left as it is.
EMSCRIPTEN_KEEPALIVE const char* galley_print_layout(float width, float fontSize) {
    Viewer& v = viewer();
    v.result = printLayoutJson(v, width, fontSize);
    return v.result.c_str();
}

}  // extern "C"
