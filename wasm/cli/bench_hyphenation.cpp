// bench_hyphenation.cpp — `galley bench hyphenation [BUNDLE]`: for a few languages' pattern files, the time to parse
// the .dic text into a Hyphenator (what the viewer did at start) and to load its compiled form (what it does now),
// best of repeated loads; then the sizes of both, raw and brotli'd as dist/ serves them (brotli -q 11, if installed).
// Then the speed of hyphenation itself: the text of every block of the bundle's first article (the sample's by
// default) with its language's patterns, as the layout asks for it when it measures (findHyphenationPoints: the
// words found, then scored), passed over until at least 100,000 words; words per second of the best of repeated runs.
// The native build runs the same in the wasm build of the CLI (build/wasm/galley.js) under Node, if built: the
// viewer's own code, minus the browser.
//
// Not here: whether the two give the same hyphens (hyphenator_binary_test.cpp checks that), whether the hyphens are
// right (hyphenator_test.cpp, word_hyphenation's tests); asserting any speed (figures are printed, never asserted).
#include "bench_hyphenation.h"

#include "bundle_loader.h"
#include "cli_common.h"
#include "hyphen_language.h"
#include "hyphenator.h"
#include "word_hyphenation.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#ifndef __EMSCRIPTEN__
#include <unistd.h>
#endif

