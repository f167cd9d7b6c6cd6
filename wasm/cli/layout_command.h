// layout_command.h — `galley layout`: typeset one article of a bundle and print its lines (text, or JSON for tests
// and measurement: docs/cli.md describes the schema).
#pragma once

namespace galley::cli {
int runLayoutCommand(int argc, char** argv);
}
