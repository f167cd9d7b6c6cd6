// hyphenator.cpp — Liang's hyphenation: parse a hyphen .dic file into a trie, score a word's gaps with it.
//
// Does not find words in text or decide which words deserve hyphenation (see hyphenator.h).
#include "hyphenator.h"

#include "char_class.h"
#include "charsets.h"
#include "utf8.h"

#include <algorithm>
#include <cstring>

namespace galley {

namespace {

constexpr uint32_t ReplacementCharacter = 0xFFFD;
constexpr uint32_t RightSingleQuotationMark = 0x2019;  // the typographic apostrophe; patterns spell it '
constexpr size_t MaxPatternLetters = 200;              // scores per node are counted in a uint8_t
// Trie nodes with at least this many children get a direct lookup row: in the English patterns that is about 190
// rows of 35 entries (26 KB), and it saves about 30% of the instructions per word.
constexpr uint32_t DenseRowMinChildren = 8;

// Patterns are lowercase and spell the typographic apostrophe '.
uint32_t toLower(uint32_t cp) { return cp == RightSingleQuotationMark ? '\'' : chars::toLower(cp); }

bool isAsciiDigit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

std::string_view trim(std::string_view s) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

bool parseUnsigned(std::string_view s, unsigned& out) {
    s = trim(s);
    if (s.empty() || s.size() > 3) return false;
    unsigned value = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    out = value;
    return true;
}

struct ParsedPattern {
    std::vector<uint32_t> letters;  // lowercased code points, '.' marks a word edge
    std::vector<uint8_t> scores;    // letters.size() + 1 gap scores
};

// "a1b" -> letters {a, b}, scores {0, 1, 0}. False for tokens that are not plain Liang patterns.
bool parsePattern(std::string_view token, ParsedPattern& out) {
    out.letters.clear();
    out.scores.clear();
    uint8_t pending = 0;
    for (size_t i = 0; i < token.size();) {
        const uint32_t cp = utf8::next(token, i);
        if (isAsciiDigit(cp)) { pending = static_cast<uint8_t>(cp - '0'); continue; }
        if (cp == ReplacementCharacter || cp == '/' || cp == '=' || cp == ',') return false;
        out.scores.push_back(pending);
        out.letters.push_back(toLower(cp));
        pending = 0;
    }
    out.scores.push_back(pending);
    return !out.letters.empty() && out.letters.size() <= MaxPatternLetters;
}

}  // namespace

std::optional<Hyphenator> Hyphenator::fromDic(std::string_view text, std::string* error) {
    const auto fail = [&](std::string message) -> std::optional<Hyphenator> {
        if (error) *error = std::move(message);
        return std::nullopt;
    };
    if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) text.remove_prefix(3);
    // As in libhyphen, the first line names the charset, whatever it looks like.
    const size_t firstEnd = std::min(text.find('\n'), text.size());
    const std::string_view charset = trim(text.substr(0, firstEnd));
    const std::optional<std::string> decoded = toUtf8(text.substr(std::min(firstEnd + 1, text.size())), charset);
    if (!decoded) return fail("hyphen patterns: charset " + std::string(charset.substr(0, 40)) + " is not supported");
    const std::string_view body(*decoded);

    // A NEXTLEVEL line starts a second level of patterns (libhyphen's two-level hyphenation): the first finds where
    // a compound word's parts meet ("Donau1dampf1schiff"), the second hyphenates each part.
    size_t levelEnd = body.size(), nextStart = body.size();
    for (size_t lineStart = 0; lineStart < body.size();) {
        const size_t lineEnd = std::min(body.find('\n', lineStart), body.size());
        if (trim(body.substr(lineStart, lineEnd - lineStart)) == "NEXTLEVEL") {
            levelEnd = lineStart;
            nextStart = std::min(lineEnd + 1, body.size());
            break;
        }
        lineStart = lineEnd + 1;
    }
    std::optional<Hyphenator> first = parseLevel(body.substr(0, levelEnd));
    if (nextStart < body.size()) {
        std::optional<Hyphenator> second = parseLevel(body.substr(nextStart));
        if (second) {
            // Minimums given before NEXTLEVEL hold for the word unless the second level gives its own.
            if (!second->minimumsGiven_ && first) second->leftMin_ = first->leftMin_, second->rightMin_ = first->rightMin_;
            if (!first || first->patternCount_ == 0) return second;  // a first level of settings only (French)
            first->compoundLeft_ = first->compoundLeft_ ? first->compoundLeft_ : second->leftMin_;
            first->compoundRight_ = first->compoundRight_ ? first->compoundRight_ : second->rightMin_;
            first->leftMin_ = second->leftMin_;
            first->rightMin_ = second->rightMin_;
            first->nextLevel_ = std::make_shared<const Hyphenator>(std::move(*second));
        }
    }
    if (!first || first->patternCount_ == 0) return fail("hyphen patterns: no patterns found");
    return first;
}

