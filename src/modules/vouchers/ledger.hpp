#pragma once
// The voucher ledger: the only place where voucher money moves (docs/design/vouchers.md). A
// movement is one append-only row moving an amount in fen from one account to another, with its
// cause, hash-chained like the audit log; each account's balance is kept in ledger_balances in
// the same transaction, by a conditional update that refuses to take an account below zero. That
// refusal is what lets exactly k of many concurrent spends win against a balance that covers k,
// on both engines and at any isolation level, without reading the balance first.

#include <boost/json/array.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/caller.hpp"
#include "core/error.hpp"
#include "store/database.hpp"

namespace keyuan::vouchers::ledger {

/// The accounts. Only the funding source runs below zero (it is the city's appropriation).
std::string Funding();
std::string Budget(std::int64_t programme_id);                                 // what the programme has not issued
std::string Available(std::int64_t voucher_id);                                // what its holder can still spend
std::string Reserved(std::int64_t voucher_id);                                 // held for confirmed bookings and orders
std::string Earned(std::int64_t programme_id, std::int64_t provider_org_id);   // delivered, not claimed
std::string Claimed(std::int64_t programme_id, std::int64_t provider_org_id);  // claimed, not settled
std::string Paid(std::int64_t programme_id, std::int64_t provider_org_id);     // settled

struct Movement {
    std::string from, to;
    std::int64_t amount_fen = 0;  // > 0
    std::string
        movement;  // budget | issue | reserve | release | consume | claim | refuse | settle | expire | correction
    std::string cause_type;  // programme | application | use | claim | settlement | voucher | correction
    std::string cause_id;
    std::int64_t programme_id = 0;
    std::string reason;
};

/// Posts `m` inside `s`. When `from` does not hold the amount, throws ApiError(`when_short`) and
/// the caller's transaction rolls back. On PostgreSQL the ledger's chain lock is taken first, so
/// a transaction that posts holds it until it commits (movements of money are few; their order is
/// the chain's order).
void Post(store::Session& s, const Actor& actor, const Movement& m, const Error& when_short);

/// The movements matching `where` (" WHERE …" on voucher_ledger), newest first, at most `limit`,
/// skipping `offset`, as the API shows them.
boost::json::array MovementsJson(store::Session& s, const std::string& where, std::vector<store::Param> params,
                                 std::int64_t limit, std::int64_t offset = 0);

/// An account's balance (0 for an account never used).
std::int64_t Balance(store::Session& s, std::string_view account);

/// Balances of many accounts in one query, by account.
std::map<std::string, std::int64_t> Balances(store::Session& s, const std::vector<std::string>& accounts);

struct VerifyReport {
    std::int64_t movements = 0;
    std::int64_t accounts = 0;
    std::string problem;  // empty: every check passed
    bool ok() const { return problem.empty(); }
};

/// Replays the whole ledger in one ordered pass: every hash link, every balance equal to the sum
/// of its movements, no balance below zero but the funding's, each programme's budget movement
/// equal to its budget (so nothing was issued beyond it). Names the first problem.
VerifyReport Verify(store::Database& db);

}  // namespace keyuan::vouchers::ledger
