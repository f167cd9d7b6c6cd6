// publication_name.h — the publication's name in scraped text: candidates from the masthead, the page title
// ("<headline> | Publication"), "Published in" labels, the copyright line and brand lines in the footer, grouped by
// near-equal spelling and voted on.
#pragma once

#include <string>
#include <vector>

#include "model.h"
#include "text_header.h"

namespace galley::importing::scraped {

// Needs the body's end (`bodyEnd`) to know where the footer is; the masthead lines it used go to `mastheads`.
std::string pickSourceName(std::vector<Unit>& units, const Header& h, size_t bodyEnd, std::string headlineText,
                           std::vector<size_t>& mastheads);
// Once the publication's name is known: "By A, B and C, The Daily Star" does not make the paper an author, and
// the masthead's verdict can say whose name it is.
void applySourceName(std::vector<Unit>& units, const std::vector<size_t>& mastheads, Article& article);

}  // namespace galley::importing::scraped
