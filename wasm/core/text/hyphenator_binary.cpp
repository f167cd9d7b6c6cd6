// hyphenator_binary.cpp — the compiled form of a Hyphenator: its trie as bytes, written at build time (`galley
// patterns compile`) so that the viewer loads patterns without parsing pattern text or building a trie.
//
// Not here: reading .dic files (hyphenator.cpp), choosing a file for a language (hyphen_language.cpp).
//
// Layout, integers little-endian, or LEB128 varints (7 bits a byte, low first) where most values are small:
//   header   "GHYB", u16 version (FormatVersion), u8 level count (1, or 2 for NEXTLEVEL files), u8 0
//   a level  u16 leftMin, rightMin, compoundLeft, compoundRight; u8 minimumsGiven (0 or 1), then three 0 bytes;
//            u32 patternCount, alphabetSize, nodeCount, scoreCount;
//            u32 alphabet[alphabetSize]          the pattern characters, ascending: symbol k + 1 is alphabet[k]
//            varint node[nodeCount]              childCount * 2 + endsPattern, nodes breadth-first from the root:
//                                                node i's children are the next childCount nodes not yet given a
//                                                parent, so edge e leads to node e + 1; a pattern's node owns
//                                                depth + 1 scores
//            varint edgeSymbol[nodeCount - 1]    ascending within each node's children
//            u8     scores[scoreCount]           0-9, the pattern nodes' scores in node order
// The second level, if any, follows the first and hyphenates each part the first finds. The file ends there.
// Brotli'd, it is smaller than the .dic text for English (25 KB against 38) and Hungarian, larger for German (274
// against 252: `galley bench hyphenation` prints them); varints took a tenth off fixed-width tables.
//
// Only edgeBegin, scoreBegin and the dense rows are worked out on loading (one pass each); everything else goes
// straight into the Hyphenator's own vectors. Every count is checked against the bytes left before anything is
// allocated, and every value before it is stored, so that what loads cannot send scoreGaps out of its arrays.
#include "hyphenator.h"

#include <cstring>

namespace galley {

namespace {

constexpr char Magic[4] = {'G', 'H', 'Y', 'B'};
// Bump when the layout changes: a file of another version is refused with a message to rebuild it.
constexpr uint16_t FormatVersion = 1;
constexpr size_t HeaderBytes = 8;
constexpr size_t LevelHeaderBytes = 4 * 2 + 4 + 4 * 4;
constexpr uint32_t MaxCodePoint = 0x10FFFF;
constexpr uint8_t MaxScore = 9;         // Liang's scores are single digits
constexpr uint32_t MaxDepth = 200;      // hyphenator.cpp's longest pattern (its scores are counted in a uint8_t)

void putU8(std::string& out, uint8_t v) { out.push_back(static_cast<char>(v)); }
void putU16(std::string& out, uint16_t v) { putU8(out, v & 0xFF), putU8(out, v >> 8); }
void putU32(std::string& out, uint32_t v) { putU16(out, v & 0xFFFF), putU16(out, v >> 16); }
void putVarint(std::string& out, uint32_t v) {
    for (; v >= 0x80; v >>= 7) putU8(out, static_cast<uint8_t>(v | 0x80));
    putU8(out, static_cast<uint8_t>(v));
}

// Reads forward through the file; every read is checked by the caller having asked for the bytes first (has).
class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}
    bool has(uint64_t count) const { return count <= bytes_.size() - at_; }
    size_t left() const { return bytes_.size() - at_; }
    uint8_t u8() { return static_cast<uint8_t>(bytes_[at_++]); }
    uint16_t u16() { const uint16_t low = u8(); return static_cast<uint16_t>(low | (u8() << 8)); }
    uint32_t u32() { const uint32_t low = u16(); return low | (static_cast<uint32_t>(u16()) << 16); }
    std::string_view take(size_t count) { const std::string_view s = bytes_.substr(at_, count); at_ += count; return s; }
    // False if the bytes end inside it or it does not fit 32 bits.
    bool varint(uint32_t& out) {
        uint64_t value = 0;
        for (unsigned shift = 0; shift < 35 && at_ < bytes_.size(); shift += 7) {
            const uint8_t byte = u8();
            value |= static_cast<uint64_t>(byte & 0x7F) << shift;
            if (!(byte & 0x80)) {
                out = static_cast<uint32_t>(value);
                return value <= 0xFFFFFFFFu;
            }
        }
        return false;
    }

private:
    std::string_view bytes_;
    size_t at_ = 0;
};

}  // namespace

