// date_parse.cpp — see date_parse.h. A small tokenizer (words, numbers, punctuation, spaces) and hand-written
// matchers for each date and time shape. Hand-written rather than std::regex: the shapes need validation
// between the parts (month 1..12, day within the month) that a regex cannot express, and std::regex can throw.
#include "date_parse.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "text_util.h"

namespace galley {
namespace {

enum class TokenKind { Word, Number, Punct, Space };

struct Token {
    TokenKind kind = TokenKind::Space;
    size_t begin = 0;
    size_t end = 0;
    std::string text;   // as written (lower-cased copy in `lower`)
    std::string lower;
    long value = 0;     // Number only
};

bool isAsciiLetter(char c) { return importing::isAsciiLetter(static_cast<unsigned char>(c)); }
bool isAsciiDigit(char c) { return chars::isDigit(static_cast<unsigned char>(c)); }

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    size_t i = 0;
    while (i < s.size()) {
        Token t;
        t.begin = i;
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (isAsciiLetter(s[i])) {
            t.kind = TokenKind::Word;
            while (i < s.size() && isAsciiLetter(s[i])) ++i;
        } else if (isAsciiDigit(s[i])) {
            t.kind = TokenKind::Number;
            while (i < s.size() && isAsciiDigit(s[i])) ++i;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            t.kind = TokenKind::Space;
            while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
        } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            t.kind = TokenKind::Space;  // no-break space
            i += 2;
        } else {
            t.kind = TokenKind::Punct;
            // One UTF-8 sequence is one punctuation token ("–", "·", "•").
            size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
            i = std::min(s.size(), i + len);
        }
        t.end = i;
        t.text = std::string(s.substr(t.begin, t.end - t.begin));
        t.lower = importing::lowerAscii(t.text);
        if (t.kind == TokenKind::Number) {
            // Cap the digits so absurd numbers cannot overflow; they fail validation anyway.
            long v = 0;
            for (size_t k = 0; k < t.text.size() && k < 9; ++k) v = v * 10 + (t.text[k] - '0');
            t.value = t.text.size() > 9 ? 999999999 : v;
        }
        tokens.push_back(std::move(t));
    }
    return tokens;
}

int monthFromWord(const std::string& w) {
    static const char* const names[12][3] = {
        {"january", "jan", nullptr}, {"february", "feb", nullptr}, {"march", "mar", nullptr},
        {"april", "apr", nullptr},   {"may", nullptr, nullptr},    {"june", "jun", nullptr},
        {"july", "jul", nullptr},    {"august", "aug", nullptr},   {"september", "sep", "sept"},
        {"october", "oct", nullptr}, {"november", "nov", nullptr}, {"december", "dec", nullptr}};
    for (int m = 0; m < 12; ++m)
        for (const char* n : names[m])
            if (n && w == n) return m + 1;
    return 0;
}

// 0 for Monday .. 6 for Sunday; -1 when `w` names no weekday.
int weekdayFromWord(const std::string& w) {
    static const char* const names[7][5] = {{"monday", "mon", nullptr, nullptr, nullptr},
                                            {"tuesday", "tue", "tues", nullptr, nullptr},
                                            {"wednesday", "wed", nullptr, nullptr, nullptr},
                                            {"thursday", "thu", "thur", "thurs", nullptr},
                                            {"friday", "fri", nullptr, nullptr, nullptr},
                                            {"saturday", "sat", nullptr, nullptr, nullptr},
                                            {"sunday", "sun", nullptr, nullptr, nullptr}};
    for (int d = 0; d < 7; ++d)
        for (const char* n : names[d])
            if (n && w == n) return d;
    return -1;
}

bool isWeekday(const std::string& w) { return weekdayFromWord(w) >= 0; }

