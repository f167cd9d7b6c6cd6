// charsets.h — bytes in the charsets Debian's hyphen-* pattern files use, as UTF-8. Most are UTF-8; German, Dutch,
// the Scandinavian languages and Portuguese (Portugal) are ISO 8859-1, Czech, Slovak, Polish, Croatian and Slovene
// ISO 8859-2, Serbian ISO 8859-5, Greek ISO 8859-7, Russian KOI8-R. Not a general converter: these and no others.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace galley {

// `bytes` as UTF-8 (UTF-8 itself as it is); nullopt for a charset not named above.
std::optional<std::string> toUtf8(std::string_view bytes, std::string_view charset);

}  // namespace galley
