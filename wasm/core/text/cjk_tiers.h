// cjk_tiers.h — which frequency slice of its Noto CJK face holds a CJK character: scripts/cjk-slices.py ranks each
// face's characters from Unihan at build time and writes the tiers as cjk-tiers.bin (26 KB brotli). faces.def's
// "#a-b" ranges name the ranks; sliceOf (font.h) reads a CjkTiers to place a character in them.
//
// Not a global: whoever lays out holds one and passes it (ArticleLayout::setCjkTiers, facesUsed), as with the Thai
// dictionary. The viewer's page fetches the file only for an article with CJK text (galley_set_cjk_tiers); native
// programs and the tests have it built in (builtinCjkTiers, builtin/cjk_tiers_builtin.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace galley {

enum class CjkFace : uint8_t;

class CjkTiers {
public:
    // The tier that marks a face's symbols (the national charset's ①, ●, ※ that Noto CJK draws) rather than a rank.
    static constexpr int SymbolsTier = 255;

    // Null if the bytes are not a cjk-tiers.bin for this build's faces ("GCJK", version 2, the face count, sorted
    // pages).
    static std::unique_ptr<CjkTiers> fromBytes(const unsigned char* data, size_t size);

    // The ordinal (from 1) of the "#a-b" slice of `face` that holds `codePoint`'s rank, SymbolsTier for a symbol; 0
    // when it is not ranked.
    int tierOf(CjkFace face, uint32_t codePoint) const;

private:
    // 256 code points of one face, a tier in each byte.
    struct Page { uint8_t face; uint32_t first; std::array<uint8_t, 256> tiers; };
    std::vector<Page> pages_;  // by face, then first code point
};

// The tiers built into this program (native programs and the tests only: the viewer's wasm fetches them).
const CjkTiers& builtinCjkTiers();

}  // namespace galley