// Offsets of the time-zone abbreviations news sites print. Ambiguous or generic ones ("ET", "PT") are read but
// give no offset: the time stays local rather than becoming wrong.
bool zoneOffset(const std::string& upper, std::string& offset) {
    struct Zone { const char* name; const char* offset; };
    static const Zone zones[] = {
        {"UTC", "Z"}, {"GMT", "Z"}, {"Z", "Z"}, {"EST", "-05:00"}, {"EDT", "-04:00"}, {"CST", "-06:00"},
        {"CDT", "-05:00"}, {"MST", "-07:00"}, {"MDT", "-06:00"}, {"PST", "-08:00"}, {"PDT", "-07:00"},
        {"AKST", "-09:00"}, {"AKDT", "-08:00"}, {"HST", "-10:00"}, {"BST", "+01:00"}, {"CET", "+01:00"},
        {"CEST", "+02:00"}, {"EET", "+02:00"}, {"EEST", "+03:00"}, {"WET", "Z"}, {"WEST", "+01:00"},
        {"JST", "+09:00"}, {"KST", "+09:00"}, {"IST", "+05:30"}, {"SGT", "+08:00"}, {"HKT", "+08:00"},
        {"AEST", "+10:00"}, {"AEDT", "+11:00"}, {"NZST", "+12:00"}, {"NZDT", "+13:00"},
        {"ET", ""}, {"CT", ""}, {"MT", ""}, {"PT", ""}};
    for (const Zone& z : zones)
        if (upper == z.name) {
            offset = z.offset;
            return true;
        }
    return false;
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool validDate(int y, int m, int d) {
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
    int limit = days[m - 1] + (m == 2 && isLeap(y) ? 1 : 0);
    return d <= limit;
}

struct DatePart {
    int year = 0, month = 0, day = 0;
    size_t next = 0;  // token index after the date
    DateForm form = DateForm::YearFirst;
    char separator = 0;
    // Numeric dates valid both ways round: the two numbers as written, the weekday written before them.
    bool eitherWay = false;
    int first = 0, second = 0, weekday = -1;
    bool dayBeforeMonth = false;  // Numeric: read day-first
    size_t numbersBegin = 0;  // token index of the first number
};

struct TimePart {
    int hour = 0, minute = 0, second = 0;
    bool hasSeconds = false;
    std::string offset;
    size_t next = 0;
};

// Token-stream matcher: each function tries one shape at token index i and reports where it stopped.
class DateMatcher {
public:
    DateMatcher(std::string_view text, const std::vector<Token>& t) : text_(text), tokens_(t) {}

    std::optional<DateMatch> matchAt(size_t i) const {
        // Time written before the date: "9:05 p.m. EDT, June 2, 2024".
        if (auto time = timeAt(i)) {
            size_t j = skipConnectors(time->next);
            if (auto date = dateAt(j)) return build(i, *date, &*time, date->next);
        }
        auto date = dateAt(i);
        if (!date) return std::nullopt;
        size_t j = date->next;
        // ISO 8601 "2017-11-15T03:11:00Z".
        if (j < tokens_.size() && tokens_[j].lower == "t" && j + 1 < tokens_.size() &&
            tokens_[j + 1].kind == TokenKind::Number)
            if (auto time = timeAt(j + 1)) return build(i, *date, &*time, time->next);
        size_t k = skipConnectors(j);
        if (k != j)
            if (auto time = timeAt(k)) return build(i, *date, &*time, time->next);
        return build(i, *date, nullptr, date->next);
    }

private:
    std::string_view text_;
    const std::vector<Token>& tokens_;

    bool isKind(size_t i, TokenKind k) const { return i < tokens_.size() && tokens_[i].kind == k; }
    bool isPunct(size_t i, const char* p) const { return isKind(i, TokenKind::Punct) && tokens_[i].text == p; }
    size_t skipSpace(size_t i) const { return isKind(i, TokenKind::Space) ? i + 1 : i; }

    // Between a date and its time: spaces, commas, bars, dashes, bullets and the words "at"/"on".
    size_t skipConnectors(size_t i) const {
        size_t j = i;
        for (int guard = 0; guard < 6 && j < tokens_.size(); ++guard) {
            const Token& t = tokens_[j];
            bool connector = t.kind == TokenKind::Space ||
                             (t.kind == TokenKind::Punct && (t.text == "," || t.text == "|" || t.text == "-" ||
                                                             t.text == "@" || t.text == "\xE2\x80\x93" ||
                                                             t.text == "\xE2\x80\x94" || t.text == "\xE2\x80\xA2" ||
                                                             t.text == "\xC2\xB7" || t.text == "/")) ||
                             (t.kind == TokenKind::Word && (t.lower == "at" || t.lower == "on"));
            if (!connector) break;
            ++j;
        }
        return j;
    }

    // Optional "Monday," before a date.
    size_t skipWeekday(size_t i) const {
        if (!isKind(i, TokenKind::Word) || !isWeekday(tokens_[i].lower)) return i;
        size_t j = i + 1;
        if (isPunct(j, ".")) ++j;
        if (isPunct(j, ",")) ++j;
        return skipSpace(j);
    }

    // "15th": the ordinal suffix is glued to the number.
    size_t skipOrdinal(size_t i) const {
        if (isKind(i, TokenKind::Word)) {
            const std::string& w = tokens_[i].lower;
            if (w == "st" || w == "nd" || w == "rd" || w == "th") return i + 1;
        }
        return i;
    }

    std::optional<DatePart> dateAt(size_t start) const {
        size_t i = skipWeekday(start);
        if (auto d = monthFirst(i)) return d;
        if (auto d = dayFirst(i)) return d;
        std::optional<DatePart> d = numeric(i);
        // "Tue 04/03/2025": the weekday is kept (it can settle which way round the numbers are); before a year-first
        // date it is not a shape pages write.
        if (d && i != start) {
            if (d->form != DateForm::Numeric) return std::nullopt;
            // Written with a capital ("Sun", "Sat" and "Wed" are words too); otherwise kept but not evidence.
            const char c = tokens_[start].text[0];
            if (c >= 'A' && c <= 'Z') d->weekday = weekdayFromWord(tokens_[start].lower);
        }
        return d;
    }

    // "November 15, 2017", "Nov. 15 2017", "Sept 9th, 2022".
    std::optional<DatePart> monthFirst(size_t i) const {
        if (!isKind(i, TokenKind::Word)) return std::nullopt;
        int month = monthFromWord(tokens_[i].lower);
        if (!month) return std::nullopt;
        size_t j = i + 1;
        if (isPunct(j, ".")) ++j;
        j = skipSpace(j);
        if (!isKind(j, TokenKind::Number) || tokens_[j].text.size() > 2) return std::nullopt;
        int day = static_cast<int>(tokens_[j].value);
        j = skipOrdinal(j + 1);
        if (isPunct(j, ",")) ++j;
        j = skipSpace(j);
        if (!isKind(j, TokenKind::Number) || tokens_[j].text.size() != 4) return std::nullopt;
        int year = static_cast<int>(tokens_[j].value);
        if (!validDate(year, month, day)) return std::nullopt;
        DatePart d{year, month, day, j + 1};
        d.form = DateForm::MonthDayWords;
        return d;
    }

    // "15 November 2017", "2nd of June, 2024", "15 Nov. 2017".
    std::optional<DatePart> dayFirst(size_t i) const {
        if (!isKind(i, TokenKind::Number) || tokens_[i].text.size() > 2) return std::nullopt;
        int day = static_cast<int>(tokens_[i].value);
        size_t j = skipSpace(skipOrdinal(i + 1));
        if (isKind(j, TokenKind::Word) && tokens_[j].lower == "of") j = skipSpace(j + 1);
        if (!isKind(j, TokenKind::Word)) return std::nullopt;
        int month = monthFromWord(tokens_[j].lower);
        if (!month) return std::nullopt;
        ++j;
        if (isPunct(j, ".")) ++j;
        if (isPunct(j, ",")) ++j;
        j = skipSpace(j);
        if (!isKind(j, TokenKind::Number) || tokens_[j].text.size() != 4) return std::nullopt;
        int year = static_cast<int>(tokens_[j].value);
        if (!validDate(year, month, day)) return std::nullopt;
        DatePart d{year, month, day, j + 1};
        d.form = DateForm::DayMonthWords;
        return d;
    }

    // "2025-04-03", "2025/04/03", "04/03/2025", "15.11.2017", "04/03/25". Year last, the numbers are read
    // whichever way round makes a date; when both do, the match says so, with month-first as the reading for "/"
    // and "-" and day-first for "." (dotted dates are day-first everywhere they are the custom).
    std::optional<DatePart> numeric(size_t i) const {
        if (!isKind(i, TokenKind::Number) || !isKind(i + 1, TokenKind::Punct)) return std::nullopt;
        // Part of a longer number run ("1.2.3.4", a phone number): not a date.
        if (i > 0 && tokens_[i - 1].kind == TokenKind::Punct &&
            (tokens_[i - 1].text == "." || tokens_[i - 1].text == "/" || tokens_[i - 1].text == "-") && i > 1 &&
            tokens_[i - 2].kind == TokenKind::Number)
            return std::nullopt;
        const std::string sep = tokens_[i + 1].text;
        if (sep != "/" && sep != "-" && sep != ".") return std::nullopt;
        if (!isKind(i + 2, TokenKind::Number) || !isPunct(i + 3, sep.c_str()) || !isKind(i + 4, TokenKind::Number))
            return std::nullopt;
        if (isPunct(i + 5, sep.c_str()) && isKind(i + 6, TokenKind::Number)) return std::nullopt;
        const Token& a = tokens_[i];
        const Token& b = tokens_[i + 2];
        const Token& c = tokens_[i + 4];
        DatePart part;
        part.next = i + 5;
        part.separator = sep[0];
        part.numbersBegin = i;
        if (a.text.size() == 4 && b.text.size() <= 2 && c.text.size() <= 2) {
            part.year = static_cast<int>(a.value);
            part.month = static_cast<int>(b.value);
            part.day = static_cast<int>(c.value);
            part.form = DateForm::YearFirst;
            if (!validDate(part.year, part.month, part.day)) return std::nullopt;
            return part;
        }
        if (!(a.text.size() <= 2 && b.text.size() <= 2 && (c.text.size() == 4 || (c.text.size() == 2 && sep == "/"))))
            return std::nullopt;
        int y = static_cast<int>(c.value);
        if (c.text.size() == 2) y += y < 70 ? 2000 : 1900;
        const int first = static_cast<int>(a.value), second = static_cast<int>(b.value);
        const bool monthFirstValid = validDate(y, first, second), dayFirstValid = validDate(y, second, first);
        if (!monthFirstValid && !dayFirstValid) return std::nullopt;
        const bool dayFirstOrder = dayFirstValid && (!monthFirstValid || sep == ".");
        part.year = y;
        part.month = dayFirstOrder ? second : first;
        part.day = dayFirstOrder ? first : second;
        part.form = DateForm::Numeric;
        part.dayBeforeMonth = dayFirstOrder && first != second;
        part.eitherWay = monthFirstValid && dayFirstValid && first != second;
        part.first = first;
        part.second = second;
        return part;
    }

    // "03:11 AM", "9:05 p.m.", "14:20:05", "9 pm", "21:05 BST", "03:11:00Z", "10:00+05:30".
    std::optional<TimePart> timeAt(size_t i) const {
        if (!isKind(i, TokenKind::Number) || tokens_[i].text.size() > 2) return std::nullopt;
        TimePart t;
        t.hour = static_cast<int>(tokens_[i].value);
        size_t j = i + 1;
        bool hasMinutes = false;
        if (isPunct(j, ":") && isKind(j + 1, TokenKind::Number) && tokens_[j + 1].text.size() == 2) {
            t.minute = static_cast<int>(tokens_[j + 1].value);
            hasMinutes = true;
            j += 2;
            if (isPunct(j, ":") && isKind(j + 1, TokenKind::Number) && tokens_[j + 1].text.size() == 2) {
                t.second = static_cast<int>(tokens_[j + 1].value);
                t.hasSeconds = true;
                j += 2;
                if (isPunct(j, ".") && isKind(j + 1, TokenKind::Number)) j += 2;  // fraction: dropped
            }
        }
        size_t k = skipSpace(j);
        int meridiem = meridiemAt(k, k);
        if (meridiem) {
            if (t.hour < 1 || t.hour > 12) return std::nullopt;
            t.hour = t.hour % 12 + (meridiem == 2 ? 12 : 0);
            j = k;
        } else if (!hasMinutes) {
            return std::nullopt;  // a bare number is not a time
        }
        if (t.hour > 23 || t.minute > 59 || t.second > 59) return std::nullopt;
        t.next = zoneAt(j, t.offset);
        return t;
    }

    // 1 for a.m., 2 for p.m., 0 for neither; `next` receives the index after it.
    int meridiemAt(size_t i, size_t& next) const {
        if (!isKind(i, TokenKind::Word)) return 0;
        const std::string& w = tokens_[i].lower;
        if (w == "am" || w == "pm") {
            next = i + 1;  // a period after "pm" is left alone: it may end the sentence
            return w == "am" ? 1 : 2;
        }
        if ((w == "a" || w == "p") && isPunct(i + 1, ".") && isKind(i + 2, TokenKind::Word) &&
            tokens_[i + 2].lower == "m") {
            next = i + 3;
            if (isPunct(next, ".")) ++next;
            return w == "a" ? 1 : 2;
        }
        return 0;
    }

    // Time zone after a time: "Z", "+05:30", "-0400", " EDT", " GMT+8", " (EDT)".
    size_t zoneAt(size_t i, std::string& offset) const {
        // Numeric offset glued to the time (ISO), or after a space in the long forms only ("10:00 +0100",
        // "10:00 -04:00"): a spaced "- 10" is more likely a range than a zone.
        if (auto n = numericOffset(i, offset)) return *n;
        if (isKind(i, TokenKind::Space) && isKind(i + 2, TokenKind::Number) &&
            (tokens_[i + 2].text.size() == 4 || isPunct(i + 3, ":")))
            if (auto n = numericOffset(i + 1, offset)) return *n;
        if (isKind(i, TokenKind::Word) && tokens_[i].text == "Z") {
            offset = "Z";
            return i + 1;
        }
        size_t j = skipSpace(i);
        bool paren = isPunct(j, "(");
        if (paren) ++j;
        if (!isKind(j, TokenKind::Word)) return i;
        const std::string& name = tokens_[j].text;
        bool upper = true;
        for (char c : name) upper = upper && c >= 'A' && c <= 'Z';
        std::string zone;
        if (!upper || !zoneOffset(name, zone)) return i;
        ++j;
        if (name == "GMT" || name == "UTC") {
            std::string hourOffset;
            if (auto n = numericOffset(j, hourOffset)) {
                zone = hourOffset;
                j = *n;
            }
        }
        if (paren) {
            if (!isPunct(j, ")")) return i;
            ++j;
        }
        offset = zone;
        return j;
    }

    std::optional<size_t> numericOffset(size_t i, std::string& offset) const {
        if (!(isPunct(i, "+") || isPunct(i, "-")) || !isKind(i + 1, TokenKind::Number)) return std::nullopt;
        const std::string sign = tokens_[i].text;
        const Token& n = tokens_[i + 1];
        int hours = 0, minutes = 0;
        size_t next = i + 2;
        if (n.text.size() == 4) {
            hours = static_cast<int>(n.value / 100);
            minutes = static_cast<int>(n.value % 100);
        } else if (n.text.size() <= 2) {
            hours = static_cast<int>(n.value);
            if (isPunct(next, ":") && isKind(next + 1, TokenKind::Number) && tokens_[next + 1].text.size() == 2) {
                minutes = static_cast<int>(tokens_[next + 1].value);
                next += 2;
            }
        } else {
            return std::nullopt;
        }
        if (hours > 14 || minutes > 59) return std::nullopt;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s%02d:%02d", sign.c_str(), hours, minutes);
        offset = (hours == 0 && minutes == 0) ? "Z" : buf;
        return next;
    }

    static std::string isoOf(int year, int month, int day, const TimePart* t) {
        char buf[80];
        if (!t) {
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
            return buf;
        }
        if (t->hasSeconds)
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, t->hour, t->minute,
                          t->second);
        else
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", year, month, day, t->hour, t->minute);
        return std::string(buf) + t->offset;
    }

    std::optional<DateMatch> build(size_t first, const DatePart& d, const TimePart* t, size_t next) const {
        DateMatch m;
        m.iso = isoOf(d.year, d.month, d.day, t);
        m.hasTime = t != nullptr;
        m.begin = tokens_[first].begin;
        m.end = tokens_[next - 1].end;
        m.form = d.form;
        m.separator = d.separator;
        m.year = d.year;
        m.month = d.month;
        m.day = d.day;
        m.dayBeforeMonth = d.form == DateForm::DayMonthWords || d.dayBeforeMonth;
        if (d.eitherWay) {
            EitherWayDate e;
            e.written = std::string(text_.substr(tokens_[d.numbersBegin].begin,
                                                 tokens_[d.numbersBegin + 4].end - tokens_[d.numbersBegin].begin));
            e.separator = d.separator;
            e.first = d.first;
            e.second = d.second;
            e.year = d.year;
            e.weekday = d.weekday;
            e.monthFirstIso = isoOf(d.year, d.first, d.second, t);
            e.dayFirstIso = isoOf(d.year, d.second, d.first, t);
            m.eitherWay = std::move(e);
        }
        return m;
    }
};

}  // namespace

