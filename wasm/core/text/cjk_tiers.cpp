// cjk_tiers.cpp — reading scripts/cjk-slices.py's cjk-tiers.bin (cjk_tiers.h).
#include "cjk_tiers.h"

#include "font.h"

#include <algorithm>
#include <cstring>

namespace galley {

std::unique_ptr<CjkTiers> CjkTiers::fromBytes(const unsigned char* data, size_t size) {
    // "GCJK", version 2, faces, pages (16 bits LE); each page: face, 0, first code point / 256 (16 bits LE), 256 bytes.
    constexpr size_t Header = 8, PageBytes = 4 + 256;
    if (!data || size < Header || std::memcmp(data, "GCJK\x02", 5) != 0 ||
        data[5] != static_cast<unsigned char>(CjkFace::Count))
        return nullptr;
    const size_t count = data[6] | (data[7] << 8);
    if (size != Header + count * PageBytes) return nullptr;
    auto tiers = std::make_unique<CjkTiers>();
    tiers->pages_.resize(count);
    for (size_t i = 0; i < count; ++i) {
        const unsigned char* p = data + Header + i * PageBytes;
        Page& page = tiers->pages_[i];
        page.face = p[0];
        page.first = static_cast<uint32_t>(p[2] | (p[3] << 8)) << 8;
        std::memcpy(page.tiers.data(), p + 4, page.tiers.size());
        if (page.face >= static_cast<uint8_t>(CjkFace::Count)) return nullptr;
        const Page* before = i > 0 ? &tiers->pages_[i - 1] : nullptr;
        if (before && (before->face > page.face || (before->face == page.face && before->first >= page.first)))
            return nullptr;  // sorted, as tierOf searches them
    }
    return tiers;
}

int CjkTiers::tierOf(CjkFace face, uint32_t codePoint) const {
    const uint8_t f = static_cast<uint8_t>(face);
    const uint32_t first = codePoint & ~0xFFu;
    auto page = std::lower_bound(pages_.begin(), pages_.end(), std::make_pair(f, first),
        [](const Page& p, const std::pair<uint8_t, uint32_t>& key) {
            return p.face != key.first ? p.face < key.first : p.first < key.second;
        });
    if (page == pages_.end() || page->face != f || page->first != first) return 0;
    return page->tiers[codePoint & 0xFF];
}

}  // namespace galley
