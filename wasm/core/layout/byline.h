// byline.h — the line under the title and dek: authors, publication, date ("By Ana Ruiz and Li Wei  ·  The Harbour
// Times  ·  November 15, 2017"). In English: the words and the date are not yet the article's language.
#pragma once

#include "model.h"

#include <string>

namespace galley {

// The byline of `article`; `dateText` prints `published` when not empty (the page passes the reader's own date),
// else formatDateEnglish. Empty when the article has no author, source or date.
std::string bylineText(const Article& article, const std::string& dateText);

// English date from an ISO 8601 string ("2017-11-15T03:11" → "November 15, 2017"); the string itself when it is not
// one. The only place month names are written (the page asks the wasm for it: galley_english_date).
std::string formatDateEnglish(const std::string& iso);

}  // namespace galley
