// thai_dictionary_file.h — libthai's Thai dictionary opened from bytes in memory (the viewer has no file system):
// see thai_dictionary_file.cpp for how.
#pragma once

#include "line_breaks.h"

#include <cstddef>
#include <memory>

namespace galley {

// The path libthai is given for a dictionary in memory; no file has it.
constexpr const char* ThaiDictionaryMemoryPath = "/galley-memory/thbrk.tri";

// nullptr when the bytes are not a dictionary. The bytes are read while it runs, not kept.
std::unique_ptr<ThaiDictionary> openThaiDictionaryFromMemory(const unsigned char* bytes, size_t size);

}  // namespace galley
