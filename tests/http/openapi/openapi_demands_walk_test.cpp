// Real answers of the brokers', the demands' own and matching's routes against the OpenAPI
// document (decision 13 of docs/design/data-exchange.md): a broker registered, changed and listed;
// a demand's broker asked, accepted, recording work and reading the contact; a demand's
// suggestions saved, dismissed, taken back and contacted; with the refusals (401, 403, 404, 409,
// 422).
#include "http/openapi/openapi_walk.hpp"
#include "http/tech_demands/tech_demands_fixture.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

using namespace std::chrono_literals;

class OpenApiDemandsWalkTest : public TechDemandsSuite<OpenApiDemandsWalkTest> {
public:
    static void CreateUsers() {
        TechDemandsSuite<OpenApiDemandsWalkTest>::CreateUsers();
        achievement_ = CreateApproved(As("unit_b"), As("reviewer_health"), "achievements",
                                      MatchableAchievement("钙钛矿光伏组件封装与湿热稳定性提升技术",
                                                           "原子层沉积阻隔层与丁基胶边缘封装，钙钛矿组件湿热老化"));
        demand_ = Published("钙钛矿组件封装后湿热老化效率衰减",
                            {{"description", "钙钛矿光伏组件湿热老化效率衰减明显，寻求组件封装与阻隔层技术合作"}});
    }
    static void SetUpTestSuite() {
        TechDemandsSuite<OpenApiDemandsWalkTest>::SetUpTestSuite();
        // The index takes the approvals within about a second.
        if (suite_) {
            WaitUntil(
                [] {
                    HttpResponse r = As("company_a").Get("/api/v1/tech-demands/" + demand_ + "/matches");
                    if (r.status != 200) return false;
                    json::value answer = r.Json();
                    for (const json::value& item : answer.at("items").as_array()) {
                        if (Str(item, "type") == "achievement" && Str(item, "id") == achievement_) return true;
                    }
                    return false;
                },
                10s);
        }
    }

protected:
    static inline std::string achievement_, demand_;
};

