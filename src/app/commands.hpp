#pragma once

#include <vector>

#include "app/cli.hpp"

namespace keyuan::app {

/// Every subcommand of the keyuan binary.
std::vector<CommandSpec> AllCommands();

}  // namespace keyuan::app
