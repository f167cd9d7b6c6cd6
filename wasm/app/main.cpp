// main.cpp — the viewer's C API for JavaScript (web/app.js). No main loop: JavaScript calls galley_frame() from
// requestAnimationFrame only when something changed, so an idle page does no work at all.
//
// Data in: JavaScript copies bytes into the wasm heap (_malloc + HEAPU8.set) and passes pointer and length; C++ copies
// what it keeps. Text out: functions return a pointer to a NUL-terminated UTF-8 string owned by the viewer, valid
// until the next call.
#include "viewer.h"
#include "word_hyphenation.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <nlohmann/json.hpp>

#include <string>

using namespace galley;

namespace {

Viewer& viewer() {
    // The one viewer of this module instance; each <galley-viewer> gets its own instance.
    static Viewer v;
    return v;
}

std::string diagnosticsJson(const LoadResult& r, const Viewer& v) {
    nlohmann::json out;
    out["ok"] = r.ok();
    out["errors"] = nlohmann::json::array();
    out["warnings"] = nlohmann::json::array();
    for (const auto& e : r.errors) out["errors"].push_back(e.str());
    for (const auto& w : r.warnings) out["warnings"].push_back(w.str());
    if (r.ok() && !v.bundle.articles.empty()) {
        out["title"] = v.bundle.articles[v.article].title;
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
    attrs.premultipliedAlpha = true;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context(canvasSelector, &attrs);
    if (ctx <= 0) return 1;
    emscripten_webgl_make_context_current(ctx);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    if (!ImGui_ImplOpenGL3_Init("#version 300 es")) return 2;
    viewer().theme = lightTheme();
    return 0;
}

// style: FontStyle index (0 regular, 1 italic, 2 bold, 3 bold italic, 4 sans, 5 sans bold). Only fonts from Galley's
// own dist/fonts are passed here by app.js; a bundle can never supply one. Returns 0 on success.
EMSCRIPTEN_KEEPALIVE int galley_add_font(int style, const unsigned char* data, int length) {
    if (style < 0 || style >= static_cast<int>(FontStyle::Count) || !data || length <= 0) return 1;
    std::string error;
    auto face = FontFace::fromBytes(std::vector<unsigned char>(data, data + length), &error);
    if (!face) return 2;
    Viewer& v = viewer();
    v.fonts.faces[style] = std::move(face);
    v.layoutDirty = true;
    return 0;
}

// Hyphenation patterns (a hyphen .dic file from dist/hyphen). Returns 0 on success.
EMSCRIPTEN_KEEPALIVE int galley_set_hyphenation(const char* data, int length) {
    Viewer& v = viewer();
    v.hyphenator = Hyphenator::fromDic(std::string_view(data, static_cast<size_t>(length)));
    if (v.layout && v.hyphenator) {
        v.layout->setHyphenation([&v](const std::string& t, std::vector<uint32_t>& points) {
            findHyphenationPoints(*v.hyphenator, t, points);
        });
        v.layoutDirty = true;
    }
    return v.hyphenator ? 0 : 1;
}

// Loads a bundle; returns 1 when it is valid. galley_result() then holds {"ok", "errors", "warnings", "title"}.
EMSCRIPTEN_KEEPALIVE int galley_load_bundle(const char* data, int length) {
    Viewer& v = viewer();
    LoadResult r = loadBundle(std::string_view(data, static_cast<size_t>(length)));
    if (r.ok()) {
        if (!v.fonts.valid()) {
            r.errors.push_back({"$", "fonts are not loaded"});
        } else {
            v.layout.reset();
            v.bundle = std::move(r.bundle);
            v.article = 0;
            v.layout = std::make_unique<ArticleLayout>(v.fonts, v.bundle.articles[0]);
            if (v.hyphenator)
                v.layout->setHyphenation([&v](const std::string& t, std::vector<uint32_t>& points) {
                    findHyphenationPoints(*v.hyphenator, t, points);
                });
            v.layoutDirty = true;
        }
    }
    v.result = diagnosticsJson(r, v);
    return r.ok() ? 1 : 0;
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
    emscripten_set_canvas_element_size(canvasSelector, static_cast<int>(std::lround(v.cssWidth * v.dpr)),
                                       static_cast<int>(std::lround(v.cssHeight * v.dpr)));
    v.relayoutIfNeeded();
}

EMSCRIPTEN_KEEPALIVE void galley_set_scroll(float y) { viewer().scrollY = y; }

EMSCRIPTEN_KEEPALIVE float galley_document_height() {
    Viewer& v = viewer();
    v.relayoutIfNeeded();
    return v.documentHeight();
}

EMSCRIPTEN_KEEPALIVE void galley_frame() { viewer().draw(); }

// Lines of the current layout for the DOM text layer: [{"b": block, "r": role, "l": heading level, "last",
// "hy": ends in an inserted hyphen, "iw": ends inside a word, "x", "y", "w", "h", "s": font size, "t": text without
// the inserted hyphen}], in CSS px relative to the document (the column offset and top margin included).
EMSCRIPTEN_KEEPALIVE const char* galley_text_layer() {
    Viewer& v = viewer();
    v.relayoutIfNeeded();
    nlohmann::json lines = nlohmann::json::array();
    for (const TextLine& line : v.display.lines) {
        std::string text;
        for (const WordBox& w : line.words) text += (text.empty() ? "" : " ") + w.text;
        if (line.hyphenated && !text.empty()) text.pop_back();  // the drawn hyphen is not part of the text
        lines.push_back({{"b", line.block == UINT32_MAX ? -1 : static_cast<long>(line.block)},
                         {"r", lineRoleName(line.role)}, {"l", line.level}, {"last", line.last},
                         {"hy", line.hyphenated}, {"iw", line.endsInWord},
                         {"x", v.columnX + line.x}, {"y", v.top + line.top}, {"w", line.width}, {"h", line.height},
                         {"s", line.fontSize}, {"t", text}});
    }
    v.result = lines.dump();
    return v.result.c_str();
}

}  // extern "C"
