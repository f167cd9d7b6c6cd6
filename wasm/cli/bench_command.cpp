// bench_command.cpp — `galley bench layout`, `quality`, `browser`; `hyphenation` is bench_hyphenation.cpp.
//
// layout: an article made of the bundle's first article repeated to at least --words words (100,000), laid out
// once (measuring), then relaid out at changing widths for --seconds each: justified, automatic (Align::Auto) at the
// same widths, automatic at phone widths; prints words per second of relayout.
// The native build then runs the same measurement in the wasm build of the CLI (build/wasm/galley.js) under Node,
// if that build exists, and Chromium's reflow of the same article at the same widths, justified, in the same run.
// quality: the figures of layout_quality.h for the bundle's body paragraphs, justified at 560 and 340 px and ragged
// at 560 and 340 px, beside the goals, and the same figures of Chromium's own setting of the same paragraphs with the
// same font file, measured in the same run (tests/bench/chromium-typesetting.mjs gives its line boxes,
// line_boxes.h reads them, layout_quality.h judges them as it judges Galley's). Without Chromium, Galley's alone.
// browser: the viewer's figures in headless Chromium (tests/bench/browser-figures.mjs: first frame and where its
// time goes, transfer, wasm heap, idle draw calls; for scale the same article as a plain HTML page with the same font
// files and a page that only draws one WebGL2 triangle; Lighthouse), with build/wasm/dist served by scripts/serve.py
// on a free port.
// hyphenation: loading patterns from .dic text against their compiled form, and hyphenating the bundle's first
// article (bench_hyphenation.cpp).
// With no argument, all four.
//
// Not here: the figures' definitions (layout_quality.h); asserting anything (tests do that; speed is never asserted).
#include "bench_command.h"

#include "bench_hyphenation.h"
#include "bundle_loader.h"
#include "cli_common.h"
#include "hyphen_language.h"
#include "layout.h"
#include "layout_quality.h"
#include "line_boxes.h"
#include "word_hyphenation.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#ifndef __EMSCRIPTEN__
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
extern char** environ;
#endif

