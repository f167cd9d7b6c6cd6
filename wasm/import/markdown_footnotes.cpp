// markdown_footnotes.cpp — see markdown_footnotes.h.
#include "markdown_footnotes.h"

#include <algorithm>

#include "text_util.h"

namespace galley::importing::markdown {

namespace {

size_t spacesBefore(const std::string& line) {
    size_t n = 0;
    while (n < line.size() && line[n] == ' ') ++n;
    return n;
}

bool isBlank(const std::string& line) { return trim(line).empty(); }

// A code fence: up to three spaces, then three or more backticks or tildes. `fence` gets the run.
bool readFence(const std::string& line, std::string& fence) {
    const size_t indent = spacesBefore(line);
    if (indent > 3 || indent >= line.size() || (line[indent] != '`' && line[indent] != '~')) return false;
    size_t n = indent;
    while (n < line.size() && line[n] == line[indent]) ++n;
    if (n - indent < 3) return false;
    if (line[indent] == '`' && line.find('`', n) != std::string::npos) return false;  // an inline code span
    fence = line.substr(indent, n - indent);
    return true;
}

bool closesFence(const std::string& line, const std::string& fence) {
    std::string run;
    return readFence(line, run) && run[0] == fence[0] && run.size() >= fence.size() &&
           trim(line).size() == run.size();
}

bool isLabelCharacter(char32_t c) { return c != ']' && c != '[' && !chars::isSpace(c); }

// "[^label]: text" with up to three spaces before: the label and where the text starts.
bool readDefinitionStart(const std::string& line, std::string& label, size_t& textStart) {
    const size_t indent = spacesBefore(line);
    if (indent > 3 || line.compare(indent, 2, "[^") != 0) return false;
    const size_t close = line.find(']', indent + 2);
    if (close == std::string::npos || close == indent + 2 || close + 1 >= line.size() || line[close + 1] != ':')
        return false;
    label = line.substr(indent + 2, close - indent - 2);
    for (char32_t c : utf8::decode(label))
        if (!isLabelCharacter(c)) return false;
    textStart = close + 2;
    while (textStart < line.size() && line[textStart] == ' ') ++textStart;
    return true;
}

// Four spaces or a tab: a second paragraph of the note. Returns the line without them.
bool readIndented(const std::string& line, std::string& rest) {
    if (startsWith(line, "\t")) rest = line.substr(1);
    else if (startsWith(line, "    ")) rest = line.substr(4);
    else return false;
    return true;
}

// Continuation lines are de-indented by up to four spaces (or a tab), so that md4c reads them as the note's own.
std::string deindent(const std::string& line) {
    std::string rest;
    if (readIndented(line, rest)) return rest;
    return line.substr(spacesBefore(line));
}

}  // namespace

std::vector<FootnoteDefinition> takeFootnoteDefinitions(std::vector<std::string>& lines, size_t firstLine) {
    std::vector<FootnoteDefinition> definitions;
    std::string openFence;
    size_t i = firstLine;
    while (i < lines.size()) {
        const std::string& line = lines[i];
        std::string fence;
        if (!openFence.empty()) {
            if (closesFence(line, openFence)) openFence.clear();
            ++i;
            continue;
        }
        if (readFence(line, fence)) {
            openFence = fence;
            ++i;
            continue;
        }
        FootnoteDefinition d;
        size_t textStart = 0;
        if (!readDefinitionStart(line, d.label, textStart)) {
            ++i;
            continue;
        }
        d.firstLine = d.lastLine = i;
        d.markdown = line.substr(textStart);
        size_t j = i + 1;
        while (j < lines.size()) {
            std::string label, rest;
            size_t start = 0;
            const std::string& next = lines[j];
            if (readDefinitionStart(next, label, start)) break;
            if (isBlank(next)) {
                // A blank line ends the note unless an indented line follows it.
                size_t k = j;
                while (k < lines.size() && isBlank(lines[k])) ++k;
                if (k == lines.size() || !readIndented(lines[k], rest)) break;
                for (; j < k; ++j) d.markdown += "\n";
                continue;
            }
            const std::string t = trim(next);
            const bool fenced = readFence(next, rest);
            const bool heading = spacesBefore(next) <= 3 && t[0] == '#';
            if ((fenced || heading) && !readIndented(next, rest)) break;
            d.markdown += "\n" + deindent(next);
            d.lastLine = j++;
        }
        for (size_t k = d.firstLine; k <= d.lastLine; ++k) lines[k].clear();
        definitions.push_back(std::move(d));
        i = j;
    }
    return definitions;
}

FootnoteNumbers::FootnoteNumbers(const std::vector<FootnoteDefinition>& definitions)
    : numberOf_(definitions.size(), 0) {
    for (size_t k = 0; k < definitions.size(); ++k) firstDefinition_.emplace(definitions[k].label, k);
}

int FootnoteNumbers::numberFor(const std::string& label) {
    auto it = firstDefinition_.find(label);
    if (it == firstDefinition_.end()) return 0;
    int& number = numberOf_[it->second];
    if (number == 0) {
        numbered_.push_back(it->second);
        number = static_cast<int>(numbered_.size());
    }
    return number;
}

bool FootnoteNumbers::numberNextUnreferenced() {
    for (size_t k = 0; k < numberOf_.size(); ++k)
        if (numberOf_[k] == 0) {
            numbered_.push_back(k);
            numberOf_[k] = static_cast<int>(numbered_.size());
            return true;
        }
    return false;
}

void resolveFootnoteReferences(InlineText& text, FootnoteNumbers& numbers,
                               std::vector<std::pair<uint32_t, std::string>>& missing) {
    const auto plain = [&](size_t k) { return !(text.flags[k] & (InlineText::Code | InlineText::Escaped)); };
    uint32_t i = 0;
    while (i + 3 < text.size()) {
        if (text.text[i] != '[' || text.text[i + 1] != '^' || !plain(i) || !plain(i + 1)) {
            ++i;
            continue;
        }
        uint32_t close = i + 2;
        while (close < text.size() && isLabelCharacter(text.text[close]) && plain(close)) ++close;
        if (close == i + 2 || close >= text.size() || text.text[close] != ']' || !plain(close)) {
            ++i;
            continue;
        }
        const std::string label = utf8::encode(text.text.substr(i + 2, close - i - 2));
        const int number = numbers.numberFor(label);
        if (number == 0) {
            missing.emplace_back(i, label);
            i = close + 1;
            continue;
        }
        const std::u32string digits = utf8::decode(std::to_string(number));
        text.replace(i, close + 1, digits);
        for (uint32_t k = i; k < i + digits.size(); ++k) text.flags[k] = InlineText::Code;  // no typography
        Mark note;
        note.kind = MarkKind::Note;
        note.start = i;
        note.end = static_cast<uint32_t>(i + digits.size());
        note.note = footnoteId(static_cast<size_t>(number));
        i = note.end;
        text.marks.push_back(std::move(note));
    }
}

}  // namespace galley::importing::markdown
