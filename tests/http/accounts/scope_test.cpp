// Accounts against the real server: who may read which users, by unit, department and district.
#include "http/accounts/accounts_helpers.hpp"

namespace keyuan::testing {
namespace {

// Who may read which users: the scopes of unit, department and district.

class AccountsScopeTest : public ServerSuite<AccountsScopeTest> {
public:
    static void CreateUsers() {
        CreateReadyUser(Db(), "scopeop", "operator");
        oper_ = std::make_unique<Session>(LogIn(Port(), "scopeop"));
        org_a_ = CreateOrganization({{"name", "北京示范大学"},
                                     {"credit_code", "121100004000000014"},
                                     {"kind", "university"},
                                     {"district_code", "110108"},
                                     {"department_code", "edu"},
                                     {"is_sme", false}});
        org_b_ = CreateOrganization({{"name", "北京朝阳示范科技有限公司"},
                                     {"credit_code", "91110105MA00000025"},
                                     {"kind", "enterprise"},
                                     {"district_code", "110105"},
                                     {"department_code", "samr"},
                                     {"is_sme", true}});
        if (org_a_.empty() || org_b_.empty()) return;
        CreateReadyUser(Db(), "unit_a", "unit_admin", {"--org", org_a_});
        member_a_ = CreateReadyUser(Db(), "member_a", "enterprise", {"--org", org_a_});
        member_b_ = CreateReadyUser(Db(), "member_b", "enterprise", {"--org", org_b_});
        CreateReadyUser(Db(), "reviewer_edu", "department_reviewer", {"--department", "edu"});
        CreateReadyUser(Db(), "officer_hd", "district_officer", {"--district", "110108"});
    }
    static std::string Config() { return SecurityConfig(); }

    static void ReleaseSessions() { oper_.reset(); }

protected:
    /// POST /api/v1/organizations as the operator; the new id, or "" (and why, in org_error_).
    static std::string CreateOrganization(const json::object& org) {
        HttpResponse r = oper_->Post("/api/v1/organizations", Body(org));
        if (r.status != 201) {
            org_error_ += "POST /api/v1/organizations → " + std::to_string(r.status) + " " + r.body + "\n";
            return "";
        }
        return Str(r.Json(), "id");
    }

    /// `viewer` reads member_a but not member_b, and lists only users that the scope reaches.
    static void ExpectSeesOnlyOrganizationA(const std::string& viewer) {
        ASSERT_FALSE(member_a_.empty()) << "no organisations to test with:\n" << org_error_;
        Session s = LogIn(Port(), viewer);
        ASSERT_EQ(s.login.status, 200) << s.login.body;
        HttpResponse inside = s.Get("/api/v1/users/" + member_a_);
        EXPECT_EQ(inside.status, 200) << inside.body;
        EXPECT_TRUE(IsError(s.Get("/api/v1/users/" + member_b_), 404, "not_found"));
        HttpResponse list = s.Get("/api/v1/users?page_size=200");
        ASSERT_EQ(list.status, 200) << list.body;
        std::vector<std::string> ids = ItemIds(list);
        EXPECT_TRUE(Contains(ids, member_a_)) << list.body;
        EXPECT_FALSE(Contains(ids, member_b_)) << list.body;
        json::value body = list.Json();
        for (const json::value& item : body.at("items").as_array()) EXPECT_EQ(Str(item, "org_id"), org_a_);
        EXPECT_EQ(list.Json().at("total").as_int64(), static_cast<std::int64_t>(ids.size()));
    }

    static inline std::unique_ptr<Session> oper_;
    static inline std::string org_a_, org_b_, member_a_, member_b_, org_error_;
};

TEST_F(AccountsScopeTest, UnitAdminReadsOnlyItsOwnOrganization) {
    ExpectSeesOnlyOrganizationA("unit_a");
}

TEST_F(AccountsScopeTest, DepartmentReviewerReadsOnlyItsOwnDepartment) {
    ExpectSeesOnlyOrganizationA("reviewer_edu");
}

TEST_F(AccountsScopeTest, DistrictOfficerReadsOnlyItsOwnDistrict) {
    ExpectSeesOnlyOrganizationA("officer_hd");
}

TEST_F(AccountsScopeTest, OperatorReadsEveryone) {
    ASSERT_FALSE(member_a_.empty()) << "no organisations to test with:\n" << org_error_;
    EXPECT_EQ(oper_->Get("/api/v1/users/" + member_a_).status, 200);
    EXPECT_EQ(oper_->Get("/api/v1/users/" + member_b_).status, 200);
    HttpResponse list = oper_->Get("/api/v1/users?page_size=200");
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(list.Json().at("total").as_int64(), 6);
}

}  // namespace
}  // namespace keyuan::testing
