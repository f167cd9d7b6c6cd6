// patterns_command.h — `galley patterns compile IN.dic OUT.bin`: a hyphen .dic file in the compiled form the viewer
// loads (hyphenator_binary.cpp); the wasm build runs it for every pattern file dist/hyphen ships.
#pragma once

namespace galley::cli {
int runPatternsCommand(int argc, char** argv);
}
