// Sealing the audit chain outside the writers' transactions (docs/design/audit-sealing.md), on a
// database of the test's own for each engine: records written unsealed by many writers at once
// and sealed by two sealers at once form one intact chain, each record in one position; an
// unsealed tail is reported, and fails `keyuan audit verify` once it is older than a minute;
// `keyuan audit seal` chains it; the database lets a record be sealed once and changed never.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "changes/audit.hpp"
#include "core/clock.hpp"
#include "store/database.hpp"
#include "support/accounts_fixture.hpp"

namespace keyuan::testing {
namespace {

class AuditSealingTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        template_url_ = MigratedDatabaseUrl();
        if (template_url_.empty()) return;
        for (const char* name : {"seal1", "seal2", "seal3"}) CreateReadyUser(template_url_, name, "expert");
    }
    void SetUp() override {
        if (template_url_.empty()) GTEST_SKIP() << "PostgreSQL not configured";
        url_ = CopyDatabase(template_url_);
        db_ = store::Open(url_);
    }

    bool Postgres() const { return db_->engine() == store::Engine::kPostgres; }
    std::int64_t Scalar(const std::string& sql) {
        std::int64_t value = 0;
        db_->Read([&](store::Session& s) { value = s.Query(sql).front().Int(0); });
        return value;
    }
    void Write(int n, const std::string& prefix) {
        for (int i = 0; i < n; ++i) {
            audit::RecordAlone(*db_, Actor{.ip = "127.0.0.1", .request_id = prefix + std::to_string(i)},
                               {.event_type = "test.sealing", .object_type = "t", .object_id = std::to_string(i)});
        }
    }

    static inline std::string template_url_;
    std::string url_;
    std::unique_ptr<store::Database> db_;
};

TEST_F(AuditSealingTest, ManyWritersAndTwoSealersAtOnceLeaveOneIntactChain) {
    audit::DeferredSealing deferred;
    constexpr int kWriters = 8, kEach = 25;
    std::atomic<int> writing{kWriters};
    std::atomic<std::int64_t> sealed{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back([&, w] {
            Write(kEach, "w" + std::to_string(w) + "-");
            --writing;
        });
    }
    for (int k = 0; k < 2; ++k) {
        threads.emplace_back([&] {
            // Both sealers keep going while writers write, then until nothing is left.
            for (;;) {
                bool done = writing.load() == 0;
                std::int64_t n = audit::SealPending(*db_, 37);
                sealed += n;
                if (done && n == 0) break;
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        });
    }
    for (std::thread& t : threads) t.join();
    audit::VerifyReport report = audit::Verify(*db_);
    EXPECT_TRUE(report.ok()) << report.reason;
    EXPECT_EQ(report.checked, 3 + kWriters * kEach);
    EXPECT_EQ(report.unsealed, 0);
    // PostgreSQL: the writers left every record to the sealers; SQLite chained them inline.
    EXPECT_EQ(sealed.load(), Postgres() ? kWriters * kEach : 0);
    EXPECT_EQ(Scalar("SELECT COUNT(DISTINCT chain_seq) FROM audit_events"), 3 + kWriters * kEach);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_events WHERE chain_seq IS NULL OR hash = ''"), 0);
}

TEST_F(AuditSealingTest, AStaleUnsealedTailFailsVerifyUntilSealed) {
    if (!Postgres()) GTEST_SKIP() << "SQLite always seals inline";
    {
        // Written by a server that then stopped before its sealer ran: two minutes ago.
        FixedClock past(clock::NowUnix() - 120);
        clock::ScopedClock scoped(past);
        audit::DeferredSealing deferred;
        Write(2, "stale-");
    }
    CommandResult verify = RunCli({"audit", "verify", "--db", url_});
    EXPECT_EQ(verify.exit_code, 1) << verify.out << verify.err;
    EXPECT_NE(verify.out.find("audit chain intact: 3 records verified"), std::string::npos) << verify.out;
    EXPECT_NE(verify.out.find("2 records not chained yet"), std::string::npos) << verify.out;
    EXPECT_NE(verify.out.find("no sealer is running"), std::string::npos) << verify.out;

    CommandResult seal = RunCli({"audit", "seal", "--db", url_});
    EXPECT_EQ(seal.exit_code, 0) << seal.err;
    EXPECT_EQ(seal.out, "audit records chained: 2\n");
    verify = RunCli({"audit", "verify", "--db", url_});
    EXPECT_EQ(verify.exit_code, 0) << verify.out;
    EXPECT_EQ(verify.out, "audit chain intact: 5 records verified\n");
}

TEST_F(AuditSealingTest, AFreshUnsealedTailIsReportedNotFailed) {
    if (!Postgres()) GTEST_SKIP() << "SQLite always seals inline";
    {
        audit::DeferredSealing deferred;
        Write(1, "fresh-");
    }
    CommandResult verify = RunCli({"audit", "verify", "--db", url_});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    EXPECT_NE(verify.out.find("1 records not chained yet"), std::string::npos) << verify.out;
}

TEST_F(AuditSealingTest, TheDatabaseLetsARecordBeSealedOnceAndItsContentNever) {
    if (!Postgres()) GTEST_SKIP() << "SQLite refuses every update (it never defers sealing)";
    {
        audit::DeferredSealing deferred;
        Write(1, "once-");
    }
    std::string id = std::to_string(Scalar("SELECT MAX(id) FROM audit_events"));
    // Unsealed: sealing that changes the content too is refused.
    CommandResult forge =
        RunSql(url_, "UPDATE audit_events SET chain_seq = 99, hash = 'x', detail = 'forged' WHERE id = " + id);
    EXPECT_NE(forge.exit_code, 0);
    EXPECT_NE(forge.err.find("append-only"), std::string::npos) << forge.err;
    EXPECT_EQ(audit::SealPending(*db_), 1);
    // Sealed: neither a second position nor a new hash.
    for (const char* change : {"chain_seq = chain_seq + 1000", "hash = 'x'", "chain_seq = NULL"}) {
        CommandResult again = RunSql(url_, std::string("UPDATE audit_events SET ") + change + " WHERE id = " + id);
        EXPECT_NE(again.exit_code, 0) << change;
        EXPECT_NE(again.err.find("append-only"), std::string::npos) << again.err;
    }
    EXPECT_TRUE(audit::Verify(*db_).ok());
}

}  // namespace
}  // namespace keyuan::testing
