// One technology contract from filing to registration against the real server on each engine: the seller
// files form JJ-001, an oral contract (no written text) is not accepted, its district's office (not another
// district's) registers it with a 16-digit number and the approved income, the statistics and the map count
// it, and the achievement it transforms says so. Return and refusal (未予登记) keep their reasons.
#include "http/tech_contracts/tech_contracts_fixture.hpp"

namespace keyuan::testing {
namespace {

class TechContractLifecycleTest : public TechContractsSuite<TechContractLifecycleTest> {};

TEST_F(TechContractLifecycleTest, FiledRegisteredNumberedCountedAndTheAchievementTransformed) {
    std::int64_t energy_before = StatCount("field", "new_energy");
    std::int64_t tianjin_before = StatCount("buyer_district", "120000");

    HttpResponse created = As("unit_a").Post("/api/v1/tech-contracts", Body(ContractBody("钙钛矿电池专利权转让")));
    ASSERT_EQ(created.status, 201) << created.body;
    json::value contract = created.Json();
    std::string id = Str(contract, "id");
    EXPECT_EQ(Str(contract, "status"), "draft");
    EXPECT_EQ(Str(contract, "district_code"), "110108") << "the seller's district registers it";
    EXPECT_EQ(contract.at("parties").as_array().size(), 2u);
    EXPECT_EQ(contract.at("instalments").as_array().size(), 2u);

    // Oral contracts are never registered: no written text, no acceptance.
    HttpResponse oral = Step("unit_a", id, "submit");
    EXPECT_TRUE(IsError(oral, 422, "validation_failed")) << oral.body;
    EXPECT_NE(oral.body.find("\"attachments\""), std::string::npos) << oral.body;
    ASSERT_EQ(AttachText("unit_a", id).status, 201);
    HttpResponse submitted = Step("unit_a", id, "submit");
    ASSERT_EQ(submitted.status, 200) << submitted.body;
    EXPECT_EQ(Str(submitted.Json(), "submitted_on"), ShanghaiDate());
    EXPECT_EQ(Str(submitted.Json(), "decision_due_on"), ShanghaiDate(30)) << "30 calendar days after acceptance";

    // Another district's office does not see it; the seller cannot register its own contract.
    EXPECT_TRUE(IsError(As("officer_chaoyang").Get(Path(id)), 404, "not_found"));
    EXPECT_TRUE(IsError(Step("officer_chaoyang", id, "register"), 404, "not_found"));
    EXPECT_TRUE(IsError(Step("unit_a", id, "register"), 403, "forbidden"));
    HttpResponse queue = As("officer_haidian").Get("/api/v1/tech-contracts?view=district&status=submitted");
    EXPECT_TRUE(HasId(ListIds(queue), id)) << queue.body;
    EXPECT_FALSE(HasId(ListIds(As("officer_chaoyang").Get("/api/v1/tech-contracts?status=submitted")), id));

    // The approved income may not exceed the technology amount.
    HttpResponse too_much = Step("officer_haidian", id, "register", {{"approved_income_fen", 45'000'001}});
    EXPECT_TRUE(IsError(too_much, 422, "validation_failed")) << too_much.body;
    EXPECT_NE(too_much.body.find("approved_income_fen"), std::string::npos);

    HttpResponse registered = Step("officer_haidian", id, "register",
                                   {{"approved_income_fen", 40'000'000}, {"achievement_id", achievement_a_}});
    ASSERT_EQ(registered.status, 200) << registered.body;
    json::value r = registered.Json();
    EXPECT_EQ(Str(r, "status"), "registered");
    std::string number = Str(r, "registration_no");
    ASSERT_EQ(number.size(), 16u) << number;
    EXPECT_EQ(number.substr(0, 4), ShanghaiDate().substr(0, 4)) << "year";
    EXPECT_EQ(number.substr(4, 6), "110108") << "Beijing 1101 and the point of 海淀区 (08)";
    EXPECT_EQ(r.at("approved_income_fen").as_int64(), 40'000'000);
    EXPECT_EQ(Str(r, "registered_on"), ShanghaiDate());
    EXPECT_TRUE(IsError(Step("officer_haidian", id, "register"), 409, "conflict")) << "registered once";

    // The statistics and the map count it.
    EXPECT_EQ(StatCount("field", "new_energy"), energy_before + 1);
    EXPECT_EQ(StatCount("buyer_district", "120000"), tianjin_before + 1);
    json::value by_type = StatRow("type", "技术转让");
    ASSERT_FALSE(by_type.is_null());
    EXPECT_GE(by_type.at("tech_fen").as_int64(), 45'000'000);
    HttpResponse map = Visitor().Get("/api/v1/tech-market/map");
    ASSERT_EQ(map.status, 200) << map.body;
    json::value m = map.Json();
    bool flow = false;
    for (const json::value& f : m.at("flows").as_array()) {
        flow = flow || (Str(f, "from") == "110108" && Str(f, "to") == "120000" && Str(f, "scope") == "province" &&
                        Str(f, "to_name") == "天津");
    }
    EXPECT_TRUE(flow) << map.body;
    bool haidian = false;
    for (const json::value& d : m.at("districts").as_array()) haidian = haidian || Str(d, "code") == "110108";
    EXPECT_TRUE(haidian) << map.body;
    HttpResponse csv = Visitor().Get("/api/v1/tech-market/statistics?group=field&format=csv");
    ASSERT_EQ(csv.status, 200);
    EXPECT_NE(csv.body.find("新能源与高效节能"), std::string::npos);

    // The achievement is transformed: status 2 (used by others through transfer), no longer "research only".
    HttpResponse achievement = As("unit_a").Get("/api/v1/achievements/" + achievement_a_);
    ASSERT_EQ(achievement.status, 200);
    std::string statuses = json::serialize(achievement.Json().at("statuses"));
    EXPECT_NE(statuses.find("\"2\""), std::string::npos) << statuses;
    EXPECT_EQ(statuses.find("\"4\""), std::string::npos) << statuses;
    HttpResponse by_achievement = As("unit_a").Get("/api/v1/tech-contracts?achievement_id=" + achievement_a_);
    EXPECT_TRUE(HasId(ListIds(by_achievement), id));
    HttpResponse monitor = Visitor().Get("/api/v1/tech-market/monitor");
    ASSERT_EQ(monitor.status, 200);
    EXPECT_GE(monitor.Json().at("contracts").at("registered_today").at("count").as_int64(), 1);
}

TEST_F(TechContractLifecycleTest, ReturnedWithAReasonRefiledThenRefusedAsNotRegistered) {
    std::string id = Filed(ContractBody("退回后未予登记的合同"));
    EXPECT_TRUE(IsError(Step("officer_haidian", id, "return"), 422, "validation_failed")) << "a reason is required";
    HttpResponse returned = Step("officer_haidian", id, "return", {{"reason", "附件缺少专利证书"}});
    ASSERT_EQ(returned.status, 200) << returned.body;
    EXPECT_EQ(Str(returned.Json(), "reason"), "附件缺少专利证书");
    json::object fixed = ContractBody("退回后未予登记的合同");
    fixed["project_name"] = "退回后补正的合同";
    HttpResponse patched = As("unit_a").Send("PATCH", Path(id), Body(fixed));
    ASSERT_EQ(patched.status, 200) << patched.body;
    ASSERT_EQ(Step("unit_a", id, "submit").status, 200);
    HttpResponse refused = Step("operator", id, "refuse", {{"reason", "不属于技术合同（承揽合同）"}});
    ASSERT_EQ(refused.status, 200) << refused.body;
    EXPECT_EQ(Str(refused.Json(), "status"), "refused");
    EXPECT_TRUE(Str(refused.Json(), "registration_no").empty());
    EXPECT_TRUE(IsError(As("unit_a").Send("PATCH", Path(id), Body(fixed)), 409, "conflict"));
}

}  // namespace
}  // namespace keyuan::testing
