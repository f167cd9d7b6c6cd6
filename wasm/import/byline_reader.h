// byline_reader.h — reading a byline ("By Jane Doe and John Roe | June 2, 2024", "Posted on June 2, 2024 by jdoe") and
// the names in it: what a person's name looks like, and the roles ("Staff Writer") that are not names.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "date_parse.h"

namespace galley::importing::scraped {

struct Unit;  // text_lines.h

struct Byline {
    std::vector<std::string> authors;
    std::optional<DateMatch> date;
};

// "Staff", "Correspondent", "Newsroom": a word of an author's role or affiliation.
bool isRoleWord(const std::string& w);
// "Jane Doe, John Roe and Ann Lee" -> three names. Roles ("Staff Writer") are dropped; anything else that is not
// a name means this was a sentence, not a byline.
std::optional<std::vector<std::string>> parseAuthorList(std::string text);
// The unit read as a byline; an unlabelled one ("Jane Doe | June 2, 2024") counts only `nextToHeadline`.
std::optional<Byline> readByline(const Unit& u, bool nextToHeadline);

}  // namespace galley::importing::scraped
