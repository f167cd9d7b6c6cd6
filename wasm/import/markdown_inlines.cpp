// markdown_inlines.cpp — see markdown_inlines.h. Tokens first, then the delimiter-run algorithm for emphasis,
// then flattening into text plus code point marks.
#include "markdown_inlines.h"

#include <algorithm>

#include "text_util.h"
#include "typography.h"
#include "utf8.h"

namespace galley::importing::markdown {

namespace {

bool isAsciiPunct(char32_t c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}
// Space inside a link's brackets and parentheses, between destination and title: the ASCII white space of
// CommonMark's link grammar, and the no-break space. Other Unicode spaces belong to the destination, as there.
bool isLinkSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0; }
// Punctuation for the flanking rules of emphasis: ASCII, Latin-1, General and CJK punctuation (char_class has none).
bool isPunctuation(char32_t c) {
    return isAsciiPunct(c) || (c >= 0xA1 && c <= 0xBF) || (c >= 0x2010 && c <= 0x205E) || (c >= 0x3000 && c <= 0x303F);
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

struct LinkTarget {
    size_t end = 0;              // index after the whole link
    std::u32string_view label;   // the bracketed text
    std::string destination;
    std::string title;
};

class InlineParser {
public:
    InlineParser(const LinkRefs& refs, const QuoteStyle& quotes) : refs_(refs), quotes_(quotes) {}

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
            while (p < s.size() && isLinkSpace(s[p])) ++p;
            std::u32string dest;
            if (p < s.size() && s[p] == '<') {
                ++p;
                while (p < s.size() && s[p] != '>' && s[p] != '\n') dest.push_back(s[p++]);
                if (p >= s.size() || s[p] != '>') return false;
                ++p;
            } else {
                int parens = 0;
                while (p < s.size() && !isLinkSpace(s[p])) {
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
            while (p < s.size() && isLinkSpace(s[p])) ++p;
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
                while (p < s.size() && isLinkSpace(s[p])) ++p;
            }
            if (p >= s.size() || s[p] != ')') return false;
            link.end = p + 1;
            link.destination = utf8::encode(dest);
            link.title = utf8::encode(title);
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
    const QuoteStyle& quotes_;
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
                    std::string insideUtf8 = utf8::encode(inside);
                    bool spaceless = inside.find(U' ') == std::u32string::npos && inside.find(U'\n') == std::u32string::npos;
                    bool scheme = spaceless && insideUtf8.find(':') != std::string::npos &&
                                  isAsciiLetter(inside[0]);
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
                    bool tag = isAsciiLetter(inside[0]) ||
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
            if ((c == 'h' || c == 'H') && (chars::isSpace(prev) || prev == '(' || i == 0)) {
                std::string head = lowerAscii(utf8::encode(s.substr(i, 8)));
                if (startsWith(head, "http://") || startsWith(head, "https://")) {
                    size_t j = i;
                    while (j < s.size() && !chars::isSpace(s[j]) && s[j] != '<') ++j;
                    while (j > i && (s[j - 1] == '.' || s[j - 1] == ',' || s[j - 1] == ':' || s[j - 1] == ';' ||
                                     s[j - 1] == '!' || s[j - 1] == '?' || s[j - 1] == ')' || s[j - 1] == '"' ||
                                     s[j - 1] == '\''))
                        --j;
                    InlineNode text;
                    text.text = std::u32string(s.substr(i, j - i));
                    text.verbatim = true;
                    pushLink(utf8::encode(text.text), {text});
                    i = j;
                    continue;
                }
            }
            if (c == '*' || c == '_') {
                size_t run = 0;
                while (i + run < s.size() && s[i + run] == c) ++run;
                char32_t next = i + run < s.size() ? s[i + run] : U' ';
                bool left = !chars::isSpace(next) && (!isPunctuation(next) || chars::isSpace(prev) || isPunctuation(prev));
                bool right = !chars::isSpace(prev) && (!isPunctuation(prev) || chars::isSpace(next) || isPunctuation(next));
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
        return utf8::encode(flattenText(nodes, nullptr));
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

    RichText flatten(const std::vector<InlineNode>& nodes) const {
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
        while (lead < text.size() && chars::isSpace(text[lead])) ++lead;
        size_t tail = text.size();
        while (tail > lead && chars::isSpace(text[tail - 1])) --tail;
        std::u32string trimmed = text.substr(lead, tail - lead);
        std::vector<bool> trimmedVerbatim(verbatim.begin() + static_cast<long>(lead),
                                          verbatim.begin() + static_cast<long>(tail));
        for (Mark& m : marks) {
            m.start = static_cast<uint32_t>(std::clamp<long>(long(m.start) - long(lead), 0, long(trimmed.size())));
            m.end = static_cast<uint32_t>(std::clamp<long>(long(m.end) - long(lead), 0, long(trimmed.size())));
        }
        // Typography, with marks carried through the offset map.
        std::vector<uint32_t> map;
        std::u32string clean = smartenPunctuation(trimmed, &map, &trimmedVerbatim, quotes_);
        RichText rt;
        rt.text = utf8::encode(clean);
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

}  // namespace

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

bool allowedHref(const std::string& href) {
    std::string l = lowerAscii(href);
    return startsWith(l, "http://") || startsWith(l, "https://") || startsWith(l, "mailto:");
}

RichText parseInlines(const LinkRefs& refs, const QuoteStyle& quotes, std::u32string_view text,
                      std::vector<InlineImage>* images) {
    InlineParser parser(refs, quotes);
    return parser.parse(text, images);
}

}  // namespace galley::importing::markdown
