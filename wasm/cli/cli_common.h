// cli_common.h — what the CLI's commands share: exit codes, file reading, resource paths.
#pragma once

#include <cstddef>
#include <string>

namespace galley::cli {

enum ExitCode { ExitOk = 0, ExitInvalid = 1, ExitUsage = 2, ExitFile = 3, ExitResources = 4 };

// Reads a whole file ("-" is stdin). Returns false if it cannot be read.
bool readFile(const std::string& path, std::string& out);

// Words of `text` as the benches count them: runs of non-space characters.
size_t countWords(const std::string& text);

// Where fonts and hyphenation patterns are: $GALLEY_FONT_DIR / $GALLEY_HYPHEN_DIR, else the build's defaults.
std::string fontDir();
std::string hyphenDir();

// Native only: runs the wasm CLI (build/wasm/galley.js) under Node with `args` ("bench layout ...") and passes its
// output through, or prints "wasm     not measured" when it is not built. The benches' wasm figures come from it.
void runWasmCli(const std::string& args);

}  // namespace galley::cli
