// textures.h — the two kinds of texture the viewer makes, both with linear filtering and clamped at the edges:
// RGBA, 8 bits a channel (bundle images, the white texture of filled shapes), and coverage, one 8-bit channel (the
// glyph atlas: a quarter of the memory and upload of RGBA; the renderer draws it as white with coverage as alpha).
#pragma once

namespace galley {

// Create a texture when `texture` is 0, then give it width × height pixels (tightly packed rows; nullptr: WebGL
// zero-fills it). Leave it bound to GL_TEXTURE_2D and return it.
unsigned defineRgbaTexture(unsigned texture, int width, int height, const void* pixels);
unsigned defineCoverageTexture(unsigned texture, int width, int height, const void* pixels);

}  // namespace galley