TEST_F(OpenApiDemandsWalkTest, BrokersAssignmentsWorkAndMatchesAnswerAsTheDocumentSays) {
    const json::value document = Visitor().Get("/api/v1/openapi.json").Json();
    auto check = [&](const std::string& method, const std::string& pattern, const HttpResponse& r, int status) {
        EXPECT_TRUE(AnswersWith(document, method, pattern, r, status));
    };
    const std::string brokers = "/api/v1/tech-brokers";
    check("POST", brokers, Visitor().Post(brokers, Body(BrokerBody("访客"))), 401);
    check("POST", brokers, As("company").Post(brokers, Body(BrokerBody("企业"))), 403);
    check("POST", brokers, As("broker_1").Post(brokers, Body(With(BrokerBody("x"), {{"level", "top"}}))), 422);
    HttpResponse created = As("broker_1").Post(brokers, Body(BrokerBody("broker_1")));
    ASSERT_EQ(created.status, 201) << created.body;
    check("POST", brokers, created, 201);
    check("POST", brokers, As("broker_1").Post(brokers, Body(BrokerBody("broker_1"))), 409);
    std::string broker = Str(created.Json(), "id");
    check("GET", brokers + "/me", As("broker_1").Get(brokers + "/me"), 200);
    check("GET", brokers + "/me", As("broker_2").Get(brokers + "/me"), 404);  // no profile
    check("PATCH", brokers + "/me",
          As("broker_1").Send("PATCH", brokers + "/me", Body(With(BrokerBody("broker_1"), {{"version", 1}}))), 200);
    check("PATCH", brokers + "/me",
          As("broker_1").Send("PATCH", brokers + "/me", Body(BrokerBody("broker_1")), {{"If-Match", "\"1\""}}), 409);
    check("GET", brokers + "/{id}", Visitor().Get(brokers + "/" + broker), 404);  // pending
    ASSERT_EQ(As("operator").Post(brokers + "/" + broker + "/activate", "").status, 200);
    check("GET", brokers + "/{id}", Visitor().Get(brokers + "/" + broker), 200);
    check("GET", brokers + "/{id}", As("company").Get(brokers + "/" + broker), 200);
    check("GET", brokers, Visitor().Get(brokers + "?industry=3825&level=intermediate&q=" + UrlEncode("新能源")), 200);
    check("GET", brokers, As("operator").Get(brokers + "?status=all"), 200);
    check("GET", brokers, Visitor().Get(brokers + "?status=pending"), 422);

    // The demand's broker: asked, accepted, working.
    const std::string demand = "/api/v1/tech-demands/{id}", at = "/api/v1/tech-demands/" + demand_;
    check("POST", demand + "/brokers", As("company_a").Post(at + "/brokers", Body({{"broker_id", "999999999"}})), 422);
    check("POST", demand + "/brokers", As("company").Post(at + "/brokers", Body({{"broker_id", broker}})), 404);
    HttpResponse asked = As("company_a").Post(at + "/brokers", Body({{"broker_id", broker}}));
    ASSERT_EQ(asked.status, 201) << asked.body;
    check("POST", demand + "/brokers", asked, 201);
    check("POST", demand + "/brokers", As("company_a").Post(at + "/brokers", Body({{"broker_id", broker}})), 409);
    check("GET", demand + "/brokers", As("company_a").Get(at + "/brokers"), 200);
    check("GET", demand + "/brokers", Visitor().Get(at + "/brokers"), 200);
    check("GET", brokers + "/me/demands", As("broker_1").Get(brokers + "/me/demands?status=requested"), 200);
    check("GET", brokers + "/me/demands", As("broker_1").Get(brokers + "/me/demands?status=lost"), 422);
    check("GET", demand + "/contact", As("broker_1").Get(at + "/contact"), 404);
    ASSERT_EQ(OnAssignment("broker_1", Str(asked.Json(), "id"), "accept").status, 200);
    check("GET", brokers + "/me/demands", As("broker_1").Get(brokers + "/me/demands"), 200);
    check("GET", demand + "/contact", As("broker_1").Get(at + "/contact"), 200);
    check("GET", demand + "/contact", Visitor().Get(at + "/contact"), 401);
    check("GET", demand + "/contact", As("company").Get(at + "/contact"), 403);
    check("POST", demand + "/work-logs", As("broker_1").Post(at + "/work-logs", Body(Work("visit", "走访企业"))), 201);
    check("POST", demand + "/work-logs", As("broker_1").Post(at + "/work-logs", Body(Work("lunch", "x"))), 422);
    check("POST", demand + "/work-logs", As("broker_2").Post(at + "/work-logs", Body(Work("visit", "x"))), 404);
    check("GET", demand + "/work-logs", As("company_a").Get(at + "/work-logs"), 200);
    check("GET", demand + "/work-logs", As("company").Get(at + "/work-logs"), 404);

    // Matching: the suggestions, a mark saved, changed, taken back; a contact; the provider's side.
    const std::string matches = demand + "/matches", target = matches + "/{type}/{target_id}";
    const std::string mark_at = at + "/matches/achievement/" + achievement_;
    check("GET", matches, As("company_a").Get(at + "/matches?type=achievement,service&limit=5"), 200);
    check("GET", matches, As("company_a").Get(at + "/matches?type=car"), 422);
    check("GET", matches, Visitor().Get(at + "/matches"), 401);
    check("GET", matches, As("company").Get(at + "/matches"), 404);
    HttpResponse saved = As("company_a").Send("PUT", mark_at, Body({{"mark", "saved"}}));
    ASSERT_EQ(saved.status, 200) << saved.body;
    check("PUT", target, saved, 200);
    check("PUT", target, As("company_a").Send("PUT", mark_at, Body({{"mark", "dismissed"}})), 422);  // no version
    check("PUT", target, As("company_a").Send("PUT", mark_at, Body({{"mark", "starred"}, {"version", 1}})), 422);
    check("PUT", target, As("company_a").Send("PUT", mark_at, Body({{"mark", "dismissed"}, {"version", 7}})), 409);
    check("PUT", target, As("company_a").Send("PUT", mark_at, Body({{"mark", "dismissed"}, {"version", 1}})), 200);
    check("GET", matches, As("company_a").Get(at + "/matches?include_dismissed=true"), 200);
    check("PUT", target, As("company_a").Send("PUT", at + "/matches/achievement/999999999", Body({{"mark", "saved"}})),
          404);
    check("DELETE", target, As("company_a").Send("DELETE", mark_at), 422);  // no If-Match
    check("DELETE", target, As("company_a").Send("DELETE", mark_at, "", {{"If-Match", "\"2\""}}), 200);
    check("DELETE", target, As("company_a").Send("DELETE", mark_at, "", {{"If-Match", "\"2\""}}), 404);
    check("POST", target + "/contact", As("company_a").Post(mark_at + "/contact", Body({{"message", ""}})), 422);
    check("POST", target + "/contact", As("company_a").Post(mark_at + "/contact", Body({{"message", "盼联系"}})), 200);
    check("POST", target + "/contact", As("company_a").Post(mark_at + "/contact", Body({{"message", "盼联系"}})), 409);
    check("DELETE", target, As("company_a").Send("DELETE", mark_at, "", {{"If-Match", "\"1\""}}), 409);  // contacted
    const std::string market = "/api/v1/tech-market/matching-demands";
    check("GET", market, As("unit_b").Get(market + "?limit=10"), 200);
    check("GET", market, As("unit_b").Get(market + "?limit=500"), 422);
    check("GET", market, As("reviewer_edu").Get(market), 403);
}

}  // namespace
}  // namespace keyuan::testing
