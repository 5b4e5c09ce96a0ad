// Real answers of the evaluation routes against the OpenAPI document (decision 13 of
// docs/design/data-exchange.md): an invention disclosure asked for, assigned to an agency, scored
// and completed, with the lists, the criteria and the refusals (401, 404, 409, 422).
#include "http/catalog/catalog_helpers.hpp"
#include "http/openapi/openapi_walk.hpp"

namespace keyuan::testing {
namespace {

class OpenApiEvaluationsWalkTest : public CatalogSuite<OpenApiEvaluationsWalkTest> {
public:
    static void CreateUsers() {
        CatalogSuite<OpenApiEvaluationsWalkTest>::CreateUsers();
        agency_id_ = CreateReadyUser(Db(), "oa_agency", "evaluation_agency");
        agency_ = std::make_unique<Session>(LogIn(Port(), "oa_agency"));
    }
    static void ReleaseSessions() {
        agency_.reset();
        CatalogSuite<OpenApiEvaluationsWalkTest>::ReleaseSessions();
    }

protected:
    static inline std::string agency_id_;
    static inline std::unique_ptr<Session> agency_;
};

TEST_F(OpenApiEvaluationsWalkTest, ADisclosureFromRequestToConclusionAnswersAsTheDocumentSays) {
    const json::value document = Visitor().Get("/api/v1/openapi.json").Json();
    auto check = [&](const std::string& method, const std::string& pattern, const HttpResponse& r) {
        EXPECT_TRUE(Conforms(document, method, pattern, r));
    };
    const std::string base = "/api/v1/evaluations", one = base + "/{id}";
    Session& unit = As("unit_a");
    Session& op = As("operator");
    check("GET", base + "/criteria", Visitor().Get(base + "/criteria"));
    check("POST", base, unit.Post(base, Body({{"subject", "invention_disclosure"}})));  // 422
    check("POST", base, Visitor().Post(base, "{}"));                                    // 401
    HttpResponse asked = unit.Post(base, Body({{"subject", "invention_disclosure"},
                                               {"title", "一种钙钛矿薄膜的低温制备方法"},
                                               {"abstract", "在 120℃ 以下制备致密钙钛矿薄膜的工艺。"},
                                               {"class", "applied_research"}}));
    ASSERT_EQ(asked.status, 201) << asked.body;
    check("POST", base, asked);
    std::string id = Str(asked.Json(), "id"), at = base + "/" + id;
    check("GET", one, unit.Get(at));
    check("GET", one, As("unit_b").Get(at));  // 404
    check("GET", base, unit.Get(base + "?view=mine&page_size=5"));
    check("GET", base, op.Get(base + "?status=nonsense"));                                                   // 422
    check("POST", one + "/assign", op.Post(at + "/assign", Body({{"expert_user_ids", json::array{"1"}}})));  // 422
    HttpResponse assigned = op.Post(at + "/assign", Body({{"agency_user_id", agency_id_}}));
    ASSERT_EQ(assigned.status, 200) << assigned.body;
    check("POST", one + "/assign", assigned);
    check("GET", base, agency_->Get(base + "?view=assigned"));
    check("POST", one + "/scores", agency_->Post(at + "/scores", Body({{"scores", json::array{}}})));  // 422
    json::array scores;
    for (const char* c : {"key_technology", "system_solution", "technical_value"})
        scores.push_back(json::object{{"criterion", c}, {"score", 75}, {"comment", "依据充分"}});
    HttpResponse scored = agency_->Post(at + "/scores", Body({{"scores", scores}}));
    ASSERT_EQ(scored.status, 200) << scored.body;
    check("POST", one + "/scores", scored);
    check("POST", one + "/complete", agency_->Post(at + "/complete", "{}"));  // 422
    HttpResponse completed = agency_->Post(at + "/complete", Body({{"conclusion", "建议申请发明专利"}}));
    ASSERT_EQ(completed.status, 200) << completed.body;
    check("POST", one + "/complete", completed);
    check("POST", one + "/complete", agency_->Post(at + "/complete", Body({{"conclusion", "again"}})));  // 409
    check("GET", one, unit.Get(at));
}

}  // namespace
}  // namespace keyuan::testing
