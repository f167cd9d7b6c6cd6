// import_markdown.cpp — see import_markdown.h. Two passes, as in CommonMark: lines to blocks (a small state
// machine: paragraph, list, quote, code, table), then each block's inline text to rich text (tokens, then the
// delimiter-run algorithm for emphasis, then flattening into text plus code point marks).
#include "import_markdown.h"

#include <algorithm>
#include <map>

#include "bundle_loader.h"
#include "bundle_writer.h"
#include "date_parse.h"
#include "typography.h"

namespace galley {
namespace {

// ---------------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------------

using LinkRefs = std::map<std::string, std::string>;  // normalised label -> destination

bool isAsciiPunct(char32_t c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}
bool isWhite(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0; }
bool isPunctuation(char32_t c) {
    return isAsciiPunct(c) || (c >= 0xA1 && c <= 0xBF) || (c >= 0x2010 && c <= 0x205E) || (c >= 0x3000 && c <= 0x303F);
}

std::string trimSpaces(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
    return std::string(s.substr(b, e - b));
}

std::string lowerAscii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Reference labels match case-insensitively with runs of whitespace collapsed.
std::string normaliseLabel(std::u32string_view label) {
    std::string s = lowerAscii(encodeUtf8(label));
    std::string out;
    for (char c : s) {
        bool space = c == ' ' || c == '\t' || c == '\n';
        if (space) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// The loader accepts only these schemes; a link elsewhere keeps its text and loses the mark.
bool allowedHref(const std::string& href) {
    std::string l = lowerAscii(href);
    return startsWith(l, "http://") || startsWith(l, "https://") || startsWith(l, "mailto:");
}

size_t leadingSpaces(const std::string& s) {
    size_t n = 0;
    while (n < s.size() && s[n] == ' ') ++n;
    return n;
}

// Tabs to spaces (tab stops of 4), so indentation can be counted in columns.
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

// "&amp;", "&#8217;", "&#x2019;" and the named entities articles actually use.
bool decodeEntity(std::u32string_view s, size_t i, char32_t& out, size_t& length) {
    size_t semi = s.find(U';', i);
    if (semi == std::u32string_view::npos || semi - i > 10 || semi == i + 1) return false;
    std::string name = encodeUtf8(s.substr(i + 1, semi - i - 1));
    length = semi - i + 1;
    if (name[0] == '#') {
        long v = 0;
        bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        for (size_t k = hex ? 2 : 1; k < name.size(); ++k) {
            char c = name[k];
            int d = (c >= '0' && c <= '9') ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                                                      : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0 || v > 0x10FFFF) return false;
            v = v * (hex ? 16 : 10) + d;
        }
        if (v <= 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return false;
        out = static_cast<char32_t>(v);
        return true;
    }
    struct Named { const char* name; char32_t cp; };
    static const Named named[] = {{"amp", '&'},       {"lt", '<'},         {"gt", '>'},         {"quot", '"'},
                                  {"apos", '\''},     {"nbsp", 0xA0},      {"mdash", 0x2014},   {"ndash", 0x2013},
                                  {"hellip", 0x2026}, {"rsquo", 0x2019},   {"lsquo", 0x2018},   {"ldquo", 0x201C},
                                  {"rdquo", 0x201D},  {"copy", 0xA9},      {"eacute", 0xE9},    {"times", 0xD7},
                                  {"shy", 0xAD},      {"middot", 0xB7},    {"bull", 0x2022},    {"euro", 0x20AC},
                                  {"pound", 0xA3}};
    for (const Named& n : named)
        if (name == n.name) {
            out = n.cp;
            return true;
        }
    return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Inline parsing
// ---------------------------------------------------------------------------------------------------------------

struct InlineNode {
    enum class Kind { Text, Delim, Open, Close } kind = Kind::Text;
    std::u32string text;        // Text
    bool verbatim = false;      // Text: code span or URL, typography leaves it alone
    char32_t delimChar = 0;     // Delim: '*' or '_'
    int count = 0;              // Delim: characters not yet used by a match
    int origCount = 0;
    bool canOpen = false, canClose = false;
    MarkKind mark = MarkKind::Emphasis;  // Open
    std::string href;                    // Open (link)
    int id = 0;                          // Open/Close pair
};

struct InlineImage {
    std::string src;
    std::string alt;
    std::string title;
};

struct LinkTarget {
    size_t end = 0;              // index after the whole link
    std::u32string_view label;   // the bracketed text
    std::string destination;
    std::string title;
};

class InlineParser {
public:
    explicit InlineParser(const LinkRefs& refs) : refs_(refs) {}

    // Text and marks of one block's inline content; images found inline go to `images`.
    RichText parse(std::u32string_view s, std::vector<InlineImage>* images) {
        std::vector<InlineNode> nodes;
        tokenize(s, nodes, images, 0);
        processEmphasis(nodes);
        return flatten(nodes);
    }

    // After `openBracket` (the index of '['): [label](dest "title"), [label][ref], [label][] or [ref].
    bool readLink(std::u32string_view s, size_t openBracket, LinkTarget& link) const {
        size_t j = openBracket + 1;
        int depth = 0;
        while (j < s.size()) {
            char32_t c = s[j];
            if (c == '\\' && j + 1 < s.size()) {
                j += 2;
                continue;
            }
            if (c == '`') {
                size_t run = backtickRun(s, j);
                size_t close = findBacktickClose(s, j + run, run);
                j = close == std::u32string_view::npos ? j + run : close + run;
                continue;
            }
            if (c == '[') ++depth;
            if (c == ']') {
                if (depth == 0) break;
                --depth;
            }
            ++j;
        }
        if (j >= s.size()) return false;
        link.label = s.substr(openBracket + 1, j - openBracket - 1);
        size_t k = j + 1;
        if (k < s.size() && s[k] == '(') {
            size_t p = k + 1;
            while (p < s.size() && isWhite(s[p])) ++p;
            std::u32string dest;
            if (p < s.size() && s[p] == '<') {
                ++p;
                while (p < s.size() && s[p] != '>' && s[p] != '\n') dest.push_back(s[p++]);
                if (p >= s.size() || s[p] != '>') return false;
                ++p;
            } else {
                int parens = 0;
                while (p < s.size() && !isWhite(s[p])) {
                    if (s[p] == '\\' && p + 1 < s.size() && isAsciiPunct(s[p + 1])) {
                        dest.push_back(s[p + 1]);
                        p += 2;
                        continue;
                    }
                    if (s[p] == '(') ++parens;
                    if (s[p] == ')') {
                        if (parens == 0) break;
                        --parens;
                    }
                    dest.push_back(s[p++]);
                }
            }
            while (p < s.size() && isWhite(s[p])) ++p;
            std::u32string title;
            if (p < s.size() && (s[p] == '"' || s[p] == '\'' || s[p] == '(')) {
                char32_t close = s[p] == '(' ? U')' : s[p];
                ++p;
                while (p < s.size() && s[p] != close) {
                    if (s[p] == '\\' && p + 1 < s.size()) ++p;
                    title.push_back(s[p++]);
                }
                if (p >= s.size()) return false;
                ++p;
                while (p < s.size() && isWhite(s[p])) ++p;
            }
            if (p >= s.size() || s[p] != ')') return false;
            link.end = p + 1;
            link.destination = encodeUtf8(dest);
            link.title = encodeUtf8(title);
            return true;
        }
        std::string key = normaliseLabel(link.label);
        if (k < s.size() && s[k] == '[') {
            size_t close = s.find(U']', k + 1);
            if (close != std::u32string_view::npos) {
                std::u32string_view ref = s.substr(k + 1, close - k - 1);
                if (!ref.empty()) key = normaliseLabel(ref);
                auto it = refs_.find(key);
                if (it == refs_.end()) return false;
                link.destination = it->second;
                link.end = close + 1;
                return true;
            }
        }
        auto it = refs_.find(key);
        if (it == refs_.end()) return false;
        link.destination = it->second;
        link.end = j + 1;
        return true;
    }

private:
    const LinkRefs& refs_;
    int nextId_ = 0;

    static size_t backtickRun(std::u32string_view s, size_t i) {
        size_t n = 0;
        while (i + n < s.size() && s[i + n] == '`') ++n;
        return n;
    }

    static size_t findBacktickClose(std::u32string_view s, size_t from, size_t run) {
        size_t j = from;
        while (j < s.size()) {
            if (s[j] == '`') {
                size_t r = backtickRun(s, j);
                if (r == run) return j;
                j += r;
            } else {
                ++j;
            }
        }
        return std::u32string_view::npos;
    }

    void tokenize(std::u32string_view s, std::vector<InlineNode>& out, std::vector<InlineImage>* images, int depth) {
        std::u32string buf;
        auto flush = [&] {
            if (!buf.empty()) {
                InlineNode t;
                t.text = buf;
                out.push_back(std::move(t));
                buf.clear();
            }
        };
        auto pushVerbatim = [&](std::u32string text) {
            flush();
            InlineNode t;
            t.text = std::move(text);
            t.verbatim = true;
            out.push_back(std::move(t));
        };
        auto pushLink = [&](const std::string& href, const std::vector<InlineNode>& inner) {
            flush();
            bool allowed = allowedHref(href);
            int id = nextId_++;
            if (allowed) {
                InlineNode open;
                open.kind = InlineNode::Kind::Open;
                open.mark = MarkKind::Link;
                open.href = href;
                open.id = id;
                out.push_back(open);
            }
            out.insert(out.end(), inner.begin(), inner.end());
            if (allowed) {
                InlineNode close;
                close.kind = InlineNode::Kind::Close;
                close.id = id;
                out.push_back(close);
            }
        };

        size_t i = 0;
        while (i < s.size()) {
            char32_t c = s[i];
            char32_t prev = i > 0 ? s[i - 1] : U' ';
            if (c == '\\') {
                if (i + 1 < s.size() && isAsciiPunct(s[i + 1])) {
                    buf.push_back(s[i + 1]);
                    i += 2;
                } else if (i + 1 < s.size() && s[i + 1] == '\n') {
                    buf.push_back(' ');  // hard line break: the model has none, a space keeps the words apart
                    i += 2;
                } else {
                    buf.push_back(c);
                    ++i;
                }
                continue;
            }
            if (c == '`') {
                size_t run = backtickRun(s, i);
                size_t close = findBacktickClose(s, i + run, run);
                if (close == std::u32string_view::npos) {
                    buf.append(run, U'`');
                    i += run;
                    continue;
                }
                std::u32string code(s.substr(i + run, close - i - run));
                for (char32_t& ch : code)
                    if (ch == '\n') ch = ' ';
                bool allSpace = std::all_of(code.begin(), code.end(), [](char32_t ch) { return ch == ' '; });
                if (!allSpace && code.size() >= 2 && code.front() == ' ' && code.back() == ' ')
                    code = code.substr(1, code.size() - 2);
                pushVerbatim(code);
                i = close + run;
                continue;
            }
            if (c == '!' && i + 1 < s.size() && s[i + 1] == '[') {
                LinkTarget link;
                if (readLink(s, i + 1, link)) {
                    if (images) images->push_back({link.destination, plainText(link.label), link.title});
                    i = link.end;
                    continue;
                }
            }
            if (c == '[' && depth < 8) {
                LinkTarget link;
                if (readLink(s, i, link)) {
                    std::vector<InlineNode> inner;
                    tokenize(link.label, inner, images, depth + 1);
                    processEmphasis(inner);  // emphasis never crosses a link's edge
                    pushLink(link.destination, inner);
                    i = link.end;
                    continue;
                }
            }
            if (c == '<') {
                size_t close = s.find(U'>', i);
                if (close != std::u32string_view::npos && close > i + 1) {
                    std::u32string inside(s.substr(i + 1, close - i - 1));
                    std::string insideUtf8 = encodeUtf8(inside);
                    bool spaceless = inside.find(U' ') == std::u32string::npos && inside.find(U'\n') == std::u32string::npos;
                    bool scheme = spaceless && insideUtf8.find(':') != std::string::npos &&
                                  ((inside[0] >= 'a' && inside[0] <= 'z') || (inside[0] >= 'A' && inside[0] <= 'Z'));
                    bool email = spaceless && !scheme && insideUtf8.find('@') != std::string::npos;
                    if (scheme || email) {
                        InlineNode text;
                        text.text = inside;
                        text.verbatim = true;
                        pushLink(email ? "mailto:" + insideUtf8 : insideUtf8, {text});
                        i = close + 1;
                        continue;
                    }
                    // Inline HTML: tags go, their text stays. A <br> separates words.
                    bool tag = (inside[0] >= 'a' && inside[0] <= 'z') || (inside[0] >= 'A' && inside[0] <= 'Z') ||
                               inside[0] == '/' || inside[0] == '!';
                    if (tag) {
                        std::string name = lowerAscii(insideUtf8);
                        if (startsWith(name, "br")) buf.push_back(' ');
                        i = close + 1;
                        continue;
                    }
                }
            }
            // Bare URLs (GitHub's autolink extension): "see https://example.com/x."
            if ((c == 'h' || c == 'H') && (isWhite(prev) || prev == '(' || i == 0)) {
                std::string head = lowerAscii(encodeUtf8(s.substr(i, 8)));
                if (startsWith(head, "http://") || startsWith(head, "https://")) {
                    size_t j = i;
                    while (j < s.size() && !isWhite(s[j]) && s[j] != '<') ++j;
                    while (j > i && (s[j - 1] == '.' || s[j - 1] == ',' || s[j - 1] == ':' || s[j - 1] == ';' ||
                                     s[j - 1] == '!' || s[j - 1] == '?' || s[j - 1] == ')' || s[j - 1] == '"' ||
                                     s[j - 1] == '\''))
                        --j;
                    InlineNode text;
                    text.text = std::u32string(s.substr(i, j - i));
                    text.verbatim = true;
                    pushLink(encodeUtf8(text.text), {text});
                    i = j;
                    continue;
                }
            }
            if (c == '*' || c == '_') {
                size_t run = 0;
                while (i + run < s.size() && s[i + run] == c) ++run;
                char32_t next = i + run < s.size() ? s[i + run] : U' ';
                bool left = !isWhite(next) && (!isPunctuation(next) || isWhite(prev) || isPunctuation(prev));
                bool right = !isWhite(prev) && (!isPunctuation(prev) || isWhite(next) || isPunctuation(next));
                flush();
                InlineNode d;
                d.kind = InlineNode::Kind::Delim;
                d.delimChar = c;
                d.count = d.origCount = static_cast<int>(run);
                if (c == '*') {
                    d.canOpen = left;
                    d.canClose = right;
                } else {  // intraword underscores ("snake_case") are not emphasis
                    d.canOpen = left && (!right || isPunctuation(prev));
                    d.canClose = right && (!left || isPunctuation(next));
                }
                out.push_back(d);
                i += run;
                continue;
            }
            if (c == '&') {
                char32_t decoded;
                size_t length;
                if (decodeEntity(s, i, decoded, length)) {
                    buf.push_back(decoded);
                    i += length;
                    continue;
                }
            }
            if (c == '\n') {
                while (!buf.empty() && buf.back() == ' ') buf.pop_back();
                buf.push_back(' ');
                ++i;
                while (i < s.size() && s[i] == ' ') ++i;
                continue;
            }
            buf.push_back(c);
            ++i;
        }
        flush();
    }

    // CommonMark's delimiter-run matching, without the openers_bottom optimisation (paragraphs are short).
    void processEmphasis(std::vector<InlineNode>& nodes) {
        size_t c = 0;
        while (c < nodes.size()) {
            InlineNode& closer = nodes[c];
            if (closer.kind != InlineNode::Kind::Delim || !closer.canClose || closer.count == 0) {
                ++c;
                continue;
            }
            long opener = -1;
            for (long k = static_cast<long>(c) - 1; k >= 0; --k) {
                const InlineNode& cand = nodes[static_cast<size_t>(k)];
                if (cand.kind != InlineNode::Kind::Delim || cand.delimChar != closer.delimChar || !cand.canOpen ||
                    cand.count == 0)
                    continue;
                bool ruleOfThree = (cand.canClose || closer.canOpen) && (cand.origCount + closer.origCount) % 3 == 0 &&
                                   !(cand.origCount % 3 == 0 && closer.origCount % 3 == 0);
                if (ruleOfThree) continue;
                opener = k;
                break;
            }
            if (opener < 0) {
                ++c;
                continue;
            }
            size_t o = static_cast<size_t>(opener);
            int use = (nodes[o].count >= 2 && nodes[c].count >= 2) ? 2 : 1;
            nodes[o].count -= use;
            nodes[c].count -= use;
            for (size_t k = o + 1; k < c; ++k)
                if (nodes[k].kind == InlineNode::Kind::Delim) nodes[k].canOpen = nodes[k].canClose = false;
            int id = nextId_++;
            InlineNode open;
            open.kind = InlineNode::Kind::Open;
            open.mark = use == 2 ? MarkKind::Strong : MarkKind::Emphasis;
            open.id = id;
            InlineNode close;
            close.kind = InlineNode::Kind::Close;
            close.id = id;
            nodes.insert(nodes.begin() + static_cast<long>(c), close);
            nodes.insert(nodes.begin() + static_cast<long>(o) + 1, open);
            c += 2;  // the closer again: it may have characters left
        }
    }

    std::string plainText(std::u32string_view s) {
        std::vector<InlineNode> nodes;
        tokenize(s, nodes, nullptr, 8);
        processEmphasis(nodes);
        return encodeUtf8(flattenText(nodes, nullptr));
    }

    static std::u32string flattenText(const std::vector<InlineNode>& nodes, std::vector<bool>* verbatim) {
        std::u32string text;
        for (const InlineNode& n : nodes) {
            if (n.kind == InlineNode::Kind::Text) {
                text += n.text;
                if (verbatim) verbatim->insert(verbatim->end(), n.text.size(), n.verbatim);
            } else if (n.kind == InlineNode::Kind::Delim) {
                text.append(static_cast<size_t>(n.count), n.delimChar);
                if (verbatim) verbatim->insert(verbatim->end(), static_cast<size_t>(n.count), false);
            }
        }
        return text;
    }

    static RichText flatten(const std::vector<InlineNode>& nodes) {
        std::u32string text;
        std::vector<bool> verbatim;
        struct OpenMark { uint32_t start; MarkKind kind; std::string href; };
        std::map<int, OpenMark> open;
        std::vector<Mark> marks;
        for (const InlineNode& n : nodes) {
            switch (n.kind) {
                case InlineNode::Kind::Text:
                    text += n.text;
                    verbatim.insert(verbatim.end(), n.text.size(), n.verbatim);
                    break;
                case InlineNode::Kind::Delim:
                    text.append(static_cast<size_t>(n.count), n.delimChar);
                    verbatim.insert(verbatim.end(), static_cast<size_t>(n.count), false);
                    break;
                case InlineNode::Kind::Open:
                    open[n.id] = {static_cast<uint32_t>(text.size()), n.mark, n.href};
                    break;
                case InlineNode::Kind::Close: {
                    auto it = open.find(n.id);
                    if (it == open.end()) break;
                    Mark m;
                    m.kind = it->second.kind;
                    m.start = it->second.start;
                    m.end = static_cast<uint32_t>(text.size());
                    m.href = it->second.href;
                    if (m.end > m.start) marks.push_back(std::move(m));
                    open.erase(it);
                    break;
                }
            }
        }
        // Trim the ends, moving marks with the text.
        size_t lead = 0;
        while (lead < text.size() && isWhite(text[lead])) ++lead;
        size_t tail = text.size();
        while (tail > lead && isWhite(text[tail - 1])) --tail;
        std::u32string trimmed = text.substr(lead, tail - lead);
        std::vector<bool> trimmedVerbatim(verbatim.begin() + static_cast<long>(lead),
                                          verbatim.begin() + static_cast<long>(tail));
        for (Mark& m : marks) {
            m.start = static_cast<uint32_t>(std::clamp<long>(long(m.start) - long(lead), 0, long(trimmed.size())));
            m.end = static_cast<uint32_t>(std::clamp<long>(long(m.end) - long(lead), 0, long(trimmed.size())));
        }
        // Typography, with marks carried through the offset map.
        std::vector<uint32_t> map;
        std::u32string clean = smartenPunctuation(trimmed, &map, &trimmedVerbatim);
        RichText rt;
        rt.text = encodeUtf8(clean);
        for (Mark m : marks) {
            m.start = map[m.start];
            m.end = map[m.end];
            if (m.end > m.start) rt.marks.push_back(std::move(m));
        }
        std::stable_sort(rt.marks.begin(), rt.marks.end(), [](const Mark& a, const Mark& b) {
            return a.start != b.start ? a.start < b.start : a.end > b.end;
        });
        return rt;
    }
};

// ---------------------------------------------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------------------------------------------

struct FrontMatter {
    std::string title, subtitle, published, source, sourceUrl;
    std::vector<std::string> authors;
    size_t lines = 0;  // lines it occupies, fences included; 0 when there is none
};

std::string unquote(std::string v) {
    v = trimSpaces(v);
    if (v.size() >= 2 && ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\'')))
        v = v.substr(1, v.size() - 2);
    return v;
}

std::vector<std::string> splitNames(const std::string& value) {
    std::string v = value;
    if (v.size() >= 2 && v.front() == '[' && v.back() == ']') v = v.substr(1, v.size() - 2);
    for (const char* joiner : {" and ", " & ", ";"}) {
        size_t pos;
        while ((pos = v.find(joiner)) != std::string::npos) v.replace(pos, std::string(joiner).size(), ",");
    }
    std::vector<std::string> names;
    size_t start = 0;
    while (start <= v.size()) {
        size_t comma = v.find(',', start);
        std::string part = unquote(v.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (!part.empty()) names.push_back(part);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return names;
}

FrontMatter readFrontMatter(const std::vector<std::string>& lines) {
    FrontMatter fm;
    if (lines.empty() || trimSpaces(lines[0]) != "---") return fm;
    size_t end = 0;
    for (size_t j = 1; j < lines.size() && j < 300; ++j) {
        std::string t = trimSpaces(lines[j]);
        if (t == "---" || t == "...") {
            end = j;
            break;
        }
    }
    if (end == 0) return fm;
    fm.lines = end + 1;
    std::string currentKey;
    std::string subtitleFrom;  // which key gave the subtitle: "subtitle" beats "description"
    for (size_t j = 1; j < end; ++j) {
        const std::string& raw = lines[j];
        std::string t = trimSpaces(raw);
        if (t.empty() || t[0] == '#') continue;
        bool indented = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
        if (t[0] == '-' && (t.size() == 1 || t[1] == ' ')) {
            std::string item = unquote(t.substr(1));
            if (startsWith(item, "name:")) item = unquote(item.substr(5));
            if (currentKey == "author" || currentKey == "authors") fm.authors.push_back(item);
            continue;
        }
        size_t colon = t.find(':');
        if (colon == std::string::npos) continue;
        std::string key = lowerAscii(trimSpaces(t.substr(0, colon)));
        std::string value = trimSpaces(t.substr(colon + 1));
        if (indented && (currentKey == "author" || currentKey == "authors")) {
            if (key == "name") fm.authors.push_back(unquote(value));
            continue;
        }
        currentKey = key;
        if (value.empty()) continue;
        if (key == "title") {
            fm.title = unquote(value);
        } else if (key == "subtitle" || key == "dek" || key == "standfirst" || key == "description" ||
                   key == "summary" || key == "excerpt") {
            bool stronger = subtitleFrom.empty() || key == "subtitle" || key == "dek" ||
                            (key == "standfirst" && subtitleFrom != "subtitle" && subtitleFrom != "dek");
            if (stronger) fm.subtitle = unquote(value), subtitleFrom = key;
        } else if (key == "author" || key == "authors" || key == "by" || key == "byline" || key == "creator") {
            for (const std::string& n : splitNames(value)) fm.authors.push_back(n);
        } else if (key == "date" || key == "published" || key == "pubdate" || key == "publishdate" ||
                   key == "published_at" || key == "date_published" || key == "publish_date") {
            std::string iso = parseDateTime(unquote(value));
            if (!iso.empty()) fm.published = iso;
        } else if (key == "source" || key == "publication" || key == "site" || key == "site_name" ||
                   key == "publisher") {
            fm.source = unquote(value);
        } else if (key == "source_url" || key == "canonical_url" || key == "url") {
            std::string url = unquote(value);
            if (allowedHref(url) && !startsWith(lowerAscii(url), "mailto:")) fm.sourceUrl = url;
        }
    }
    return fm;
}

// ---------------------------------------------------------------------------------------------------------------
// Block parsing
// ---------------------------------------------------------------------------------------------------------------

struct SourcedBlock {
    Block block;
    std::vector<size_t> lines;  // input lines it came from
    std::string role;           // for --explain
};

struct ListMarker {
    bool ordered = false;
    char bullet = 0;       // '-', '*', '+' or the ordered delimiter '.' / ')'
    size_t indent = 0;     // spaces before the marker
    size_t contentIndent = 0;
    std::string content;
};

bool readListMarker(const std::string& line, ListMarker& m) {
    size_t indent = leadingSpaces(line);
    if (indent >= line.size()) return false;
    size_t i = indent;
    char c = line[i];
    if (c == '-' || c == '*' || c == '+') {
        m.ordered = false;
        m.bullet = c;
        ++i;
    } else if (c >= '0' && c <= '9') {
        size_t digits = 0;
        while (i < line.size() && line[i] >= '0' && line[i] <= '9' && digits < 10) ++i, ++digits;
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
    std::string t = trimSpaces(line);
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
    std::string rest = trimSpaces(line.substr(i));
    // Closing hashes ("## Title ##") go when a space precedes them.
    size_t end = rest.size();
    while (end > 0 && rest[end - 1] == '#') --end;
    if (end == 0)
        rest.clear();
    else if (end < rest.size() && rest[end - 1] == ' ')
        rest = trimSpaces(rest.substr(0, end));
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
    std::string t = trimSpaces(line);
    if (t.empty()) return false;
    char c = t[0];
    if (c != '=' && c != '-') return false;
    if (!std::all_of(t.begin(), t.end(), [c](char ch) { return ch == c; })) return false;
    level = c == '=' ? 1 : 2;
    return true;
}

// "[label]: https://example.com "Title""
bool readLinkDefinition(const std::string& line, LinkRefs& refs) {
    std::string t = trimSpaces(line);
    if (leadingSpaces(line) > 3 || t.empty() || t[0] != '[') return false;
    size_t close = t.find("]:");
    if (close == std::string::npos || close < 2) return false;
    std::string label = t.substr(1, close - 1);
    if (label[0] == '^') return false;  // footnote definitions are not links
    std::string rest = trimSpaces(t.substr(close + 2));
    if (rest.empty()) return false;
    std::string dest = rest.substr(0, rest.find(' '));
    if (dest.size() >= 2 && dest.front() == '<' && dest.back() == '>') dest = dest.substr(1, dest.size() - 2);
    std::string key = normaliseLabel(decodeUtf8(label));
    if (!refs.count(key)) refs[key] = dest;
    return true;
}

bool isTableSeparator(const std::string& line) {
    std::string t = trimSpaces(line);
    if (t.find('-') == std::string::npos || t.find('|') == std::string::npos) return false;
    return std::all_of(t.begin(), t.end(), [](char c) { return c == '|' || c == '-' || c == ':' || c == ' '; });
}

std::vector<std::string> tableCells(const std::string& line) {
    std::string t = trimSpaces(line);
    if (!t.empty() && t.front() == '|') t = t.substr(1);
    if (!t.empty() && t.back() == '|') t.pop_back();
    std::vector<std::string> cells;
    std::string cell;
    for (size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == '|') {
            cell.push_back('|');
            ++i;
        } else if (t[i] == '|') {
            cells.push_back(trimSpaces(cell));
            cell.clear();
        } else {
            cell.push_back(t[i]);
        }
    }
    cells.push_back(trimSpaces(cell));
    return cells;
}

class BlockParser {
public:
    BlockParser(const std::vector<std::string>& lines, size_t firstLine, LinkRefs& refs)
        : lines_(lines), first_(firstLine), refs_(refs), inline_(refs) {}

    std::vector<SourcedBlock> run(std::vector<std::string>& roles) {
        roles_ = &roles;
        // Link definitions first: a reference may be used before it is defined.
        for (size_t i = first_; i < lines_.size(); ++i) {
            LinkRefs probe;
            if (readLinkDefinition(lines_[i], probe)) definitionLines_.push_back(i);
        }
        for (size_t i : definitionLines_) readLinkDefinition(lines_[i], refs_);

        size_t i = first_;
        while (i < lines_.size()) i = step(i);
        closeParagraph();
        closeList();
        closeQuote();
        return std::move(blocks_);
    }

private:
    const std::vector<std::string>& lines_;
    size_t first_;
    LinkRefs& refs_;
    InlineParser inline_;
    std::vector<std::string>* roles_ = nullptr;
    std::vector<size_t> definitionLines_;
    std::vector<SourcedBlock> blocks_;

    std::vector<size_t> paragraph_;  // open paragraph's lines

    struct OpenList {
        bool open = false;
        bool ordered = false;
        char bullet = 0;
        size_t contentIndent = 0;
        bool blankSeen = false;
        std::vector<std::pair<std::string, std::vector<size_t>>> items;  // text, lines
    } list_;

    std::vector<std::pair<std::string, size_t>> quote_;  // stripped text, line

    void setRole(size_t line, const std::string& role) { (*roles_)[line] = role; }

    bool isDefinitionLine(size_t i) const {
        return std::find(definitionLines_.begin(), definitionLines_.end(), i) != definitionLines_.end();
    }

    // Starts of blocks that end a paragraph or a lazy continuation.
    bool startsBlock(const std::string& line) const {
        int level;
        std::string text, fence;
        ListMarker m;
        std::string t = trimSpaces(line);
        return readAtxHeading(line, level, text) || isThematicBreak(line) || readFence(line, fence) ||
               (!t.empty() && t[0] == '>' && leadingSpaces(line) <= 3) || (readListMarker(line, m) && m.indent <= 3);
    }

    void addBlock(Block b, std::vector<size_t> lines, const std::string& role) {
        for (size_t l : lines) setRole(l, role);
        blocks_.push_back({std::move(b), std::move(lines), role});
    }

    size_t step(size_t i) {
        const std::string& line = lines_[i];
        std::string t = trimSpaces(line);

        if (isDefinitionLine(i) && paragraph_.empty()) {
            closeList();
            closeQuote();
            setRole(i, "-link definition");
            return i + 1;
        }
        if (t.empty()) {
            closeParagraph();
            closeQuote();
            if (list_.open) list_.blankSeen = true;
            setRole(i, "-blank");
            return i + 1;
        }
        if (list_.open) {
            if (std::optional<size_t> next = continueList(i)) return *next;
        }
        if (!quote_.empty()) {
            if (leadingSpaces(line) <= 3 && t[0] == '>') {
                quote_.push_back({stripQuoteMarker(line), i});
                return i + 1;
            }
            if (!startsBlock(line) && !trimSpaces(quote_.back().first).empty()) {
                quote_.push_back({t, i});  // lazy continuation of the quoted paragraph
                return i + 1;
            }
            closeQuote();
        }

        std::string fence;
        if (readFence(line, fence)) {
            closeParagraph();
            return readCodeBlock(i, fence);
        }
        int level = 0;
        std::string headingText;
        if (readAtxHeading(line, level, headingText)) {
            closeParagraph();
            Block h;
            h.type = BlockType::Heading;
            h.level = level;
            h.text = inline_.parse(decodeUtf8(headingText), nullptr);
            addBlock(std::move(h), {i}, "heading");
            return i + 1;
        }
        if (!paragraph_.empty() && isSetextUnderline(line, level)) {
            std::string text;
            for (size_t l : paragraph_) text += (text.empty() ? "" : "\n") + trimSpaces(lines_[l]);
            std::vector<size_t> src = paragraph_;
            src.push_back(i);
            paragraph_.clear();
            Block h;
            h.type = BlockType::Heading;
            h.level = level;
            h.text = inline_.parse(decodeUtf8(text), nullptr);
            addBlock(std::move(h), src, "heading");
            return i + 1;
        }
        if (isThematicBreak(line)) {
            closeParagraph();
            Block d;
            d.type = BlockType::Divider;
            addBlock(std::move(d), {i}, "divider");
            return i + 1;
        }
        if (leadingSpaces(line) <= 3 && t[0] == '>') {
            closeParagraph();
            quote_.push_back({stripQuoteMarker(line), i});
            return i + 1;
        }
        ListMarker marker;
        if (readListMarker(line, marker) && marker.indent <= 3) {
            closeParagraph();
            openList(marker, i);
            return i + 1;
        }
        if (leadingSpaces(line) >= 4 && paragraph_.empty()) return readIndentedCode(i);
        if (startsWith(t, "<!--")) {
            closeParagraph();
            size_t j = i;
            while (j < lines_.size() && lines_[j].find("-->") == std::string::npos) setRole(j++, "-HTML comment");
            if (j < lines_.size()) setRole(j++, "-HTML comment");
            return j;
        }
        if (paragraph_.empty() && t.find('|') != std::string::npos && i + 1 < lines_.size() &&
            isTableSeparator(lines_[i + 1]))
            return readTable(i);
        paragraph_.push_back(i);
        return i + 1;
    }

    static std::string stripQuoteMarker(const std::string& line) {
        size_t i = leadingSpaces(line);
        if (i < line.size() && line[i] == '>') ++i;
        if (i < line.size() && line[i] == ' ') ++i;
        return line.substr(i);
    }

    size_t readCodeBlock(size_t i, const std::string& fence) {
        std::vector<size_t> src{i};
        std::string code;
        size_t j = i + 1;
        for (; j < lines_.size(); ++j) {
            std::string t = trimSpaces(lines_[j]);
            src.push_back(j);
            if (startsWith(t, fence) && t.find_first_not_of(fence[0]) == std::string::npos) {
                ++j;
                break;
            }
            code += (code.empty() ? "" : "\n") + lines_[j];
        }
        addCode(code, src);
        return j;
    }

    size_t readIndentedCode(size_t i) {
        std::vector<size_t> src;
        std::string code;
        size_t j = i;
        while (j < lines_.size() && (leadingSpaces(lines_[j]) >= 4 || trimSpaces(lines_[j]).empty())) {
            if (trimSpaces(lines_[j]).empty()) {
                size_t k = j;
                while (k < lines_.size() && trimSpaces(lines_[k]).empty()) ++k;
                if (k >= lines_.size() || leadingSpaces(lines_[k]) < 4) break;
            }
            src.push_back(j);
            code += (code.empty() ? "" : "\n") + (lines_[j].size() >= 4 ? lines_[j].substr(4) : std::string());
            ++j;
        }
        addCode(code, src);
        return j;
    }

    // Code keeps its text exactly (no inline parsing, no typography): the model has no code block, so it becomes
    // a paragraph whose line breaks are newlines.
    void addCode(const std::string& code, const std::vector<size_t>& src) {
        if (code.empty()) {
            for (size_t l : src) setRole(l, "-empty code block");
            return;
        }
        Block p;
        p.type = BlockType::Paragraph;
        p.text.text = code;
        addBlock(std::move(p), src, "code (as a plain paragraph)");
    }

    size_t readTable(size_t i) {
        Block list;
        list.type = BlockType::List;
        std::vector<size_t> src;
        size_t j = i;
        for (; j < lines_.size(); ++j) {
            std::string t = trimSpaces(lines_[j]);
            if (t.empty() || t.find('|') == std::string::npos) break;
            src.push_back(j);
            if (j == i + 1) continue;  // the separator row
            std::string row;
            for (const std::string& cell : tableCells(lines_[j]))
                if (!cell.empty()) row += (row.empty() ? "" : " \xC2\xB7 ") + cell;
            if (!row.empty()) list.items.push_back(inline_.parse(decodeUtf8(row), nullptr));
        }
        addBlock(std::move(list), src, "table row (as a list item)");
        return j;
    }

    void openList(const ListMarker& m, size_t line) {
        if (list_.open && (list_.ordered != m.ordered || list_.bullet != m.bullet)) closeList();
        if (!list_.open) {
            list_ = OpenList{};
            list_.open = true;
            list_.ordered = m.ordered;
            list_.bullet = m.bullet;
        }
        list_.contentIndent = m.contentIndent;
        list_.blankSeen = false;
        list_.items.push_back({m.content, {line}});
    }

    // Returns the next line index when the line belongs to the open list.
    std::optional<size_t> continueList(size_t i) {
        const std::string& line = lines_[i];
        size_t indent = leadingSpaces(line);
        ListMarker m;
        if (indent >= list_.contentIndent) {
            std::string inner = line.substr(list_.contentIndent);
            if (readListMarker(inner, m)) {
                // A nested list: the model's lists are flat, so its items join this list.
                list_.items.push_back({m.content, {i}});
                list_.blankSeen = false;
                return i + 1;
            }
            auto& item = list_.items.back();
            item.first += "\n" + trimSpaces(line);
            item.second.push_back(i);
            list_.blankSeen = false;
            return i + 1;
        }
        if (readListMarker(line, m) && m.indent <= 3) {
            if (m.ordered == list_.ordered && m.bullet == list_.bullet) {
                list_.items.push_back({m.content, {i}});
                list_.contentIndent = m.contentIndent;
                list_.blankSeen = false;
                return i + 1;
            }
            closeList();
            return std::nullopt;
        }
        if (!list_.blankSeen && !startsBlock(line)) {
            auto& item = list_.items.back();
            item.first += "\n" + trimSpaces(line);
            item.second.push_back(i);
            return i + 1;
        }
        closeList();
        return std::nullopt;
    }

    void closeList() {
        if (!list_.open) return;
        Block b;
        b.type = BlockType::List;
        b.ordered = list_.ordered;
        std::vector<size_t> src;
        for (auto& [text, lines] : list_.items) {
            b.items.push_back(inline_.parse(decodeUtf8(text), nullptr));
            src.insert(src.end(), lines.begin(), lines.end());
        }
        addBlock(std::move(b), src, list_.ordered ? "numbered list item" : "list item");
        list_ = OpenList{};
    }

    void closeQuote() {
        if (quote_.empty()) return;
        std::vector<std::pair<std::string, size_t>> lines = std::move(quote_);
        quote_.clear();
        // Attribution: a last line that starts with a dash ("— Mark Twain", "-- Mark Twain").
        RichText attribution;
        std::optional<size_t> attributionLine;
        for (size_t k = lines.size(); k-- > 0;) {
            std::string t = trimSpaces(lines[k].first);
            if (t.empty()) continue;
            for (const char* dash : {"\xE2\x80\x94", "\xE2\x80\x95", "\xE2\x80\x93", "--", "-", "~"}) {
                if (startsWith(t, dash) && k > 0) {
                    std::string who = trimSpaces(t.substr(std::string(dash).size()));
                    if (!who.empty() && who[0] != '-') {
                        attribution = inline_.parse(decodeUtf8(who), nullptr);
                        attributionLine = lines[k].second;
                        lines.erase(lines.begin() + static_cast<long>(k));
                    }
                    break;
                }
            }
            break;
        }
        // One quote block per paragraph inside the quote.
        std::vector<std::pair<std::string, std::vector<size_t>>> paragraphs(1);
        for (auto& [text, line] : lines) {
            std::string t = trimSpaces(text);
            if (t.empty()) {
                setRole(line, "-blank (inside quote)");
                if (!paragraphs.back().second.empty()) paragraphs.emplace_back();
                continue;
            }
            if (t[0] == '>') t = trimSpaces(stripQuoteMarker(t));  // nested quote: flattened
            paragraphs.back().first += (paragraphs.back().first.empty() ? "" : "\n") + t;
            paragraphs.back().second.push_back(line);
        }
        if (paragraphs.back().second.empty()) paragraphs.pop_back();
        for (size_t k = 0; k < paragraphs.size(); ++k) {
            Block q;
            q.type = BlockType::Quote;
            q.text = inline_.parse(decodeUtf8(paragraphs[k].first), nullptr);
            std::vector<size_t> src = paragraphs[k].second;
            if (k + 1 == paragraphs.size() && attributionLine) {
                q.attribution = attribution;
                setRole(*attributionLine, "quote attribution");
            }
            addBlock(std::move(q), src, "quote");
        }
        if (paragraphs.empty() && attributionLine) setRole(*attributionLine, "-quote attribution without a quote");
    }

    void closeParagraph() {
        if (paragraph_.empty()) return;
        std::vector<size_t> src = std::move(paragraph_);
        paragraph_.clear();
        std::string text;
        for (size_t l : src) text += (text.empty() ? "" : "\n") + trimSpaces(lines_[l]);
        std::vector<InlineImage> images;
        RichText rt = inline_.parse(decodeUtf8(text), &images);

        // An image alone on its first line, with text under it: the text is the caption.
        if (!images.empty() && src.size() > 1) {
            std::string firstLine = trimSpaces(lines_[src[0]]);
            std::vector<InlineImage> firstImages;
            RichText firstText = inline_.parse(decodeUtf8(firstLine), &firstImages);
            if (firstText.empty() && firstImages.size() == 1 && isRelativeReference(firstImages[0].src)) {
                std::string rest;
                for (size_t k = 1; k < src.size(); ++k) rest += (rest.empty() ? "" : "\n") + trimSpaces(lines_[src[k]]);
                Block img = imageBlock(firstImages[0]);
                img.caption = inline_.parse(decodeUtf8(rest), nullptr);
                setRole(src[0], "image");
                addBlock(std::move(img), std::vector<size_t>(src.begin() + 1, src.end()), "image caption");
                return;
            }
        }
        const bool hasText = !rt.empty();
        if (hasText) addBlock(paragraphBlock(std::move(rt)), src, "paragraph");
        // Images inside a paragraph follow it as image blocks (the model has no inline images). A bundle holds only
        // images beside it (the viewer fetches them like the bundle), so one from another site is left out.
        size_t kept = 0;
        for (const InlineImage& image : images) {
            if (!isRelativeReference(image.src)) continue;
            addBlock(imageBlock(image), src, hasText ? "paragraph + image" : "image");
            ++kept;
        }
        if (!hasText && kept == 0)
            for (size_t l : src)
                setRole(l, images.empty() ? "-no text after removing markup" : "-image not beside the bundle (absolute URL)");
    }

    static Block paragraphBlock(RichText rt) {
        Block p;
        p.type = BlockType::Paragraph;
        p.text = std::move(rt);
        return p;
    }

    static Block imageBlock(const InlineImage& image) {
        Block b;
        b.type = BlockType::Image;
        b.src = image.src;
        b.alt = smartenPunctuation(image.alt);
        if (!image.title.empty()) b.caption.text = smartenPunctuation(image.title);
        return b;
    }
};

bool isSingleMarkOver(const RichText& rt, MarkKind kind) {
    size_t length = countCodePoints(rt.text);
    return std::any_of(rt.marks.begin(), rt.marks.end(),
                       [&](const Mark& m) { return m.kind == kind && m.start == 0 && m.end == length; });
}

}  // namespace

RichText parseMarkdownInline(std::string_view text) {
    LinkRefs none;
    InlineParser parser(none);
    return parser.parse(decodeUtf8(text), nullptr);
}

ImportResult importMarkdown(std::string_view text, const ImportOptions& options) {
    ImportResult result;
    Article& article = result.article;
    article.lang = options.lang.empty() ? "en-US" : options.lang;

    std::vector<std::string> raw;
    {
        size_t i = 0;
        while (i <= text.size()) {
            size_t nl = text.find('\n', i);
            size_t end = nl == std::string_view::npos ? text.size() : nl;
            std::string line(text.substr(i, end - i));
            if (!line.empty() && line.back() == '\r') line.pop_back();
            raw.push_back(line);
            if (nl == std::string_view::npos || nl + 1 == text.size()) break;
            i = nl + 1;
        }
        if (text.empty()) raw.clear();
    }
    std::vector<std::string> lines;
    for (const std::string& l : raw) lines.push_back(expandTabs(l));
    if (!lines.empty() && startsWith(lines[0], "\xEF\xBB\xBF")) lines[0] = lines[0].substr(3);  // BOM

    std::vector<std::string> roles(lines.size());
    FrontMatter fm = readFrontMatter(lines);
    for (size_t i = 0; i < fm.lines; ++i) roles[i] = "-front matter";

    LinkRefs refs;
    BlockParser parser(lines, fm.lines, refs);
    std::vector<SourcedBlock> blocks = parser.run(roles);

    auto relabel = [&](const SourcedBlock& b, const std::string& role) {
        for (size_t l : b.lines) roles[l] = role;
    };

    // Title: front matter, else the first heading when nothing but headings comes before it.
    article.title = smartenPunctuation(fm.title);
    const size_t next = 0;  // title, subtitle and byline are taken from the front of the block list
    if (article.title.empty() && !blocks.empty() && blocks[0].block.type == BlockType::Heading &&
        blocks[0].block.level <= 2) {
        article.title = blocks[0].block.text.text;
        relabel(blocks[0], "title");
        blocks.erase(blocks.begin());
    } else if (!fm.title.empty() && !blocks.empty() && blocks[0].block.type == BlockType::Heading &&
               blocks[0].block.level == 1) {
        // The same title repeated as the first heading.
        if (blocks[0].block.text.text == article.title) {
            relabel(blocks[0], "-repeats the front matter title");
            blocks.erase(blocks.begin());
        }
    }
    // Subtitle: front matter, else a paragraph right under the title that is entirely in emphasis.
    article.subtitle = smartenPunctuation(fm.subtitle);
    if (article.subtitle.empty() && next < blocks.size() && blocks[next].block.type == BlockType::Paragraph &&
        isSingleMarkOver(blocks[next].block.text, MarkKind::Emphasis) && countCodePoints(blocks[next].block.text.text) <= 300) {
        article.subtitle = blocks[next].block.text.text;
        relabel(blocks[next], "subtitle");
        blocks.erase(blocks.begin() + static_cast<long>(next));
    }
    for (const std::string& a : fm.authors) {
        const std::string name = trimSpaces(a);
        if (!name.empty()) article.authors.push_back({smartenPunctuation(name), ""});  // "authors:\n  -" names nobody
    }
    article.published = fm.published;
    // A byline or date line among the first blocks: "By Jane Doe | June 2, 2024", "*June 2, 2024*".
    for (int k = 0; k < 2 && next < blocks.size(); ++k) {
        const Block& b = blocks[next].block;
        if (b.type != BlockType::Paragraph) break;
        std::string published;
        std::optional<std::vector<std::string>> names = readBylineLine(b.text.text, &published);
        std::string dateOnly = parseDateTime(b.text.text);
        if (names) {
            if (article.authors.empty())
                for (const std::string& n : *names) article.authors.push_back({n, ""});
            if (article.published.empty()) article.published = published;
            relabel(blocks[next], "byline");
            blocks.erase(blocks.begin() + static_cast<long>(next));
        } else if (!dateOnly.empty()) {
            if (article.published.empty()) article.published = dateOnly;
            relabel(blocks[next], "published " + dateOnly);
            blocks.erase(blocks.begin() + static_cast<long>(next));
        } else {
            break;
        }
    }
    article.source.name = smartenPunctuation(fm.source);
    article.source.url = fm.sourceUrl;
    if (article.source.name.empty()) article.source.url.clear();
    if (article.title.empty()) article.title = options.fallbackTitle.empty() ? "Untitled" : options.fallbackTitle;
    article.id = slugFromTitle(article.title);

    int paragraphs = 0;
    for (SourcedBlock& b : blocks) {
        if (b.block.type == BlockType::Paragraph && b.role == "paragraph") {
            std::string role = "paragraph " + std::to_string(++paragraphs);
            for (size_t l : b.lines)
                if (roles[l] == "paragraph") roles[l] = role;
        }
        article.blocks.push_back(std::move(b.block));
    }

    for (size_t i = 0; i < raw.size(); ++i) {
        LineVerdict v;
        v.lineNumber = static_cast<int>(i + 1);
        v.text = raw[i];
        const std::string& role = roles[i];
        v.kept = !role.empty() && role[0] != '-';
        v.role = role.empty() ? "unclassified" : role[0] == '-' ? role.substr(1) : role;
        result.lines.push_back(std::move(v));
    }
    replaceControlCharacters(article);  // the loader refuses them: what we write must load
    return result;
}

}  // namespace galley
