#include "modules/purchase_checks/check_store.hpp"

#include <boost/json/parse.hpp>

#include "core/error.hpp"
#include "modules/attachments/service.hpp"
#include "modules/panels/service.hpp"

namespace keyuan::purchase_checks {
namespace json = boost::json;

namespace {

json::value JsonOrNull(const store::Row& r, std::size_t col) {
    return r.IsNull(col) ? json::value(nullptr) : json::parse(r.Text(col));
}

json::value TextOrNull(const store::Row& r, std::size_t col) {
    return r.IsNull(col) ? json::value(nullptr) : json::value(r.Text(col));
}

}  // namespace

std::optional<CheckHead> LoadHead(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(
        "SELECT id, org_id, COALESCE(department_code, ''), COALESCE(district_code, ''), status, name, class_code, "
        "version, budget_fen, created_by FROM purchase_checks WHERE id = $1",
        {id});
    if (rows.empty()) return std::nullopt;
    store::Row r = rows[0];
    return CheckHead{.id = r.Int(0),
                     .org_id = r.Int(1),
                     .department_code = std::string(r.Text(2)),
                     .district_code = std::string(r.Text(3)),
                     .status = std::string(r.Text(4)),
                     .name = std::string(r.Text(5)),
                     .class_code = std::string(r.Text(6)),
                     .version = r.Int(7),
                     .budget_fen = r.Int(8),
                     .created_by = r.Int(9)};
}

access::ObjectScope ScopeOf(store::Session& s, const CheckHead& head) {
    return access::ObjectScope{.owner_user_id = head.created_by,
                               .org_id = head.org_id,
                               .department_code = head.department_code,
                               .district_code = head.district_code,
                               .assigned_user_ids = panels::AssignedExperts(s, kKind, head.id)};
}

json::object CheckJson(store::Session& s, std::int64_t id) {
    std::string columns;
    for (const TextField& f : kTextFields) columns += "c." + std::string(f.name) + ", ";
    store::Rows rows = s.Query(
        "SELECT " + columns +
            "c.id, c.org_id, o.name, c.status, c.version, c.reason, c.class_code, COALESCE(ic.name, ''), "
            "c.budget_fen, c.funding_source, c.expected_hours, c.site_ready, c.running_cost_ready, c.quotes, "
            "c.required, c.similar_snapshot, c.submitted_at, c.decision_basis, c.panel_summary, c.decided_at, "
            "c.instrument_id, c.linked_at, i.name, i.registered_on, i.registration_due_date, i.registered_late, "
            "c.created_by, c.created_at, c.updated_at, c.department_code, c.district_code "
            "FROM purchase_checks c JOIN organizations o ON o.id = c.org_id "
            "LEFT JOIN instrument_classes ic ON ic.code = c.class_code "
            "LEFT JOIN instruments i ON i.id = c.instrument_id WHERE c.id = $1",
        {id});
    if (rows.empty()) throw ApiError(Error::NotFound());
    store::Row r = rows[0];
    json::object out;
    std::size_t i = 0;
    for (const TextField& f : kTextFields) out[f.name] = r.Text(i++);
    out["id"] = std::to_string(r.Int(i));
    out["org_id"] = std::to_string(r.Int(i + 1));
    out["org_name"] = r.Text(i + 2);
    out["status"] = r.Text(i + 3);
    out["version"] = r.Int(i + 4);
    out["reason"] = r.Text(i + 5);
    out["class_code"] = r.Text(i + 6);
    out["class_name"] = r.Text(i + 7);
    out["budget_fen"] = r.Int(i + 8);
    out["funding_source"] = r.Text(i + 9);
    out["expected_hours"] = r.Int(i + 10);
    out["site_ready"] = r.Int(i + 11) != 0;
    out["running_cost_ready"] = r.Int(i + 12) != 0;
    out["quotes"] = json::parse(r.Text(i + 13));
    out["submitted_at"] = TextOrNull(r, i + 16);
    // Until submission whether the check is required follows the current threshold.
    out["required"] = r.IsNull(i + 16) ? r.Int(i + 8) >= LoadSettings(s).threshold_fen : r.Int(i + 14) != 0;
    out["similar_snapshot"] = JsonOrNull(r, i + 15);
    out["decision_basis"] = JsonOrNull(r, i + 17);
    out["panel_summary"] = JsonOrNull(r, i + 18);
    out["decided_at"] = TextOrNull(r, i + 19);
    if (r.IsNull(i + 20)) {
        out["instrument"] = nullptr;
    } else {
        out["instrument"] = json::object{{"id", std::to_string(r.Int(i + 20))},
                                         {"linked_at", TextOrNull(r, i + 21)},
                                         {"name", r.Text(i + 22)},
                                         {"registered_on", TextOrNull(r, i + 23)},
                                         {"registration_due_date", r.Text(i + 24)},
                                         {"registered_late", r.Int(i + 25) != 0}};
    }
    out["created_by"] = std::to_string(r.Int(i + 26));
    out["created_at"] = r.Text(i + 27);
    out["updated_at"] = r.Text(i + 28);
    out["department_code"] = TextOrNull(r, i + 29);
    out["district_code"] = TextOrNull(r, i + 30);
    out["files"] = attachments::FilesOf(s, kKind, id);
    return out;
}

Settings LoadSettings(store::Session& s) {
    store::Rows rows = s.Query(
        "SELECT threshold_fen, saturation_hours, version, updated_at FROM purchase_check_settings WHERE id = 1");
    if (rows.empty()) throw std::logic_error("purchase_check_settings: the row of migration 0032 is missing");
    return Settings{.threshold_fen = rows[0].Int(0),
                    .saturation_hours = rows[0].Int(1),
                    .version = rows[0].Int(2),
                    .updated_at = std::string(rows[0].Text(3))};
}

}  // namespace keyuan::purchase_checks
