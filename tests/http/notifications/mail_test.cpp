// E-mail of notifications against a real SMTP server (aiosmtpd, tests/support/smtp_sink.py), on
// each engine, with the server in-process on a clock the tests move past the job's minute: a
// booking mails the unit and its approval mails the client, in Chinese and English; an
// unreachable server leaves the error (never the password) and the message is sent once the
// server answers; with mail off nothing is queued or sent.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <boost/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <stdexcept>

#include "core/clock.hpp"
#include "support/catalog_fixture.hpp"
#include "support/smtp_sink.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;
using std::chrono::seconds;

constexpr const char* kMailUserPassword = "Sekr3t-Pa55word";

std::string MailConfig(std::uint16_t smtp_port, bool enabled = true) {
    return SecurityConfig() + "\n[mail]\nenabled = " + (enabled ? "true" : "false") +
           "\nurl = \"smtp://127.0.0.1:" + std::to_string(smtp_port) +
           "\"\nfrom = \"noreply@keyuan.test\"\nstarttls = false\nusername = \"mailer\"\npassword = \"" +
           kMailUserPassword + "\"\n";
}

/// "status|attempts|last_error" of each outbox row, one a line.
std::string OutboxRows(const std::string& db_url) {
    return RunSql(db_url, "SELECT status || '|' || attempts || '|' || last_error FROM mail_outbox ORDER BY id").out;
}

/// The one message of `messages` sent to `to` (an empty object and a test failure otherwise).
json::object MessageTo(const std::vector<json::object>& messages, const std::string& to) {
    for (const json::object& m : messages) {
        if (json::serialize(m.at("rcpt_tos")) == "[\"" + to + "\"]") return m;
    }
    ADD_FAILURE() << "no message to " << to;
    return {};
}

/// The process's stderr (fd 2, where the in-process server logs) written to a file while it
/// lives, readable as it grows: gtest's CaptureStderr gives its text only at the end, and
/// capturing again loses what is written in between.
class StderrFile {
public:
    StderrFile() : path_(std::filesystem::temp_directory_path() / ("keyuan-mail-log-" + std::to_string(::getpid()))) {
        std::fflush(stderr);
        saved_ = ::dup(2);
        int fd = ::open(path_.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0600);
        ::dup2(fd, 2);
        ::close(fd);
    }
    ~StderrFile() {
        std::fflush(stderr);
        ::dup2(saved_, 2);
        ::close(saved_);
        std::filesystem::remove(path_);
    }
    StderrFile(const StderrFile&) = delete;
    StderrFile& operator=(const StderrFile&) = delete;

    std::string Text() const {
        std::ifstream in(path_, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }

private:
    std::filesystem::path path_;
    int saved_ = -1;
};

/// Does `act`, then waits until `done` holds, with what the server wrote to stderr since `act` in `log`
/// as it grows: the job logs its outcome after the rows and messages it leaves, so a test that checks
/// the log must wait for the line, not only for the message.
bool WaitWatchingTheLog(const std::function<void()>& act, const std::function<bool()>& done, std::string& log) {
    StderrFile captured;
    act();
    bool happened = WaitUntil(
        [&] {
            log = captured.Text();
            return done();
        },
        seconds(20));
    log = captured.Text();
    return happened;
}

bool HasHeader(const json::object& message, const std::string& name) {
    for (const json::value& header : message.at("headers").as_array()) {
        if (header.as_array().at(0).as_string() == name) return true;
    }
    return false;
}

class MailTest : public CatalogSuite<MailTest> {
public:
    static constexpr bool kInProcess = true;
    static std::string Config() { return MailConfig(smtp_port_); }

protected:
    static void SetUpTestSuite() {
        smtp_port_ = FreeLoopbackPort();
        try {
            sink_ = SmtpSink::Start(smtp_port_);
        } catch (const std::exception& e) {
            sink_error_ = e.what();
        }
        CatalogSuite<MailTest>::SetUpTestSuite();
    }
    static void TearDownTestSuite() {
        CatalogSuite<MailTest>::TearDownTestSuite();
        sink_.reset();
    }
    void SetUp() override {
        CatalogSuite<MailTest>::SetUp();
        if (!IsSkipped() && !sink_) FAIL() << sink_error_;
    }

