// markdown_lines.cpp — see markdown_lines.h.
#include "markdown_lines.h"

#include <algorithm>

#include "text_util.h"
#include "utf8.h"

namespace galley::importing::markdown {

size_t leadingSpaces(const std::string& s) {
    size_t n = 0;
    while (n < s.size() && s[n] == ' ') ++n;
    return n;
}

std::string expandTabs(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\t') {
            size_t pad = 4 - out.size() % 4;
            out.append(pad, ' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

bool readListMarker(const std::string& line, ListMarker& m) {
    size_t indent = leadingSpaces(line);
    if (indent >= line.size()) return false;
    size_t i = indent;
    char c = line[i];
    if (c == '-' || c == '*' || c == '+') {
        m.ordered = false;
        m.bullet = c;
        ++i;
    } else if (chars::isDigit(static_cast<unsigned char>(c))) {
        size_t digits = 0;
        while (i < line.size() && chars::isDigit(static_cast<unsigned char>(line[i])) && digits < 10) ++i, ++digits;
        if (digits > 9 || i >= line.size() || (line[i] != '.' && line[i] != ')')) return false;
        m.ordered = true;
        m.bullet = line[i];
        ++i;
    } else {
        return false;
    }
    if (i < line.size() && line[i] != ' ') return false;
    size_t spaces = 0;
    while (i + spaces < line.size() && line[i + spaces] == ' ') ++spaces;
    if (i + spaces >= line.size()) return false;  // an empty item is left to the paragraph rules
    if (spaces > 4) spaces = 1;                   // indented code inside an item: content starts after one space
    m.indent = indent;
    m.contentIndent = i + spaces;
    m.content = line.substr(i + spaces);
    return true;
}

bool isThematicBreak(const std::string& line) {
    std::string t = trim(line);
    if (t.empty() || leadingSpaces(line) > 3) return false;
    char c = t[0];
    if (c != '-' && c != '*' && c != '_') return false;
    int count = 0;
    for (char ch : t) {
        if (ch == c) ++count;
        else if (ch != ' ') return false;
    }
    return count >= 3;
}

bool readAtxHeading(const std::string& line, int& level, std::string& text) {
    size_t indent = leadingSpaces(line);
    if (indent > 3) return false;
    size_t i = indent;
    int hashes = 0;
    while (i < line.size() && line[i] == '#' && hashes < 7) ++i, ++hashes;
    if (hashes == 0 || hashes > 6) return false;
    if (i < line.size() && line[i] != ' ') return false;
    std::string rest = trim(line.substr(i));
    // Closing hashes ("## Title ##") go when a space precedes them.
    size_t end = rest.size();
    while (end > 0 && rest[end - 1] == '#') --end;
    if (end == 0)
        rest.clear();
    else if (end < rest.size() && rest[end - 1] == ' ')
        rest = trim(rest.substr(0, end));
    level = hashes;
    text = rest;
    return true;
}

bool readFence(const std::string& line, std::string& fence) {
    size_t indent = leadingSpaces(line);
    if (indent > 3 || indent >= line.size()) return false;
    char c = line[indent];
    if (c != '`' && c != '~') return false;
    size_t n = 0;
    while (indent + n < line.size() && line[indent + n] == c) ++n;
    if (n < 3) return false;
    if (c == '`' && line.find('`', indent + n) != std::string::npos) return false;
    fence = std::string(n, c);
    return true;
}

bool isSetextUnderline(const std::string& line, int& level) {
    if (leadingSpaces(line) > 3) return false;
    std::string t = trim(line);
    if (t.empty()) return false;
    char c = t[0];
    if (c != '=' && c != '-') return false;
    if (!std::all_of(t.begin(), t.end(), [c](char ch) { return ch == c; })) return false;
    level = c == '=' ? 1 : 2;
    return true;
}

// "[label]: https://example.com "Title""
bool readLinkDefinition(const std::string& line, LinkRefs& refs) {
    std::string t = trim(line);
    if (leadingSpaces(line) > 3 || t.empty() || t[0] != '[') return false;
    size_t close = t.find("]:");
    if (close == std::string::npos || close < 2) return false;
    std::string label = t.substr(1, close - 1);
    if (label[0] == '^') return false;  // footnote definitions are not links
    std::string rest = trim(t.substr(close + 2));
    if (rest.empty()) return false;
    std::string dest = rest.substr(0, rest.find(' '));
    if (dest.size() >= 2 && dest.front() == '<' && dest.back() == '>') dest = dest.substr(1, dest.size() - 2);
    std::string key = normaliseLabel(utf8::decode(label));
    if (!refs.count(key)) refs[key] = dest;
    return true;
}

bool isTableSeparator(const std::string& line) {
    std::string t = trim(line);
    if (t.find('-') == std::string::npos || t.find('|') == std::string::npos) return false;
    return std::all_of(t.begin(), t.end(), [](char c) { return c == '|' || c == '-' || c == ':' || c == ' '; });
}

std::vector<std::string> tableCells(const std::string& line) {
    std::string t = trim(line);
    if (!t.empty() && t.front() == '|') t = t.substr(1);
    if (!t.empty() && t.back() == '|') t.pop_back();
    std::vector<std::string> cells;
    std::string cell;
    for (size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == '|') {
            cell.push_back('|');
            ++i;
        } else if (t[i] == '|') {
            cells.push_back(trim(cell));
            cell.clear();
        } else {
            cell.push_back(t[i]);
        }
    }
    cells.push_back(trim(cell));
    return cells;
}

}  // namespace galley::importing::markdown
