// Accounts against the real server: the second factor (TOTP) that administrative and government
// roles must pass, its enrolment, activation, single use, and the password change it guards.
#include "http/accounts/accounts_helpers.hpp"

namespace keyuan::testing {
namespace {

// The second factor (TOTP), required for administrative and government roles.

std::string CodeAt(const std::string& secret, std::int64_t unix_seconds) {
    return accounts::TotpCode(secret, unix_seconds);
}

/// A six-digit code that is not `right`.
std::string WrongCode(const std::string& right) {
    return right == "000000" ? "111111" : "000000";
}

struct Enrolled {
    std::string secret;
    std::int64_t activated_at = 0;  // the time whose code activated it
};

/// Enrols TOTP in `s` and activates it with the current code.
Enrolled EnrolAndActivate(Session& s) {
    Enrolled e;
    HttpResponse enrol = s.Post("/api/v1/auth/totp/enroll", "");
    EXPECT_EQ(enrol.status, 201) << enrol.body;
    if (enrol.status != 201) return e;
    e.secret = Str(enrol.Json(), "secret");
    e.activated_at = UnixNow();
    HttpResponse activate = s.Post("/api/v1/auth/totp/activate", Body({{"code", CodeAt(e.secret, e.activated_at)}}));
    EXPECT_EQ(activate.status, 200) << activate.body;
    return e;
}

class AccountsSecondFactorTest : public ServerSuite<AccountsSecondFactorTest> {
public:
    static void CreateUsers() {
        for (const char* name : {"op1", "op2", "op3", "op4", "op5", "op6"}) CreateReadyUser(Db(), name, "operator");
        CreateReadyUser(Db(), "exp1", "expert");
    }
    static std::string Config() {
        return "[security]\nrequire_second_factor = true\nlogin_attempts_per_minute_per_ip = 100000\n";
    }
    // Codes are computed for the server's time step (UnixNow reads its fixed clock), so no step
    // can change between computing a code and sending it.
    static constexpr bool kInProcess = true;
};

TEST_F(AccountsSecondFactorTest, PrivilegedRoleMustPassTheSecondFactorFirst) {
    Session s = LogIn(Port(), "op1");
    ASSERT_EQ(s.login.status, 200) << s.login.body;
    EXPECT_TRUE(s.login.Json().at("second_factor_required").as_bool());
    EXPECT_FALSE(s.login.Json().at("second_factor_enrolled").as_bool());
    EXPECT_TRUE(IsError(s.Get("/api/v1/users"), 403, "second_factor_required"));
    EXPECT_TRUE(IsError(s.Get("/api/v1/tokens"), 403, "second_factor_required"));
    EXPECT_TRUE(IsError(s.Post("/api/v1/tokens", Body({{"name", "x"}})), 403, "second_factor_required"));
    HttpResponse me = s.Get("/api/v1/me");
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_FALSE(me.Json().at("second_factor_passed").as_bool());
}

TEST_F(AccountsSecondFactorTest, EnrolmentGivesABase32SecretAndAnOtpauthUri) {
    Session s = LogIn(Port(), "op2");
    ASSERT_EQ(s.login.status, 200);
    HttpResponse enrol = s.Post("/api/v1/auth/totp/enroll", "");
    ASSERT_EQ(enrol.status, 201) << enrol.body;
    EXPECT_EQ(enrol.Header("cache-control"), "no-store");
    std::string secret = Str(enrol.Json(), "secret");
    EXPECT_TRUE(std::regex_match(secret, std::regex("[A-Z2-7]{32}"))) << secret;
    std::string uri = Str(enrol.Json(), "otpauth_uri");
    EXPECT_TRUE(uri.starts_with("otpauth://totp/")) << uri;
    EXPECT_NE(uri.find("secret=" + secret), std::string::npos) << uri;
    EXPECT_NE(uri.find("op2"), std::string::npos) << uri;
}

TEST_F(AccountsSecondFactorTest, ActivationWithTheRightCodeCompletesTheSecondFactor) {
    Session s = LogIn(Port(), "op3");
    ASSERT_EQ(s.login.status, 200);
    HttpResponse enrol = s.Post("/api/v1/auth/totp/enroll", "");
    ASSERT_EQ(enrol.status, 201) << enrol.body;
    std::string secret = Str(enrol.Json(), "secret");
    std::string right = CodeAt(secret, UnixNow());

    HttpResponse wrong = s.Post("/api/v1/auth/totp/activate", Body({{"code", WrongCode(right)}}));
    ASSERT_TRUE(IsError(wrong, 422, "validation_failed"));
    EXPECT_EQ(ErrorFields(wrong), std::vector<std::string>{"code"});
    EXPECT_TRUE(IsError(s.Get("/api/v1/users"), 403, "second_factor_required"));

    HttpResponse activated = s.Post("/api/v1/auth/totp/activate", Body({{"code", right}}));
    ASSERT_EQ(activated.status, 200) << activated.body;
    EXPECT_TRUE(activated.Json().at("second_factor_passed").as_bool());
    EXPECT_EQ(s.Get("/api/v1/users").status, 200);
    HttpResponse me = s.Get("/api/v1/me");
    EXPECT_TRUE(me.Json().at("totp_enabled").as_bool());
    EXPECT_TRUE(me.Json().at("second_factor_passed").as_bool());
}

TEST_F(AccountsSecondFactorTest, EnrolledUserVerifiesAtTheNextLogin) {
    Session first = LogIn(Port(), "op4");
    ASSERT_EQ(first.login.status, 200);
    Enrolled e = EnrolAndActivate(first);
    ASSERT_FALSE(e.secret.empty());

    Session next = LogIn(Port(), "op4");
    ASSERT_EQ(next.login.status, 200);
    EXPECT_TRUE(next.login.Json().at("second_factor_required").as_bool());
    EXPECT_TRUE(next.login.Json().at("second_factor_enrolled").as_bool());
    EXPECT_TRUE(IsError(next.Get("/api/v1/users"), 403, "second_factor_required"));
    // The following time step's code: the activation code is spent, and drift of one step is allowed.
    HttpResponse verified =
        next.Post("/api/v1/auth/totp/verify", Body({{"code", CodeAt(e.secret, e.activated_at + 30)}}));
    ASSERT_EQ(verified.status, 200) << verified.body;
    EXPECT_EQ(next.Get("/api/v1/users").status, 200);
}

TEST_F(AccountsSecondFactorTest, ACodeWorksOnlyOnce) {
    Session first = LogIn(Port(), "op5");
    ASSERT_EQ(first.login.status, 200);
    Enrolled e = EnrolAndActivate(first);
    ASSERT_FALSE(e.secret.empty());
    std::string next_code = CodeAt(e.secret, e.activated_at + 30);

    Session second = LogIn(Port(), "op5");
    ASSERT_EQ(second.login.status, 200);
    HttpResponse replay = second.Post("/api/v1/auth/totp/verify", Body({{"code", CodeAt(e.secret, e.activated_at)}}));
    EXPECT_TRUE(IsError(replay, 422, "validation_failed"));  // the activation code again
    EXPECT_EQ(second.Post("/api/v1/auth/totp/verify", Body({{"code", next_code}})).status, 200);

    Session third = LogIn(Port(), "op5");
    ASSERT_EQ(third.login.status, 200);
    EXPECT_TRUE(IsError(third.Post("/api/v1/auth/totp/verify", Body({{"code", next_code}})), 422, "validation_failed"));
    EXPECT_TRUE(IsError(third.Get("/api/v1/users"), 403, "second_factor_required"));
}

TEST_F(AccountsSecondFactorTest, OtherRolesNeedNoSecondFactor) {
    Session s = LogIn(Port(), "exp1");
    ASSERT_EQ(s.login.status, 200);
    EXPECT_FALSE(s.login.Json().at("second_factor_required").as_bool());
    EXPECT_EQ(s.Get("/api/v1/tokens").status, 200);
}

// A stolen password alone must not let anyone change the password of an account protected by a
// second factor (and so end the owner's sessions and shut the owner out).
TEST_F(AccountsSecondFactorTest, PasswordChangeWaitsForTheSecondFactor) {
    Session owner = LogIn(Port(), "op6");
    ASSERT_EQ(owner.login.status, 200);
    ASSERT_FALSE(EnrolAndActivate(owner).secret.empty());

    Session intruder = LogIn(Port(), "op6");
    ASSERT_EQ(intruder.login.status, 200);
    HttpResponse changed = intruder.Post(kPassword, PasswordBody(kGoodPassword, kOtherPassword));
    EXPECT_TRUE(IsError(changed, 403, "second_factor_required"));
    EXPECT_EQ(owner.Get("/api/v1/me").status, 200);
}

}  // namespace
}  // namespace keyuan::testing
