// cli_common.cpp — see cli_common.h.
#include "cli_common.h"

#include <cstdio>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace galley::cli {

bool readFile(const std::string& path, std::string& out) {
    if (path == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        out = ss.str();
        return !std::cin.bad();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

size_t countWords(const std::string& text) {
    std::istringstream in(text);
    size_t n = 0;
    for (std::string w; in >> w;) ++n;
    return n;
}

std::string fontDir() {
    const char* env = std::getenv("GALLEY_FONT_DIR");
    return env && *env ? env : GALLEY_FONT_DIR;
}

std::string hyphenDir() {
    const char* env = std::getenv("GALLEY_HYPHEN_DIR");
    return env && *env ? env : GALLEY_HYPHEN_DIR;
}

void runWasmCli(const std::string& args) {
#ifndef __EMSCRIPTEN__
    const std::string wasmCli = GALLEY_WASM_CLI;
    if (FILE* probe = std::fopen(wasmCli.c_str(), "rb")) {
        std::fclose(probe);
        const std::string command = "node --no-experimental-fetch '" + wasmCli + "' " + args + " 2>&1";
        if (FILE* pipe = popen(command.c_str(), "r")) {
            char buffer[512];
            while (std::fgets(buffer, sizeof buffer, pipe)) std::fputs(buffer, stdout);
            if (pclose(pipe) != 0) std::fprintf(stderr, "galley bench: the wasm run failed (%s)\n", command.c_str());
        }
    } else {
        std::printf("wasm     not measured: %s is not built (cmake --build --preset wasm)\n", wasmCli.c_str());
    }
#else
    (void)args;
#endif
}

}  // namespace galley::cli
