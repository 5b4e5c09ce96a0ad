#pragma once
// The command line: a table of subcommands, each with its flags and help, parsed strictly.

#include <functional>
#include <string>
#include <vector>

#include "app/config.hpp"

namespace keyuan::app {

struct FlagSpec {
    std::string name;        // without dashes
    std::string value_name;  // empty for a switch
    std::string help;
};

struct CommandSpec {
    std::vector<std::string> words;  // {"serve"}, {"user", "create"}
    std::string summary;
    std::vector<FlagSpec> flags;
    std::function<int(const Flags&)> run;
};

/// Runs the command that argv names; prints help or a one-line error. Returns the exit code:
/// 0 ok, 1 failure while running, 2 bad usage.
int RunCli(const std::vector<CommandSpec>& commands, int argc, char** argv);

}  // namespace keyuan::app
