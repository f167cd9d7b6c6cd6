// import_command.cpp — see import_command.h. Argument parsing, the --explain report and the
// batch pool. Each batch worker owns its own input, article and output file; the only shared state is the atomic
// index of the next file and the per-file result slots, each written by one worker.
#include "import_command.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "bundle_writer.h"
#include "cli_common.h"
#include "import_format.h"
#include "typography.h"

namespace galley::cli {
namespace {

namespace fs = std::filesystem;

const char* const ImportUsage =
    "usage: galley import INPUT... [--format text|markdown|html] [-o OUT] [--lang TAG] [--base-url URL] [--explain]\n"
    "                     [--compact]\n"
    "       galley import --batch DIR -o OUTDIR [--jobs N] [--format text|markdown|html] [--lang TAG]\n"
    "  INPUT        a file, or - for stdin; several inputs make one bundle with one article each\n"
    "  --format     text (scraped web page text), markdown or html (a saved web page); guessed when not given,\n"
    "               from the file's extension, then from its content\n"
    "  -o OUT       write the bundle to OUT (default: stdout); with --batch, the output folder\n"
    "  --lang TAG   the articles' language (default: an HTML page's own, else en-US)\n"
    "  --base-url URL  html: the page's address, for its relative links (default: its canonical link, og:url)\n"
    "               Both are also evidence for reading a numeric date that reads both ways (04/03/2025): a region\n"
    "               (en-GB, en-US) or a country's domain (.uk, .us) says which comes first, the day or the month\n"
    "  --explain    print what happened to each input line (kept as what, or dropped and why); for HTML, to each\n"
    "               element, with the content scores and where each field came from; and which evidence decided\n"
    "               how a numeric date that reads both ways was read\n"
    "  --compact    write the bundle on one line\n"
    "  --batch DIR  convert every .txt, .text, .md, .markdown, .html and .htm file in DIR, in parallel\n"
    "  --jobs N     batch threads (default: the number of cores)\n";

struct ImportArgs {
    std::vector<std::string> inputs;
    std::string format;  // "", "text", "markdown", "html"
    std::string output;
    std::string batchDir;
    std::string lang = "en-US";
    bool langGiven = false;
    std::string baseUrl;
    bool explain = false;
    bool compact = false;
    unsigned jobs = 0;
};

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

enum class ParseOutcome { Run, Help, UsageError };

// UsageError comes after a message saying why.
ParseOutcome parseArgs(int argc, char** argv, ImportArgs& args) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "galley import: %s needs a value\n", a.c_str());
                return false;
            }
            into = argv[++i];
            return true;
        };
        if (a == "-h" || a == "--help") {
            return ParseOutcome::Help;
        } else if (a == "--format" || a == "-f") {
            if (!value(args.format)) return ParseOutcome::UsageError;
            args.format = lower(args.format);
            if (args.format == "md") args.format = "markdown";
            if (args.format == "txt") args.format = "text";
            if (args.format == "htm") args.format = "html";
            if (args.format != "text" && args.format != "markdown" && args.format != "html") {
                std::fprintf(stderr, "galley import: unknown format '%s' (text, markdown or html)\n",
                             args.format.c_str());
                return ParseOutcome::UsageError;
            }
        } else if (a == "-o" || a == "--output") {
            if (!value(args.output)) return ParseOutcome::UsageError;
        } else if (a == "--batch") {
            if (!value(args.batchDir)) return ParseOutcome::UsageError;
        } else if (a == "--lang") {
            if (!value(args.lang)) return ParseOutcome::UsageError;
            args.langGiven = true;
        } else if (a == "--base-url") {
            if (!value(args.baseUrl)) return ParseOutcome::UsageError;
            if (args.baseUrl.rfind("http://", 0) != 0 && args.baseUrl.rfind("https://", 0) != 0) {
                std::fputs("galley import: --base-url wants an http or https URL\n", stderr);
                return ParseOutcome::UsageError;
            }
        } else if (a == "--jobs" || a == "-j") {
            std::string n;
            if (!value(n)) return ParseOutcome::UsageError;
            char* end = nullptr;
            long v = std::strtol(n.c_str(), &end, 10);
            if (!end || *end || v < 1 || v > 256) {
                std::fprintf(stderr, "galley import: --jobs wants a number from 1 to 256\n");
                return ParseOutcome::UsageError;
            }
            args.jobs = static_cast<unsigned>(v);
        } else if (a == "--explain") {
            args.explain = true;
        } else if (a == "--compact") {
            args.compact = true;
        } else if (a.size() > 1 && a[0] == '-' && a != "-") {
            std::fprintf(stderr, "galley import: unknown option '%s'\n", a.c_str());
            return ParseOutcome::UsageError;
        } else {
            args.inputs.push_back(a);
        }
    }
    if (args.batchDir.empty() && args.inputs.empty()) {
        std::fputs("galley import: no input (give files, - for stdin, or --batch DIR)\n", stderr);
        return ParseOutcome::UsageError;
    }
    if (!args.batchDir.empty() && (!args.inputs.empty() || args.output.empty())) {
        std::fputs("galley import: --batch DIR takes no other inputs and needs -o OUTDIR\n", stderr);
        return ParseOutcome::UsageError;
    }
    if (std::count(args.inputs.begin(), args.inputs.end(), "-") > 1) {
        std::fputs("galley import: stdin (-) can be read only once\n", stderr);
        return ParseOutcome::UsageError;
    }
    return ParseOutcome::Run;
}

