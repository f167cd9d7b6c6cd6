// url_resolve.h — links and image sources of a page made absolute against the page's own URL, by RFC 3986's
// reference resolution (section 5.2: "../a?b" against "https://x.org/p/q" is "https://x.org/a?b"), as a browser
// resolves an href. The model keeps absolute links; the page's URL is what the reader would have had in the address
// bar (the CLI's --base-url, else the page's <link rel=canonical>, else og:url).
#pragma once

#include <string>
#include <string_view>

namespace galley::importing::html {

// The absolute URL `reference` names when read on the page at `base` (itself absolute), or `reference` unchanged
// (white space trimmed) when `base` is empty or not absolute. Tabs and newlines inside are removed, as browsers do.
std::string resolveUrl(std::string_view base, std::string_view reference);

// "https://example.org/a/b" -> "https"; "" for a relative reference.
std::string urlScheme(std::string_view url);

// "https://example.org/a/b?c" -> "https://example.org/"; "" when there is no authority.
std::string urlOrigin(std::string_view url);

}  // namespace galley::importing::html
