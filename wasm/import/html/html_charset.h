// html_charset.h — a page's bytes as the UTF-8 the parser and the model need.
//
// The encoding is the byte order mark's, else the one a <meta charset> (or <meta http-equiv="Content-Type"
// content="...; charset=...">) declares in the first 1024 bytes, as browsers look for it, else UTF-8 when the bytes
// are valid UTF-8, else windows-1252 (what browsers assume of an unlabelled page in Western languages). Read:
// UTF-8, UTF-16 (with a byte order mark), windows-1252 and the labels that mean it (ISO-8859-1, latin1, US-ASCII),
// ISO-8859-15. Any other declared charset is refused by name rather than read as garbage, as is data with NUL bytes
// (not a text file) and a page over MaxPageBytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace galley::importing::html {

constexpr size_t MaxPageBytes = 32u << 20;  // 32 MiB

struct DecodedPage {
    std::string utf8;      // valid UTF-8 (ill-formed sequences of a UTF-8 page become U+FFFD)
    std::string charset;   // "UTF-8", "windows-1252", ...
    std::string how;       // for --explain: "declared by <meta charset>", "no declaration, valid UTF-8", ...
    std::string refused;   // non-empty: not decoded, and why
};

DecodedPage decodePage(std::string_view bytes);

}  // namespace galley::importing::html
