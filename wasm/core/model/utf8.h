// utf8.h — UTF-8 validation and decoding. Strict: rejects overlong forms, surrogates and code points past U+10FFFF,
// as RFC 3629 requires. Marks in the model count code points, so this is also where offsets are converted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace galley::utf8 {

// Returns the byte offset of the first invalid sequence, or npos when the whole text is valid UTF-8.
size_t findInvalid(std::string_view text);

// Decodes the code point at text[i] and advances i. Invalid input yields U+FFFD and skips one byte.
uint32_t next(std::string_view text, size_t& i);

size_t countCodePoints(std::string_view text);

// Byte offset of code point number cp (text.size() if cp is past the end).
size_t byteOffset(std::string_view text, size_t cp);

// Appends cp as UTF-8; surrogates and values past U+10FFFF become U+FFFD.
void append(std::string& out, uint32_t cp);

// Whole strings as code points and back, with next() and append()'s rules (one U+FFFD per invalid byte).
std::u32string decode(std::string_view text);
std::string encode(std::u32string_view text);

}  // namespace galley::utf8
