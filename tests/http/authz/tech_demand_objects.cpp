#include <boost/json.hpp>

#include "http/authz/matrix_objects.hpp"

namespace keyuan::testing {
namespace json = boost::json;

void MakeTechDemandObjects(const TradeActors& a, Session& broker, MatrixObjects& objects) {
    auto demand = [&](Session& unit, const char* title) {
        json::object body{{"title", title},
                          {"description", "矩阵用"},
                          {"district_code", "110108"},
                          {"deadline", ShanghaiDate(60)},
                          {"cooperation_forms", json::array{"development"}},
                          {"industry_codes", json::array{"3825"}}};
        std::string id = CreatedId(unit.Post("/api/v1/tech-demands", Body(body)), 201);
        EXPECT_EQ(unit.Post("/api/v1/tech-demands/" + id + "/submit", "").status, 200);
        EXPECT_EQ(a.op.Post("/api/v1/tech-demands/" + id + "/approve", "").status, 200);
        return id;
    };
    std::string in = demand(a.unit_a, "矩阵用需求"), out = demand(a.unit_b, "矩阵用需求 B");
    objects["/api/v1/tech-demands"] = {in, out};
    // Withdrawing (also DELETE, the registry's withdraw), solving or abandoning ends the demand's
    // broker assignments: those routes act on demands of their own (keyed by the route's method
    // and pattern), so the broker's routes later in the run still find theirs alive.
    std::pair<std::string, std::string> ending{demand(a.unit_a, "矩阵用需求（结束）"),
                                               demand(a.unit_b, "矩阵用需求 B（结束）")};
    objects["DELETE /api/v1/tech-demands/{id}"] = ending;
    for (const char* step : {"withdraw", "solve", "abandon"}) {
        objects[std::string("POST /api/v1/tech-demands/{id}/") + step] = ending;
    }
    // The matrix's broker account, active, with an accepted assignment on the demand inside; another
    // broker (made in SQL: the matrix plays one account per role) asked for the demand outside.
    json::object profile{{"name", "矩阵经纪人"},
                         {"certificate_no", "M-1"},
                         {"level", "junior"},
                         {"issuing_body", "北京技术市场协会"},
                         {"valid_until", ShanghaiDate(365)},
                         {"industry_codes", json::array{"3825"}},
                         {"district_codes", json::array{"110108"}}};
    std::string mine = CreatedId(broker.Post("/api/v1/tech-brokers", Body(profile)), 201);
    EXPECT_EQ(a.op.Post("/api/v1/tech-brokers/" + mine + "/activate", "").status, 200);
    std::string other_user = CreateReadyUser(a.db, "m_broker_outside", "broker");
    CommandResult other =
        RunSql(a.db,
               "INSERT INTO tech_brokers (user_id, name, certificate_no, level, issuing_body, valid_until, status, "
               "created_at, updated_at) VALUES (" +
                   other_user +
                   ", '矩阵经纪人 B', 'M-2', 'junior', '北京技术市场协会', '2099-01-01', 'active', "
                   "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
    EXPECT_EQ(other.exit_code, 0) << other.err;
    std::string theirs =
        Str(a.op.Get("/api/v1/tech-brokers?q=" + UrlEncode("矩阵经纪人 B")).Json().at("items").at(0), "id");
    objects["/api/v1/tech-brokers"] = {mine, theirs};
    auto ask = [&](Session& unit, const std::string& demand_id, const std::string& broker_id) {
        return CreatedId(unit.Post("/api/v1/tech-demands/" + demand_id + "/brokers", Body({{"broker_id", broker_id}})),
                         201);
    };
    std::string accepted = ask(a.unit_a, in, mine), requested = ask(a.unit_b, out, theirs);
    EXPECT_EQ(broker.Post("/api/v1/tech-broker-assignments/" + accepted + "/accept", "").status, 200);
    objects["/api/v1/tech-broker-assignments"] = {accepted, requested};
}

}  // namespace keyuan::testing
