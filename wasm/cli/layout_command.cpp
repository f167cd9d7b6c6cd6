// layout_command.cpp — see layout_command.h.
#include "layout_command.h"

#include "bundle_loader.h"
#include "cli_common.h"
#include "hyphen_language.h"
#include "hyphenator.h"
#include "cjk_tiers.h"
#include "layout.h"
#include "line_breaks.h"
#include "word_hyphenation.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

namespace galley::cli {

namespace {

bool parseNumber(const char* s, double lo, double hi, double& out) {
    char* end = nullptr;
    double v = std::strtod(s, &end);
    if (end == s || *end != '\0' || !(v >= lo && v <= hi)) return false;
    out = v;
    return true;
}

int usage(const char* why) {
    std::fprintf(stderr, "galley layout: %s\nusage: galley layout BUNDLE --width PX [--font-size PX] "
                         "[--align justify|left|auto] [--breaking optimal|first-fit] [--font PATH] [--article N] "
                         "[--no-hyphenation] [--hyphenate-capitalised] [--no-hanging] [--no-expansion] [--no-letter-spacing] [--drop-cap] "
                         "[--json]\n", why);
    return ExitUsage;
}

}  // namespace

int runLayoutCommand(int argc, char** argv) {
    std::string bundlePath, fontPath;
    LayoutParams params;
    bool json = false, hyphenation = true, haveWidth = false;
    bool capitalised = false;
    double article = 0;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](const char* name) -> const char* {
            if (i + 1 >= argc) return nullptr;
            (void)name;
            return argv[++i];
        };
        double v;
        if (a == "--json") json = true;
        else if (a == "--no-hyphenation") hyphenation = false;
        else if (a == "--no-hanging") params.hangingPunctuation = false;
        else if (a == "--no-expansion") params.fontExpansion = false;
        else if (a == "--no-letter-spacing") params.letterSpacing = false;
        else if (a == "--drop-cap") params.dropCap = true;
        else if (a == "--hyphenate-capitalised") capitalised = true;
        else if (a == "--width") {
            const char* s = value("--width");
            if (!s || !parseNumber(s, 1, 100000, v)) return usage("--width takes a number of CSS px, 1 to 100000");
            params.width = static_cast<float>(v);
            haveWidth = true;
        } else if (a == "--font-size") {
            const char* s = value("--font-size");
            if (!s || !parseNumber(s, 4, 400, v)) return usage("--font-size takes a number of CSS px, 4 to 400");
            params.fontSize = static_cast<float>(v);
        } else if (a == "--line-height") {
            const char* s = value("--line-height");
            if (!s || !parseNumber(s, 0.5, 5, v)) return usage("--line-height takes a multiple of the em, 0.5 to 5");
            params.lineHeight = static_cast<float>(v);
        } else if (a == "--align") {
            const char* s = value("--align");
            if (s && std::string(s) == "justify") params.align = Align::Justify;
            else if (s && std::string(s) == "left") params.align = Align::Left;
            else if (s && std::string(s) == "auto") params.align = Align::Auto;
            else return usage("--align takes justify, left or auto");
        } else if (a == "--breaking") {
            const char* s = value("--breaking");
            if (s && std::string(s) == "optimal") params.breaking = Breaking::Optimal;
            else if (s && std::string(s) == "first-fit") params.breaking = Breaking::FirstFit;
            else return usage("--breaking takes optimal or first-fit");
        } else if (a == "--font") {
            const char* s = value("--font");
            if (!s) return usage("--font takes a TTF file");
            fontPath = s;
        } else if (a == "--article") {
            const char* s = value("--article");
            if (!s || !parseNumber(s, 0, 1e6, article)) return usage("--article takes an index from 0");
        } else if (!a.empty() && a[0] == '-' && a != "-") {
            return usage(("unknown option " + a).c_str());
        } else if (bundlePath.empty()) {
            bundlePath = a;
        } else {
            return usage("one bundle at a time");
        }
    }
    if (bundlePath.empty()) return usage("no bundle given");
    if (!haveWidth) return usage("--width is required");

    std::string text;
    if (!readFile(bundlePath, text)) {
        std::fprintf(stderr, "%s: cannot read file\n", bundlePath.c_str());
        return ExitFile;
    }
    LoadResult r = loadBundle(text);
    for (const auto& e : r.errors) std::fprintf(stderr, "%s: error: %s\n", bundlePath.c_str(), e.str().c_str());
    if (!r.ok()) return ExitInvalid;
    size_t index = static_cast<size_t>(article);
    if (index >= r.bundle.articles.size()) {
        std::fprintf(stderr, "%s: --article %zu: the bundle has %zu article(s)\n", bundlePath.c_str(), index,
                     r.bundle.articles.size());
        return ExitUsage;
    }

    FontSet fonts;
    std::string why;
    if (!loadFontSet(fonts, fontDir(), &why)) {
        std::fprintf(stderr, "galley layout: fonts: %s (set GALLEY_FONT_DIR)\n", why.c_str());
        return ExitResources;
    }
    if (!fontPath.empty()) {
        auto face = FontFace::fromFile(fontPath, &why);
        if (!face) {
            std::fprintf(stderr, "galley layout: --font: %s\n", why.c_str());
            return ExitFile;
        }
        fonts.faces[static_cast<int>(FontStyle::Regular)] = std::move(face);
    }

    const Article& a = r.bundle.articles[index];
    ArticleLayout layout(fonts, a);
    std::optional<Hyphenator> hyphenator;
    if (hyphenation) {
        hyphenator = loadHyphenatorFor(a.lang, hyphenDir());
        HyphenationPolicy policy = hyphenationPolicyFor(a.lang);
        policy.capitalised = policy.capitalised || capitalised;
        if (hyphenator)
            layout.setHyphenation([&hyphenator, policy](const std::string& t, std::vector<uint32_t>& points,
                                                        std::vector<uint32_t>& lastResort) {
                findHyphenationPoints(*hyphenator, t, points, policy, &lastResort);
            });
    }
    // Thai words from libthai's dictionary (GALLEY_THAI_DICTIONARY overrides the build's path).
    const char* thaiPath = std::getenv("GALLEY_THAI_DICTIONARY");
    const std::unique_ptr<ThaiDictionary> thai = ThaiDictionary::open(thaiPath ? thaiPath : GALLEY_THAI_DICTIONARY);
    layout.setThaiDictionary(thai.get());
    layout.setCjkTiers(&builtinCjkTiers());
    params.recordRuns = json;
    DisplayList dl = layout.layout(params);

    if (json) {
        nlohmann::json out;
        out["width"] = params.width;
        out["height"] = dl.height;
        out["fontSize"] = params.fontSize;
        out["missingGlyphs"] = dl.missingGlyphs;
        out["align"] = dl.justified ? "justify" : "left";  // with --align auto, what it chose
        nlohmann::json lines = nlohmann::json::array();
        for (const TextLine& line : dl.lines) {
            nlohmann::json l;
            l["block"] = line.block == UINT32_MAX ? -1 : static_cast<long>(line.block);
            l["role"] = lineRoleName(line.role);
            if (line.role == LineRole::Heading) l["level"] = line.level;
            l["last"] = line.last;
            l["hyphenated"] = line.hyphenated;
            l["space"] = line.space;
            // Hanging punctuation: the line's ink runs from x = -hangLeft to W + hangRight (justified); the words'
            // x and width are where their ink is, so the leftmost word may start left of 0 and the rightmost end past
            // W (in either direction: a right-to-left line's last word is its leftmost).
            l["hangLeft"] = line.hangLeft;
            l["hangRight"] = line.hangRight;
            l["scaleX"] = line.scaleX;
            l["letterSpacing"] = line.letterSpacing;
            l["top"] = line.top;
            l["baseline"] = line.baseline;
            l["direction"] = line.rightToLeft ? "rtl" : "ltr";
            // Words in reading order, x from the column's left edge; each with its runs of one face, in reading
            // order, their glyph ids left to right as `hb-shape` prints them for that file.
            nlohmann::json words = nlohmann::json::array();
            for (const WordBox& w : line.words)
                words.push_back({{"text", w.text}, {"x", line.x + w.x}, {"width", w.width}, {"runs", nlohmann::json::array()}});
            l["words"] = std::move(words);
            lines.push_back(std::move(l));
        }
        for (const WordRun& run : dl.runs) {
            const TextLine& line = dl.lines[run.line];
            const WordBox& w = line.words[run.word];
            const PlacedGlyph& first = dl.glyphs[run.firstGlyph];
            const FontFace* face = fonts.face(first.style, first.slice);
            nlohmann::json r;
            r["text"] = w.text.substr(run.textBegin - w.sourceBegin, run.textEnd - run.textBegin);
            r["font"] = face ? face->fileName() : std::string();
            if (face && face->faceIndex() != 0) r["face"] = face->faceIndex();
            r["direction"] = run.rightToLeft ? "rtl" : "ltr";
            nlohmann::json glyphs = nlohmann::json::array();
            for (uint32_t k = 0; k < run.glyphCount; ++k) glyphs.push_back(dl.glyphs[run.firstGlyph + k].glyph);
            r["glyphs"] = std::move(glyphs);
            lines[run.line]["words"][run.word]["runs"].push_back(std::move(r));
        }
        out["lines"] = std::move(lines);
        std::puts(out.dump(1).c_str());
    } else {
        if (dl.missingGlyphs > 0)
            std::fprintf(stderr, "galley layout: %u code point(s) have no glyph in the faces, drawn as .notdef\n",
                         dl.missingGlyphs);
        for (const TextLine& line : dl.lines) {
            std::string s;
            for (const WordBox& w : line.words) s += (s.empty() || w.joinsPrevious ? "" : " ") + w.text;
            std::printf("%-10s %7.1f  %s\n", lineRoleName(line.role), line.width, s.c_str());
        }
    }
    return ExitOk;
}

}  // namespace galley::cli
