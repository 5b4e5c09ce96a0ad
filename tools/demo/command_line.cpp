#include "tools/demo/command_line.hpp"

#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <utility>
#include <vector>

namespace keyuan::demo {
namespace {

std::vector<std::pair<const char*, std::int64_t>> Rows(const DemoCounts& c) {
    return {{"organizations", c.organizations},
            {"users", c.users},
            {"bases", c.bases},
            {"labs", c.labs},
            {"instruments", c.instruments},
            {"services", c.services},
            {"finance products", c.finance_products},
            {"talents", c.talents},
            {"teams", c.teams},
            {"achievements", c.achievements}};
}

}  // namespace

std::optional<std::uint64_t> ParseSeed(std::string_view text) {
    std::uint64_t seed = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seed);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return seed;
}

std::function<void(const DemoCounts&, const DemoCounts&)> TerminalProgress() {
    if (!::isatty(STDERR_FILENO)) return {};
    return [](const DemoCounts& done, const DemoCounts& planned) {
        // Services and achievements are the bulk of the rows, written in that order.
        std::int64_t total = planned.services + planned.achievements;
        int percent = total > 0 ? static_cast<int>(100 * (done.services + done.achievements) / total) : 100;
        std::cerr << "\rkeyuan demo: " << percent << "% (" << done.labs << " labs, " << done.instruments
                  << " instruments, " << done.services << " services, " << done.achievements << " achievements)"
                  << (percent >= 100 ? "\n" : "") << std::flush;
    };
}

std::string DescribeSummary(const DemoSummary& summary) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", summary.seconds);
    std::string out = "demo data written in " + std::string(seconds) + " s:\n";
    for (const auto& [name, count] : Rows(summary.counts)) {
        char line[64];
        std::snprintf(line, sizeof line, "  %-17s %10lld\n", name, static_cast<long long>(count));
        out += line;
    }
    out += "demo accounts: demo_<role> (e.g. demo_unit_admin), password " + std::string(kDemoPassword) +
           "; see docs/DEMO.md\n";
    return out;
}

}  // namespace keyuan::demo
