// `keyuan vouchers verify`: proves from the terminal that every balance equals the sum of its
// movements, none is below zero, no programme issued beyond its budget and the ledger's hash chain
// holds (an auditor's check needs no running server).
#include <iostream>

#include "modules/vouchers/ledger.hpp"
#include "modules/vouchers/module.hpp"

namespace keyuan::vouchers {
namespace {

int VerifyCommand(const modules::CommandCall& call) {
    auto db = call.open_database();
    if (!db) return 1;
    ledger::VerifyReport report;
    try {
        report = ledger::Verify(*db);
    } catch (const std::exception& e) {
        return call.database_failed(e);
    }
    if (report.ok()) {
        std::cout << "voucher ledger balanced: " << report.movements << " movements, " << report.accounts
                  << " accounts verified\n";
        return 0;
    }
    std::cout << "voucher ledger BROKEN: " << report.problem << " (" << report.movements << " movements read)\n";
    return 1;
}

}  // namespace

void Declare(modules::Declarations& declarations) {
    declarations.commands.push_back({{"vouchers", "verify"},
                                     "check the voucher ledger: balances, budgets and hash chain; exit 1 if broken",
                                     {},
                                     VerifyCommand});
}

}  // namespace keyuan::vouchers
