#pragma once
// keyuan export --kind KIND [--filter name=value …] --format xlsx|csv [--charset gbk] [--out FILE]

#include <functional>
#include <memory>

#include "app/cli.hpp"
#include "app/config.hpp"
#include "store/database.hpp"

namespace keyuan::app {

/// Writes the kind's list, filtered as the API's list is, to --out (or standard output) as the
/// operator sees it. Exit 0 done, 1 refused or failed (the API's error on standard error), 2 bad usage.
int ExportCommand(const Flags& flags, const Config& config,
                  const std::function<std::unique_ptr<store::Database>()>& open_database);

}  // namespace keyuan::app