std::string Hyphenator::compiled() const {
    std::string out(Magic, sizeof Magic);
    putU16(out, FormatVersion);
    putU8(out, nextLevel_ ? 2 : 1);
    putU8(out, 0);
    for (const Hyphenator* level = this; level; level = level->nextLevel_.get()) {
        for (unsigned v : {level->leftMin_, level->rightMin_, level->compoundLeft_, level->compoundRight_})
            putU16(out, static_cast<uint16_t>(v));   // the parser reads at most three digits
        putU8(out, level->minimumsGiven_ ? 1 : 0);
        for (int k = 0; k < 3; ++k) putU8(out, 0);
        // The alphabet, from the symbol tables: ASCII symbols come first, as the alphabet was sorted.
        std::vector<uint32_t> alphabet;
        for (uint32_t cp = 0; cp < 128; ++cp)
            if (level->asciiSymbol_[cp]) alphabet.push_back(cp);
        for (const auto& entry : level->otherSymbols_) alphabet.push_back(entry.first);
        const auto nodeCount = static_cast<uint32_t>(level->nodes_.size() - 1);  // less the sentinel
        putU32(out, static_cast<uint32_t>(level->patternCount_));
        putU32(out, static_cast<uint32_t>(alphabet.size()));
        putU32(out, nodeCount);
        putU32(out, static_cast<uint32_t>(level->scores_.size()));
        for (uint32_t cp : alphabet) putU32(out, cp);
        for (uint32_t i = 0; i < nodeCount; ++i)
            putVarint(out, (level->nodes_[i + 1].edgeBegin - level->nodes_[i].edgeBegin) * 2 +
                               (level->nodes_[i].scoreCount ? 1 : 0));
        for (uint16_t symbol : level->edgeSymbol_) putVarint(out, symbol);
        out.append(reinterpret_cast<const char*>(level->scores_.data()), level->scores_.size());
    }
    return out;
}

