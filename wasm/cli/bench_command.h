// bench_command.h — `galley bench layout|quality|browser|hyphenation`: how fast relayout is, how good the
// typesetting is, the viewer in Chromium, and how fast patterns load.
#pragma once

namespace galley::cli {
int runBenchCommand(int argc, char** argv);
}
