// text_lines.cpp — see text_lines.h.
#include "text_lines.h"

#include <algorithm>
#include <map>

#include "folded_text.h"
#include "text_util.h"
#include "utf8.h"

namespace galley::importing::scraped {

namespace {

// No-break and other wide spaces become plain spaces; zero-width characters, the BOM, soft hyphens and control
// characters go; runs of spaces collapse. None of this changes a visible word.
std::string normaliseLine(std::string_view raw) {
    std::u32string cps = utf8::decode(raw);
    std::u32string out;
    for (char32_t c : cps) {
        bool space = chars::isSpace(c);
        bool invisible = c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0xAD ||
                         c < 0x20 || c == 0x7F;
        if (space) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else if (!invisible) {
            out.push_back(c);
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return utf8::encode(out);
}

// Hard-wrapped text (every line cut near the same width) is joined back into paragraphs; so is a line that stops
// mid-sentence when the next one carries on in lower case. Both checks look at shape only.
std::vector<std::vector<size_t>> groupWrappedLines(const std::vector<SourceLine>& lines) {
    size_t widest = 0, longLines = 0;
    for (const SourceLine& l : lines) {
        size_t n = utf8::countCodePoints(l.text);
        widest = std::max(widest, n);
        if (n >= 30) ++longLines;
    }
    size_t nearWidest = 0;
    for (const SourceLine& l : lines) {
        size_t n = utf8::countCodePoints(l.text);
        if (n >= 30 && n * 4 >= widest * 3) ++nearWidest;
    }
    const bool hardWrapped = widest <= 100 && nearWidest >= 5 && nearWidest * 5 >= longLines * 2;

    std::vector<std::vector<size_t>> groups;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].text.empty()) continue;
        bool join = false;
        if (!groups.empty() && groups.back().back() + 1 == i) {
            const std::string& prev = lines[i - 1].text;
            const std::string& cur = lines[i].text;
            size_t prevLen = utf8::countCodePoints(prev);
            bool curIsItem = hasListMarker(cur, nullptr, nullptr);
            std::u32string curCps = utf8::decode(cur);
            bool curStartsLower = !curCps.empty() && chars::isLower(curCps[0]);
            char last = prev.back();
            if (!curIsItem && hardWrapped && prevLen * 10 >= widest * 6) join = true;
            // A lower-case start continues the sentence, unless the line is a byline or carries a date or a
            // separator ("by Jane Doe | March 3, 2021" under a headline).
            bool metadata = startsWith(cur, "by ") || cur.find(" | ") != std::string::npos ||
                            findDateTime(cur).has_value();
            if (!curIsItem && !metadata && prevLen >= 40 && !endsLikeSentence(prev) && last != ':' && curStartsLower)
                join = true;
        }
        if (join)
            groups.back().push_back(i);
        else
            groups.push_back({i});
    }
    return groups;
}

}  // namespace

std::vector<SourceLine> splitSourceLines(std::string_view text) {
    std::vector<SourceLine> lines;
    size_t i = 0;
    int number = 1;
    while (i <= text.size()) {
        size_t nl = text.find_first_of("\r\n", i);
        size_t end = nl == std::string_view::npos ? text.size() : nl;
        SourceLine line;
        line.number = number++;
        line.raw = std::string(text.substr(i, end - i));
        line.text = normaliseLine(line.raw);
        lines.push_back(std::move(line));
        if (nl == std::string_view::npos) break;
        i = nl + 1;
        if (text[nl] == '\r' && i < text.size() && text[i] == '\n') ++i;
        if (i == text.size()) break;
    }
    return lines;
}

