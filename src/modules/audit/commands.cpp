// `keyuan audit verify`: checks the audit log's hash chain from the terminal (an auditor's
// check needs no running server).
#include <iostream>

#include "changes/audit.hpp"
#include "modules/audit/module.hpp"

namespace keyuan::audit {
namespace {

int VerifyCommand(const modules::CommandCall& call) {
    auto db = call.open_database();
    if (!db) return 1;
    VerifyReport report;
    try {
        report = Verify(*db);
    } catch (const std::exception& e) {
        // A store that cannot be read (e.g. "database disk image is malformed") is a failed
        // check, said in one line, not an abort.
        return call.database_failed(e);
    }
    if (!report.ok()) {
        std::cout << "audit chain BROKEN at record " << *report.first_bad_id << ": " << report.reason << " ("
                  << report.checked << " records before it verified)\n";
        return 1;
    }
    std::cout << "audit chain intact: " << report.checked << " records verified\n";
    if (report.unsealed == 0) return 0;
    // A server chains its records within a second; a tail older than a minute means none is
    // running on this database (or its sealer fails: see its log).
    std::cout << report.unsealed << " records not chained yet, the oldest " << report.oldest_unsealed_seconds
              << " s old" << (report.stale() ? ": no sealer is running; `keyuan audit seal` chains them" : "") << "\n";
    return report.stale() ? 1 : 0;
}

int SealCommand(const modules::CommandCall& call) {
    auto db = call.open_database();
    if (!db) return 1;
    std::int64_t total = 0;
    try {
        for (std::int64_t n = 1; n > 0; total += n) n = SealPending(*db);
    } catch (const std::exception& e) {
        return call.database_failed(e);
    }
    std::cout << "audit records chained: " << total << "\n";
    return 0;
}

}  // namespace

void Declare(modules::Declarations& declarations) {
    declarations.commands.push_back({{"audit", "verify"},
                                     "check the audit log's hash chain; exit 1 if a record was changed or removed",
                                     {},
                                     VerifyCommand});
    declarations.commands.push_back(
        {{"audit", "seal"}, "chain audit records a stopped server left unsealed (PostgreSQL)", {}, SealCommand});
}

}  // namespace keyuan::audit