std::optional<Hyphenator> Hyphenator::parseLevel(std::string_view text) {
    Hyphenator result;
    // All patterns are read first into two flat pools, then put in a trie without a map per node (maps made loading
    // the patterns 100-200 ms of the viewer's start in wasm).
    struct PatternRef {
        uint32_t letterBegin, scoreBegin;
        uint8_t length;
    };
    std::vector<PatternRef> patterns;
    std::vector<uint32_t> letterPool;
    std::vector<uint8_t> scorePool;
    patterns.reserve(text.size() / 6);
    letterPool.reserve(text.size());
    scorePool.reserve(text.size());
    ParsedPattern pattern;

    size_t lineStart = 0;
    while (lineStart < text.size()) {
        size_t lineEnd = text.find('\n', lineStart);
        if (lineEnd == std::string_view::npos) lineEnd = text.size();
        const std::string_view line = trim(text.substr(lineStart, lineEnd - lineStart));
        lineStart = lineEnd + 1;
        if (line.empty()) continue;

        if (line[0] == '%' || line[0] == '#') continue;
        if (line[0] >= 'A' && line[0] <= 'Z') {  // keyword line
            const size_t space = line.find_first_of(" \t");
            const std::string_view keyword = line.substr(0, space);
            const std::string_view value = space == std::string_view::npos ? std::string_view() : line.substr(space);
            unsigned number = 0;
            if (!parseUnsigned(value, number) || number == 0) continue;
            if (keyword == "LEFTHYPHENMIN") result.leftMin_ = number, result.minimumsGiven_ = true;
            if (keyword == "RIGHTHYPHENMIN") result.rightMin_ = number, result.minimumsGiven_ = true;
            if (keyword == "COMPOUNDLEFTHYPHENMIN") result.compoundLeft_ = number;
            if (keyword == "COMPOUNDRIGHTHYPHENMIN") result.compoundRight_ = number;
            continue;
        }
        // One pattern per line in .dic files; TeX-style files put several on a line, which costs nothing to allow.
        size_t tokenStart = 0;
        while (tokenStart < line.size()) {
            size_t tokenEnd = line.find_first_of(" \t", tokenStart);
            if (tokenEnd == std::string_view::npos) tokenEnd = line.size();
            const std::string_view token = line.substr(tokenStart, tokenEnd - tokenStart);
            tokenStart = tokenEnd + 1;
            if (token.empty()) continue;
            if (token[0] == '%') break;
            if (!parsePattern(token, pattern)) continue;
            patterns.push_back({static_cast<uint32_t>(letterPool.size()), static_cast<uint32_t>(scorePool.size()),
                                static_cast<uint8_t>(pattern.letters.size())});
            letterPool.insert(letterPool.end(), pattern.letters.begin(), pattern.letters.end());
            scorePool.insert(scorePool.end(), pattern.scores.begin(), pattern.scores.end());
        }
    }

    // The trie as first-child/next-sibling lists, siblings kept in code point order (the flattening below relies on
    // it). Most nodes have a few children, so finding one by walking the list is as quick as any map.
    constexpr uint32_t None = 0xFFFFFFFFu;
    struct BuildNode {
        uint32_t letter = 0;
        uint32_t firstChild = None, nextSibling = None;
        uint32_t scoreBegin = 0;  // into `scores` below
        uint8_t scoreCount = 0;   // 0: no pattern ends here
    };
    std::vector<BuildNode> build(1);
    build.reserve(letterPool.size() / 2 + 1);
    std::vector<uint8_t> scores;
    scores.reserve(scorePool.size());
    for (const PatternRef& p : patterns) {
        uint32_t node = 0;
        for (uint32_t k = 0; k < p.length; ++k) {
            const uint32_t letter = letterPool[p.letterBegin + k];
            uint32_t previous = None, child = build[node].firstChild;
            while (child != None && build[child].letter < letter) previous = child, child = build[child].nextSibling;
            if (child == None || build[child].letter != letter) {
                const uint32_t created = static_cast<uint32_t>(build.size());
                build.emplace_back();
                build[created].letter = letter;
                build[created].nextSibling = child;
                if (previous == None) build[node].firstChild = created;
                else build[previous].nextSibling = created;
                child = created;
            }
            node = child;
        }
        BuildNode& end = build[node];
        const uint8_t* patternScores = &scorePool[p.scoreBegin];
        if (end.scoreCount == 0) {
            ++result.patternCount_;
            end.scoreBegin = static_cast<uint32_t>(scores.size());
            end.scoreCount = static_cast<uint8_t>(p.length + 1);
            scores.insert(scores.end(), patternScores, patternScores + p.length + 1);
        } else {
            // A repeated pattern keeps the larger score at each gap, as Liang's "highest value wins" rule would.
            for (uint32_t k = 0; k <= p.length; ++k)
                scores[end.scoreBegin + k] = std::max(scores[end.scoreBegin + k], patternScores[k]);
        }
    }
    if (result.patternCount_ == 0) return result;  // settings only: fromDic decides

    // Dense symbol numbers: ASCII through a table, the rest through a sorted list.
    std::vector<uint32_t> alphabet;
    for (size_t k = 1; k < build.size(); ++k) alphabet.push_back(build[k].letter);
    std::sort(alphabet.begin(), alphabet.end());
    alphabet.erase(std::unique(alphabet.begin(), alphabet.end()), alphabet.end());
    if (alphabet.size() >= 0xFFFF) return std::nullopt;  // no language has that many letters
    result.setAlphabet(alphabet);

    // Flatten breadth-first: nodes are numbered in the order their edge ranges are written.
    std::vector<uint32_t> order{0};
    order.reserve(build.size());
    result.nodes_.reserve(build.size() + 1);
    result.edgeSymbol_.reserve(build.size() - 1);  // every node but the root is one node's child
    for (size_t head = 0; head < order.size(); ++head) {
        const BuildNode& n = build[order[head]];
        TrieNode flat;
        flat.edgeBegin = static_cast<uint32_t>(result.edgeSymbol_.size());
        if (n.scoreCount > 0) {
            flat.scoreBegin = static_cast<uint32_t>(result.scores_.size());
            flat.scoreCount = n.scoreCount;
            result.scores_.insert(result.scores_.end(), scores.begin() + n.scoreBegin,
                                  scores.begin() + n.scoreBegin + n.scoreCount);
        }
        result.nodes_.push_back(flat);
        // Each child is numbered as its edge is written, so edge e leads to node e + 1.
        for (uint32_t child = n.firstChild; child != None; child = build[child].nextSibling) {  // code point order
            order.push_back(child);
            result.edgeSymbol_.push_back(result.symbolOf(build[child].letter));
        }
    }
    {
        TrieNode sentinel;
        sentinel.edgeBegin = static_cast<uint32_t>(result.edgeSymbol_.size());
        result.nodes_.push_back(sentinel);
    }
    result.buildDenseRows();
    return result;
}

