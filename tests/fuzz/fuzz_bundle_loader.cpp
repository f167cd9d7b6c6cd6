// libFuzzer target: the bundle loader on arbitrary bytes. It must never crash, hang or throw; every error it
// reports must name a path.
#include "bundle_loader.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    galley::LoadResult r = galley::loadBundle(std::string_view(reinterpret_cast<const char*>(data), size));
    for (const auto& e : r.errors)
        if (e.path.empty() || e.message.empty()) std::abort();
    if (r.ok() && r.bundle.articles.empty()) std::abort();
    return 0;
}
