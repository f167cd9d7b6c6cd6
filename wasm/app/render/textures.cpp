// textures.cpp — see textures.h.
#include "textures.h"

#include <GLES3/gl3.h>

namespace galley {

namespace {

unsigned defineTexture(unsigned texture, int width, int height, GLint internalFormat, GLenum format, int alignment,
                       const void* pixels) {
    if (!texture) glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, alignment);
    glTexImage2D(GL_TEXTURE_2D, 0, internalFormat, width, height, 0, format, GL_UNSIGNED_BYTE, pixels);
    return texture;
}

}  // namespace

unsigned defineRgbaTexture(unsigned texture, int width, int height, const void* pixels) {
    return defineTexture(texture, width, height, GL_RGBA, GL_RGBA, 4, pixels);
}

unsigned defineCoverageTexture(unsigned texture, int width, int height, const void* pixels) {
    return defineTexture(texture, width, height, GL_R8, GL_RED, 1, pixels);
}

}  // namespace galley
