#pragma once
// Demo and scale data: a reproducible catalog in Chinese (organisations with valid credit
// codes across Beijing's districts, labs, instruments, service and finance products) and one
// documented account per role. docs/DEMO.md describes what each scale holds.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "core/role.hpp"
#include "store/database.hpp"

namespace keyuan::demo {

enum class Scale { kSmall, kCity, kNational };

/// Parses "small", "city" or "national".
std::optional<Scale> ParseScale(std::string_view name);

/// The password of every generated account; it meets the password policy (which refuses the
/// product's name, so not "Keyuan@…"). 共享 = sharing.
inline constexpr std::string_view kDemoPassword = "Gongxiang@2026";
/// The seed used when none is given; the same seed always gives the same catalog.
inline constexpr std::uint64_t kDefaultSeed = 20261123;

/// One number per table the generator writes: rows written or planned (and, inside the
/// generator, the first id of each).
struct DemoCounts {
    std::int64_t organizations = 0;
    std::int64_t users = 0;
    std::int64_t bases = 0;
    std::int64_t labs = 0;
    std::int64_t instruments = 0;
    std::int64_t services = 0;
    std::int64_t finance_products = 0;
    std::int64_t talents = 0;
    std::int64_t teams = 0;
    std::int64_t achievements = 0;
};

struct DemoOptions {
    Scale scale = Scale::kSmall;
    std::uint64_t seed = kDefaultSeed;
    /// The day the catalog is as of: every acceptance, registration and approval lies on or
    /// before it. A fixed day (not today) so that two runs give the same rows.
    Date as_of = Date::FromYmd(2026, 10, 30);
    /// Called after each committed transaction with the rows written so far and the plan; may
    /// be empty. Runs on the calling thread.
    std::function<void(const DemoCounts& done, const DemoCounts& planned)> progress;
};

struct DemoSummary {
    DemoCounts counts;
    double seconds = 0;
};

/// One documented demo account: `demo_<role>` with kDemoPassword.
struct DemoAccount {
    Role role;
    std::string username;
};

/// The demo accounts, one per role, in the order of AllRoles().
std::vector<DemoAccount> DemoAccounts();

/// Fills a migrated database with the demo catalog and accounts. Returns a Conflict error
/// (and writes nothing) if the database already has organisations. Writes in transactions of
/// some thousand rows each, so a failure part-way leaves the rows written so far: start again
/// from an empty database. Throws store::DbError subclasses on database failures. Not
/// thread-safe with other writers of the catalog tables.
Result<DemoSummary> GenerateDemo(store::Database& db, const DemoOptions& options);

}  // namespace keyuan::demo