namespace galley::cli {

namespace {

constexpr size_t DefaultWords = 100000;
constexpr double DefaultSeconds = 2.0;
// Relayout cycles through these widths so that every layout is a real width change.
constexpr float BenchWidths[] = {560, 541, 577, 520, 600, 533};
// And phone columns (a 360-430 px screen less the viewer's margins), where automatic alignment sets the sample
// ragged: a justified pass that stops at the first line too loose, then the ragged one.
constexpr float PhoneBenchWidths[] = {350, 335, 374, 320, 390};

int usage(const char* why) {
    std::fprintf(stderr, "galley bench: %s\nusage: galley bench layout [BUNDLE] [--words N] [--seconds S]\n"
                         "       galley bench quality [BUNDLE] [--font PATH]\n"
                         "       galley bench browser [--runs N]\n"
                         "       galley bench hyphenation [BUNDLE]\n"
                         "       galley bench          (all four)\n", why);
    return ExitUsage;
}

struct Loaded {
    Bundle bundle;
    FontSet fonts;
    std::optional<Hyphenator> hyphenator;
};

// Loads the bundle, the fonts (--font replaces the body face) and the article's patterns. Returns an exit code.
int load(const std::string& path, const std::string& fontPath, Loaded& out) {
    std::string text;
    if (!readFile(path, text)) {
        std::fprintf(stderr, "%s: cannot read file\n", path.c_str());
        return ExitFile;
    }
    LoadResult r = loadBundle(text);
    if (!r.ok() || r.bundle.articles.empty()) {
        std::fprintf(stderr, "%s: not a valid bundle with an article (run galley check)\n", path.c_str());
        return ExitInvalid;
    }
    out.bundle = std::move(r.bundle);
    std::string why;
    if (!loadFontSet(out.fonts, fontDir(), &why)) {
        std::fprintf(stderr, "galley bench: fonts: %s (set GALLEY_FONT_DIR)\n", why.c_str());
        return ExitResources;
    }
    if (!fontPath.empty()) {
        auto face = FontFace::fromFile(fontPath, &why);
        if (!face) {
            std::fprintf(stderr, "galley bench: --font: %s\n", why.c_str());
            return ExitFile;
        }
        out.fonts.faces[static_cast<int>(FontStyle::Regular)] = std::move(face);
    }
    out.hyphenator = loadHyphenatorFor(out.bundle.articles[0].lang, hyphenDir());
    if (!out.hyphenator) {
        std::fprintf(stderr, "galley bench: no hyphenation patterns for %s in %s (set GALLEY_HYPHEN_DIR)\n",
                     out.bundle.articles[0].lang.c_str(), hyphenDir().c_str());
        return ExitResources;
    }
    return ExitOk;
}

void attachHyphenation(ArticleLayout& layout, const Hyphenator& hyphenator) {
    layout.setHyphenation([&hyphenator](const std::string& t, std::vector<uint32_t>& points,
                                        std::vector<uint32_t>& lastResort) {
        findHyphenationPoints(hyphenator, t, points, {}, &lastResort);
    });
}

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

#ifndef __EMSCRIPTEN__
// The face the body is set in, as a file, for Chromium to set the same paragraphs with: --font, or the regular face
// loadFontSet reads.
std::string bodyFontFile(const std::string& fontPath) {
    return fontPath.empty() ? fontDir() + "/" + faceFileName(FontStyle::Regular) + ".ttf" : fontPath;
}

// The request tests/bench/chromium-typesetting.mjs reads: the article's body paragraphs (or, for reflow, the text
// of every block, each as a paragraph: the words Galley's relayout counts) and how they are set.
nlohmann::json chromiumRequest(const Article& article, const std::string& fontFile, bool everyBlock) {
    const LayoutParams defaults;
    nlohmann::json paragraphs = nlohmann::json::array();
    for (size_t b = 0; b < article.blocks.size(); ++b)
        if (everyBlock ? !article.blocks[b].text.text.empty() : article.blocks[b].type == BlockType::Paragraph)
            paragraphs.push_back({{"block", b}, {"text", article.blocks[b].text.text}});
    return {{"font", fontFile}, {"fontSize", defaults.fontSize}, {"lineHeight", defaults.lineHeight},
            {"lang", article.lang.empty() ? "en" : article.lang}, {"paragraphs", std::move(paragraphs)}};
}

// Runs tests/bench/chromium-typesetting.mjs on `request` and returns its answer; nullopt, with the reason in `why`,
// when there is none (no Node, no Chromium, the font refused...).
std::optional<nlohmann::json> runChromium(const nlohmann::json& request, std::string& why) {
    char requestPath[] = "/tmp/galley-bench-chromium-XXXXXX";
    const int fd = mkstemp(requestPath);
    if (fd < 0) {
        why = "cannot write a temporary file";
        return std::nullopt;
    }
    const std::string body = request.dump();
    const bool written = write(fd, body.data(), body.size()) == static_cast<ssize_t>(body.size());
    close(fd);
    std::string output;
    if (written) {
        const std::string command = "node '" + std::string(GALLEY_SOURCE_DIR) +
                                    "/tests/bench/chromium-typesetting.mjs' '" + requestPath + "' 2>&1";
        if (FILE* pipe = popen(command.c_str(), "r")) {
            char buffer[4096];
            for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
            pclose(pipe);
        }
    }
    unlink(requestPath);
    // The answer is the last line; anything before it (a warning from Node) is not.
    while (!output.empty() && output.back() == '\n') output.pop_back();
    const size_t lastLine = output.rfind('\n');
    nlohmann::json answer =
        nlohmann::json::parse(output.substr(lastLine == std::string::npos ? 0 : lastLine + 1), nullptr, false);
    if (answer.is_object() && !answer.contains("error")) return answer;
    if (answer.is_object() && answer["error"].is_string()) why = answer["error"].get<std::string>();
    else why = output.empty() ? "no answer from node" : output.substr(0, output.find('\n'));
    return std::nullopt;
}
#endif

int benchLayout(const std::string& bundlePath, size_t targetWords, double duration, const char* label, bool runWasm) {
    Loaded loaded;
    if (int status = load(bundlePath, "", loaded)) return status;
    const Article& seed = loaded.bundle.articles[0];
    size_t seedWords = 0;
    for (const Block& b : seed.blocks) seedWords += countWords(b.text.text);
    if (seedWords == 0) return usage("the article has no words");
    Article big = seed;
    big.blocks.clear();
    size_t words = 0, copies = 0;
    while (words < targetWords) {
        big.blocks.insert(big.blocks.end(), seed.blocks.begin(), seed.blocks.end());
        words += seedWords;
        ++copies;
    }

    ArticleLayout layout(loaded.fonts, big);
    attachHyphenation(layout, *loaded.hyphenator);
    LayoutParams params;  // optimal, hanging punctuation and font expansion: the viewer's defaults (first layout justified)
    auto start = std::chrono::steady_clock::now();
    DisplayList display;  // relaid out into the same list, as a viewer does on resize
    layout.layout(params, display);
    const double firstSeconds = seconds(start);

    // Relayout at changing widths for `duration`, `align` as named.
    auto relayout = [&](Align align, const char* name, const float* widths, size_t widthCount) {
        params.align = align;
        size_t runs = 0, lines = 0, justified = 0;
        const auto start = std::chrono::steady_clock::now();
        double elapsed = 0;
        double best = INFINITY;  // the machine may be shared: the fastest run is the least disturbed one
        while (runs < 3 || elapsed < duration) {
            params.width = widths[runs % widthCount];
            const auto runStart = std::chrono::steady_clock::now();
            layout.layout(params, display);
            best = std::min(best, seconds(runStart));
            lines += display.lines.size();
            justified += display.justified;
            ++runs;
            elapsed = seconds(start);
        }
        const double perRun = elapsed / static_cast<double>(runs);
        std::printf("%-8s %zu words (%zu x the article), %s relayout: %.2f million words/s at best (%.1f ms), "
                    "%.2f on average (%.1f ms); first layout with measuring %.0f ms; %zu runs, %zu lines each, %zu "
                    "justified\n",
                    label, words, copies, name, static_cast<double>(words) / best / 1e6, best * 1e3,
                    static_cast<double>(words) / perRun / 1e6, perRun * 1e3, firstSeconds * 1e3, runs, lines / runs,
                    justified);
        std::fflush(stdout);
    };
    constexpr size_t WidthCount = sizeof BenchWidths / sizeof BenchWidths[0];
    constexpr size_t PhoneWidthCount = sizeof PhoneBenchWidths / sizeof PhoneBenchWidths[0];
    relayout(Align::Justify, "justified", BenchWidths, WidthCount);
    relayout(Align::Auto, "auto", BenchWidths, WidthCount);
    relayout(Align::Auto, "auto phone", PhoneBenchWidths, PhoneWidthCount);

#ifndef __EMSCRIPTEN__
    if (runWasm) {
        runWasmCli("bench layout '" + bundlePath + "' --words " + std::to_string(targetWords) + " --seconds " +
                   std::to_string(duration) + " --label wasm");
        std::fflush(stdout);
        // Chromium's reflow of the same text at the same widths, justified, measured in its page.
        nlohmann::json request = chromiumRequest(seed, bodyFontFile(""), true);
        request["reflow"] = {{"copies", copies},
                             {"widths", std::vector<float>(std::begin(BenchWidths), std::end(BenchWidths))},
                             {"seconds", duration}};
        std::string why;
        if (auto answer = runChromium(request, why); answer && !(*answer)["reflow"].is_object()) {
            std::printf("chromium not measured: no reflow in its answer\n");
        } else if (answer) {
            const nlohmann::json& r = (*answer)["reflow"];
            const double reflowWords = r.value("words", 0.0), best = r.value("bestMs", NAN) / 1e3,
                         mean = r.value("meanMs", NAN) / 1e3;
            std::printf("chromium %.0f words (%zu x the article), justified reflow: %.2f million words/s at best (%.1f "
                        "ms), %.2f on average (%.1f ms); first layout %.0f ms; %d runs (Chromium %s, a forced layout "
                        "after each width change, in the page)\n",
                        reflowWords, copies, reflowWords / best / 1e6, best * 1e3, reflowWords / mean / 1e6,
                        mean * 1e3, r.value("firstMs", NAN), r.value("runs", 0),
                        answer->value("chromium", std::string("?")).c_str());
        } else {
            std::printf("chromium not measured: %s\n", why.c_str());
        }
    }
#else
    (void)runWasm;
#endif
    return ExitOk;
}

struct QualityCase {
    const char* name;
    float width;
    Align align;
    bool letterSpacing = true;  // off: what letter spacing gives, by its absence
};

// One row of the quality table.
void printQualityRow(const char* name, const LayoutQuality& q, bool everyWord) {
    std::printf("%-26s %6zu %9.3f %6.2f %6.2f %8.4f %6.1f%% %6d %8d %6s\n", name, q.lines, q.meanSpaceDeviation,
                q.maxSpaceRatio, q.minSpaceRatio, q.fillDeviation, q.hyphenatedFraction * 100, q.longestHyphenRun,
                q.overflowingLines, everyWord ? "all" : "LOST");
}

int benchQuality(const std::string& bundlePath, const std::string& fontPath) {
    Loaded loaded;
    if (int status = load(bundlePath, fontPath, loaded)) return status;
    const Article& article = loaded.bundle.articles[0];
    ArticleLayout layout(loaded.fonts, article);
    attachHyphenation(layout, *loaded.hyphenator);
    std::printf("%-26s %6s %9s %6s %6s %8s %7s %6s %8s %6s\n", "layout", "lines", "mean|r-1|", "max r", "min r",
                "fill sd", "hyphen", "run", "overflow", "words");
    const QualityCase cases[] = {{"justified 560 px", 560, Align::Justify},
                                 {"justified 340 px", 340, Align::Justify},
                                 {"ragged 560 px", 560, Align::Left},
                                 {"ragged 340 px", 340, Align::Left},
                                 {"  no letter sp. 560", 560, Align::Justify, false},
                                 {"  no letter sp. 340", 340, Align::Justify, false}};
    for (const QualityCase& c : cases) {
        LayoutParams params;
        params.width = c.width;
        params.align = c.align;
        params.letterSpacing = c.letterSpacing;
        const DisplayList dl = layout.layout(params);
        printQualityRow(c.name, measureLayoutQuality(dl), keepsEveryWord(article, dl));
    }
#ifndef __EMSCRIPTEN__
    // Chromium's own setting of the same paragraphs with the same font file, judged by the same figures.
    const std::string fontFile = bodyFontFile(fontPath);
    nlohmann::json request = chromiumRequest(article, fontFile, false);
    request["layouts"] = nlohmann::json::array();
    for (const QualityCase& c : cases)
        if (c.letterSpacing)
            request["layouts"].push_back({{"width", c.width}, {"align", c.align == Align::Left ? "ragged" : "justify"}});
    std::string why;
    if (auto answer = runChromium(request, why)) {  // not const: [] on a missing key gives null
        for (const nlohmann::json& set : (*answer)["layouts"]) {
            if (!set.is_object()) continue;
            DisplayList dl;
            const bool ragged = set.value("align", "") == "ragged";
            const std::string name = std::string("Chromium ") + (ragged ? "ragged " : "justified ") +
                                     std::to_string(set.value("width", 0)) + " px";
            if (!readLineBoxes(set.dump(), dl, &why)) {
                std::printf("%-26s not measured: its line boxes: %s\n", name.c_str(), why.c_str());
                continue;
            }
            printQualityRow(name.c_str(), measureLayoutQuality(dl), keepsEveryWord(article, dl));
        }
        std::printf("Chromium %s set the same paragraphs with the same font file (%s, its space %.2f px): "
                    "text-align: justify, or left with text-wrap: pretty; hyphens: auto, lang %s\n",
                    answer->value("chromium", std::string("?")).c_str(), fontFile.c_str(), answer->value("space", NAN),
                    request.value("lang", std::string()).c_str());
    } else {
        std::printf("Chromium not measured: %s\n", why.c_str());
    }
#else
    std::printf("Chromium not measured: run the native galley\n");
#endif
    std::printf("goals: justified 560: mean <= 0.15, max <= 1.6, min >= 0.75; justified 340: mean <= 0.30, max <= 2.0; "
                "ragged 560: fill sd <= 0.025; hyphenated <= 20%%, never 3 in a row; no word lost; no overflow\n");
    return ExitOk;
}

#ifndef __EMSCRIPTEN__
// A TCP port nobody listens on now: bound to port 0, the kernel's choice is read back and released.
int freePort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof addr;
    int port = 0;
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) == 0)
        port = ntohs(addr.sin_port);
    close(fd);
    return port;
}