namespace galley::cli {

namespace {

// English, the viewer's early patterns; German and Hungarian, the largest shipped (compounds); Russian, Cyrillic
// in KOI8-R.
constexpr const char* BenchPatternFiles[] = {"hyph_en_US.dic", "hyph_de_DE.dic", "hyph_hu_HU.dic", "hyph_ru_RU.dic"};
constexpr int MinLoads = 5;
constexpr double MinSeconds = 0.5;  // per file and form: the machine may be shared, the best load is the least disturbed
constexpr size_t MinHyphenatedWords = 100000;  // per run of the speed figure: as many as `bench layout` sets

template <typename Load>
double bestSeconds(Load load) {
    double best = INFINITY, total = 0;
    for (int n = 0; n < MinLoads || total < MinSeconds; ++n) {
        const auto start = std::chrono::steady_clock::now();
        if (!load()) return NAN;
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        best = std::min(best, s);
        total += s;
    }
    return best;
}

#ifndef __EMSCRIPTEN__
// Bytes of `data` at brotli -q 11, or -1 without brotli.
long brotliSize(const std::string& data) {
    char path[] = "/tmp/galley-bench-XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) return -1;
    const bool written = write(fd, data.data(), data.size()) == static_cast<ssize_t>(data.size());
    close(fd);
    long size = -1;
    if (written) {
        const std::string command = std::string("brotli -q 11 -c '") + path + "' 2>/dev/null | wc -c";
        if (FILE* pipe = popen(command.c_str(), "r")) {
            if (std::fscanf(pipe, "%ld", &size) != 1) size = -1;
            if (pclose(pipe) != 0 || size == 0) size = -1;
        }
    }
    unlink(path);
    return size;
}

std::string kilobytes(long bytes) {
    if (bytes < 0) return "?";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", bytes / 1024.0);
    return text;
}
#endif

// Hyphenates the text of every block of the first article of the bundle at `bundlePath` with its language's
// patterns, as the layout does, and prints words per second of the best run.
int benchHyphenationSpeed(const std::string& bundlePath, const char* label) {
    std::string json;
    if (!readFile(bundlePath, json)) {
        std::printf("%-8s hyphenation speed not measured: cannot read %s\n", label, bundlePath.c_str());
        return ExitFile;
    }
    const LoadResult loaded = loadBundle(json);
    if (!loaded.ok() || loaded.bundle.articles.empty()) {
        std::printf("%-8s hyphenation speed not measured: %s is not a valid bundle with an article\n", label,
                    bundlePath.c_str());
        return ExitInvalid;
    }
    const Article& article = loaded.bundle.articles[0];
    const std::string language = article.lang.empty() ? DefaultHyphenationLanguage : article.lang;
    const std::optional<Hyphenator> hyphenator = loadHyphenatorFor(language, hyphenDir());
    if (!hyphenator) {
        std::printf("%-8s hyphenation speed not measured: no patterns for %s in %s\n", label, language.c_str(),
                    hyphenDir().c_str());
        return ExitResources;
    }
    const HyphenationPolicy policy = hyphenationPolicyFor(language);
    std::vector<const std::string*> texts;
    size_t articleWords = 0;
    for (const Block& block : article.blocks) {
        if (block.text.text.empty()) continue;
        texts.push_back(&block.text.text);
        articleWords += countWords(block.text.text);
    }
    if (articleWords == 0) {
        std::printf("%-8s hyphenation speed not measured: the article has no words\n", label);
        return ExitInvalid;
    }
    const size_t passes = (MinHyphenatedWords + articleWords - 1) / articleWords;
    std::vector<uint32_t> points, lastResort;
    size_t pointCount = 0, lastResortCount = 0;  // of one pass: what the layout gets to break at
    const double best = bestSeconds([&] {
        pointCount = lastResortCount = 0;
        for (size_t pass = 0; pass < passes; ++pass) {
            for (const std::string* text : texts) {
                points.clear();
                lastResort.clear();
                findHyphenationPoints(*hyphenator, *text, points, policy, &lastResort);
                pointCount += points.size();
                lastResortCount += lastResort.size();
            }
        }
        return pointCount > 0;
    });
    if (std::isnan(best)) {
        std::printf("%-8s hyphenation speed not measured: no hyphenation point in the article\n", label);
        return ExitInvalid;
    }
    const size_t words = articleWords * passes;
    std::printf("%-8s hyphenation of %zu words (%zu x the article, %s patterns): %.2f million words/s at best of at "
                "least %d runs (%.1f ms); %zu points, %zu more as a last resort, each pass\n",
                label, words, passes, language.c_str(), static_cast<double>(words) / best / 1e6, MinLoads, best * 1e3,
                pointCount / passes, lastResortCount / passes);
    return ExitOk;
}

}  // namespace

int benchHyphenation(const std::string& bundlePath, const char* label, bool runWasm) {
    const std::string directory = hyphenDir();
    std::printf("%-8s hyphenation patterns from %s: best load of at least %d, ms\n", label, directory.c_str(), MinLoads);
    int status = ExitOk;
    for (const char* name : BenchPatternFiles) {
        std::string text, error;
        if (!readFile(directory + "/" + name, text)) {
            std::printf("%-8s %-16s not measured: cannot read it\n", label, name);
            status = ExitResources;
            continue;
        }
        const std::optional<Hyphenator> parsed = Hyphenator::fromDic(text, &error);
        if (!parsed) {
            std::printf("%-8s %-16s not measured: %s\n", label, name, error.c_str());
            status = ExitInvalid;
            continue;
        }
        const std::string bytes = parsed->compiled();
        const double dicSeconds = bestSeconds([&] { return Hyphenator::fromDic(text).has_value(); });
        const double binSeconds = bestSeconds([&] { return Hyphenator::fromCompiled(bytes).has_value(); });
        std::printf("%-8s %-16s %zu patterns: parse .dic %.2f ms, load .bin %.2f ms (%.0f times as fast)", label, name,
                    parsed->patternCount(), dicSeconds * 1e3, binSeconds * 1e3, dicSeconds / binSeconds);
#ifndef __EMSCRIPTEN__
        std::printf("; .dic %s KB, %s KB brotli; .bin %s KB, %s KB brotli", kilobytes(static_cast<long>(text.size())).c_str(),
                    kilobytes(brotliSize(text)).c_str(), kilobytes(static_cast<long>(bytes.size())).c_str(),
                    kilobytes(brotliSize(bytes)).c_str());
#endif
        std::printf("\n");
    }
    status = std::max(status, benchHyphenationSpeed(bundlePath, label));
    std::fflush(stdout);
#ifndef __EMSCRIPTEN__
    if (runWasm) {
        runWasmCli("bench hyphenation '" + bundlePath + "' --label wasm");
    }
#else
    (void)runWasm;
#endif
    return status;
}

}  // namespace galley::cli
