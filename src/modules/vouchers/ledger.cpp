#include "modules/vouchers/ledger.hpp"

#include <unordered_map>

#include "changes/chain_hash.hpp"
#include "core/clock.hpp"
#include "store/param.hpp"

namespace keyuan::vouchers::ledger {
namespace {

/// The ledger's own chain lock on PostgreSQL (the audit log's is 7253002); SQLite's single
/// writer serialises posting anyway.
constexpr std::string_view kChainLock = "SELECT pg_advisory_xact_lock(7253003)";
constexpr std::string_view kLastHash = "SELECT hash FROM voucher_ledger ORDER BY id DESC LIMIT 1";

std::string Hash(std::string_view prev, std::string_view at, const Movement& m, const std::string& actor) {
    return changes::ChainHash(prev, {at, m.from, m.to, std::to_string(m.amount_fen), m.movement, m.cause_type,
                                     m.cause_id, std::to_string(m.programme_id), actor, m.reason});
}

bool IsFunding(std::string_view account) {
    return account.starts_with("funding:");
}

/// Adds `delta` to the account's balance, creating it on first use.
void AddToBalance(store::Session& s, const std::string& account, std::int64_t delta) {
    s.Execute(
        "INSERT INTO ledger_balances (account, balance_fen) VALUES ($1, $2) "
        "ON CONFLICT (account) DO UPDATE SET balance_fen = ledger_balances.balance_fen + excluded.balance_fen",
        {account, delta});
}

}  // namespace

std::string Funding() {
    return "funding:city";
}
std::string Budget(std::int64_t programme_id) {
    return "programme:" + std::to_string(programme_id) + ":budget";
}
std::string Available(std::int64_t voucher_id) {
    return "voucher:" + std::to_string(voucher_id) + ":available";
}
std::string Reserved(std::int64_t voucher_id) {
    return "voucher:" + std::to_string(voucher_id) + ":reserved";
}
std::string Earned(std::int64_t programme_id, std::int64_t provider_org_id) {
    return "provider:" + std::to_string(provider_org_id) + ":" + std::to_string(programme_id) + ":earned";
}
std::string Claimed(std::int64_t programme_id, std::int64_t provider_org_id) {
    return "provider:" + std::to_string(provider_org_id) + ":" + std::to_string(programme_id) + ":claimed";
}
std::string Paid(std::int64_t programme_id, std::int64_t provider_org_id) {
    return "provider:" + std::to_string(provider_org_id) + ":" + std::to_string(programme_id) + ":paid";
}

void Post(store::Session& s, const Actor& actor, const Movement& m, const Error& when_short) {
    if (m.amount_fen <= 0 || m.from == m.to)
        throw std::logic_error("ledger: a movement needs an amount and two accounts");
    store::Rows last =
        s.engine() == store::Engine::kPostgres ? s.QueryAfter(kChainLock, kLastHash) : s.Query(kLastHash);
    std::string prev = last.empty() ? std::string(changes::kGenesisHash) : std::string(last.front().Text(0));
    if (IsFunding(m.from)) {
        AddToBalance(s, m.from, -m.amount_fen);
    } else if (s.Execute("UPDATE ledger_balances SET balance_fen = balance_fen - $1 WHERE account = $2 AND "
                         "balance_fen >= $1",
                         {m.amount_fen, m.from}) != 1) {
        throw ApiError(when_short);
    }
    AddToBalance(s, m.to, m.amount_fen);
    std::string at = clock::NowUtc();
    std::string actor_id = actor.caller ? std::to_string(actor.caller->user_id) : "";
    std::optional<std::int64_t> actor_user;
    if (actor.caller) actor_user = actor.caller->user_id;
    s.Execute(
        "INSERT INTO voucher_ledger (at, from_account, to_account, amount_fen, movement, cause_type, cause_id, "
        "programme_id, actor_user_id, reason, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
        "$12)",
        {at, m.from, m.to, m.amount_fen, m.movement, m.cause_type, m.cause_id, m.programme_id, actor_user, m.reason,
         prev, Hash(prev, at, m, actor_id)});
}

boost::json::array MovementsJson(store::Session& s, const std::string& where, std::vector<store::Param> params,
                                 std::int64_t limit, std::int64_t offset) {
    params.emplace_back(limit);
    params.emplace_back(offset);
    std::size_t n = params.size();
    store::Rows rows = s.Query(
        "SELECT id, at, from_account, to_account, amount_fen, movement, cause_type, cause_id, programme_id, "
        "actor_user_id, reason, hash FROM voucher_ledger" +
            where + " ORDER BY id DESC LIMIT $" + std::to_string(n - 1) + " OFFSET $" + std::to_string(n),
        params);
    boost::json::array out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const store::Row& r = rows[i];
        std::optional<std::int64_t> actor = r.OptInt(9);
        out.push_back(boost::json::object{
            {"id", std::to_string(r.Int(0))},
            {"at", r.Text(1)},
            {"from", r.Text(2)},
            {"to", r.Text(3)},
            {"amount_fen", r.Int(4)},
            {"movement", r.Text(5)},
            {"cause_type", r.Text(6)},
            {"cause_id", r.Text(7)},
            {"programme_id", std::to_string(r.Int(8))},
            {"actor_user_id", actor ? boost::json::value(std::to_string(*actor)) : boost::json::value(nullptr)},
            {"reason", r.Text(10)},
            {"hash", r.Text(11)}});
    }
    return out;
}

