// date_convention.h — what a publication's country or language says about the order its numeric dates are written
// in: its address's country-code domain, the region of a declared language tag, a place in its name. Each gives at
// most one clue for numeric_date_order.h, worded with where it was found. The tables follow the conventions countries
// use in print (Wikipedia's "Date format by country" and CLDR's short date patterns agree on them): the US and the
// countries it administers or that follow its usage (the Philippines, Palau, the Marshall Islands) write the month
// first; countries that write the year first (China, Japan, Korea, Taiwan, Hungary) put the month before the day too;
// Canada writes both, so it says nothing in English; everywhere else the day comes first.
#pragma once

#include <optional>
#include <string>

#include "numeric_date_order.h"

namespace galley::importing {

// "en" from "en-GB", "zh" from "zh-Hant-TW"; lower case; "" for no tag.
std::string primaryLanguage(const std::string& tag);

// The clue of the host in `url` ("https://www.example.co.uk/news/1", or a bare host): its last label when that is a
// country code used for its country (not .co, .io, .tv, .fm...), or .gov, .mil, .edu; `where` names the source
// ("--base-url", "<link rel=canonical>").
std::optional<OrderClue> domainClue(const std::string& url, const std::string& where);

// A web address written in running text (a footer's "© 2025 harbourside-echo.co.uk", a masthead's
// "www.example.com.au"): a token starting "http://", "https://" or "www.", or a host under a country's second level
// (.co.uk, .com.au, .org.nz, .gov.za...); "" when there is none. Looser shapes ("Node.js", "e.g.") are not taken.
std::string webAddressIn(const std::string& text);

// The clue of a language tag's region ("en-GB", "fr-CA", "es-419"); none without a region, nor for en-CA. "en-US"
// declared by the page (`byUser` false) is the weak DeclaredUsEnglish kind: publishing systems write it by default.
std::optional<OrderClue> languageRegionClue(const std::string& tag, const std::string& where, bool byUser);

// The clue of a place named in a publication's name ("The Sydney Morning Herald", "New York Post", "The Irish
// Times"): a short list of countries and large cities whose names are not common words.
std::optional<OrderClue> publicationNameClue(const std::string& name, const std::string& where);

}  // namespace galley::importing
