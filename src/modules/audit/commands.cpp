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
    if (report.ok()) {
        std::cout << "audit chain intact: " << report.checked << " records verified\n";
        return 0;
    }
    std::cout << "audit chain BROKEN at record " << *report.first_bad_id << ": " << report.reason << " ("
              << report.checked << " records before it verified)\n";
    return 1;
}

}  // namespace

void Declare(modules::Declarations& declarations) {
    declarations.commands.push_back({{"audit", "verify"},
                                     "check the audit log's hash chain; exit 1 if a record was changed or removed",
                                     {},
                                     VerifyCommand});
}

}  // namespace keyuan::audit
