#pragma once
// The fixture of the technology contract tests: the catalog's world (org_a 北京示范大学 in 海淀区, the seller,
// with "officer_haidian" its registration office; org_b in 朝阳区) plus "officer_chaoyang" (朝阳区, who must
// not see org_a's contracts), an approved achievement of org_a, and short forms of the requests.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/catalog_fixture.hpp"

namespace keyuan::testing {

namespace json = boost::json;

template <typename Suite>
class TechContractsSuite : public CatalogSuite<Suite> {
    using Base = CatalogSuite<Suite>;

public:
    static void CreateUsers() {
        Base::CreateUsers();
        CreateReadyUser(Base::Db(), "officer_chaoyang", "district_officer", {"--district", "110105"});
        Base::world_.sessions.emplace("officer_chaoyang", LogIn(Base::Port(), "officer_chaoyang"));
    }
    static void SetUpTestSuite() {
        Base::SetUpTestSuite();
        achievement_a_ = CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements",
                                        json::object{{"name", "钙钛矿叠层电池制备工艺"},
                                                     {"class", "applied_research"},
                                                     {"funding", "fiscal"},
                                                     {"secret", false},
                                                     {"statuses", json::array{"4"}},
                                                     {"industry_codes", json::array{"3825"}},
                                                     {"description", "面向光伏组件的钙钛矿叠层电池"}});
    }

protected:
    using Base::As;

    /// The seller 北京示范大学 (org_a's credit code), the buyer a Tianjin company.
    static json::object Seller() {
        return {{"role", "seller"},     {"name", "北京示范大学"}, {"credit_code", "121100004000000014"},
                {"entity_type", "022"}, {"country_code", "142"},  {"division_code", "110108"}};
    }
    static json::object Buyer(const std::string& credit = "91120000MA0000001Q",
                              const std::string& division = "120000") {
        return {{"role", "buyer"},      {"name", "天津示范科技有限公司"}, {"credit_code", credit},
                {"entity_type", "150"}, {"country_code", "142"},          {"division_code", division}};
    }
    /// A valid 技术转让/专利权转让 contract of 50万元, technology amount 45万元, paid in two instalments.
    static json::object ContractBody(const std::string& name) {
        return {{"project_name", name},
                {"type", "技术转让"},
                {"subtype", "专利权转让"},
                {"signed_on", ShanghaiDate(-10)},
                {"valid_from", ShanghaiDate(-10)},
                {"valid_until", ShanghaiDate(355)},
                {"total_fen", 50'000'000},
                {"tech_amount_fen", 45'000'000},
                {"field_code", "new_energy"},
                {"industry_code", "3825"},
                {"ip_types", json::array{"patent"}},
                {"government_plan", false},
                {"expected_investment_fen", 200'000'000},
                {"expected_output_fen", 800'000'000},
                {"parties", json::array{Seller(), Buyer()}},
                {"instalments", json::array{json::object{{"due_on", ShanghaiDate(20)}, {"amount_fen", 20'000'000}},
                                            json::object{{"due_on", ShanghaiDate(200)}, {"amount_fen", 30'000'000}}}}};
    }
    static std::string Path(const std::string& id, const std::string& rest = "") {
        return "/api/v1/tech-contracts/" + id + rest;
    }
    static HttpResponse Step(const std::string& who, const std::string& id, const std::string& action,
                             const json::object& body = {}) {
        return As(who).Post(Path(id, "/" + action), Body(body));
    }
    static HttpResponse AttachText(const std::string& who, const std::string& id) {
        return As(who).Send("POST", Path(id, "/attachments?name=contract.pdf&purpose=contract_text"),
                            "%PDF-1.7 contract", {{"Content-Type", "application/octet-stream"}});
    }
    /// A contract of unit_a with its written text, submitted: its id.
    static std::string Filed(const json::object& body) {
        HttpResponse created = As("unit_a").Post("/api/v1/tech-contracts", Body(body));
        EXPECT_EQ(created.status, 201) << created.body;
        std::string id = Str(created.Json(), "id");
        EXPECT_EQ(AttachText("unit_a", id).status, 201);
        HttpResponse submitted = Step("unit_a", id, "submit");
        EXPECT_EQ(submitted.status, 200) << submitted.body;
        return id;
    }
    /// The statistics row of `key` under `group` (null when none).
    static json::value StatRow(const std::string& group, const std::string& key) {
        HttpResponse r = Base::Visitor().Get("/api/v1/tech-market/statistics?group=" + group);
        EXPECT_EQ(r.status, 200) << r.body;
        json::value answer = r.Json();
        for (const json::value& item : answer.at("items").as_array()) {
            if (Str(item, "key") == key) return item;
        }
        return nullptr;
    }
    static std::int64_t StatCount(const std::string& group, const std::string& key) {
        json::value row = StatRow(group, key);
        return row.is_null() ? 0 : row.at("count").as_int64();
    }

    static inline std::string achievement_a_;
};

}  // namespace keyuan::testing