bool accepting(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    close(fd);
    return ok;
}

// Serves build/wasm/dist with scripts/serve.py on a free port, runs tests/bench/browser-figures.mjs against it
// (its output goes straight through), and stops the server.
int benchBrowser(int runs) {
    const std::string source = GALLEY_SOURCE_DIR, dist = source + "/build/wasm/dist";
    if (FILE* probe = std::fopen((dist + "/index.html").c_str(), "rb")) {
        std::fclose(probe);
    } else {
        std::printf("browser  not measured: %s is not built (cmake --build --preset wasm)\n", dist.c_str());
        return ExitOk;
    }
    const int port = freePort();
    if (port == 0) {
        std::fprintf(stderr, "galley bench browser: no free port\n");
        return ExitFile;
    }
    const std::string portText = std::to_string(port), serve = source + "/scripts/serve.py";
    const char* serverArgs[] = {"python3", serve.c_str(), dist.c_str(), "--port", portText.c_str(), "--quiet", nullptr};
    pid_t server = 0;
    if (posix_spawnp(&server, "python3", nullptr, nullptr, const_cast<char**>(serverArgs), environ) != 0) {
        std::fprintf(stderr, "galley bench browser: cannot start python3 %s\n", serve.c_str());
        return ExitFile;
    }
    for (int i = 0; i < 100 && !accepting(port); ++i) usleep(50000);
    std::printf("browser  (%s served at http://127.0.0.1:%d/, %d cold loads)\n", dist.c_str(), port, runs);
    std::fflush(stdout);
    const std::string command = "node '" + source + "/tests/bench/browser-figures.mjs' --url http://127.0.0.1:" +
                                portText + "/ --runs " + std::to_string(runs) + " 2>&1";
    int status = ExitOk;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[512];
        while (std::fgets(buffer, sizeof buffer, pipe)) std::fputs(buffer, stdout);
        if (pclose(pipe) != 0) {
            std::fprintf(stderr, "galley bench browser: the browser run failed (%s)\n", command.c_str());
            status = ExitResources;
        }
    }
    kill(server, SIGTERM);
    waitpid(server, nullptr, 0);
    return status;
}
#endif

}  // namespace

