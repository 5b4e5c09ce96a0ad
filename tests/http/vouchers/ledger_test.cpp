// The voucher ledger on a database of the test's own, for each engine (issue 15, "The ledger" and
// "Concurrency"): of 100 concurrent spends against a balance that covers 5, exactly 5 win, at READ
// COMMITTED and at SERIALIZABLE, and no balance goes below zero; `verify` names an edited balance,
// an edited or removed movement; expiry returns the unused value to the budget once.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "modules/vouchers/expiry.hpp"
#include "modules/vouchers/ledger.hpp"
#include "store/database.hpp"
#include "support/accounts_fixture.hpp"

namespace keyuan::testing {
namespace {

namespace ledger = vouchers::ledger;

class VoucherLedgerTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        template_url_ = MigratedDatabaseUrl();
        if (template_url_.empty()) return;
        CreateReadyUser(template_url_, "ledger_holder", "expert");
    }
    void SetUp() override {
        if (template_url_.empty()) GTEST_SKIP() << "PostgreSQL not configured";
        url_ = CopyDatabase(template_url_);
        db_ = store::Open(url_);
        // A programme of 10,000 fen, opened, and one voucher of 5,000 fen issued from it.
        db_->Write([&](store::Session& s) {
            s.Execute(
                "INSERT INTO organizations (name, credit_code, kind, district_code, created_at, updated_at) VALUES "
                "('账本测试企业', '91110108MA01LEDG1X', 'enterprise', '110108', 't', 't')");
            s.Execute(
                "INSERT INTO voucher_programmes (year, name, budget_fen, share_percent, cap_per_enterprise_fen, "
                "cap_per_order_fen, co_approval_fen, use_by_days, redeem_by_days, max_staff, max_revenue_fen, "
                "max_registered_capital_fen, kinds, status, created_at, updated_at) VALUES (2026, '账本测试', 10000, "
                "50, "
                "10000, 10000, 10000, 30, 60, 100, 1, 1, '[\"testing\"]', 'open', 't', 't')");
            programme_ = s.Query("SELECT MAX(id) FROM voucher_programmes").front().Int(0);
            std::int64_t org = s.Query("SELECT MAX(id) FROM organizations").front().Int(0);
            std::int64_t user = s.Query("SELECT MAX(id) FROM users").front().Int(0);
            s.Execute(
                "INSERT INTO voucher_applications (programme_id, org_id, applicant_user_id, amount_fen, staff, "
                "revenue_fen, registered_capital_fen, founded_on, status, created_at, updated_at) VALUES ($1, $2, $3, "
                "5000, 1, 1, 1, '2020-01-01', 'issued', 't', 't')",
                {programme_, org, user});
            s.Execute(
                "INSERT INTO vouchers (number, programme_id, org_id, application_id, face_fen, issued_at, use_by, "
                "redeem_by, updated_at) VALUES ('KY-T', $1, $2, (SELECT MAX(id) FROM voucher_applications), 5000, 't', "
                "'2026-01-31', '2026-03-01', 't')",
                {programme_, org});
            voucher_ = s.Query("SELECT MAX(id) FROM vouchers").front().Int(0);
            Move(s, ledger::Funding(), ledger::Budget(programme_), 10000, "budget");
            Move(s, ledger::Budget(programme_), ledger::Available(voucher_), 5000, "issue");
        });
    }

    void Move(store::Session& s, const std::string& from, const std::string& to, std::int64_t fen,
              const char* movement) {
        ledger::Post(s, Actor{},
                     {.from = from,
                      .to = to,
                      .amount_fen = fen,
                      .movement = movement,
                      .cause_type = "test",
                      .cause_id = "1",
                      .programme_id = programme_},
                     Error::Conflict("余额不足", "Short"));
    }
    std::int64_t Balance(const std::string& account) {
        std::int64_t b = 0;
        db_->Read([&](store::Session& s) { b = ledger::Balance(s, account); });
        return b;
    }
    bool Postgres() const { return db_->engine() == store::Engine::kPostgres; }

    /// 100 threads each reserving 1,000 fen of the 5,000 at once; how many won.
    int Race(store::Isolation isolation) {
        std::atomic<int> won{0}, refused{0};
        std::atomic<bool> go{false};
        std::vector<std::thread> threads;
        for (int i = 0; i < 100; ++i) {
            threads.emplace_back([&] {
                while (!go.load()) std::this_thread::yield();
                try {
                    db_->Write(
                        [&](store::Session& s) {
                            Move(s, ledger::Available(voucher_), ledger::Reserved(voucher_), 1000, "reserve");
                        },
                        {.isolation = isolation, .max_attempts = 50});
                    ++won;
                } catch (const ApiError&) {
                    ++refused;
                }
            });
        }
        go = true;
        for (std::thread& t : threads) t.join();
        EXPECT_EQ(won + refused, 100);
        return won.load();
    }

