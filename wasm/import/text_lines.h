// text_lines.h — scraped text read as lines: split and normalised, joined where the text was hard-wrapped, and
// described by structural features (length, case, sentence ends, dates, list markers, repetition, separators,
// the furniture they resemble). The shape tests the later stages ask of a line are here too.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date_parse.h"
#include "page_furniture.h"

namespace galley::importing::scraped {

struct SourceLine {
    int number = 0;
    std::string raw;
    std::string text;  // normalised; empty for a blank line
};

// A unit is one logical line: a source line, or several when the page text was hard-wrapped.
struct Unit {
    std::string text;
    std::vector<size_t> sources;
    // Features.
    std::string folded;
    size_t chars = 0;
    int words = 0;
    double lowerRatio = 0;       // share of words starting with a lower-case letter
    bool endsSentence = false;   // . ! ? … (before closing quotes or brackets)
    bool endsColon = false;
    bool startsUpper = false;    // first letter upper case, or a digit or quote first
    int occurrences = 1;         // same folded text elsewhere on the page
    bool listItem = false;
    bool orderedItem = false;
    std::string itemText;
    std::optional<DateMatch> date;
    bool dateOnly = false;       // nothing but a date and labels ("Published:", "Updated")
    bool updatedDate = false;    // "Updated ..." rather than "Published ..."
    FurnitureMatch furniture;
    bool separated = false;      // "Home | News | World", "Home » World": a breadcrumb or menu on one line
    bool dateLabel = false;      // "Published", "Last updated": a label whose date is on the next line
    std::string publicationLabel;  // "Published in Better Work Journal" -> "Better Work Journal"
    int menuRun = 1;             // length of the run of very short lines (menu items) this line is in
    // Decision.
    int block = -1;              // index of the body block this unit became part of
    bool decided = false;
    bool kept = false;
    std::string role;
};

std::vector<SourceLine> splitSourceLines(std::string_view text);
// Units with their features and furniture matches; nothing is decided yet.
std::vector<Unit> describeUnits(const std::vector<SourceLine>& lines);

// . ! ? … (before closing quotes or brackets)
bool endsLikeSentence(std::string_view text);
// "• item", "- item", "* item", "1. item", "2) item", "(3) item"; `ordered` and `rest` (the item's text) optional.
bool hasListMarker(const std::string& text, bool* ordered, std::string* rest);
// Labels that may surround a date on a date line: "Published: ...", "Last updated on ...".
bool isDateLabelWord(const std::string& w);

// A line that reads as running text: ends like a sentence with enough words, or is long with ordinary
// lower-case words.
bool isProse(const Unit& u);
// A short line without sentence punctuation: menu items, link titles, subheads.
bool isShortFragment(const Unit& u);
bool isParagraphLike(const Unit& u);
bool isHeadingShape(const Unit& u);

// Records a unit's verdict (kept or dropped, and its role or reason).
inline void decide(Unit& u, bool kept, std::string role) {
    u.decided = true;
    u.kept = kept;
    u.role = std::move(role);
}

}  // namespace galley::importing::scraped
