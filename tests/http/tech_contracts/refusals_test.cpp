// Bad contracts are refused with every bad field named (issue 18 "Bad input"): a technology amount over the
// total, instalments that do not add up, invalid credit codes, a buyer equal to the seller, an unknown type or
// sub-type, a sub-type of another type, a signing date in the future, and the form's other limits.
#include "http/tech_contracts/tech_contracts_fixture.hpp"

namespace keyuan::testing {
namespace {

class TechContractRefusalsTest : public TechContractsSuite<TechContractRefusalsTest> {
protected:
    /// The fields a 422 names.
    static std::set<std::string> BadFields(const HttpResponse& r) {
        std::set<std::string> out;
        EXPECT_TRUE(IsError(r, 422, "validation_failed")) << r.body;
        json::value body = r.Json();
        for (const json::value& f : body.at("error").at("fields").as_array()) out.insert(Str(f, "field"));
        return out;
    }
    static std::set<std::string> Refused(const json::object& body) {
        return BadFields(As("unit_a").Post("/api/v1/tech-contracts", Body(body)));
    }
};

TEST_F(TechContractRefusalsTest, EveryBadFieldIsNamedAtOnce) {
    json::object body = ContractBody("错误百出的合同");
    body["tech_amount_fen"] = 60'000'000;  // > total 50万元
    body["signed_on"] = ShanghaiDate(1);
    body["instalments"] = json::array{json::object{{"due_on", ShanghaiDate(20)}, {"amount_fen", 10'000'000}}};
    json::object bad_other = Buyer("121100004000000015", "110105");  // wrong check character
    bad_other["role"] = "other";
    json::object same_as_seller = Buyer("121100004000000014", "110108");
    json::object bad_buyer = Buyer("91120000MA0000001X", "120001");
    bad_buyer["entity_type"] = "999";
    body["parties"] = json::array{Seller(), same_as_seller, bad_buyer, bad_other};
    std::set<std::string> fields = Refused(body);
    for (const char* f :
         {"tech_amount_fen", "signed_on", "instalments", "parties.3.credit_code", "parties.1.credit_code",
          "parties.2.credit_code", "parties.2.division_code", "parties.2.entity_type"}) {
        EXPECT_TRUE(fields.contains(f)) << f;
    }
}

TEST_F(TechContractRefusalsTest, TypesAndSubTypesComeFromTheCatalog) {
    EXPECT_TRUE(Refused(With(ContractBody("未知类型"), {{"type", "技术承包"}})).contains("type"));
    EXPECT_TRUE(Refused(With(ContractBody("未知子类"), {{"subtype", "专利权出租"}})).contains("subtype"));
    std::set<std::string> other = Refused(With(ContractBody("他类子类"), {{"subtype", "委托开发"}}));
    EXPECT_TRUE(other.contains("subtype")) << "委托开发 is a sub-type of 技术开发";
    // A transfer needs the expected investment and output (form JJ-001).
    std::set<std::string> expectations = Refused(
        With(ContractBody("缺预计投资"), {{"expected_investment_fen", nullptr}, {"expected_output_fen", nullptr}}));
    EXPECT_TRUE(expectations.contains("expected_investment_fen"));
    EXPECT_TRUE(expectations.contains("expected_output_fen"));
    // A service contract without a sub-type is the type's own row.
    json::object service = With(ContractBody("技术服务合同"), {{"type", "技术服务"}, {"subtype", ""}});
    EXPECT_EQ(As("unit_a").Post("/api/v1/tech-contracts", Body(service)).status, 201);
}

TEST_F(TechContractRefusalsTest, PartiesFieldsAndReferencesAreChecked) {
    std::set<std::string> no_buyer =
        Refused(With(ContractBody("无买方"), {{"parties", json::array{Seller(), Seller()}}}));
    EXPECT_TRUE(no_buyer.contains("parties"));
    json::object abroad = Buyer("", "000000");
    abroad["country_code"] = "502";
    json::object abroad_with_division = abroad;
    abroad_with_division["division_code"] = "310000";
    json::object seller_outside = Seller();
    seller_outside["division_code"] = "310000";
    seller_outside["credit_code"] = "91310000MA0000004B";
    std::set<std::string> fields =
        Refused(With(ContractBody("境外买方"), {{"parties", json::array{seller_outside, abroad, abroad_with_division}},
                                                {"field_code", "quantum"},
                                                {"ip_types", json::array{"patent", "patent"}},
                                                {"industry_code", "ZZZZ"},
                                                {"achievement_id", "999999"},
                                                {"government_plan", true},
                                                {"total_fen", 0},
                                                {"unknown_field", 1}}));
    for (const char* f : {"parties.0.division_code", "parties.2.division_code", "field_code", "ip_types.1",
                          "industry_code", "achievement_id", "plan_name", "total_fen", "unknown_field"}) {
        EXPECT_TRUE(fields.contains(f)) << f;
    }
    EXPECT_FALSE(fields.contains("parties.1.credit_code")) << "a party abroad has no mainland credit code";
    // A party abroad is accepted.
    json::object ok = With(ContractBody("美国买方"), {{"parties", json::array{Seller(), abroad}}});
    HttpResponse created = As("unit_a").Post("/api/v1/tech-contracts", Body(ok));
    EXPECT_EQ(created.status, 201) << created.body;
    // Only the seller's unit files; a visitor is 401, an enterprise account 403.
    EXPECT_TRUE(IsError(Visitor().Post("/api/v1/tech-contracts", Body(ok)), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(As("company").Post("/api/v1/tech-contracts", Body(ok)), 403, "forbidden"));
    // Statistics: an unknown group or a malformed month is named.
    HttpResponse stats = Visitor().Get("/api/v1/tech-market/statistics?group=colour&from=2026-13&format=pdf");
    std::set<std::string> stat_fields = BadFields(stats);
    for (const char* f : {"group", "from", "format"}) EXPECT_TRUE(stat_fields.contains(f)) << f;
}

}  // namespace
}  // namespace keyuan::testing