int runBenchCommand(int argc, char** argv) {
    if (argc < 2) {
        // Everything: typesetting quality, layout speed (native and wasm), the viewer in Chromium.
        char* quality[] = {argv[0], const_cast<char*>("quality")};
        char* layout[] = {argv[0], const_cast<char*>("layout")};
        char* browser[] = {argv[0], const_cast<char*>("browser")};
        char* hyphenation[] = {argv[0], const_cast<char*>("hyphenation")};
        int status = runBenchCommand(2, quality);
        std::printf("\n");
        status = std::max(status, runBenchCommand(2, layout));
        std::printf("\n");
        status = std::max(status, runBenchCommand(2, hyphenation));
        std::printf("\n");
        return std::max(status, runBenchCommand(2, browser));
    }
    const std::string which = argv[1];
    std::string bundlePath = GALLEY_SAMPLE_BUNDLE, fontPath, label = "native";
    double words = DefaultWords, duration = DefaultSeconds, runs = 5;
    bool runWasm = true;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        auto number = [&](double lo, double hi, double& out) {
            if (i + 1 >= argc) return false;
            char* end = nullptr;
            const double v = std::strtod(argv[++i], &end);
            if (*end != '\0' || !(v >= lo && v <= hi)) return false;
            out = v;
            return true;
        };
        if (a == "--words") {
            if (!number(1, 1e8, words)) return usage("--words takes a count, 1 to 100000000");
        } else if (a == "--seconds") {
            if (!number(0, 600, duration)) return usage("--seconds takes 0 to 600");
        } else if (a == "--runs") {
            if (!number(1, 100, runs)) return usage("--runs takes 1 to 100");
        } else if (a == "--font") {
            if (i + 1 >= argc) return usage("--font takes a TTF file");
            fontPath = argv[++i];
        } else if (a == "--label") {  // set by the native run for the wasm one, which then runs nothing further
            if (i + 1 >= argc) return usage("--label takes a name");
            label = argv[++i];
            runWasm = false;
        } else if (!a.empty() && a[0] == '-') {
            return usage(("unknown option " + a).c_str());
        } else {
            bundlePath = a;
        }
    }
    if (which == "layout") return benchLayout(bundlePath, static_cast<size_t>(words), duration, label.c_str(), runWasm);
    if (which == "quality") return benchQuality(bundlePath, fontPath);
    if (which == "hyphenation") return benchHyphenation(bundlePath, label.c_str(), runWasm);
#ifndef __EMSCRIPTEN__
    if (which == "browser") return benchBrowser(static_cast<int>(runs));
#else
    if (which == "browser") return usage("browser: run the native galley");
#endif
    return usage(("unknown bench " + which).c_str());
}

}  // namespace galley::cli
