#include <boost/json.hpp>

#include "http/authz/matrix_objects.hpp"

namespace keyuan::testing {
namespace json = boost::json;

namespace {

std::string Trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    return s;
}

}  // namespace

void MakeChallengeObjects(const TradeActors& a, MatrixObjects& objects) {
    // A challenge of department edu (inside: the matrix's reviewer is edu's) and of health (outside),
    // both published, each with one application: org_a's inside, org_b's outside.
    auto challenge = [&](const char* title, const char* department) {
        json::object body{{"title", title},
                          {"problem", "矩阵用的关键技术难题描述"},
                          {"requirements", json::array{"指标一"}},
                          {"reward_fen", 1000},
                          {"application_deadline", ShanghaiDate(30)},
                          {"delivery_months", 12},
                          {"contact_name", "矩阵"},
                          {"contact_phone", "010-12345678"}};
        std::string id = CreatedId(a.op.Post("/api/v1/challenges", Body(body)), 201);
        CommandResult moved =
            RunSql(a.db, "UPDATE challenges SET department_code = '" + std::string(department) + "' WHERE id = " + id);
        EXPECT_EQ(moved.exit_code, 0) << moved.err;
        EXPECT_EQ(a.op.Post("/api/v1/challenges/" + id + "/publish", "{}").status, 200);
        return id;
    };
    std::string in = challenge("矩阵用榜单", "edu"), out = challenge("矩阵用榜单 B", "health");
    objects["/api/v1/challenges"] = {in, out};
    json::object proposal{{"approach", "矩阵用的技术方案说明"},
                          {"team", json::array{json::object{{"name", "矩阵"}}}},
                          {"budget_fen", 100},
                          {"schedule", "矩阵用进度"},
                          {"expected_results", "矩阵用成果"},
                          {"contact_name", "矩阵"},
                          {"contact_phone", "13800000000"}};
    auto apply = [&](Session& unit, const std::string& challenge_id) {
        return CreatedId(unit.Post("/api/v1/challenges/" + challenge_id + "/applications", Body(proposal)), 201);
    };
    std::string app_in = apply(a.unit_a, in), app_out = apply(a.unit_b, out);
    auto file = [&](Session& unit, const std::string& id) {
        return CreatedId(
            unit.Send("POST", "/api/v1/challenge-applications/" + id + "/attachments?name=p.pdf&purpose=proposal",
                      "%PDF-1.7 matrix", {{"Content-Type", "application/octet-stream"}}),
            201);
    };
    objects["/api/v1/challenge-applications {attachment_id}"] = {file(a.unit_a, app_in), file(a.unit_b, app_out)};
    objects["/api/v1/challenge-applications"] = {app_in, app_out};
    // Both in review, the matrix's expert on the panel of the application inside.
    for (const std::string& id : {in, out}) {
        EXPECT_EQ(a.op.Post("/api/v1/challenges/" + id + "/close", "{}").status, 200);
        EXPECT_EQ(a.op.Post("/api/v1/challenges/" + id + "/start_review", "{}").status, 200);
    }
    EXPECT_EQ(a.op.Post("/api/v1/challenge-applications/" + app_in + "/experts",
                        Body({{"expert_user_ids", json::array{json::string(a.expert_id)}}}))
                  .status,
              201);
    // A milestone of each application, written directly (an award needs a full panel of three).
    auto milestone = [&](const std::string& challenge_id, const std::string& app) {
        CommandResult r = RunSql(a.db,
                                 "INSERT INTO challenge_milestones (challenge_id, application_id, title, due_on, "
                                 "amount_fen, created_by, created_at, updated_at) VALUES (" +
                                     challenge_id + ", " + app +
                                     ", '矩阵用里程碑', '2030-01-01', 10, (SELECT MIN(id) FROM users), "
                                     "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id");
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return Trimmed(r.out);
    };
    objects["/api/v1/challenge-milestones"] = {milestone(in, app_in), milestone(out, app_out)};
}

}  // namespace keyuan::testing
