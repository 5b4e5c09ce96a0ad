#pragma once
// `keyuan import --db URL --kind KIND [--org ID] [--dry-run] [--all-or-nothing] FILE`: the API's
// import from the command line, as the operator (audited as the command), printing the run's JSON;
// exit 1 when a row was refused (design §11).

#include "modules/module_context.hpp"

namespace keyuan::imports {

modules::Command ImportCommand();

}  // namespace keyuan::imports
