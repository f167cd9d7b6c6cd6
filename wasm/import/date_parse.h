// date_parse.h — find a date (and time) written the way web pages write them and turn it into ISO 8601.
//
// Understands month-name dates ("November 15, 2017", "Sept. 9, 2022", "15 Nov 2017", "Monday, June 3rd, 2024"),
// numeric dates ("04/03/2025" US order unless the first number cannot be a month, "2025-04-03", "15.11.2017"),
// ISO 8601 itself, and an optional time before or after the date ("03:11 AM", "9:05 p.m. EDT", "14:20:05",
// "at 9 pm") with common time-zone abbreviations and numeric offsets.
//
// Not here: relative dates ("2 hours ago"), dates without a year, other languages' month names, calendars
// other than the Gregorian. Nothing consults the clock: a two-digit year is read as 20yy below 70, else 19yy.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace galley {

struct DateMatch {
    std::string iso;         // "2017-11-15", "2017-11-15T03:11", "2024-06-02T21:05-04:00", ...
    bool hasTime = false;
    size_t begin = 0;        // byte range of the matched text in the searched string, [begin, end)
    size_t end = 0;
};

// The first date (with its time, when one is written next to it) found anywhere in `text`.
std::optional<DateMatch> findDateTime(std::string_view text);

// `text` read as a date when it is nothing but a date and time (surrounding spaces and punctuation allowed);
// empty string otherwise.
std::string parseDateTime(std::string_view text);

}  // namespace galley