std::optional<Hyphenator> Hyphenator::fromCompiled(std::string_view bytes, std::string* error) {
    const auto fail = [&](std::string message) -> std::optional<Hyphenator> {
        if (error) *error = "compiled hyphen patterns: " + std::move(message);
        return std::nullopt;
    };
    Reader in(bytes);
    if (!in.has(HeaderBytes) || std::memcmp(bytes.data(), Magic, sizeof Magic) != 0)
        return fail("not a compiled pattern file (it must start with GHYB; `galley patterns compile` writes them)");
    in.take(sizeof Magic);
    const uint16_t version = in.u16();
    if (version != FormatVersion)
        return fail("format version " + std::to_string(version) + ", but this build reads version " +
                    std::to_string(FormatVersion) + ": compile the .dic again");
    const uint8_t levelCount = in.u8();
    if ((levelCount != 1 && levelCount != 2) || in.u8() != 0) return fail("bad header");

    Hyphenator levels[2];
    for (uint8_t l = 0; l < levelCount; ++l) {
        Hyphenator& h = levels[l];
        const std::string where = "level " + std::to_string(l + 1) + ": ";
        if (!in.has(LevelHeaderBytes)) return fail(where + "truncated in its header");
        h.leftMin_ = in.u16();
        h.rightMin_ = in.u16();
        h.compoundLeft_ = in.u16();
        h.compoundRight_ = in.u16();
        const uint8_t given = in.u8();
        const uint8_t pad[3] = {in.u8(), in.u8(), in.u8()};
        if (h.leftMin_ == 0 || h.rightMin_ == 0 || given > 1 || pad[0] || pad[1] || pad[2])
            return fail(where + "bad minimums");
        h.minimumsGiven_ = given == 1;
        const uint32_t patternCount = in.u32(), alphabetSize = in.u32(), nodeCount = in.u32(), scoreCount = in.u32();
        if (alphabetSize == 0 || alphabetSize >= 0xFFFF) return fail(where + "bad alphabet size");
        if (nodeCount < 2) return fail(where + "no patterns");
        // At least a byte a node and an edge: a count the file cannot hold is refused before anything is allocated
        // (64-bit sums of 32-bit counts cannot overflow).
        const uint64_t leastBytes = 4ull * alphabetSize + nodeCount + (nodeCount - 1ull) + scoreCount;
        if (!in.has(leastBytes))
            return fail(where + "truncated: its tables need at least " + std::to_string(leastBytes) + " bytes, " +
                        std::to_string(in.left()) + " are left");
        const auto truncated = [&] { return fail(where + "truncated in its tables"); };

        std::vector<uint32_t> alphabet(alphabetSize);
        for (uint32_t k = 0; k < alphabetSize; ++k) {
            alphabet[k] = in.u32();
            if (alphabet[k] > MaxCodePoint || (k > 0 && alphabet[k] <= alphabet[k - 1]))
                return fail(where + "alphabet not ascending code points");
        }
        h.setAlphabet(alphabet);

        // Children come after their parent (edge e leads to node e + 1 > i), so a node's depth is known when reached.
        h.nodes_.resize(nodeCount + 1);
        std::vector<uint8_t> depth(nodeCount, 0);
        uint64_t edges = 0, scoresOwned = 0;
        for (uint32_t i = 0; i < nodeCount; ++i) {
            uint32_t node = 0;
            if (!in.varint(node)) return truncated();
            if (edges < i) return fail(where + "node " + std::to_string(i) + " has no parent before it");
            h.nodes_[i].edgeBegin = static_cast<uint32_t>(edges);
            const uint32_t children = node >> 1;
            if (children > nodeCount - 1 - edges) return fail(where + "child counts add up to more than the nodes");
            if (children && depth[i] >= MaxDepth) return fail(where + "a pattern longer than " + std::to_string(MaxDepth));
            for (uint32_t e = 0; e < children; ++e) depth[edges + e + 1] = static_cast<uint8_t>(depth[i] + 1);
            edges += children;
            if (node & 1) {
                if (i == 0) return fail(where + "a pattern of no letters");
                ++h.patternCount_;
                h.nodes_[i].scoreBegin = static_cast<uint32_t>(scoresOwned);
                h.nodes_[i].scoreCount = static_cast<uint8_t>(depth[i] + 1);
                scoresOwned += depth[i] + 1u;
            }
        }
        if (edges != nodeCount - 1) return fail(where + "child counts do not add up to the nodes");
        h.nodes_[nodeCount].edgeBegin = nodeCount - 1;  // the sentinel closes the last node's edges
        if (h.patternCount_ != patternCount || scoresOwned != scoreCount)
            return fail(where + "pattern and score counts do not match its nodes");

        h.edgeSymbol_.resize(nodeCount - 1);
        for (uint32_t i = 0; i < nodeCount; ++i)
            for (uint32_t e = h.nodes_[i].edgeBegin; e < h.nodes_[i + 1].edgeBegin; ++e) {
                uint32_t symbol = 0;
                if (!in.varint(symbol)) return truncated();
                if (symbol == 0 || symbol > alphabetSize || (e > h.nodes_[i].edgeBegin && symbol <= h.edgeSymbol_[e - 1]))
                    return fail(where + "node " + std::to_string(i) + "'s children out of order or not in the alphabet");
                h.edgeSymbol_[e] = static_cast<uint16_t>(symbol);
            }

        if (!in.has(scoreCount)) return truncated();
        const std::string_view scores = in.take(scoreCount);
        h.scores_.assign(scores.begin(), scores.end());
        for (uint8_t score : h.scores_)
            if (score > MaxScore) return fail(where + "a score above " + std::to_string(MaxScore));
        h.buildDenseRows();
    }
    if (in.left() != 0) return fail(std::to_string(in.left()) + " bytes after the last level");
    if (levelCount == 2) levels[0].nextLevel_ = std::make_shared<const Hyphenator>(std::move(levels[1]));
    return std::move(levels[0]);
}

}  // namespace galley
