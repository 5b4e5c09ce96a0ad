// The audit trail's hash chain and append-only table, on a database of the test's own: `keyuan audit
// verify` names the edited or removed record, and the database refuses updates and deletes.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>
#include <set>

#include "modules/accounts/totp.hpp"
#include "support/accounts_fixture.hpp"

namespace keyuan::testing {
namespace {

// The hash chain and the append-only table, on a database of the test's own.

class AuditChainTest : public ::testing::Test {
protected:
    /// A database with three audit records (one per account created), copied for each test.
    static void SetUpTestSuite() {
        template_url_ = MigratedDatabaseUrl();
        if (template_url_.empty()) return;
        for (const char* name : {"chain1", "chain2", "chain3"}) CreateReadyUser(template_url_, name, "expert");
    }
    void SetUp() override {
        if (template_url_.empty()) GTEST_SKIP() << "PostgreSQL not configured";
        url_ = CopyDatabase(template_url_);
        CommandResult second = RunSql(url_, "SELECT id FROM audit_events ORDER BY id LIMIT 1 OFFSET 1");
        ASSERT_EQ(second.exit_code, 0) << second.err;
        second_id_ = std::stoll(second.out);
    }

    bool Sqlite() const { return url_.starts_with("sqlite:"); }
    CommandResult Verify() const { return RunCli({"audit", "verify", "--db", url_}); }

    static inline std::string template_url_;
    std::string url_;
    std::int64_t second_id_ = 0;
};

TEST_F(AuditChainTest, VerifyReportsAnIntactChain) {
    CommandResult r = Verify();
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_TRUE(r.out.starts_with("audit chain intact: 3 records verified")) << r.out;
}

TEST_F(AuditChainTest, UpdateAndDeleteAreRefusedByTheDatabase) {
    std::string where = " WHERE id = " + std::to_string(second_id_);
    CommandResult update = RunSql(url_, "UPDATE audit_events SET detail = 'x'" + where);
    EXPECT_NE(update.exit_code, 0);
    EXPECT_NE(update.err.find("append-only"), std::string::npos) << update.err;
    CommandResult remove = RunSql(url_, "DELETE FROM audit_events" + where);
    EXPECT_NE(remove.exit_code, 0);
    EXPECT_NE(remove.err.find("append-only"), std::string::npos) << remove.err;
    EXPECT_EQ(Verify().exit_code, 0);
}

TEST_F(AuditChainTest, VerifyNamesTheEditedRecord) {
    std::string update = "UPDATE audit_events SET detail = 'x' WHERE id = " + std::to_string(second_id_);
    CommandResult tamper =
        Sqlite() ? RunSql(url_, "DROP TRIGGER audit_events_no_update; " + update)
                 : RunSql(url_, "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change; " + update);
    ASSERT_EQ(tamper.exit_code, 0) << tamper.err;
    CommandResult r = Verify();
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_NE(r.out.find("audit chain BROKEN at record " + std::to_string(second_id_) + ":"), std::string::npos)
        << r.out;
}

TEST_F(AuditChainTest, VerifyNamesTheRecordAfterARemovedOne) {
    std::string remove = "DELETE FROM audit_events WHERE id = " + std::to_string(second_id_);
    CommandResult tamper =
        Sqlite() ? RunSql(url_, "DROP TRIGGER audit_events_no_delete; " + remove)
                 : RunSql(url_, "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change; " + remove);
    ASSERT_EQ(tamper.exit_code, 0) << tamper.err;
    CommandResult third = RunSql(url_, "SELECT MIN(id) FROM audit_events WHERE id > " + std::to_string(second_id_));
    CommandResult r = Verify();
    EXPECT_EQ(r.exit_code, 1) << r.out;
    ASSERT_EQ(third.exit_code, 0) << third.err;
    std::string next_id = std::to_string(std::stoll(third.out));
    EXPECT_NE(r.out.find("audit chain BROKEN at record " + next_id + ":"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace keyuan::testing
