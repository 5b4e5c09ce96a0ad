// Real answers of the annual reports' routes against the OpenAPI document (decision 13 of
// docs/design/data-exchange.md): a unit's report started, saved and read, the lists, deadlines,
// lateness, statistics and the export, with the refusals (401, 404, 409, 422, 428).
#include "core/clock.hpp"
#include "http/annual_reports/annual_reports_fixture.hpp"
#include "http/openapi/openapi_walk.hpp"

namespace keyuan::testing {
namespace {

class OpenApiReportsWalkTest : public AnnualReportSuite<OpenApiReportsWalkTest> {
protected:
    static int LastYear() { return std::stoi(clock::TodayShanghai().substr(0, 4)) - 1; }
};

TEST_F(OpenApiReportsWalkTest, AReportItsDeadlinesAndTheFiguresAnswerAsTheDocumentSays) {
    const json::value document = Visitor().Get("/api/v1/openapi.json").Json();
    auto check = [&](const std::string& method, const std::string& pattern, const HttpResponse& r) {
        EXPECT_TRUE(Conforms(document, method, pattern, r));
    };
    const std::string base = "/api/v1/annual-reports", one = base + "/{id}";
    std::string year = std::to_string(LastYear());
    check("POST", base, As("unit_a").Post(base, Body({{"year", "last"}})));   // 422
    check("POST", base, Visitor().Post(base, Body({{"year", LastYear()}})));  // 401
    HttpResponse created = As("unit_a").Post(base, Body({{"year", LastYear()}}));
    ASSERT_EQ(created.status, 201) << created.body;
    check("POST", base, created);
    check("POST", base, As("unit_a").Post(base, Body({{"year", LastYear()}})));  // 409
    std::string id = Str(created.Json(), "id"), at = base + "/" + id;
    check("GET", one, As("unit_a").Get(at));
    check("GET", one, As("unit_b").Get(at));                                           // 404
    check("PUT", one, As("unit_a").Send("PUT", at, Body(GoodContent(transferred_))));  // 428
    HttpResponse saved = Save("unit_a", id, GoodContent(transferred_));
    ASSERT_EQ(saved.status, 200) << saved.body;
    check("PUT", one, saved);
    check("GET", base, As("unit_a").Get(base + "?year=" + year));
    check("GET", base, As("operator").Get(base + "?status=lost"));  // 422
    check("GET", base + "/prefill", As("unit_a").Get(base + "/prefill?year=" + year + "&org_id=" + world_.org_a));
    check("GET", base + "/deadlines", As("operator").Get(base + "/deadlines?year=" + year));
    check("GET", base + "/deadlines", As("operator").Get(base + "/deadlines"));  // 422
    check("PUT", base + "/deadlines/{year}",
          As("operator").Send("PUT", base + "/deadlines/" + year, Body({{"unit_due_on", "2000-01-01"}})));  // 422
    check("GET", base + "/overdue", As("operator").Get(base + "/overdue?year=" + year));
    check("GET", base + "/statistics", As("operator").Get(base + "/statistics?year=" + year));
    check("GET", base + "/statistics", As("operator").Get(base + "/statistics"));  // 422
    check("GET", base + "/export", As("operator").Get(base + "/export?year=" + year + "&format=csv"));
}

}  // namespace
}  // namespace keyuan::testing