std::int64_t Balance(store::Session& s, std::string_view account) {
    store::Rows rows = s.Query("SELECT balance_fen FROM ledger_balances WHERE account = $1", {account});
    return rows.empty() ? 0 : rows.front().Int(0);
}

std::map<std::string, std::int64_t> Balances(store::Session& s, const std::vector<std::string>& accounts) {
    std::map<std::string, std::int64_t> out;
    for (const std::string& a : accounts) out[a] = 0;
    if (accounts.empty()) return out;
    std::vector<store::Param> params(accounts.begin(), accounts.end());
    store::Rows rows = s.Query("SELECT account, balance_fen FROM ledger_balances WHERE account IN (" +
                                   store::Placeholders(1, accounts.size()) + ")",
                               params);
    for (std::size_t i = 0; i < rows.size(); ++i) out[std::string(rows[i].Text(0))] = rows[i].Int(1);
    return out;
}

VerifyReport Verify(store::Database& db) {
    VerifyReport report;
    std::unordered_map<std::string, std::int64_t> sums;
    std::unordered_map<std::int64_t, std::int64_t> budgets;  // programme → budget movements into it
    std::string prev(changes::kGenesisHash);
    std::int64_t after = 0;
    constexpr std::string_view kPage =
        "SELECT id, at, from_account, to_account, amount_fen, movement, cause_type, cause_id, programme_id, "
        "actor_user_id, reason, prev_hash, hash FROM voucher_ledger WHERE id > $1 ORDER BY id LIMIT 20000";
    for (;;) {
        store::Rows rows;
        db.Read([&](store::Session& s) { rows = s.Query(kPage, {after}); });
        if (rows.empty()) break;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const store::Row& r = rows[i];
            Movement m{.from = std::string(r.Text(2)),
                       .to = std::string(r.Text(3)),
                       .amount_fen = r.Int(4),
                       .movement = std::string(r.Text(5)),
                       .cause_type = std::string(r.Text(6)),
                       .cause_id = std::string(r.Text(7)),
                       .programme_id = r.Int(8),
                       .reason = std::string(r.Text(10))};
            std::optional<std::int64_t> actor = r.OptInt(9);
            after = r.Int(0);
            if (r.Text(11) != prev) {
                report.problem = "movement " + std::to_string(after) + ": the link to the previous one is broken";
                return report;
            }
            if (Hash(prev, r.Text(1), m, actor ? std::to_string(*actor) : "") != r.Text(12)) {
                report.problem = "movement " + std::to_string(after) + ": its content does not match its hash";
                return report;
            }
            prev = std::string(r.Text(12));
            sums[m.from] -= m.amount_fen;
            sums[m.to] += m.amount_fen;
            if (m.movement == "budget") budgets[m.programme_id] += m.amount_fen;
            ++report.movements;
        }
    }
    std::string problem;
    db.Read([&](store::Session& s) {
        store::Rows rows = s.Query("SELECT account, balance_fen FROM ledger_balances ORDER BY account");
        std::size_t matched = 0;
        for (std::size_t i = 0; i < rows.size() && problem.empty(); ++i) {
            std::string account(rows[i].Text(0));
            std::int64_t balance = rows[i].Int(1);
            auto it = sums.find(account);
            std::int64_t expected = it == sums.end() ? 0 : it->second;
            if (it != sums.end()) ++matched;
            if (balance != expected) {
                problem = "account " + account + ": balance " + std::to_string(balance) +
                          " fen, its movements sum to " + std::to_string(expected);
            } else if (balance < 0 && !IsFunding(account)) {
                problem = "account " + account + " is below zero";
            }
        }
        if (problem.empty() && matched != sums.size()) problem = "an account with movements has no balance row";
        store::Rows programmes = s.Query("SELECT id, budget_fen, status FROM voucher_programmes ORDER BY id");
        for (std::size_t i = 0; i < programmes.size() && problem.empty(); ++i) {
            std::int64_t id = programmes[i].Int(0);
            std::int64_t expected = programmes[i].Text(2) == "draft" ? 0 : programmes[i].Int(1);
            if (budgets[id] != expected) {
                problem = "programme " + std::to_string(id) + ": budget movements " + std::to_string(budgets[id]) +
                          " fen, its budget " + std::to_string(expected);
            }
        }
        report.accounts = static_cast<std::int64_t>(rows.size());
    });
    report.problem = problem;
    return report;
}

}  // namespace keyuan::vouchers::ledger
