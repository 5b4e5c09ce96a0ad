#include <boost/json.hpp>

#include "http/authz/matrix_objects.hpp"

namespace keyuan::testing {
namespace json = boost::json;

void MakeTechPlatformObjects(const TradeActors& a, MatrixObjects& objects) {
    auto platform = [&](Session& unit, const char* name) {
        json::object plan{{"name", name}, {"field_id", "1"}};
        for (const char* text : {"positioning", "goals", "tasks", "support_measures", "organisation", "mechanism",
                                 "site", "team", "openness"}) {
            plan[text] = "矩阵用";
        }
        return CreatedId(unit.Post("/api/v1/tech-platforms", Body(plan)), 201);
    };
    std::string in = platform(a.unit_a, "矩阵用平台"), out = platform(a.unit_b, "矩阵用平台 B");
    // A plan file of each, uploaded while a draft (the attachments service).
    auto file = [&](Session& unit, const std::string& id) {
        return CreatedId(unit.Send("POST", "/api/v1/tech-platforms/" + id + "/attachments?name=plan.pdf&purpose=plan",
                                   "%PDF-1.7 matrix", {{"Content-Type", "application/octet-stream"}}),
                         201);
    };
    objects["/api/v1/tech-platforms {attachment_id}"] = {file(a.unit_a, in), file(a.unit_b, out)};
    // Admitted with a valid label without going through the steps, which need a district officer of
    // each district (the matrix has one, inside).
    CommandResult admitted = RunSql(a.db,
                                    "UPDATE tech_platforms SET status = 'admitted', label_valid_from = '2025-01-01', "
                                    "label_valid_until = '2028-01-01', label_status = 'valid' WHERE id IN (" +
                                        in + ", " + out + ")");
    EXPECT_EQ(admitted.exit_code, 0) << admitted.err;
    objects["/api/v1/tech-platforms"] = {in, out};
    auto assessment = [&](const std::string& platform_id) {
        return CreatedId(
            a.op.Post("/api/v1/tech-platform-assessments", Body({{"platform_id", platform_id}, {"year", 2025}})), 201);
    };
    objects["/api/v1/tech-platform-assessments"] = {assessment(in), assessment(out)};
}

}  // namespace keyuan::testing