ImportResult importOne(const std::string& name, const std::string& text, const ImportArgs& args,
                       ImportFormat& format) {
    format = args.format == "markdown" ? ImportFormat::Markdown
             : args.format == "text"   ? ImportFormat::Text
             : args.format == "html"   ? ImportFormat::Html
                                       : guessImportFormat(name, text);
    ImportOptions options;
    options.lang = args.lang;
    options.langGiven = args.langGiven;
    options.baseUrl = args.baseUrl;
    options.fallbackTitle = name == "-" ? std::string() : fileStem(name);
    return importAs(format, text, options);
}

// At most `limit` code points, with an ellipsis when cut: the explain report is one line per input line.
std::string clip(const std::string& s, size_t limit) {
    std::u32string cps = decodeUtf8(s);
    if (cps.size() <= limit) return s;
    return encodeUtf8(cps.substr(0, limit - 1)) + "\xE2\x80\xA6";
}

void printExplanation(const std::string& name, ImportFormat format, const ImportResult& r) {
    const Article& a = r.article;
    std::printf("== %s (%s)\n", name == "-" ? "stdin" : name.c_str(),
                format == ImportFormat::Markdown ? "markdown" : format == ImportFormat::Html ? "html" : "scraped text");
    for (const LineVerdict& v : r.lines) {
        if (v.role == "blank") {
            std::printf("%5d\n", v.lineNumber);
            continue;
        }
        std::string role = clip(v.role, 48);
        size_t pad = 48 - std::min<size_t>(48, countCodePoints(role));
        std::printf("%5d  %s  %s%s | %s\n", v.lineNumber, v.kept ? "keep" : "drop", role.c_str(),
                    std::string(pad, ' ').c_str(), clip(v.text, 90).c_str());
        for (const std::string& note : v.notes) std::printf("%5s  note: %s\n", "", note.c_str());
    }
    std::string authors;
    for (const Author& au : a.authors) authors += (authors.empty() ? "" : "; ") + au.name;
    size_t paragraphs = static_cast<size_t>(std::count_if(a.blocks.begin(), a.blocks.end(), [](const Block& b) {
        return b.type == BlockType::Paragraph;
    }));
    std::printf("-- title: %s\n-- subtitle: %s\n-- authors: %s\n-- published: %s\n-- source: %s\n"
                "-- blocks: %zu (%zu paragraphs)\n",
                a.title.c_str(), a.subtitle.empty() ? "(none)" : a.subtitle.c_str(),
                authors.empty() ? "(none)" : authors.c_str(), a.published.empty() ? "(none)" : a.published.c_str(),
                a.source.name.empty() ? "(none)" : a.source.name.c_str(), a.blocks.size(), paragraphs);
    if (format == ImportFormat::Html) std::printf("-- lang: %s\n", a.lang.c_str());
    for (const std::string& note : r.notes) std::printf("-- %s\n", note.c_str());
    for (const HeldBackBlock& held : r.heldBack) std::printf("-- held back before block %zu: %s\n", held.before, held.why.c_str());
    std::printf("\n");
}

bool writeText(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << text;
    out.close();
    return !out.fail();
}

// Articles in one bundle need distinct ids: "slug", "slug-2", "slug-3", ...
void makeIdsUnique(Bundle& bundle) {
    std::set<std::string> seen;
    for (Article& a : bundle.articles) {
        std::string id = a.id;
        for (int n = 2; seen.count(id); ++n) id = a.id + "-" + std::to_string(n);
        a.id = id;
        seen.insert(id);
    }
}

