// Real answers of the challenges' routes against the OpenAPI document (decision 13 of
// docs/design/data-exchange.md): a challenge drafted, changed and published, applied for and
// withdrawn from, with its lists and the refusals of steps out of order (401, 404, 409, 422).
#include "http/challenges/challenges_fixture.hpp"
#include "http/openapi/openapi_walk.hpp"

namespace keyuan::testing {
namespace {

class OpenApiChallengesWalkTest : public ChallengesSuite<OpenApiChallengesWalkTest> {};

TEST_F(OpenApiChallengesWalkTest, AChallengeAndItsApplicationsAnswerAsTheDocumentSays) {
    const json::value document = Visitor().Get("/api/v1/openapi.json").Json();
    auto check = [&](const std::string& method, const std::string& pattern, const HttpResponse& r) {
        EXPECT_TRUE(Conforms(document, method, pattern, r));
    };
    const std::string base = "/api/v1/challenges", one = base + "/{id}";
    const std::string apps = "/api/v1/challenge-applications";
    Session& op = As("operator");
    check("POST", base, op.Post(base, Body({{"title", "x"}, {"reward_fen", -1}})));  // 422
    check("POST", base, Visitor().Post(base, Body(ChallengeBody("x"))));             // 401
    HttpResponse created = op.Post(base, Body(ChallengeBody("高灵敏度红外探测器")));
    ASSERT_EQ(created.status, 201) << created.body;
    check("POST", base, created);
    std::string id = Str(created.Json(), "id");
    check("GET", one, op.Get(Path(id)));
    check("GET", one, Visitor().Get(Path(id)));  // 404: a draft
    check("PATCH", one, op.Send("PATCH", Path(id), Body(ChallengeBody("高灵敏度红外探测器（修订）"))));
    check("PATCH", one, op.Send("PATCH", Path(id), Body(ChallengeBody("x")), {{"If-Match", "\"1\""}}));  // 409
    ASSERT_EQ(Step("operator", id, "publish").status, 200);
    check("GET", base, Visitor().Get(base + "?page_size=5"));
    check("GET", base, op.Get(base + "?view=manage&industry=38"));
    check("GET", base, Visitor().Get(base + "?view=secret"));  // 422
    check("POST", one + "/award",
          Step("operator", id, "award", {{"application_ids", json::array{"1"}}, {"reason", "综合评分最高"}}));  // 409
    check("POST", one + "/applications", As("unit_a").Post(Path(id, "/applications"), "{}"));                   // 422
    HttpResponse applied = As("unit_a").Post(Path(id, "/applications"), Body(ProposalBody()));
    ASSERT_EQ(applied.status, 201) << applied.body;
    check("POST", one + "/applications", applied);
    std::string app = Str(applied.Json(), "id");
    check("GET", one + "/applications", op.Get(Path(id, "/applications")));
    check("GET", apps, As("unit_a").Get(apps + "?view=mine"));
    check("GET", apps, As("unit_a").Get(apps + "?view=theirs"));  // 422
    check("GET", apps + "/{id}", As("unit_a").Get(AppPath(app)));
    check("GET", apps + "/{id}", As("unit_b").Get(AppPath(app)));  // 404
    check("POST", one + "/milestones",
          op.Post(Path(id, "/milestones"), Body({{"application_id", app}, {"title", "样机"}})));  // 409 or 422
    check("GET", one + "/milestones", As("unit_a").Get(Path(id, "/milestones")));
    check("POST", "/api/v1/challenge-milestones/{id}/confirm",
          op.Post("/api/v1/challenge-milestones/999999999/confirm", ""));  // 404
    HttpResponse withdrawn = As("unit_a").Post(AppPath(app, "/withdraw"), "");
    ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
    check("POST", apps + "/{id}/withdraw", withdrawn);
    check("POST", apps + "/{id}/withdraw", As("unit_a").Post(AppPath(app, "/withdraw"), ""));  // 409
}

}  // namespace
}  // namespace keyuan::testing
