#include "modules/tech_platforms/assessment_store.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "http/json.hpp"
#include "modules/panels/service.hpp"
#include "modules/tech_platforms/rules.hpp"

namespace keyuan::tech_platforms {
namespace json = boost::json;

namespace {

constexpr const char* kSelect =
    "SELECT a.id, a.platform_id, a.org_id, a.version, a.year, p.name, o.name, a.district_code, a.due_on, a.status, "
    "a.reason, a.figures, a.self_report, a.created_at, a.updated_at, a.reported_at, a.outcome, a.rectify_due_on, "
    "a.decided_at FROM tech_platform_assessments a JOIN tech_platforms p ON p.id = a.platform_id "
    "JOIN organizations o ON o.id = a.org_id WHERE a.id = $1";

// The year's records of the operating unit: instruments (now), deliveries it provided and service
// orders it received in the year. The same tables the open-sharing assessment reads (assessment/compute.cpp).
constexpr const char* kInstruments =
    "SELECT COUNT(*), COALESCE(SUM(CASE WHEN open_status IN ('open', 'partially_open') THEN 1 ELSE 0 END), 0) "
    "FROM instruments WHERE org_id = $1 AND status = 'approved'";
constexpr const char* kDeliveries =
    "SELECT COUNT(*), COALESCE(SUM(CASE WHEN internal = 0 THEN 1 ELSE 0 END), 0), COALESCE(SUM(fee_fen), 0) "
    "FROM deliveries WHERE provider_org_id = $1 AND delivered_on >= $2 AND delivered_on <= $3";
constexpr const char* kOrders =
    "SELECT COUNT(*) FROM service_orders WHERE org_id = $1 AND created_at >= $2 AND created_at < $3";

}  // namespace

std::optional<TechAssessment> LoadAssessment(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(kSelect, {id});
    if (rows.empty()) return std::nullopt;
    const store::Row& r = rows[0];
    TechAssessment a{.id = r.Int(0),
                     .platform_id = r.Int(1),
                     .org_id = r.Int(2),
                     .version = r.Int(3),
                     .year = static_cast<int>(r.Int(4)),
                     .platform_name = std::string(r.Text(5)),
                     .org_name = std::string(r.Text(6)),
                     .district_code = std::string(r.Text(7)),
                     .due_on = std::string(r.Text(8)),
                     .status = std::string(r.Text(9)),
                     .reason = std::string(r.Text(10)),
                     .figures = std::string(r.Text(11)),
                     .self_report = std::string(r.Text(12)),
                     .created_at = std::string(r.Text(13)),
                     .updated_at = std::string(r.Text(14)),
                     .reported_at = r.OptText(15),
                     .outcome = r.OptText(16),
                     .rectify_due_on = r.OptText(17),
                     .decided_at = r.OptText(18)};
    a.experts = panels::AssignedExperts(s, "tech_platform_assessment", a.id);
    return a;
}

access::ObjectScope ScopeOf(const TechAssessment& a) {
    return access::ObjectScope{.org_id = a.org_id, .district_code = a.district_code, .assigned_user_ids = a.experts};
}

json::object ComputeFigures(store::Session& s, std::int64_t platform_id, std::int64_t org_id, int year) {
    std::string y = std::to_string(year), next = std::to_string(year + 1);
    store::Rows instruments = s.Query(kInstruments, {org_id});
    store::Rows deliveries = s.Query(kDeliveries, {org_id, y + "-01-01", y + "-12-31"});
    // created_at is UTC: the Shanghai year starts at 16:00 UTC of 31 December.
    store::Rows orders =
        s.Query(kOrders, {org_id, std::to_string(year - 1) + "-12-31T16:00:00Z", y + "-12-31T16:00:00Z"});
    std::int64_t linked =
        s.Query("SELECT COUNT(*) FROM tech_platform_instruments WHERE platform_id = $1", {platform_id}).front().Int(0);
    return json::object{{"instruments", instruments[0].Int(0)},
                        {"open_instruments", instruments[0].Int(1)},
                        {"platform_instruments", linked},
                        {"deliveries", deliveries[0].Int(0)},
                        {"external_deliveries", deliveries[0].Int(1)},
                        {"revenue_fen", deliveries[0].Int(2)},
                        {"service_orders", orders[0].Int(0)}};
}

std::int64_t InsertAssessment(store::Session& s, std::int64_t platform_id, int year, const std::string& due_on,
                              std::int64_t user_id) {
    store::Rows p = s.Query("SELECT org_id, district_code FROM tech_platforms WHERE id = $1", {platform_id});
    if (!s.Query("SELECT 1 FROM tech_platform_assessments WHERE platform_id = $1 AND year = $2", {platform_id, year})
             .empty()) {
        throw ApiError(Error::Conflict("该平台本年度的考核已开启", "This platform's assessment of that year exists"));
    }
    std::string now = clock::NowUtc();
    std::string figures = json::serialize(ComputeFigures(s, platform_id, p[0].Int(0), year));
    return s.InsertReturningId(
        "INSERT INTO tech_platform_assessments (platform_id, org_id, district_code, year, due_on, figures, "
        "created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
        {platform_id, p[0].Int(0), std::string(p[0].Text(1)), year, due_on, figures, user_id, now});
}

json::object AssessmentJson(store::Session&, const TechAssessment& a) {
    json::array criteria;
    for (const Criterion& c : AssessmentCriteria()) {
        criteria.push_back(json::object{{"code", c.code}, {"name_zh", c.name_zh}, {"name_en", c.name_en}});
    }
    return json::object{{"id", std::to_string(a.id)},
                        {"platform_id", std::to_string(a.platform_id)},
                        {"platform_name", a.platform_name},
                        {"org_id", std::to_string(a.org_id)},
                        {"org_name", a.org_name},
                        {"district_code", a.district_code},
                        {"year", a.year},
                        {"due_on", a.due_on},
                        {"status", a.status},
                        {"version", a.version},
                        {"reason", a.reason},
                        {"figures", json::parse(a.figures)},
                        {"self_report", a.self_report},
                        {"reported_at", http::TextOrNull(a.reported_at)},
                        {"outcome", http::TextOrNull(a.outcome)},
                        {"rectify_due_on", http::TextOrNull(a.rectify_due_on)},
                        {"decided_at", http::TextOrNull(a.decided_at)},
                        {"criteria", std::move(criteria)},
                        {"created_at", a.created_at},
                        {"updated_at", a.updated_at}};
}

}  // namespace keyuan::tech_platforms
