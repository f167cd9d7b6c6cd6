// cli_common.cpp — see cli_common.h.
#include "cli_common.h"

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

std::string fontDir() {
    const char* env = std::getenv("GALLEY_FONT_DIR");
    return env && *env ? env : GALLEY_FONT_DIR;
}

std::string hyphenDir() {
    const char* env = std::getenv("GALLEY_HYPHEN_DIR");
    return env && *env ? env : GALLEY_HYPHEN_DIR;
}

}  // namespace galley::cli