void Hyphenator::setAlphabet(const std::vector<uint32_t>& codePoints) {
    std::fill(std::begin(asciiSymbol_), std::end(asciiSymbol_), uint16_t{0});
    otherSymbols_.clear();
    for (size_t k = 0; k < codePoints.size(); ++k) {
        const auto symbol = static_cast<uint16_t>(k + 1);
        if (codePoints[k] < 128) asciiSymbol_[codePoints[k]] = symbol;
        else otherSymbols_.emplace_back(codePoints[k], symbol);
    }
    symbolCount_ = static_cast<uint16_t>(codePoints.size());
}

void Hyphenator::buildDenseRows() {
    const size_t rowLength = symbolCount_ + 1u;
    size_t denseRows = 0;
    for (size_t node = 0; node + 1 < nodes_.size(); ++node)
        denseRows += node == 0 || nodes_[node + 1].edgeBegin - nodes_[node].edgeBegin >= DenseRowMinChildren;
    denseChildren_.assign(denseRows * rowLength, 0);
    size_t nextRow = 0;
    for (size_t node = 0; node + 1 < nodes_.size(); ++node) {
        const uint32_t begin = nodes_[node].edgeBegin, end = nodes_[node + 1].edgeBegin;
        if (node != 0 && end - begin < DenseRowMinChildren) continue;
        nodes_[node].denseRow = static_cast<uint32_t>(nextRow++);
        uint32_t* row = &denseChildren_[nodes_[node].denseRow * rowLength];
        for (uint32_t e = begin; e < end; ++e) row[edgeSymbol_[e]] = e + 1;
    }
}

