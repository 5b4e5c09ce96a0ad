// The national-scale voucher ledger of bench/vouchers/run.sh: writes about MOVEMENTS ledger rows
// of one programme as CSV (voucher_ledger's columns, ids from 1, each hash-chained to the one
// before with keyuan's own changes::ChainHash over the fields ledger.cpp hashes) and the balances
// they leave (ledger_balances), for COPY / .import into an empty schema. The money follows the
// real chains: the budget from the city's funding; a voucher issued per enterprise; per use a
// reserve, then a consume of part or all of it (the rest released) or a release on
// cancellation; the provider's claim of what it earned, settled or (one in ten) refused back to
// the budget; some vouchers expire with their balance. Prints the budget (fen) the programme row
// must carry for `keyuan vouchers verify` to balance it.
//
//   vouchers_ledger_gen --movements 10000000 --programme 1 --ledger FILE --balances FILE [--seed 1]
//
// Account names come from ledger.hpp's functions and the hash from keyuan's library, so the
// ledger generated is the one keyuan would have written.
#include <cstdio>
#include <iostream>
#include <random>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "changes/chain_hash.hpp"
#include "modules/vouchers/ledger.hpp"

namespace ledger = keyuan::vouchers::ledger;

namespace {

struct Gen {
    std::FILE* out = nullptr;
    std::int64_t programme = 1, id = 0, second = 0;
    std::string prev{keyuan::changes::kGenesisHash};
    std::unordered_map<std::string, std::int64_t> balances;

    /// One movement: its row, its hash, both balances (as Post would leave them).
    void Move(const std::string& from, const std::string& to, std::int64_t fen, const char* movement,
              const char* cause_type, std::int64_t cause, const std::string& reason = "") {
        ++id;
        // A movement every few seconds of 2026, in keyuan's timestamp format.
        std::int64_t t = 1767225600 + (second += 3);
        std::time_t tt = static_cast<std::time_t>(t);
        std::tm tm{};
        gmtime_r(&tt, &tm);
        char at[32];
        std::strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
        std::string cause_id = std::to_string(cause), amount = std::to_string(fen);
        const std::string actor = "1", prog = std::to_string(programme);
        std::string hash = keyuan::changes::ChainHash(
            prev, {at, from, to, amount, movement, cause_type, cause_id, prog, actor, reason});
        std::fprintf(out, "%lld,\"%s\",\"%s\",\"%s\",%s,\"%s\",\"%s\",\"%s\",%s,%s,\"%s\",\"%s\",\"%s\"\n",
                     static_cast<long long>(id), at, from.c_str(), to.c_str(), amount.c_str(), movement, cause_type,
                     cause_id.c_str(), prog.c_str(), actor.c_str(), reason.c_str(), prev.c_str(), hash.c_str());
        prev = std::move(hash);
        balances[from] -= fen;
        balances[to] += fen;
    }
};

}  // namespace

int main(int argc, char** argv) try {
    std::int64_t movements = 1'000'000, seed = 1;
    std::string ledger_path, balances_path;
    Gen g;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i], v = argv[i + 1];
        if (flag == "--movements")
            movements = std::stoll(v);
        else if (flag == "--programme")
            g.programme = std::stoll(v);
        else if (flag == "--ledger")
            ledger_path = v;
        else if (flag == "--balances")
            balances_path = v;
        else if (flag == "--seed")
            seed = std::stoll(v);
        else
            throw std::runtime_error("unknown flag " + flag);
    }
    if (ledger_path.empty() || balances_path.empty()) throw std::runtime_error("--ledger and --balances are required");
    g.out = std::fopen(ledger_path.c_str(), "w");
    if (!g.out) throw std::runtime_error("cannot write " + ledger_path);
    std::mt19937_64 rng(static_cast<std::uint64_t>(seed));
    auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };
    // About ten movements per voucher: issue, two uses of four or five each, an expiry now and then.
    std::int64_t vouchers = std::max<std::int64_t>(1, movements / 10);
    constexpr std::int64_t kFace = 5'000'000;  // 5 万元
    const std::int64_t budget = vouchers * kFace;
    const std::string budget_account = ledger::Budget(g.programme);
    g.Move(ledger::Funding(), budget_account, budget, "budget", "programme", g.programme);
    std::int64_t use = 0, claim = 0;
    for (std::int64_t v = 1; v <= vouchers && g.id < movements; ++v) {
        g.Move(budget_account, ledger::Available(v), kFace, "issue", "application", v);
        std::int64_t left = kFace;
        for (int u = 0; u < 2 && left > 0; ++u) {
            std::int64_t provider = 1000 + static_cast<std::int64_t>(rng() % 2000);
            std::int64_t amount = std::min<std::int64_t>(left, 100'000 + static_cast<std::int64_t>(rng() % 2'000'000));
            ++use;
            g.Move(ledger::Available(v), ledger::Reserved(v), amount, "reserve", "use", use);
            if (chance(15)) {  // cancelled before delivery
                g.Move(ledger::Reserved(v), ledger::Available(v), amount, "release", "use", use);
                continue;
            }
            std::int64_t paid = chance(50) ? amount : amount / 2 + 1;
            g.Move(ledger::Reserved(v), ledger::Earned(g.programme, provider), paid, "consume", "use", use);
            if (paid < amount) g.Move(ledger::Reserved(v), ledger::Available(v), amount - paid, "release", "use", use);
            left -= paid;
            ++claim;
            g.Move(ledger::Earned(g.programme, provider), ledger::Claimed(g.programme, provider), paid, "claim",
                   "claim", claim);
            if (chance(10)) {
                g.Move(ledger::Claimed(g.programme, provider), budget_account, paid, "refuse", "claim", claim,
                       "发票与服务记录不符");
            } else {
                g.Move(ledger::Claimed(g.programme, provider), ledger::Paid(g.programme, provider), paid, "settle",
                       "settlement", 1 + claim / 200, "BANK-" + std::to_string(1 + claim / 200));
            }
        }
        if (left > 0 && chance(30)) g.Move(ledger::Available(v), budget_account, left, "expire", "voucher", v);
    }
    if (std::fclose(g.out) != 0) throw std::runtime_error("cannot write " + ledger_path);
    std::FILE* b = std::fopen(balances_path.c_str(), "w");
    if (!b) throw std::runtime_error("cannot write " + balances_path);
    for (const auto& [account, fen] : g.balances)
        std::fprintf(b, "\"%s\",%lld\n", account.c_str(), static_cast<long long>(fen));
    if (std::fclose(b) != 0) throw std::runtime_error("cannot write " + balances_path);
    std::cout << "movements=" << g.id << "\naccounts=" << g.balances.size() << "\nbudget_fen=" << budget << "\n";
    return 0;
} catch (const std::exception& e) {
    std::cerr << "vouchers_ledger_gen: " << e.what() << "\n";
    return 2;
}
