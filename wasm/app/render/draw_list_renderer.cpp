// draw_list_renderer.cpp — see draw_list_renderer.h.
#include "draw_list_renderer.h"

#include "textures.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImDrawListSharedData

#include <GLES3/gl3.h>
#include <GLES2/gl2ext.h>

#include <cstdint>

namespace galley {

namespace {

// Attribute locations, fixed in the shader source.
constexpr GLuint PositionAttribute = 0, UvAttribute = 1, ColorAttribute = 2, ProjectionAttribute = 3,
                 CoverageAttribute = 4;

// Vertex positions arrive in CSS px (ImGui's display size) scaled by the framebuffer scale; the projection attribute
// maps them to clip space: xy * scale + offset.
constexpr const char* VertexSource = R"(#version 300 es
layout(location = 0) in vec2 position;
layout(location = 1) in vec2 uv;
layout(location = 2) in vec4 color;
layout(location = 3) in vec4 projection;
layout(location = 4) in float coverage;
out vec2 fragUv;
out vec4 fragColor;
flat out float fragCoverage;
void main() {
    fragUv = uv;
    fragColor = color;
    fragCoverage = coverage;
    gl_Position = vec4(position * projection.xy + projection.zw, 0.0, 1.0);
}
)";

// Texture times vertex colour. The white texture is white and images are images (RGBA); the
// glyph atlas holds coverage alone, in its red channel, and is read as white with that alpha.
constexpr const char* FragmentSource = R"(#version 300 es
precision mediump float;
uniform sampler2D atlas;
in vec2 fragUv;
in vec4 fragColor;
flat in float fragCoverage;
out vec4 outColor;
void main() {
    vec4 texel = texture(atlas, fragUv);
    outColor = fragColor * mix(texel, vec4(1.0, 1.0, 1.0, texel.r), fragCoverage);
}
)";

// Without KHR_parallel_shader_compile the link status is asked this many frames in: by then the link has long
// finished, so the query waits for nothing but the queue, and the first frames never wait.
constexpr int FramesBeforeBlockingCheck = 3;

GLuint compile(GLenum type, const char* source) {
    GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

std::string infoLog(GLuint program, GLuint vs, GLuint fs) {
    std::string log;
    char buffer[1024];
    GLsizei length = 0;
    glGetProgramInfoLog(program, sizeof buffer, &length, buffer);
    log.append(buffer, static_cast<size_t>(length));
    for (GLuint shader : {vs, fs}) {
        length = 0;
        glGetShaderInfoLog(shader, sizeof buffer, &length, buffer);
        if (length > 0) log.append(log.empty() ? "" : "; ").append(buffer, static_cast<size_t>(length));
    }
    return log.empty() ? "unknown reason" : log;
}

}  // namespace

struct DrawListRenderer::Frame {
    ImDrawListSharedData shared;
    ImDrawList list{&shared};
    ImDrawData data;
};

DrawListRenderer::DrawListRenderer() : frame_(std::make_unique<Frame>()) {}
DrawListRenderer::~DrawListRenderer() = default;

bool DrawListRenderer::init(bool parallelShaderCompile) {
    parallelCompile_ = parallelShaderCompile;
    vertexShader_ = compile(GL_VERTEX_SHADER, VertexSource);
    fragmentShader_ = compile(GL_FRAGMENT_SHADER, FragmentSource);
    program_ = glCreateProgram();
    glAttachShader(program_, vertexShader_);
    glAttachShader(program_, fragmentShader_);
    glLinkProgram(program_);

    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vertexBuffer_);
    glGenBuffers(1, &indexBuffer_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer_);  // part of the vertex array's state
    glEnableVertexAttribArray(PositionAttribute);
    glEnableVertexAttribArray(UvAttribute);
    glEnableVertexAttribArray(ColorAttribute);
    const GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(PositionAttribute, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(UvAttribute, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(ColorAttribute, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);

    const uint32_t white = 0xFFFFFFFF;
    whiteTexture_ = defineRgbaTexture(0, 1, 1, &white);
    return program_ && vao_ && vertexBuffer_ && indexBuffer_ && whiteTexture_;
}

ImDrawList* DrawListRenderer::beginFrame(float width, float height) {
    // What ImGui's NewFrame gives its lists, from its default style: anti-aliased lines and fills (lines without the
    // font atlas's baked line texture), and vertex offsets (render() handles them), so that large lists keep 16-bit
    // indices.
    ImDrawListSharedData& shared = frame_->shared;
    shared.TexUvWhitePixel = ImVec2(0.5f, 0.5f);
    shared.ClipRectFullscreen = ImVec4(0, 0, width, height);
    shared.CurveTessellationTol = 1.25f;
    shared.SetCircleTessellationMaxError(0.30f);
    shared.InitialFlags = ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedFill | ImDrawListFlags_AllowVtxOffset;
    ImDrawList& list = frame_->list;
    list._ResetForNewFrame();
    list.PushTextureID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(whiteTexture_)));
    list.PushClipRect(ImVec2(0, 0), ImVec2(width, height), false);
    frame_->data.DisplaySize = ImVec2(width, height);
    return &list;
}

