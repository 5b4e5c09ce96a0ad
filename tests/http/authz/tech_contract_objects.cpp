#include <boost/json.hpp>

#include "http/authz/matrix_objects.hpp"

namespace keyuan::testing {
namespace json = boost::json;

void MakeTechContractObjects(const TradeActors& a, MatrixObjects& objects) {
    auto contract = [&](Session& unit, const char* name, const char* credit, const char* district) {
        json::object seller{{"role", "seller"},     {"name", name},          {"credit_code", credit},
                            {"entity_type", "021"}, {"country_code", "142"}, {"division_code", district}};
        json::object buyer{{"role", "buyer"},      {"name", "矩阵用买方"},  {"credit_code", "91120000MA0000001Q"},
                           {"entity_type", "150"}, {"country_code", "142"}, {"division_code", "120000"}};
        json::object body{{"project_name", name},
                          {"type", "技术咨询"},
                          {"signed_on", "2025-06-01"},
                          {"total_fen", 1000},
                          {"tech_amount_fen", 1000},
                          {"field_code", "electronic_information"},
                          {"parties", json::array{seller, buyer}},
                          {"instalments", json::array{json::object{{"due_on", "2025-07-01"}, {"amount_fen", 1000}}}}};
        return CreatedId(unit.Post("/api/v1/tech-contracts", Body(body)), 201);
    };
    std::string in = contract(a.unit_a, "矩阵用合同", "121100004000000014", "110108");
    std::string out = contract(a.unit_b, "矩阵用合同 B", "121100004000000027", "110105");
    objects["/api/v1/tech-contracts"] = {in, out};
    auto file = [&](Session& unit, const std::string& id) {
        return CreatedId(
            unit.Send("POST", "/api/v1/tech-contracts/" + id + "/attachments?name=c.pdf&purpose=contract_text",
                      "%PDF-1.7 matrix", {{"Content-Type", "application/octet-stream"}}),
            201);
    };
    objects["/api/v1/tech-contracts {attachment_id}"] = {file(a.unit_a, in), file(a.unit_b, out)};
}

}  // namespace keyuan::testing
