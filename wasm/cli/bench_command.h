// bench_command.h — `galley bench layout|quality`: how fast relayout is, and how good the typesetting is.
#pragma once

namespace galley::cli {
int runBenchCommand(int argc, char** argv);
}