uint16_t Hyphenator::symbolOf(uint32_t codePoint) const {
    if (codePoint < 128) return asciiSymbol_[codePoint];
    const auto found = std::lower_bound(otherSymbols_.begin(), otherSymbols_.end(), codePoint,
                                        [](const std::pair<uint32_t, uint16_t>& entry, uint32_t cp) { return entry.first < cp; });
    return (found != otherSymbols_.end() && found->first == codePoint) ? found->second : 0;
}

void Hyphenator::hyphenate(std::string_view wordUtf8, std::vector<uint32_t>& breaks) const {
    if (!nextLevel_) {
        scoreGaps(wordUtf8, leftMin_, rightMin_, breaks);
        return;
    }
    // Where the compound's parts meet, then each part hyphenated by the next level: within the word's minimums, and
    // the compound minimums where parts meet.
    std::vector<uint32_t> joints, partBreaks;
    scoreGaps(wordUtf8, std::max(1u, compoundLeft_), std::max(1u, compoundRight_), joints);
    std::vector<size_t> byteOf;  // of each code point, and the end
    for (size_t i = 0; i < wordUtf8.size(); utf8::next(wordUtf8, i)) byteOf.push_back(i);
    const uint32_t length = static_cast<uint32_t>(byteOf.size());
    byteOf.push_back(wordUtf8.size());
    breaks.clear();
    uint32_t partStart = 0;
    for (size_t j = 0; j <= joints.size(); ++j) {
        const uint32_t partEnd = j < joints.size() ? joints[j] : length;
        const std::string_view part = wordUtf8.substr(byteOf[partStart], byteOf[partEnd] - byteOf[partStart]);
        nextLevel_->scoreGaps(part, partStart == 0 ? leftMin_ : compoundLeft_, partEnd == length ? rightMin_ : compoundRight_,
                              partBreaks);
        for (uint32_t b : partBreaks) breaks.push_back(partStart + b);
        if (j < joints.size()) breaks.push_back(partEnd);
        partStart = partEnd;
    }
    const auto outside = [&](uint32_t k) { return k < leftMin_ || k + rightMin_ > length; };
    breaks.erase(std::remove_if(breaks.begin(), breaks.end(), outside), breaks.end());
}

void Hyphenator::scoreGaps(std::string_view wordUtf8, unsigned left, unsigned right, std::vector<uint32_t>& breaks) const {
    breaks.clear();
    // symbols[0] and symbols[length + 1] are the word-edge dots; symbols[k] is code point k - 1 of the word.
    uint16_t symbols[MaxWordLength + 2];
    size_t length = 0;
    for (size_t i = 0; i < wordUtf8.size();) {
        const uint32_t cp = utf8::next(wordUtf8, i);
        if (isAsciiDigit(cp) || length == MaxWordLength) return;
        symbols[++length] = cp == '.' ? 0 : symbolOf(toLower(cp));  // a dot in patterns means the word's edge
    }
    if (length < static_cast<size_t>(left) + right) return;
    const uint16_t edge = asciiSymbol_[static_cast<unsigned char>('.')];
    symbols[0] = edge;
    symbols[length + 1] = edge;

    // scores[g] is the gap before symbols[g]: a hyphen before code point k of the word is gap k + 1.
    uint8_t scores[MaxWordLength + 3] = {};
    const size_t symbolEnd = length + 2;
    const size_t rowLength = symbolCount_ + 1u;
    for (size_t start = 0; start < symbolEnd; ++start) {
        uint32_t node = 0;
        for (size_t next = start; next < symbolEnd; ++next) {
            const uint16_t wanted = symbols[next];
            if (wanted == 0) break;
            const TrieNode& parent = nodes_[node];
            uint32_t child = 0;
            if (parent.denseRow != NoDenseRow) {
                child = denseChildren_[parent.denseRow * rowLength + wanted];
            } else {
                const uint32_t edgeEnd = nodes_[node + 1].edgeBegin;
                for (uint32_t e = parent.edgeBegin; e < edgeEnd; ++e) {
                    if (edgeSymbol_[e] >= wanted) {
                        if (edgeSymbol_[e] == wanted) child = e + 1;
                        break;
                    }
                }
            }
            if (child == 0) break;
            node = child;
            const TrieNode& n = nodes_[node];
            if (n.scoreCount != 0) {
                const uint8_t* pattern = &scores_[n.scoreBegin];
                for (size_t k = 0; k < n.scoreCount; ++k) scores[start + k] = std::max(scores[start + k], pattern[k]);
            }
        }
    }
    for (size_t k = left; k + right <= length; ++k)
        if (scores[k + 1] % 2 == 1) breaks.push_back(static_cast<uint32_t>(k));
}

}  // namespace galley
