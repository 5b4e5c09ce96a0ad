#pragma once
// A keyuan command run inside the test process: the same parsing and command code as the
// binary (app::RunCli over app::AllCommands), without starting a process. Under the sanitizers
// a `keyuan user create` subprocess costs ~0.4 s, most of it the sanitizer runtime starting;
// fixtures create hundreds of accounts, so they use this. Tests *about* the command line keep
// RunCli/RunKeyuan, which start the real binary.
#include <string>
#include <vector>

#include "support/test_server.hpp"

namespace keyuan::testing {

/// Runs `keyuan ARGS…` in this process; stdout and stderr written through std::cout and
/// std::cerr are captured (one command at a time: the streams are swapped while it runs).
CommandResult RunCommandInProcess(const std::vector<std::string>& args);

}  // namespace keyuan::testing
