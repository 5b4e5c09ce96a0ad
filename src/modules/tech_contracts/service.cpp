#include "modules/tech_contracts/service.hpp"

namespace keyuan::tech_contracts {

namespace {

// contract_types.type (reference data 0004) by the name the reports use.
std::string KindOf(std::string_view type) {
    if (type == "技术开发") return "development";
    if (type == "技术转让") return "transfer";
    if (type == "技术许可") return "license";
    if (type == "技术咨询") return "consulting";
    return "service";  // 技术服务 with 技术中介 and 技术培训
}

constexpr const char* kRegistered =
    "SELECT c.id, t.type, c.registration_no, c.registered_on, c.total_fen, c.achievement_id, "
    "(SELECT y.name FROM tech_contract_parties y WHERE y.contract_id = c.id AND y.role = 'buyer' "
    " ORDER BY y.position LIMIT 1) "
    "FROM tech_contracts c JOIN contract_types t ON t.id = c.contract_type_id "
    "WHERE c.org_id = $1 AND c.status = 'registered' AND c.registered_on >= $2 AND c.registered_on <= $3 "
    "ORDER BY c.registered_on, c.id LIMIT $4";

}  // namespace

std::vector<RegisteredContract> RegisteredBySeller(store::Session& s, std::int64_t org_id, const std::string& from,
                                                   const std::string& to, std::int64_t limit) {
    std::vector<RegisteredContract> out;
    store::Rows rows = s.Query(kRegistered, {org_id, from, to, limit});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        store::Row row = rows[i];
        out.push_back(RegisteredContract{
            .id = row.Int(0),
            .kind = KindOf(row.Text(1)),
            .registration_no = row.IsNull(2) ? "" : std::string(row.Text(2)),
            .registered_on = std::string(row.Text(3)),
            .total_fen = row.Int(4),
            .achievement_id = row.IsNull(5) ? std::nullopt : std::optional<std::int64_t>(row.Int(5)),
            .buyer = row.IsNull(6) ? "" : std::string(row.Text(6)),
        });
    }
    return out;
}

}  // namespace keyuan::tech_contracts
