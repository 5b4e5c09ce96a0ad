#include <boost/json.hpp>

#include "http/authz/matrix_objects.hpp"

namespace keyuan::testing {
namespace json = boost::json;

void MakePurchaseCheckObjects(const TradeActors& a, MatrixObjects& objects) {
    auto check = [&](Session& unit, const char* name) {
        std::string id = CreatedId(
            unit.Post(
                "/api/v1/purchase-checks",
                Body({{"name", name}, {"class_code", "0102"}, {"budget_fen", 5'000'000}, {"funding_source", "own"}})),
            201);
        // A file of each (a draft's), then submitted: the matrix's deciders find it in their queue.
        std::string file =
            CreatedId(unit.Send("POST", "/api/v1/purchase-checks/" + id + "/attachments?name=q.pdf&purpose=quote",
                                "%PDF-1.7 matrix", {{"Content-Type", "application/octet-stream"}}),
                      201);
        EXPECT_EQ(unit.Post("/api/v1/purchase-checks/" + id + "/submit", "{}").status, 200);
        return std::pair{id, file};
    };
    auto [inside, inside_file] = check(a.unit_a, "矩阵用查重");
    auto [outside, outside_file] = check(a.unit_b, "矩阵用查重 B");
    objects["/api/v1/purchase-checks"] = {inside, outside};
    objects["/api/v1/purchase-checks {attachment_id}"] = {inside_file, outside_file};
    // The matrix's expert sits on the panel of the check inside.
    EXPECT_EQ(a.op.Post("/api/v1/purchase-checks/" + inside + "/experts",
                        Body({{"expert_user_ids", json::array{json::string(a.expert_id)}}}))
                  .status,
              201);
}

}  // namespace keyuan::testing
