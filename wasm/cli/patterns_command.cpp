// patterns_command.cpp — `galley patterns compile IN.dic OUT.bin`.
//
// Parses the .dic as the CLI does (Hyphenator::fromDic), writes its compiled form, and reads that back
// (Hyphenator::fromCompiled) before writing, so that a file the build ships is one the viewer accepts.
#include "patterns_command.h"

#include "cli_common.h"
#include "hyphenator.h"

#include <cstdio>
#include <fstream>
#include <string>

namespace galley::cli {

namespace {

int usage(const char* why) {
    std::fprintf(stderr, "galley patterns: %s\nusage: galley patterns compile IN.dic OUT.bin\n", why);
    return ExitUsage;
}

}  // namespace

int runPatternsCommand(int argc, char** argv) {
    if (argc != 4 || std::string(argv[1]) != "compile") return usage("expected: compile IN.dic OUT.bin");
    const std::string in = argv[2], out = argv[3];
    std::string text, error;
    if (!readFile(in, text)) {
        std::fprintf(stderr, "%s: cannot read file\n", in.c_str());
        return ExitFile;
    }
    const std::optional<Hyphenator> hyphenator = Hyphenator::fromDic(text, &error);
    if (!hyphenator) {
        std::fprintf(stderr, "%s: error: %s\n", in.c_str(), error.c_str());
        return ExitInvalid;
    }
    const std::string bytes = hyphenator->compiled();
    if (!Hyphenator::fromCompiled(bytes, &error)) {  // a bug here, never the input's fault
        std::fprintf(stderr, "%s: error: its compiled form does not read back: %s\n", in.c_str(), error.c_str());
        return ExitInvalid;
    }
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    if (!file || !file.write(bytes.data(), static_cast<std::streamsize>(bytes.size())) || !file.flush()) {
        std::fprintf(stderr, "%s: cannot write file\n", out.c_str());
        return ExitFile;
    }
    return ExitOk;
}

}  // namespace galley::cli
