#pragma once
// For the `keyuan demo` command: its seed flag, progress on a terminal, the summary.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "tools/demo/generator.hpp"

namespace keyuan::demo {

/// A seed given as a decimal number; nullopt for anything else.
std::optional<std::uint64_t> ParseSeed(std::string_view text);

/// A progress callback that rewrites one line on stderr when stderr is a terminal, and does
/// nothing otherwise (logs and pipes get only the summary).
std::function<void(const DemoCounts& done, const DemoCounts& planned)> TerminalProgress();

/// The rows written per table, the time taken and where the demo accounts are documented,
/// one item per line.
std::string DescribeSummary(const DemoSummary& summary);

}  // namespace keyuan::demo
