#include <boost/json.hpp>

#include "http/authz/matrix_objects.hpp"

namespace keyuan::testing {
namespace json = boost::json;

void MakeAssessmentObjects(const TradeActors& a, MatrixObjects& objects) {
    Session& op = a.op;
    for (const std::string& org : {a.org_a, a.org_b}) {
        json::object body = InstrumentBody("矩阵用考核仪器");
        body["org_id"] = org;
        CreateApproved(op, op, "instruments", body);
    }
    // A published year (with a subsidy plan) and an open one.
    std::string published = CreatedId(op.Post("/api/v1/assessment-cycles", Body({{"year", 2020}})), 201);
    for (const char* step : {"open", "start_evaluation", "consolidate", "publish"}) {
        EXPECT_EQ(op.Post("/api/v1/assessment-cycles/" + published + "/" + step, "{}").status, 200) << step;
    }
    std::string plan = CreatedId(op.Post("/api/v1/assessment-cycles/" + published + "/subsidy-plans",
                                         Body({{"budget_fen", 1'000'000},
                                               {"rule", json::object{{"grade_factors", json::object{{"poor", 1}}},
                                                                     {"cap_fen", 1'000'000},
                                                                     {"min_grade", "poor"}}}})),
                                 201);
    objects["/api/v1/subsidy-plans"] = {plan, plan};
    std::string open = CreatedId(op.Post("/api/v1/assessment-cycles", Body({{"year", 2021}})), 201);
    EXPECT_EQ(op.Post("/api/v1/assessment-cycles/" + open + "/open", "{}").status, 200);
    objects["/api/v1/assessment-cycles"] = {open, open};
    auto result = [&](const std::string& org) {
        json::value list = op.Get("/api/v1/assessment-cycles/" + open + "/results?org_id=" + org).Json();
        return Str(list.at("items").at(0), "id");
    };
    objects["/api/v1/assessment-results"] = {result(a.org_a), result(a.org_b)};
    // Publication recorded the poor units of 2020; the matrix's unit is org_a.
    auto rectification = [&](const std::string& org) {
        json::value list = op.Get("/api/v1/rectifications?cycle_id=" + published + "&page_size=100").Json();
        for (const json::value& r : list.at("items").as_array()) {
            if (Str(r, "org_id") == org) return Str(r, "id");
        }
        return CreatedId(
            op.Post("/api/v1/rectifications",
                    Body({{"cycle_id", published}, {"org_id", org}, {"reasons", json::array{"矩阵用整改"}}})),
            201);
    };
    objects["/api/v1/rectifications"] = {rectification(a.org_a), rectification(a.org_b)};
}

}  // namespace keyuan::testing
