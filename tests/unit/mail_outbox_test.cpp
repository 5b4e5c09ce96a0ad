// The mail job on a real SQLite store with a Mailer of the test's own (modules/notifications/
// mail_job.*, mail_outbox.*): who gets a mail, each once; retries with a growing delay and giving
// up; a lease that ran out; and no password in what is stored. The HTTP suite
// (tests/http/notifications/mail_test.cpp) runs the same against a real SMTP server on both engines.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "modules/notifications/mail_job.hpp"
#include "support/temp_database.hpp"

namespace keyuan::notifications {
namespace {

constexpr std::int64_t kStart = 1796513506;  // 2026-12-05T23:31:46Z
constexpr const char* kPassword = "Sekr3t-Pa55word";

class FakeMailer final : public Mailer {
public:
    std::optional<std::string> Send(std::string_view from, std::string_view to, std::string_view message) override {
        if (failure) return *failure;
        sent.push_back(std::string(from) + " → " + std::string(to));
        messages.emplace_back(message);
        return std::nullopt;
    }
    std::optional<std::string> failure;
    std::vector<std::string> sent;
    std::vector<std::string> messages;
};

class MailOutboxTest : public ::testing::Test {
protected:
    void SetUp() override {
        settings_.enabled = true;
        settings_.url = "smtp://127.0.0.1:1";
        settings_.from = "noreply@keyuan.example";
        settings_.password = kPassword;
        settings_.max_attempts = 3;
    }

    void AddUser(int id, const std::string& email, bool disabled = false) {
        (*db_).Write([&](store::Session& s) {
            s.Execute(
                "INSERT INTO users (id, username, email, disabled, password_hash, password_changed_at, created_at, "
                "updated_at) VALUES ($1, $2, $3, $4, 'x', 'c', 'c', 'c')",
                {id, "user" + std::to_string(id), email, disabled ? 1 : 0});
        });
    }

    void AddNotification(int user, std::int64_t at, const std::string& kind = "booking_approved") {
        (*db_).Write([&](store::Session& s) {
            s.Execute("INSERT INTO notifications (user_id, kind, params, created_at) VALUES ($1, $2, $3, $4)",
                      {user, kind, R"({"instrument_name":"质谱仪","booking_id":"5"})", clock::FormatUtc(at)});
        });
    }

    /// "status attempts next_attempt_at last_error" of every outbox row.
    std::vector<std::string> Outbox() {
        std::vector<std::string> rows;
        (*db_).Read([&](store::Session& s) {
            store::Rows r = s.Query(
                "SELECT status, attempts, COALESCE(next_attempt_at, '-'), last_error FROM mail_outbox ORDER BY id");
            for (std::size_t i = 0; i < r.size(); ++i) {
                rows.push_back(std::string(r[i].Text(0)) + " " + std::to_string(r[i].Int(1)) + " " +
                               std::string(r[i].Text(2)) + " " + std::string(r[i].Text(3)));
            }
        });
        return rows;
    }

    MailRun Run() { return RunMailBatch(*db_, mailer_, settings_); }

