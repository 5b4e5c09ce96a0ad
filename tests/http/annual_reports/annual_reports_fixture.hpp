#pragma once
// The fixture of the annual-report tests: the catalog's world (org_a 北京示范大学, a university of
// department edu; org_b 朝阳医学研究所, an institute of department health; both file), an expert, and
// three achievements of org_a dated 2025: one transformed (status 2, pre-filled), one secret and
// transformed (never pre-filled), one with research results only (status 4, not pre-filled).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/catalog_fixture.hpp"

namespace keyuan::testing {

namespace json = boost::json;

template <typename Suite>
class AnnualReportSuite : public CatalogSuite<Suite> {
    using Base = CatalogSuite<Suite>;

public:
    static void CreateUsers() {
        Base::CreateUsers();
        CreateReadyUser(Base::Db(), "expert_1", "expert");
        expert_ = std::make_unique<Session>(LogIn(Base::Port(), "expert_1"));
        auto achievement = [](const std::string& name, bool secret, const char* status) {
            json::object body{
                {"name", name},     {"class", "applied_research"},     {"funding", "fiscal"},
                {"secret", secret}, {"statuses", json::array{status}}, {"industry_codes", json::array{"3825"}}};
            return CreateApproved(Base::As("unit_a"), Base::As("reviewer_edu"), "achievements", body);
        };
        transferred_ = achievement("钙钛矿叠层电池制备工艺", false, "2");
        secret_ = achievement("保密的量子密钥分发装置", true, "2");
        research_ = achievement("新型催化剂机理研究", false, "4");
        CommandResult r = RunSql(Base::Db(), "UPDATE achievements SET created_at = '2025-05-01T02:00:00Z'");
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    static void ReleaseSessions() {
        expert_.reset();
        Base::ReleaseSessions();
    }

protected:
    static Session& As(const std::string& name) { return name == "expert" ? *expert_ : Base::As(name); }
    static HttpResponse Step(const std::string& who, const std::string& id, const std::string& action,
                             const std::string& body = "{}") {
        return As(who).Post("/api/v1/annual-reports/" + id + "/" + action, body);
    }
    /// Saves with the version the caller reads now (If-Match is required; 1 when it reads nothing).
    static HttpResponse Save(const std::string& who, const std::string& id, const json::object& content) {
        HttpResponse current = As(who).Get("/api/v1/annual-reports/" + id);
        std::string version = current.status == 200 ? std::to_string(current.Json().at("version").as_int64()) : "1";
        return As(who).Send("PUT", "/api/v1/annual-reports/" + id, Body(content),
                            {{"If-Match", "\"" + version + "\""}});
    }
    /// Contents a unit can submit: one confirmed contract of each mode, totals, rewards, narrative, pledge.
    static json::object GoodContent(const std::string& achievement_id) {
        return json::object{
            {"contracts", json::array{json::object{{"mode", "transfer"},
                                                   {"achievement_id", achievement_id},
                                                   {"counterpart", "北京光伏科技有限公司"},
                                                   {"amount_fen", 500'000'000},
                                                   {"received_fen", 200'000'000},
                                                   {"source", "platform"},
                                                   {"confirmed", true}},
                                      json::object{{"mode", "license"},
                                                   {"counterpart", "天津新材料有限公司"},
                                                   {"amount_fen", 80'000'000},
                                                   {"received_fen", 80'000'000}},
                                      json::object{{"mode", "investment"},
                                                   {"counterpart", "示范科技（北京）有限公司"},
                                                   {"amount_fen", 1'000'000'000},
                                                   {"equity_bp", 2500}}}},
            {"tech_contracts", json::object{{"development", json::object{{"count", 12}, {"amount_fen", 300'000'000}}},
                                            {"consulting", json::object{{"count", 3}, {"amount_fen", 9'000'000}}},
                                            {"service", json::object{{"count", 20}, {"amount_fen", 40'000'000}}}}},
            {"income", json::object{{"unit_fen", 84'000'000}, {"staff_fen", 196'000'000}}},
            {"rewards", json::object{{"cash_fen", 196'000'000}, {"equity_fen", 700'000'000}, {"headcount", 14}}},
            {"spinoffs", json::array{json::object{{"name", "示范科技（北京）有限公司"}}}},
            {"offices", json::array{json::object{{"name", "技术转移中心"}, {"kind", "office"}}}},
            {"narrative", json::object{{"work_done", "全年完成成果转化合同 3 项，技术开发合同 12 项。"},
                                       {"problems", "中试资金不足。"},
                                       {"policy", "落实 70% 以上收益奖励科研人员的政策。"}}},
            {"pledge", true}};
    }

    static inline std::unique_ptr<Session> expert_;
    static inline std::string transferred_, secret_, research_;
};

}  // namespace keyuan::testing
