// main.cpp — the `galley` command line: check, layout, import, bench, patterns.
//
// Exit codes (stable, for scripts): 0 success, 1 invalid input (bundle or article), 2 usage, 3 cannot read or write
// a file, 4 missing resources (fonts, patterns).
#include "bundle_loader.h"
#include "cli_common.h"
#include "import_command.h"
#include "layout_command.h"
#include "bench_command.h"
#include "patterns_command.h"

#include <cstdio>
#include <cstring>
#include <string>

namespace {

const char* const Usage =
    "usage: galley COMMAND ...\n"
    "  check BUNDLE...                 validate bundles; messages as 'path: reason' on stderr\n"
    "  layout BUNDLE --width PX [--font-size PX] [--align justify|left|auto]\n"
    "         [--breaking optimal|first-fit] [--font PATH] [--article N] [--json]\n"
    "                                  typeset an article and print its lines\n"
    "  import INPUT... [--format text|markdown] [-o OUT] [--lang TAG] [--explain] [--compact]\n"
    "  import --batch DIR -o OUTDIR [--jobs N]\n"
    "                                  turn scraped text or Markdown into a bundle\n"
    "  patterns compile IN.dic OUT.bin hyphenation patterns in the compiled form the viewer loads\n"
    "exit codes: 0 ok, 1 invalid input, 2 usage, 3 file error, 4 missing resources\n";

int runCheck(int argc, char** argv) {
    if (argc < 2) {
        std::fputs(Usage, stderr);
        return galley::cli::ExitUsage;
    }
    int status = galley::cli::ExitOk;
    for (int i = 1; i < argc; ++i) {
        std::string text;
        if (!galley::cli::readFile(argv[i], text)) {
            std::fprintf(stderr, "%s: cannot read file\n", argv[i]);
            status = galley::cli::ExitFile;
            continue;
        }
        galley::LoadResult r = galley::loadBundle(text);
        for (const auto& w : r.warnings) std::fprintf(stderr, "%s: warning: %s\n", argv[i], w.str().c_str());
        for (const auto& e : r.errors) std::fprintf(stderr, "%s: error: %s\n", argv[i], e.str().c_str());
        if (r.ok()) {
            size_t blocks = 0;
            for (const auto& a : r.bundle.articles) blocks += a.blocks.size();
            std::printf("%s: valid (%zu article%s, %zu blocks, %zu warning%s)\n", argv[i], r.bundle.articles.size(),
                        r.bundle.articles.size() == 1 ? "" : "s", blocks, r.warnings.size(),
                        r.warnings.size() == 1 ? "" : "s");
        } else {
            std::fprintf(stderr, "%s: invalid (%zu error%s)\n", argv[i], r.errors.size(), r.errors.size() == 1 ? "" : "s");
            if (status == galley::cli::ExitOk) status = galley::cli::ExitInvalid;
        }
    }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        std::fputs(Usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? galley::cli::ExitUsage : galley::cli::ExitOk;
    }
    std::string command = argv[1];
    if (command == "check") return runCheck(argc - 1, argv + 1);
    if (command == "layout") return galley::cli::runLayoutCommand(argc - 1, argv + 1);
    if (command == "bench") return galley::cli::runBenchCommand(argc - 1, argv + 1);
    if (command == "import") return runImportCommand(argc - 1, argv + 1);
    if (command == "patterns") return galley::cli::runPatternsCommand(argc - 1, argv + 1);
    std::fprintf(stderr, "galley: unknown command '%s'\n%s", command.c_str(), Usage);
    return galley::cli::ExitUsage;
}