    FixedClock clock_{kStart};
    clock::ScopedClock scoped_{clock_};
    testing::TempDatabase db_{"mail-outbox"};
    MailSettings settings_;
    FakeMailer mailer_;
};

TEST_F(MailOutboxTest, MailsEachNewNotificationOfAUserWithAnAddressOnce) {
    AddUser(1, "zhang@example.org");
    AddUser(2, "");                          // no address: the inbox only
    AddUser(3, "li@example.org", true);      // disabled account
    AddNotification(1, kStart - 2 * 86400);  // older than a day: not mailed when mail is turned on
    AddNotification(1, kStart - 10);
    AddNotification(2, kStart - 10);
    AddNotification(3, kStart - 10);

    MailRun run = Run();
    EXPECT_EQ(run.queued, 1);
    EXPECT_EQ(run.sent, 1);
    EXPECT_EQ(mailer_.sent, std::vector<std::string>{"noreply@keyuan.example → zhang@example.org"});
    ASSERT_EQ(mailer_.messages.size(), 1u);
    EXPECT_NE(mailer_.messages[0].find("To: zhang@example.org\r\n"), std::string::npos);
    EXPECT_NE(mailer_.messages[0].find("Message-ID: <keyuan.1."), std::string::npos);
    EXPECT_EQ(Outbox(), std::vector<std::string>{"sent 1 - "});

    clock_.Advance(60);
    run = Run();
    EXPECT_EQ(run.queued + run.sent, 0) << "each notification is mailed once";
    EXPECT_EQ(mailer_.sent.size(), 1u);
}

TEST_F(MailOutboxTest, AFailureIsRetriedLaterAndGivenUpAfterMaxAttemptsWithoutThePassword) {
    AddUser(1, "zhang@example.org");
    AddNotification(1, kStart);
    mailer_.failure = std::string("smtp: Login denied: user mailer password ") + kPassword;

    EXPECT_EQ(Run().retrying, 1);
    EXPECT_EQ(Outbox(),
              std::vector<std::string>{"pending 1 2026-12-05T23:32:46Z smtp: Login denied: user mailer password ***"});
    clock_.Advance(59);
    EXPECT_EQ(Run().retrying, 0) << "not before its time";
    clock_.Advance(1);
    EXPECT_EQ(Run().retrying, 1);
    EXPECT_EQ(Outbox()[0].substr(0, 30), "pending 2 2026-12-05T23:34:46Z") << "the delay doubles";
    clock_.Advance(120);
    EXPECT_EQ(Run().given_up, 1);
    EXPECT_EQ(Outbox(), std::vector<std::string>{"failed 3 - smtp: Login denied: user mailer password ***"});
    clock_.Advance(86400);
    MailRun later = Run();
    EXPECT_EQ(later.sent + later.retrying + later.given_up, 0) << "given up is final";
    EXPECT_TRUE(mailer_.sent.empty());
}

TEST_F(MailOutboxTest, AMessageIsSentOnceTheServerAnswersAgain) {
    AddUser(1, "zhang@example.org");
    AddNotification(1, kStart, "order_quoted");
    mailer_.failure = "smtp: Couldn't connect to server";
    EXPECT_EQ(Run().retrying, 1);
    mailer_.failure.reset();
    clock_.Advance(60);
    EXPECT_EQ(Run().sent, 1);
    EXPECT_EQ(Outbox(), std::vector<std::string>{"sent 2 - "});
    EXPECT_EQ(mailer_.sent.size(), 1u);
}

TEST_F(MailOutboxTest, ARowWhoseSenderDiedIsTakenAgainWhenItsLeaseRunsOut) {
    AddUser(1, "zhang@example.org");
    AddNotification(1, kStart);
    EXPECT_EQ(Run().sent, 1);
    // As a server killed mid-send leaves it: sending, its lease ending a minute from now.
    (*db_).Write([&](store::Session& s) {
        s.Execute("UPDATE mail_outbox SET status = 'sending', sent_at = NULL, next_attempt_at = $1",
                  {clock::FormatUtc(kStart + 60)});
    });
    EXPECT_EQ(Run().sent, 0) << "the lease still holds";
    clock_.Advance(60);
    EXPECT_EQ(Run().sent, 1) << "at least once: sent again";
    EXPECT_EQ(Outbox(), std::vector<std::string>{"sent 2 - "});
}

TEST_F(MailOutboxTest, AnAddressThatCanNeverWorkIsGivenUpAtOnce) {
    AddUser(1, "zhang san@example.org");
    AddNotification(1, kStart);
    EXPECT_EQ(Run().given_up, 1);
    std::vector<std::string> rows = Outbox();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0], "failed 1 - cannot build the message: unusable recipient address");
    EXPECT_TRUE(mailer_.sent.empty());
}

}  // namespace
}  // namespace keyuan::notifications
