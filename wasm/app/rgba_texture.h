// rgba_texture.h — the one kind of texture the viewer makes: RGBA, 8 bits a channel, linear filtering, clamped at
// the edges (the glyph atlas, bundle images and ImGui's font atlas).
#pragma once

namespace galley {

// Creates a texture when `texture` is 0, then gives it width × height pixels (tightly packed rows; nullptr: WebGL
// zero-fills it). Leaves it bound to GL_TEXTURE_2D and returns it.
unsigned defineRgbaTexture(unsigned texture, int width, int height, const void* pixels);

}  // namespace galley
