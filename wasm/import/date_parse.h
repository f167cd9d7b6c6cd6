// date_parse.h — find a date (and time) written the way web pages write them and turn it into ISO 8601.
//
// Understands month-name dates ("November 15, 2017", "Sept. 9, 2022", "15 Nov 2017", "Monday, June 3rd, 2024"),
// numeric dates ("04/03/2025", "2025-04-03", "15.11.2017"), ISO 8601 itself, and an optional time before or after
// the date ("03:11 AM", "9:05 p.m. EDT", "14:20:05", "at 9 pm") with common time-zone abbreviations and numeric
// offsets.
//
// A numeric date whose first two numbers could each be the month ("04/03/2025") is not decided here: the match
// carries both readings (`eitherWay`) and `iso` holds the parser's default, month-first for "/" and "-", day-first
// for "." — the importers choose with the document's own evidence (numeric_date_order.h). When only one reading is
// a valid date ("25/03/2025", "03/25/2025", "03.25.2025") that one is taken.
//
// Not here: relative dates ("2 hours ago"), dates without a year, other languages' month names, calendars
// other than the Gregorian. Nothing consults the clock: a two-digit year is read as 20yy below 70, else 19yy.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley {

// How a date was written: what it tells about the order a numeric date on the same page is written in.
enum class DateForm {
    YearFirst,      // "2025-04-03", "2025/04/03"
    Numeric,        // "04/03/2025", "25.03.2025", "04/03/25": day and month in either order, year last
    DayMonthWords,  // "4 March 2025", "Tuesday 4th of March, 2025"
    MonthDayWords,  // "March 4, 2025", "Tue, Mar. 4th 2025"
};

// A numeric date that reads as a valid date either way round: "04/03/2025" is 3 April or 4 March 2025.
struct EitherWayDate {
    std::string written;        // the date as written, without its time: "04/03/2025"
    char separator = '/';       // '/', '-' or '.'
    int first = 0, second = 0;  // the first two numbers as written
    int year = 0;
    int weekday = -1;           // 0 Monday .. 6 Sunday when a weekday is written just before it ("Tue 04/03/2025")
    std::string monthFirstIso;  // "2025-04-03T14:20" (with the match's time, when it has one)
    std::string dayFirstIso;    // "2025-03-04T14:20"
};

struct DateMatch {
    std::string iso;         // "2017-11-15", "2017-11-15T03:11", "2024-06-02T21:05-04:00", ...
    bool hasTime = false;
    size_t begin = 0;        // byte range of the matched text in the searched string, [begin, end)
    size_t end = 0;
    DateForm form = DateForm::YearFirst;
    char separator = 0;      // Numeric and YearFirst: the separator between the numbers
    int year = 0, month = 0, day = 0;       // as `iso` reads them
    bool dayBeforeMonth = false;             // DayMonthWords, and a Numeric date read day-first
    std::optional<EitherWayDate> eitherWay;  // set when the numbers could be read both ways (`iso`: the default)
};

// The first date (with its time, when one is written next to it) found anywhere in `text`.
std::optional<DateMatch> findDateTime(std::string_view text);
// Every date in `text`, in order, none overlapping another.
std::vector<DateMatch> findAllDates(std::string_view text);
// `text` read as a date when it is nothing but a date and time (surrounding spaces and punctuation allowed).
std::optional<DateMatch> matchWholeDateTime(std::string_view text);

// `text` read as a date when it is nothing but a date and time (surrounding spaces and punctuation allowed);
// empty string otherwise.
std::string parseDateTime(std::string_view text);

}  // namespace galley