    static inline std::uint16_t smtp_port_ = 0;
    static inline std::unique_ptr<SmtpSink> sink_;
    static inline std::string sink_error_;
};

TEST_F(MailTest, ABookingMailsTheUnitAndItsApprovalMailsTheClient) {
    ASSERT_EQ(
        RunSql(Db(), "UPDATE users SET email = username || '@example.org' WHERE username IN ('unit_a', 'company')")
            .exit_code,
        0);
    std::string instrument =
        CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments", InstrumentBody("邮件质谱仪"));
    HttpResponse rules = As("unit_a").Send("PUT", "/api/v1/instruments/" + instrument + "/booking-rules",
                                           Body({{"weekdays", "1234567"}, {"working_days_only", false}}));
    ASSERT_EQ(rules.status, 200) << rules.body;
    std::string day = ShanghaiDate(3);
    HttpResponse booked = As("company").Post("/api/v1/bookings", Body({{"instrument_id", instrument},
                                                                       {"starts_at", day + "T09:30:00+08:00"},
                                                                       {"ends_at", day + "T10:30:00+08:00"}}));
    ASSERT_EQ(booked.status, 201) << booked.body;
    ASSERT_EQ(Act(As("unit_a"), "bookings", Str(booked.Json(), "id"), "approve").status, 200);

    std::string log;
    bool arrived = WaitWatchingTheLog(
        [] { ServerClock().Advance(61); },  // the job runs each minute
        [&] { return sink_->Messages().size() >= 2 && log.find("mail run") != std::string::npos; }, log);
    ASSERT_TRUE(arrived) << OutboxRows(Db()) << log;

    std::vector<json::object> messages = sink_->Messages();
    EXPECT_EQ(messages.size(), 2u) << "only the users with an address";
    json::object unit = MessageTo(messages, "unit_a@example.org");
    ASSERT_FALSE(unit.empty());
    EXPECT_EQ(unit.at("mail_from").as_string(), "noreply@keyuan.test");
    EXPECT_EQ(unit.at("subject").as_string(), "新的预约申请：邮件质谱仪 / New booking request");
    std::string body(unit.at("body").as_string());
    std::size_t zh = body.find("时间：" + day + " 09:30–10:30（北京时间）");
    std::size_t en = body.find("New booking request: 邮件质谱仪");
    EXPECT_NE(zh, std::string::npos) << body;
    EXPECT_NE(en, std::string::npos) << body;
    EXPECT_LT(zh, en) << "Chinese first";
    for (const char* header : {"Date", "From", "To", "Subject", "Message-ID", "Content-Type"}) {
        EXPECT_TRUE(HasHeader(unit, header)) << header;
    }
    EXPECT_NE(std::string(unit.at("raw").as_string()).find("Subject: =?UTF-8?B?"), std::string::npos);

    json::object client = MessageTo(messages, "company@example.org");
    ASSERT_FALSE(client.empty());
    EXPECT_EQ(client.at("subject").as_string(), "预约已确认：邮件质谱仪 / Booking approved");

    EXPECT_EQ(OutboxRows(Db()), "sent|1|\nsent|1|\n");
    EXPECT_NE(log.find("mail run"), std::string::npos) << log;
    EXPECT_EQ(log.find(kMailUserPassword), std::string::npos) << "the password in the log";
}

/// A server with mail on and one client with an address; `Notify` adds a message as a module would.
template <typename Suite>
class OneClientSuite : public ServerSuite<Suite> {
public:
    static constexpr bool kInProcess = true;
    static void CreateUsers() {
        std::string id = CreateReadyUser(ServerSuite<Suite>::Db(), "client", "operator");
        RunSql(ServerSuite<Suite>::Db(), "UPDATE users SET email = 'client@example.org' WHERE id = " + id);
    }

protected:
    static void Notify(const std::string& kind, const std::string& params) {
        CommandResult insert =
            RunSql(ServerSuite<Suite>::Db(),
                   "INSERT INTO notifications (user_id, kind, params, created_at) SELECT id, '" + kind + "', '" +
                       params + "', '" + clock::FormatUtc(UnixNow()) + "' FROM users WHERE username = 'client'");
        ASSERT_EQ(insert.exit_code, 0) << insert.err;
    }
};

/// A loopback port held bound but not listening: a connection to it is refused at once, and no
/// other test's server can take it meanwhile (a port that was merely free once may be taken by one,
/// which then accepts the mailer's connection and never answers). Release() lets the sink have it.
class RefusingPort {
public:
    RefusingPort() {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);  // not inherited by the servers tests start
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
            throw std::runtime_error("cannot hold a loopback port");
        }
        port_ = ntohs(address.sin_port);
    }
    ~RefusingPort() { Release(); }
    RefusingPort(const RefusingPort&) = delete;
    RefusingPort& operator=(const RefusingPort&) = delete;

    std::uint16_t port() const { return port_; }
    void Release() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_ = -1;
    std::uint16_t port_ = 0;
};

