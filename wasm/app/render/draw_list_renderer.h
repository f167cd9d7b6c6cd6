// draw_list_renderer.h — draws ImGui's draw data with WebGL2, without ever reading GL state back.
//
// Why not ImGui's own OpenGL3 backend: it saves and restores about twenty pieces of GL state with glGet* every frame
// and asks for shader status and uniform locations at start-up. In a browser each such query is a synchronous
// round trip to the GPU process, which waits until everything queued before it is done: measured in headless
// Chromium (SwiftShader), frames stalled 100-600 ms in glGetIntegerv while the GPU process rasterised the page.
// Galley owns its context, so there is no state to save; this renderer only issues commands:
//   - attribute locations fixed in the shader (layout(location = n)), the sampler on unit 0 by default, and the
//     projection and the coverage flag as constant vertex attributes (glVertexAttrib*): no uniform location to ask
//     for;
//   - the link status is asked only once it is known to be ready (KHR_parallel_shader_compile's COMPLETION_STATUS),
//     or a few frames in without that extension, never in the first frame.
// No ImGui context either: the frame is one ImDrawList of ImGui's, set up here as ImGui's NewFrame sets up its
// background list, and drawn from an ImDrawData made here. So ImGui's windows, its font atlas (ProggyClean, rasterised
// at start-up only for its white pixel) and its own copy of stb_truetype are not linked: filled shapes sample a 1×1
// white texture instead.
//
// Not here: what is drawn (viewer.cpp), the glyph atlas (glyph_atlas.h).
#pragma once

#include <memory>
#include <string>

struct ImDrawData;
struct ImDrawList;

namespace galley {

class DrawListRenderer {
public:
    DrawListRenderer();
    ~DrawListRenderer();
    DrawListRenderer(const DrawListRenderer&) = delete;
    DrawListRenderer& operator=(const DrawListRenderer&) = delete;

    // Compiles the program (without waiting for it), creates buffers and the white texture. Needs the context
    // current. False if GL objects could not be created.
    bool init(bool parallelShaderCompile);
    // The frame's draw list, emptied, for a viewport of `width` × `height` CSS px: clipped to it, filled shapes on
    // the white texture. Called again in a frame, it starts the frame afresh.
    ImDrawList* beginFrame(float width, float height);
    // Draws what the list holds into the default framebuffer, `scale` device pixels a CSS px, of the given device
    // size. Returns false once the program is known to have failed to link; `error()` then says why.
    bool endFrame(float scale, int framebufferWidth, int framebufferHeight);
    const std::string& error() const { return error_; }
    // The texture that holds coverage alone (the glyph atlas, one channel): drawn as white with that coverage as
    // alpha, times the vertex colour. Every other texture is drawn as RGBA.
    void setCoverageTexture(unsigned texture) { coverageTexture_ = texture; }

private:
    struct Frame;           // the draw list, its shared data and the draw data (draw_list_renderer.cpp)

    bool verifyProgram();   // true while the program is linked or not yet known to have failed
    bool render(const ImDrawData* data, int framebufferWidth, int framebufferHeight);

    std::unique_ptr<Frame> frame_;
    unsigned program_ = 0, vertexShader_ = 0, fragmentShader_ = 0;
    unsigned vao_ = 0, vertexBuffer_ = 0, indexBuffer_ = 0, whiteTexture_ = 0, coverageTexture_ = 0;
    bool parallelCompile_ = false, verified_ = false, failed_ = false;
    int framesDrawn_ = 0;
    std::string error_;
};

}  // namespace galley