namespace {

// Every date in `text`, or only the first when `firstOnly`.
std::vector<DateMatch> scanDates(std::string_view text, bool firstOnly) {
    std::vector<DateMatch> found;
    std::vector<Token> tokens = tokenize(text);
    DateMatcher matcher(text, tokens);
    for (size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind == TokenKind::Space || tokens[i].kind == TokenKind::Punct) continue;
        // Dates start at a word or number boundary, not inside "A1" or "x2017".
        if (i > 0 && tokens[i - 1].kind != TokenKind::Space && tokens[i - 1].kind != TokenKind::Punct) continue;
        if (!found.empty() && tokens[i].begin < found.back().end) continue;
        if (auto m = matcher.matchAt(i)) {
            found.push_back(std::move(*m));
            if (firstOnly) break;
        }
    }
    return found;
}

}  // namespace

std::optional<DateMatch> findDateTime(std::string_view text) {
    std::vector<DateMatch> found = scanDates(text, true);
    if (found.empty()) return std::nullopt;
    return std::move(found[0]);
}

std::vector<DateMatch> findAllDates(std::string_view text) { return scanDates(text, false); }

std::optional<DateMatch> matchWholeDateTime(std::string_view text) {
    auto m = findDateTime(text);
    if (!m) return std::nullopt;
    auto onlyDecoration = [](std::string_view s) {
        for (char c : s)
            if (isAsciiLetter(c) || isAsciiDigit(c)) return false;
        return true;
    };
    if (!onlyDecoration(text.substr(0, m->begin)) || !onlyDecoration(text.substr(m->end))) return std::nullopt;
    return m;
}

std::string parseDateTime(std::string_view text) {
    auto m = matchWholeDateTime(text);
    return m ? m->iso : std::string();
}

}  // namespace galley
