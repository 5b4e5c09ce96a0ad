// Real answers of the common technology platforms' routes against the OpenAPI document (decision
// 13 of docs/design/data-exchange.md): an application from its plan through the district's
// recommendation, the site check and into its panel, the public list and the yearly assessments'
// list, with the refusals (401, 404, 409, 422).
#include "http/openapi/openapi_walk.hpp"
#include "http/tech_platforms/tech_platforms_fixture.hpp"

namespace keyuan::testing {
namespace {

class OpenApiPlatformsWalkTest : public TechPlatformsSuite<OpenApiPlatformsWalkTest> {};

TEST_F(OpenApiPlatformsWalkTest, AnApplicationFromItsPlanToItsPanelAnswersAsTheDocumentSays) {
    const json::value document = Visitor().Get("/api/v1/openapi.json").Json();
    auto check = [&](const std::string& method, const std::string& pattern, const HttpResponse& r) {
        EXPECT_TRUE(Conforms(document, method, pattern, r));
    };
    const std::string base = "/api/v1/tech-platforms", one = base + "/{id}";
    Session& unit = As("unit_a");
    check("POST", base, unit.Post(base, Body({{"name", 7}})));   // 422
    check("POST", base, Visitor().Post(base, Body(Plan("x"))));  // 401
    HttpResponse created = unit.Post(base, Body(Plan("人工智能共性技术平台")));
    ASSERT_EQ(created.status, 201) << created.body;
    check("POST", base, created);
    std::string id = Str(created.Json(), "id"), at = Path(id);
    check("GET", one, unit.Get(at));
    check("GET", one, As("unit_b").Get(at));  // 404
    check("GET", base, unit.Get(base + "?view=mine&page_size=5"));
    check("GET", base, unit.Get(base + "?view=everything"));  // 422
    json::object plan = Plan("人工智能共性技术平台（修订）");
    plan["version"] = 1;
    check("PATCH", one, unit.Send("PATCH", at, Body(plan)));
    check("PATCH", one, unit.Send("PATCH", at, Body(plan)));  // 409: version 1 is stale
    check("GET", one + "/plans", unit.Get(at + "/plans"));
    ASSERT_EQ(Step("unit_a", id, "submit").status, 200);
    ASSERT_EQ(Step("officer_haidian", id, "recommend").status, 200);
    check("POST", one + "/start_panel", Step("operator", id, "start_panel"));  // 422: no site check
    check("POST", one + "/site-check", Step("operator", id, "site-check", {{"result", "maybe"}}));  // 422
    HttpResponse checked = Step("operator", id, "site-check", {{"result", "pass"}, {"findings", "场地设备与方案相符"}});
    ASSERT_EQ(checked.status, 200) << checked.body;
    check("POST", one + "/site-check", checked);
    HttpResponse panel = Step("operator", id, "start_panel");
    ASSERT_EQ(panel.status, 200) << panel.body;
    check("POST", one + "/start_panel", panel);
    check("GET", one + "/reviews", As("operator").Get(at + "/reviews"));
    check("GET", base + "/public", Visitor().Get(base + "/public?page_size=5"));
    check("GET", base + "/public", Visitor().Get(base + "/public?field_id=x"));  // 422
    const std::string yearly = "/api/v1/tech-platform-assessments";
    check("GET", yearly, As("operator").Get(yearly + "?page_size=5"));
    check("POST", yearly, As("operator").Post(yearly, Body({{"platform_id", id}, {"year", 1900}})));  // 422
    check("GET", yearly + "/{id}", As("operator").Get(yearly + "/999999999"));                        // 404
}

}  // namespace
}  // namespace keyuan::testing