bool DrawListRenderer::endFrame(float scale, int framebufferWidth, int framebufferHeight) {
    ImDrawData& data = frame_->data;
    const ImVec2 size = data.DisplaySize;
    data.Clear();
    data.Valid = true;
    data.DisplaySize = size;
    data.FramebufferScale = ImVec2(scale, scale);
    data.AddDrawList(&frame_->list);
    return render(&data, framebufferWidth, framebufferHeight);
}

bool DrawListRenderer::verifyProgram() {
    if (verified_ || failed_) return !failed_;
    GLint status = 0;
    if (parallelCompile_) {
        glGetProgramiv(program_, GL_COMPLETION_STATUS_KHR, &status);  // does not wait
        if (!status) return true;                                       // not yet known
    } else if (framesDrawn_ < FramesBeforeBlockingCheck) {
        return true;
    }
    glGetProgramiv(program_, GL_LINK_STATUS, &status);
    verified_ = true;
    if (!status) {
        failed_ = true;
        error_ = "WebGL shader program failed to link: " + infoLog(program_, vertexShader_, fragmentShader_);
    }
    return !failed_;
}

bool DrawListRenderer::render(const ImDrawData* data, int framebufferWidth, int framebufferHeight) {
    ++framesDrawn_;
    if (!verifyProgram()) return false;
    if (!data || framebufferWidth <= 0 || framebufferHeight <= 0) return true;

    glViewport(0, 0, framebufferWidth, framebufferHeight);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(program_);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);

    // Display coordinates (CSS px from DisplayPos) to clip space, y down.
    const ImVec2 pos = data->DisplayPos, size = data->DisplaySize, scale = data->FramebufferScale;
    const float sx = 2.0f / size.x, sy = -2.0f / size.y;
    glVertexAttrib4f(ProjectionAttribute, sx, sy, -1.0f - pos.x * sx, 1.0f - pos.y * sy);
    float coverage = 0;
    glVertexAttrib1f(CoverageAttribute, coverage);

    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            // Clip rectangle in framebuffer pixels; GL's scissor counts from the bottom.
            const float x0 = (cmd.ClipRect.x - pos.x) * scale.x, y0 = (cmd.ClipRect.y - pos.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - pos.x) * scale.x, y1 = (cmd.ClipRect.w - pos.y) * scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(framebufferHeight - y1), static_cast<GLsizei>(x1 - x0),
                      static_cast<GLsizei>(y1 - y0));
            const GLuint texture = static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID()));
            glBindTexture(GL_TEXTURE_2D, texture);
            if ((texture == coverageTexture_) != (coverage == 1.0f)) {
                coverage = texture == coverageTexture_ ? 1.0f : 0.0f;
                glVertexAttrib1f(CoverageAttribute, coverage);
            }
            // Vertex offsets through the attribute pointers (WebGL2 has no base-vertex draw).
            const GLsizei stride = sizeof(ImDrawVert);
            const uintptr_t base = static_cast<uintptr_t>(cmd.VtxOffset) * sizeof(ImDrawVert);
            glVertexAttribPointer(PositionAttribute, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(base + offsetof(ImDrawVert, pos)));
            glVertexAttribPointer(UvAttribute, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(base + offsetof(ImDrawVert, uv)));
            glVertexAttribPointer(ColorAttribute, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(base + offsetof(ImDrawVert, col)));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(static_cast<uintptr_t>(cmd.IdxOffset) * sizeof(ImDrawIdx)));
        }
    }
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
    return true;
}

}  // namespace galley
