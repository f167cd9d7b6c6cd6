// text_header.h — the article's header in scraped text: headline, dek, byline and publication date, found by
// where lines sit relative to the first prose and the byline; the lines above it are dropped with a reason.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model.h"
#include "text_lines.h"

namespace galley::importing::scraped {

struct Header {
    std::optional<size_t> headline, dek, byline, dateUnit;
    std::vector<std::string> authors;
    std::string published;                  // the parser's default reading of the date (date_parse.h)
    std::optional<DateMatch> publishedDate; // the date as matched: the importer reads it with the page's evidence
    size_t end = 0;  // first unit after the header
};

Header pickHeader(std::vector<Unit>& units);
// The header's lines become the article's fields, and every other line above the header's end is page chrome
// with a reason.
void applyHeader(std::vector<Unit>& units, const Header& header, Article& article);
// Wire and press-release datelines give the date when the header did not: "NORTHFIELD, Minn. — April 12,
// 2022 — The library ...". Only a date near the start of the first paragraph, between dashes, counts.
std::optional<DateMatch> datelineDate(const std::vector<Block>& blocks);

// Section labels printed above headlines ("World", "Opinion"): never a headline or a publication's name.
bool isSectionWord(const std::string& folded);

}  // namespace galley::importing::scraped