int runSingle(const ImportArgs& args) {
    Bundle bundle;
    for (const std::string& input : args.inputs) {
        std::string text;
        if (!readFile(input, text)) {
            std::fprintf(stderr, "%s: cannot read file\n", input.c_str());
            return ExitFile;
        }
        ImportFormat format;
        ImportResult r = importOne(input, text, args, format);
        if (!r.refused.empty()) {
            std::fprintf(stderr, "%s: not imported: %s\n", input == "-" ? "stdin" : input.c_str(), r.refused.c_str());
            return ExitInvalid;
        }
        if (args.explain) printExplanation(input, format, r);
        if (r.article.blocks.empty())
            std::fprintf(stderr, "%s: warning: no article text found\n", input == "-" ? "stdin" : input.c_str());
        bundle.articles.push_back(std::move(r.article));
    }
    makeIdsUnique(bundle);
    const std::string json = writeBundleJson(bundle, args.compact ? -1 : 2);
    if (args.output.empty()) {
        if (!args.explain) std::fwrite(json.data(), 1, json.size(), stdout);
        return ExitOk;
    }
    if (!writeText(args.output, json)) {
        std::fprintf(stderr, "%s: cannot write file\n", args.output.c_str());
        return ExitFile;
    }
    return ExitOk;
}

bool isImportable(const fs::path& p) {
    std::string ext = lower(p.extension().string());
    std::string name = p.filename().string();
    if (name.empty() || name[0] == '.') return false;
    return ext == ".txt" || ext == ".text" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm" ||
           ext == ".xhtml";
}

struct BatchJob {
    fs::path input;
    fs::path output;
    std::string error;  // written only by the worker that took this job
};

int runBatch(const ImportArgs& args) {
    std::error_code ec;
    if (!fs::is_directory(args.batchDir, ec)) {
        std::fprintf(stderr, "%s: not a folder\n", args.batchDir.c_str());
        return ExitFile;
    }
    fs::create_directories(args.output, ec);
    if (ec || !fs::is_directory(args.output)) {
        std::fprintf(stderr, "%s: cannot create folder\n", args.output.c_str());
        return ExitFile;
    }
    std::vector<fs::path> inputs;
    for (fs::directory_iterator it(args.batchDir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file() && isImportable(it->path())) inputs.push_back(it->path());
    std::sort(inputs.begin(), inputs.end());

    // NAME.json, or NAME.EXT.json when two inputs share a stem (notes.txt and notes.md).
    std::vector<BatchJob> jobs;
    std::set<std::string> stems, clashes;
    for (const fs::path& p : inputs)
        if (!stems.insert(p.stem().string()).second) clashes.insert(p.stem().string());
    for (const fs::path& p : inputs) {
        std::string stem = p.stem().string();
        std::string outName = clashes.count(stem) ? p.filename().string() + ".json" : stem + ".json";
        jobs.push_back({p, fs::path(args.output) / outName, {}});
    }

    std::atomic<size_t> nextJob{0};
    auto work = [&] {
        for (size_t k; (k = nextJob.fetch_add(1)) < jobs.size();) {
            BatchJob& job = jobs[k];
            std::string text;
            if (!readFile(job.input.string(), text)) {
                job.error = "cannot read file";
                continue;
            }
            ImportFormat format;
            ImportResult r = importOne(job.input.string(), text, args, format);
            if (!r.refused.empty()) {
                job.error = "not imported: " + r.refused;
                continue;
            }
            Bundle bundle;
            bundle.articles.push_back(std::move(r.article));
            if (!writeText(job.output.string(), writeBundleJson(bundle, args.compact ? -1 : 2)))
                job.error = "cannot write " + job.output.string();
        }
    };
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
    // The wasm CLI is built without threads: creating one would abort, so the calling thread does all the work.
    unsigned threads = 1;
#else
    unsigned threads = args.jobs ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
#endif
    threads = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(1, jobs.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();  // the calling thread is a worker too
    for (std::thread& t : pool) t.join();

    size_t failed = 0;
    for (const BatchJob& job : jobs)
        if (!job.error.empty()) {
            ++failed;
            std::fprintf(stderr, "%s: %s\n", job.input.string().c_str(), job.error.c_str());
        }
    std::fprintf(stderr, "galley import: %zu of %zu files converted into %s (%u thread%s)\n", jobs.size() - failed,
                 jobs.size(), args.output.c_str(), threads, threads == 1 ? "" : "s");
    return failed ? ExitFile : ExitOk;
}

}  // namespace
}  // namespace galley::cli

int runImportCommand(int argc, char** argv) {
    galley::cli::ImportArgs args;
    switch (galley::cli::parseArgs(argc, argv, args)) {
        case galley::cli::ParseOutcome::Help:
            std::fputs(galley::cli::ImportUsage, stdout);
            return galley::cli::ExitOk;
        case galley::cli::ParseOutcome::UsageError:
            std::fputs(galley::cli::ImportUsage, stderr);
            return galley::cli::ExitUsage;
        case galley::cli::ParseOutcome::Run:
            break;
    }
    try {
        return args.batchDir.empty() ? galley::cli::runSingle(args) : galley::cli::runBatch(args);
    } catch (const std::exception& e) {
        // The importers do not throw; this catches what the standard library may (allocation, threads, files).
        std::fprintf(stderr, "galley import: %s\n", e.what());
        return galley::cli::ExitFile;
    }
}
