// thai_dictionary_file.cpp — libthai's dictionary from memory in the viewer, which has no file system.
//
// libthai opens its dictionary only by a path (th_brk_new → libdatrie's trie_new_from_file), and the viewer's wasm
// is built without Emscripten's file system (its JavaScript alone would add 11 KB brotli to every first view). The
// viewer links with --wrap=trie_new_from_file: this wrapper reads the one path galley_set_thai_dictionary names from
// the bytes the page fetched (fmemopen, musl's, needs no file system), through libdatrie's public trie_fread, and
// passes any other path on. Only Galley's own dist/dict/thbrk.tri reaches it.
#include "thai_dictionary_file.h"

#include <datrie/trie.h>

#include <cstdio>
#include <cstring>

namespace {

const unsigned char* memoryBytes = nullptr;  // while openThaiDictionaryFromMemory runs
size_t memorySize = 0;

}  // namespace

extern "C" Trie* __real_trie_new_from_file(const char* path);

extern "C" Trie* __wrap_trie_new_from_file(const char* path) {
    if (!path || std::strcmp(path, galley::ThaiDictionaryMemoryPath) != 0 || !memoryBytes)
        return __real_trie_new_from_file(path);
    FILE* file = fmemopen(const_cast<unsigned char*>(memoryBytes), memorySize, "rb");
    if (!file) return nullptr;
    Trie* trie = trie_fread(file);
    std::fclose(file);
    return trie;
}

namespace galley {

std::unique_ptr<ThaiDictionary> openThaiDictionaryFromMemory(const unsigned char* bytes, size_t size) {
    if (!bytes || size == 0) return nullptr;
    memoryBytes = bytes;
    memorySize = size;
    std::unique_ptr<ThaiDictionary> d = ThaiDictionary::open(ThaiDictionaryMemoryPath);
    memoryBytes = nullptr;
    memorySize = 0;
    return d;
}

}  // namespace galley