class MailRetryTest : public OneClientSuite<MailRetryTest> {
public:
    static std::string Config() { return MailConfig(held_.port()); }

protected:
    static inline RefusingPort held_;  // nobody listens there at first
    static inline std::uint16_t smtp_port_ = held_.port();
};

TEST_F(MailRetryTest, AnUnreachableServerLeavesTheErrorAndTheMessageGoesLater) {
    Notify("order_quoted", R"({"order_id":"7","service_name":"成分检测"})");
    std::string log;
    bool tried = WaitWatchingTheLog([] { ServerClock().Advance(61); },
                                    [&] {
                                        return OutboxRows(Db()).starts_with("pending|1|smtp: ") &&
                                               log.find("mail not sent") != std::string::npos;
                                    },
                                    log);
    ASSERT_TRUE(tried) << OutboxRows(Db()) << log;
    EXPECT_NE(OutboxRows(Db()).find("connect"), std::string::npos) << OutboxRows(Db());
    EXPECT_EQ(OutboxRows(Db()).find(kMailUserPassword), std::string::npos);
    EXPECT_NE(log.find("mail not sent"), std::string::npos) << log;
    EXPECT_EQ(log.find(kMailUserPassword), std::string::npos) << "the password in the log";

    std::unique_ptr<SmtpSink> sink;
    try {
        held_.Release();
        sink = SmtpSink::Start(smtp_port_);
    } catch (const std::exception& e) {
        FAIL() << e.what();
    }
    ServerClock().Advance(61);  // past the first retry's delay of a minute
    ASSERT_TRUE(WaitUntil([&] { return sink->Messages().size() == 1; }, seconds(20))) << OutboxRows(Db());
    json::object message = sink->Messages().at(0);
    EXPECT_EQ(message.at("subject").as_string(), "新消息 / New message (order_quoted)");
    EXPECT_NE(std::string(message.at("body").as_string()).find("service_name: 成分检测"), std::string::npos);
    EXPECT_TRUE(WaitUntil([&] { return OutboxRows(Db()) == "sent|2|\n"; }, seconds(5))) << OutboxRows(Db());
}

class MailOffTest : public OneClientSuite<MailOffTest> {
public:
    static std::string Config() { return MailConfig(smtp_port_, false); }
    static inline std::uint16_t smtp_port_ = FreeLoopbackPort();
};

TEST_F(MailOffTest, NothingIsQueuedOrSent) {
    std::unique_ptr<SmtpSink> sink;
    try {
        sink = SmtpSink::Start(smtp_port_);
    } catch (const std::exception& e) {
        FAIL() << e.what();
    }
    Notify("booking_approved", R"({"booking_id":"1","instrument_name":"质谱仪"})");
    ServerClock().Advance(3 * 61);
    // Waits for what must not happen: a few of the scheduler's once-a-second ticks.
    EXPECT_FALSE(WaitUntil([&] { return !sink->Messages().empty() || !OutboxRows(Db()).empty(); }, seconds(3),
                           std::chrono::milliseconds(250)));
}

}  // namespace
}  // namespace keyuan::testing
