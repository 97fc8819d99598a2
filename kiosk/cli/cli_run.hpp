// What both executables do around their verbs (contract 3): the --lang option, and parsing with a
// Chinese sentence for the person before CLI11's English detail, never a stack trace.
#pragma once
#include "cli/cli_common.hpp"

namespace mh::cli {

// The app as both executables make it: named `kiosk`, one verb required, --lang anywhere.
void setUpApp(CLI::App& app, Context& ctx, int argc, char** argv);

// Parses and runs the verb; returns the process's exit code.
int parseAndRun(CLI::App& app, Context& ctx, int argc, char** argv);

}  // namespace mh::cli
