#pragma once
// The fixture of the audit trail tests (audit/events_test.cpp): a server with the audit, security
// and system administrators and one account per event under test, and the event types of a page.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>
#include <set>

#include "modules/accounts/totp.hpp"
#include "support/accounts_fixture.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {

namespace json = boost::json;

inline const json::object kValidNewUser{
    {"username", "wouldbe"}, {"password", kGoodPassword}, {"roles", json::array{"expert"}}};

inline std::set<std::string> EventTypes(const json::array& events) {
    std::set<std::string> types;
    for (const json::value& e : events) types.insert(Str(e, "event_type"));
    return types;
}

class AuditTest : public ServerSuite<AuditTest> {
public:
    static std::string Config() { return SecurityConfig("max_failed_logins = 2\nlockout_seconds = 3600\n"); }
    static void CreateUsers() {
        CreateReadyUser(Db(), "auditor", "audit_admin");
        CreateReadyUser(Db(), "secadm", "security_admin");
        CreateReadyUser(Db(), "sysadm", "system_admin");
        plain_id_ = CreateReadyUser(Db(), "plain", "expert");
        ids_["evtoken"] = CreateReadyUser(Db(), "evtoken", "expert");  // tokens need a changed password
        auditor_ = std::make_unique<Session>(LogIn(Port(), "auditor"));
        secadm_ = std::make_unique<Session>(LogIn(Port(), "secadm"));
        // The API is quicker than the CLI; these accounts only use routes open before a password change.
        for (const char* name : {"evlogin", "evlogout", "evpass", "evmfa", "evcsrf", "evlock"}) {
            HttpResponse r = secadm_->Post(
                "/api/v1/users",
                Body({{"username", name}, {"password", kGoodPassword}, {"roles", json::array{"expert"}}}));
            EXPECT_EQ(r.status, 201) << r.body;
            ids_[name] = Str(r.Json(), "id");
        }
    }
    static void ReleaseSessions() {
        auditor_.reset();
        secadm_.reset();
    }

protected:
    static json::array Events(const std::string& query) { return AuditEvents(*auditor_, query); }

    static inline std::unique_ptr<Session> auditor_, secadm_;
    static inline std::string plain_id_;
    static inline std::map<std::string, std::string> ids_;
};

}  // namespace keyuan::testing
