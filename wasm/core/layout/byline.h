// byline.h — the line under the title and dek, in the article's language: authors, publication, date
// ("By Ana Ruiz and Li Wei  ·  The Harbour Times  ·  November 15, 2017"; "Анна Смирнова и Ли Вэй  ·  …  ·
// 15 ноября 2017 г."). The words and the date's form come from a table of languages; an article in a language the
// table lacks gets English.
#pragma once

#include "model.h"

#include <string>
#include <string_view>

namespace galley {

// The byline of `article` in its `lang`. Empty when the article has no author, source or date. Authors with a role
// are credited by it after the writers ("Photographs: Grace Sample"); an `updated` date on a later day than
// `published` follows the date ("Updated November 21, 2026").
std::string bylineText(const Article& article);

// A date of an ISO 8601 string (the calendar day it names: "2017-11-15T03:11" → 15 November 2017) as the byline
// prints it in the language `lang` (a BCP 47 tag: "de", "pt-BR"); the string itself when it names no day.
std::string formatDate(const std::string& iso, std::string_view lang);

// The heading of a printed article's list of link addresses (web/print.js) in the language `lang`, from the same
// languages as the byline's (English for the others).
const char* linksHeading(std::string_view lang);

}  // namespace galley