    static inline std::string template_url_;
    std::string url_;
    std::unique_ptr<store::Database> db_;
    std::int64_t programme_ = 0, voucher_ = 0;
};

TEST_F(VoucherLedgerTest, OfAHundredConcurrentSpendsExactlyTheFiveTheBalanceCoversWinAtReadCommitted) {
    EXPECT_EQ(Race(store::Isolation::kReadCommitted), 5);
    EXPECT_EQ(Balance(ledger::Available(voucher_)), 0);
    EXPECT_EQ(Balance(ledger::Reserved(voucher_)), 5000);
    EXPECT_TRUE(ledger::Verify(*db_).ok()) << ledger::Verify(*db_).problem;
}

TEST_F(VoucherLedgerTest, OfAHundredConcurrentSpendsExactlyTheFiveTheBalanceCoversWinAtSerializable) {
    EXPECT_EQ(Race(store::Isolation::kSerializable), 5);
    EXPECT_EQ(Balance(ledger::Available(voucher_)), 0);
    EXPECT_EQ(Balance(ledger::Reserved(voucher_)), 5000);
    ledger::VerifyReport report = ledger::Verify(*db_);
    EXPECT_TRUE(report.ok()) << report.problem;
    EXPECT_EQ(report.movements, 2 + 5);
}

TEST_F(VoucherLedgerTest, VerifyNamesAnEditedBalanceAndAnEditedOrRemovedMovement) {
    ASSERT_TRUE(ledger::Verify(*db_).ok());
    CommandResult balance = RunSql(url_, "UPDATE ledger_balances SET balance_fen = balance_fen + 1 WHERE account = '" +
                                             ledger::Available(voucher_) + "'");
    ASSERT_EQ(balance.exit_code, 0) << balance.err;
    ledger::VerifyReport report = ledger::Verify(*db_);
    EXPECT_FALSE(report.ok());
    EXPECT_NE(report.problem.find(ledger::Available(voucher_)), std::string::npos) << report.problem;
    RunSql(url_, "UPDATE ledger_balances SET balance_fen = balance_fen - 1 WHERE account = '" +
                     ledger::Available(voucher_) + "'");

    std::string unlock = Postgres() ? "ALTER TABLE voucher_ledger DISABLE TRIGGER voucher_ledger_no_change; "
                                    : "DROP TRIGGER voucher_ledger_no_update; ";
    CommandResult edit =
        RunSql(url_, unlock + "UPDATE voucher_ledger SET reason = 'x' WHERE id = (SELECT MIN(id) FROM voucher_ledger)");
    ASSERT_EQ(edit.exit_code, 0) << edit.err;
    report = ledger::Verify(*db_);
    EXPECT_FALSE(report.ok());
    EXPECT_NE(report.problem.find("does not match its hash"), std::string::npos) << report.problem;

    CommandResult remove =
        RunSql(url_, (Postgres() ? "" : "DROP TRIGGER voucher_ledger_no_delete; ") +
                         std::string("DELETE FROM voucher_ledger WHERE id = (SELECT MIN(id) FROM voucher_ledger)"));
    ASSERT_EQ(remove.exit_code, 0) << remove.err;
    report = ledger::Verify(*db_);
    EXPECT_FALSE(report.ok());
    EXPECT_NE(report.problem.find("link to the previous one is broken"), std::string::npos) << report.problem;
    CommandResult cli = RunCli({"vouchers", "verify", "--db", url_});
    EXPECT_EQ(cli.exit_code, 1);
    EXPECT_TRUE(cli.out.starts_with("voucher ledger BROKEN: movement")) << cli.out;
}

TEST_F(VoucherLedgerTest, ExpiryReturnsTheUnusedValueToTheBudgetOnce) {
    db_->Write(
        [&](store::Session& s) { Move(s, ledger::Available(voucher_), ledger::Reserved(voucher_), 1000, "reserve"); });
    FixedClock after(*clock::ParseUtc("2026-02-02T00:00:00Z"));  // past use_by, 2026-01-31
    clock::ScopedClock scoped(after);
    EXPECT_EQ(vouchers::ExpireDue(*db_), 1);
    EXPECT_EQ(Balance(ledger::Available(voucher_)), 0);
    EXPECT_EQ(Balance(ledger::Reserved(voucher_)), 1000);  // still held for its booking
    EXPECT_EQ(Balance(ledger::Budget(programme_)), 5000 + 4000);
    EXPECT_EQ(vouchers::ExpireDue(*db_), 0);  // once
    // The held value released later goes back to the budget at the next run.
    db_->Write(
        [&](store::Session& s) { Move(s, ledger::Reserved(voucher_), ledger::Available(voucher_), 1000, "release"); });
    EXPECT_EQ(vouchers::ExpireDue(*db_), 1);
    EXPECT_EQ(Balance(ledger::Budget(programme_)), 10000);
    EXPECT_TRUE(ledger::Verify(*db_).ok()) << ledger::Verify(*db_).problem;
}

}  // namespace
}  // namespace keyuan::testing