bool endsLikeSentence(std::string_view text) {
    std::u32string cps = utf8::decode(text);
    while (!cps.empty()) {
        char32_t c = cps.back();
        bool closer = c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB ||
                      c == ' ' || c == '*' || c == '_';
        if (!closer) break;
        cps.pop_back();
    }
    if (cps.empty()) return false;
    char32_t c = cps.back();
    return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

// "• item", "- item", "* item", "1. item", "2) item", "(3) item".
bool hasListMarker(const std::string& text, bool* ordered, std::string* rest) {
    static const char* const bullets[] = {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x97\xA6", "\xE2\x96\xAA",
                                          "\xE2\x80\xA3", "\xE2\x96\xA0", "-",            "*",
                                          "\xE2\x80\x93", "+"};
    for (const char* b : bullets) {
        std::string_view bv(b);
        if (startsWith(text, bv) && text.size() > bv.size() + 1 && text[bv.size()] == ' ') {
            if (ordered) *ordered = false;
            if (rest) *rest = trim(std::string_view(text).substr(bv.size() + 1));
            return true;
        }
    }
    size_t i = text[0] == '(' ? 1 : 0;
    size_t digits = 0;
    while (i + digits < text.size() && chars::isDigit(static_cast<unsigned char>(text[i + digits]))) ++digits;
    if (digits == 0 || digits > 2) return false;
    size_t j = i + digits;
    bool closed = j < text.size() && (text[j] == '.' || text[j] == ')');
    if (!closed || (text[0] == '(' && text[j] != ')')) return false;
    if (j + 1 >= text.size() || text[j + 1] != ' ') return false;
    if (ordered) *ordered = true;
    if (rest) *rest = trim(std::string_view(text).substr(j + 2));
    return true;
}

// Labels that may surround a date on a date line: "Published: ...", "Last updated on ...".
bool isDateLabelWord(const std::string& w) {
    static const char* const labels[] = {"published", "posted", "updated", "last", "modified", "on", "at", "date",
                                         "first", "dated", "originally", "edited", "am", "pm", "a", "m", "p", "et",
                                         "pt", "ct", "mt", "utc", "gmt", "local", "time", "created"};
    for (const char* l : labels)
        if (w == l) return true;
    return false;
}

std::vector<Unit> describeUnits(const std::vector<SourceLine>& lines) {
    std::vector<Unit> units;
    for (const std::vector<size_t>& group : groupWrappedLines(lines)) {
        Unit u;
        u.sources = group;
        for (size_t idx : group) u.text += (u.text.empty() ? "" : " ") + lines[idx].text;
        units.push_back(std::move(u));
    }
    std::map<std::string, int> counts;
    for (Unit& u : units) {
        u.folded = foldForMatching(u.text);
        u.chars = utf8::countCodePoints(u.text);
        std::vector<std::string> words = splitWords(u.text);
        int lower = 0, lettered = 0;
        for (const std::string& w : words) {
            std::u32string cps = utf8::decode(w);
            bool any = std::any_of(cps.begin(), cps.end(), isWordCharacter);
            if (!any) continue;
            ++u.words;
            for (char32_t c : cps) {
                if (chars::isLower(c)) {
                    ++lower, ++lettered;
                    break;
                }
                if (chars::isUpper(c) || chars::isDigit(c)) {
                    ++lettered;
                    break;
                }
            }
        }
        u.lowerRatio = lettered ? double(lower) / lettered : 0;
        u.endsSentence = endsLikeSentence(u.text);
        u.endsColon = !u.text.empty() && u.text.back() == ':';
        std::u32string cps = utf8::decode(u.text);
        for (char32_t c : cps) {
            if (chars::isUpper(c) || chars::isDigit(c)) {
                u.startsUpper = true;
                break;
            }
            if (chars::isLower(c)) break;
        }
        u.listItem = hasListMarker(u.text, &u.orderedItem, &u.itemText);
        u.date = findDateTime(u.text);
        if (u.date) {
            // A date line may carry two dates ("20:45, 14 Feb 2024 | Updated 21:10, 14 Feb 2024"): take them
            // all out before asking whether anything but labels is left. The first date is the line's date.
            std::string outside = u.text;
            for (int k = 0; k < 3; ++k) {
                std::optional<DateMatch> m = findDateTime(outside);
                if (!m) break;
                outside = outside.substr(0, m->begin) + " " + outside.substr(m->end);
            }
            std::vector<std::string> rest = splitWords(foldForMatching(outside));
            u.dateOnly = std::all_of(rest.begin(), rest.end(), isDateLabelWord);
            std::string before = foldForMatching(u.text.substr(0, u.date->begin));
            u.updatedDate = containsPhrase(before, "updated") || containsPhrase(before, "modified");
        }
        int separators = 0;
        for (const char* sep : {" | ", " \xC2\xBB ", " \xE2\x80\xBA ", " > ", " / ", " \xE2\x80\xA2 ", " \xC2\xB7 "}) {
            size_t pos = 0;
            while ((pos = u.text.find(sep, pos)) != std::string::npos) ++separators, pos += 1;
        }
        u.separated = separators >= 2 && !u.endsSentence && u.words <= 3 * (separators + 1);
        u.furniture = matchFurniture(u);
        if (!u.date && u.words > 0 && u.words <= 3) {
            std::vector<std::string> ws = splitWords(u.folded);
            u.dateLabel = std::all_of(ws.begin(), ws.end(), isDateLabelWord);
        }
        for (const char* label : {"published in ", "appeared in ", "originally published in ", "first published in ",
                                  "originally appeared in "}) {
            if (u.words <= 9 && !u.endsSentence && startsWith(lowerAscii(u.text), label)) {
                u.publicationLabel = trim(u.text.substr(std::string(label).size()));
                break;
            }
        }
        ++counts[u.folded];
    }
    // "image caption," / "Caption:" labels say the next line is a caption.
    for (size_t i = 0; i + 1 < units.size(); ++i) {
        const std::string& f = units[i].folded;
        if (f == "image caption" || f == "media caption" || f == "photo caption" || f == "caption")
            units[i + 1].furniture = {Furniture::Caption, FurnitureShape::Notice};
    }
    // Runs of very short lines (three words or fewer, no sentence): menus.
    for (size_t i = 0; i < units.size();) {
        size_t j = i;
        auto menuItem = [](const Unit& u) { return u.words <= 3 && !u.endsSentence; };
        while (j < units.size() && menuItem(units[j])) ++j;
        for (size_t k = i; k < j; ++k) units[k].menuRun = static_cast<int>(j - i);
        i = j > i ? j : i + 1;
    }
    for (Unit& u : units) u.occurrences = u.folded.empty() ? 1 : counts[u.folded];
    return units;
}

bool isProse(const Unit& u) {
    if (u.furniture.kind != Furniture::None) return false;
    if (u.endsSentence && u.words >= 8 && u.lowerRatio >= 0.3) return true;
    return u.words >= 20 && u.lowerRatio >= 0.4;
}

bool isShortFragment(const Unit& u) {
    return !u.endsSentence && u.words <= 14 && u.chars <= 110 && !u.listItem && !u.endsColon;
}

bool isParagraphLike(const Unit& u) {
    if (u.endsSentence && u.words >= 2) return true;
    if (u.words >= 12 && u.lowerRatio >= 0.4) return true;
    return u.endsColon && u.words >= 2;
}

bool isHeadingShape(const Unit& u) {
    // "Q: Do you write every day?" is a line of dialogue, not a subhead.
    size_t colon = u.text.find(':');
    if (colon != std::string::npos && colon > 0 && splitWords(u.text.substr(0, colon)).size() <= 2) return false;
    // Two sentences are not a subhead ("A cabin in winter. Photo: ...").
    if (u.text.find(". ") != std::string::npos) {
        size_t dot = u.text.find(". ");
        bool initial = dot >= 2 && u.text[dot - 2] == ' ';  // "J. Smith"
        if (!initial) return false;
    }
    bool question = !u.text.empty() && u.text.back() == '?';
    return (!u.endsSentence || (question && u.words <= 12)) && !u.endsColon && u.words >= 1 && u.words <= 12 &&
           u.chars <= 90 && u.startsUpper && !u.listItem;
}

}  // namespace galley::importing::scraped
