#include "modules/tech_platforms/platform_store.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <map>

#include "core/clock.hpp"
#include "http/json.hpp"
#include "modules/panels/service.hpp"
#include "modules/tech_platforms/rules.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::tech_platforms {
namespace json = boost::json;

namespace {

// The plan's texts are columns 20.. in the order of PlanFields(); `tail` is the WHERE (alias p) and
// what follows it.
std::string SelectPlatform(const std::string& tail) {
    std::string sql =
        "SELECT p.id, p.org_id, o.name, p.district_code, p.previous_id, p.field_id, h.name, p.status, p.version, "
        "p.reason, p.plan_version, p.site_check_result, p.site_check_findings, p.site_checked_at, "
        "p.label_valid_from, p.label_valid_until, p.label_status, p.created_by, p.created_at, p.updated_at";
    for (const PlanField& f : PlanFields()) sql += ", p." + std::string(f.name);
    return sql +
           " FROM tech_platforms p JOIN organizations o ON o.id = p.org_id "
           "JOIN hitech_industries h ON h.id = p.field_id" +
           tail;
}
constexpr int kFirstText = 20;

void LinkInstruments(store::Session& s, std::int64_t id, const std::vector<std::int64_t>& instruments) {
    s.Execute("DELETE FROM tech_platform_instruments WHERE platform_id = $1", {id});
    for (std::int64_t instrument : instruments) {
        s.Execute("INSERT INTO tech_platform_instruments (platform_id, instrument_id) VALUES ($1, $2)",
                  {id, instrument});
    }
}

Platform PlatformOf(const store::Row& r) {
    Platform p{.id = r.Int(0),
               .org_id = r.Int(1),
               .field_id = r.Int(5),
               .version = r.Int(8),
               .created_by = r.Int(17),
               .previous_id = r.OptInt(4),
               .org_name = std::string(r.Text(2)),
               .district_code = std::string(r.Text(3)),
               .field_name = std::string(r.Text(6)),
               .status = std::string(r.Text(7)),
               .reason = std::string(r.Text(9)),
               .created_at = std::string(r.Text(18)),
               .updated_at = std::string(r.Text(19)),
               .plan_version = r.Int(10),
               .site_check_result = r.OptText(11),
               .site_check_findings = r.OptText(12),
               .site_checked_at = r.OptText(13),
               .label_valid_from = r.OptText(14),
               .label_valid_until = r.OptText(15),
               .label_status = r.OptText(16)};
    int column = kFirstText;
    for (const PlanField& f : PlanFields()) p.texts[std::string(f.name)] = std::string(r.Text(column++));
    return p;
}

json::array InstrumentJson(const store::Rows& rows, std::size_t& i, std::int64_t platform) {
    json::array out;
    for (; i < rows.size() && rows[i].Int(0) == platform; ++i)
        out.push_back(json::object{{"id", std::to_string(rows[i].Int(1))}, {"name", rows[i].Text(2)}});
    return out;
}

// The instruments of the given platforms, ordered by platform then instrument.
store::Rows InstrumentRows(store::Session& s, const std::vector<std::int64_t>& ids) {
    std::vector<store::Param> params(ids.begin(), ids.end());
    return s.Query(
        "SELECT t.platform_id, i.id, i.name FROM tech_platform_instruments t JOIN instruments i ON i.id = "
        "t.instrument_id WHERE t.platform_id IN (" +
            store::Placeholders(1, ids.size()) + ") ORDER BY t.platform_id, i.id",
        params);
}

json::object PlatformBody(const Platform& p, json::array instruments);

}  // namespace

std::optional<Platform> LoadPlatform(store::Session& s, std::int64_t id) {
    static const std::string kSql = SelectPlatform(" WHERE p.id = $1");
    store::Rows rows = s.Query(kSql, {id});
    if (rows.empty()) return std::nullopt;
    Platform p = PlatformOf(rows[0]);
    p.experts = panels::AssignedExperts(s, "tech_platform", p.id);
    return p;
}

std::vector<Platform> LoadPlatforms(store::Session& s, const std::string& tail,
                                    const std::vector<store::Param>& params) {
    std::vector<Platform> out;
    std::vector<std::int64_t> ids;
    store::Rows rows = s.Query(SelectPlatform(tail), params);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out.push_back(PlatformOf(rows[i]));
        ids.push_back(out.back().id);
    }
    std::map<std::int64_t, std::vector<std::int64_t>> experts = panels::AssignedExperts(s, "tech_platform", ids);
    for (Platform& p : out) p.experts = std::move(experts[p.id]);
    return out;
}

access::ObjectScope ScopeOf(const Platform& p) {
    return access::ObjectScope{.owner_user_id = p.created_by,
                               .org_id = p.org_id,
                               .district_code = p.district_code,
                               .assigned_user_ids = p.experts};
}

std::int64_t InsertPlatform(store::Session& s, const Plan& plan, std::int64_t org_id, const std::string& district,
                            std::optional<std::int64_t> previous_id, std::int64_t user_id) {
    std::string columns = "org_id, district_code, previous_id, field_id, created_by, created_at, updated_at";
    std::string values = "$1, $2, $3, $4, $5, $6, $6";
    std::vector<store::Param> params = {
        org_id,        district, previous_id ? store::Param(*previous_id) : store::Param(nullptr),
        plan.field_id, user_id,  clock::NowUtc()};
    for (const PlanField& f : PlanFields()) {
        params.emplace_back(plan.texts.at(std::string(f.name)));
        columns += ", " + std::string(f.name);
        values += ", $" + std::to_string(params.size());
    }
    std::int64_t id =
        s.Query("INSERT INTO tech_platforms (" + columns + ") VALUES (" + values + ") RETURNING id", params)
            .front()
            .Int(0);
    LinkInstruments(s, id, plan.instrument_ids);
    return id;
}

void UpdatePlan(store::Session& s, const Platform& before, const Plan& plan) {
    std::string sets = "field_id = $1, updated_at = $2";
    std::vector<store::Param> params = {plan.field_id, clock::NowUtc()};
    for (const PlanField& f : PlanFields()) {
        params.emplace_back(plan.texts.at(std::string(f.name)));
        sets += ", " + std::string(f.name) + " = $" + std::to_string(params.size());
    }
    store::UpdateGuarded(
        s, {.table = "tech_platforms", .id = before.id, .version = before.version, .status = before.status}, sets,
        params);
    LinkInstruments(s, before.id, plan.instrument_ids);
}

void SavePlanVersion(store::Session& s, std::int64_t id, std::int64_t user_id) {
    Platform p = *LoadPlatform(s, id);
    json::object plan{{"field_id", std::to_string(p.field_id)}, {"field_name", p.field_name}};
    for (const auto& [name, text] : p.texts) plan[name] = text;
    json::array instruments;
    store::Rows rows = s.Query(
        "SELECT instrument_id FROM tech_platform_instruments WHERE platform_id = $1 ORDER BY instrument_id", {id});
    for (std::size_t i = 0; i < rows.size(); ++i) instruments.push_back(json::string(std::to_string(rows[i].Int(0))));
    plan["instrument_ids"] = std::move(instruments);
    std::int64_t next = p.plan_version + 1;
    s.Execute(
        "INSERT INTO tech_platform_plans (platform_id, plan_version, plan, created_by, created_at) "
        "VALUES ($1, $2, $3, $4, $5)",
        {id, next, json::serialize(plan), user_id, clock::NowUtc()});
    s.Execute("UPDATE tech_platforms SET plan_version = $1 WHERE id = $2", {next, id});
}

json::object PlatformJson(store::Session& s, const Platform& p) {
    std::size_t i = 0;
    return PlatformBody(p, InstrumentJson(InstrumentRows(s, {p.id}), i, p.id));
}

std::vector<json::object> PlatformsJson(store::Session& s, const std::vector<Platform>& platforms) {
    std::vector<json::object> out;
    if (platforms.empty()) return out;
    std::vector<std::int64_t> ids;
    for (const Platform& p : platforms) ids.push_back(p.id);
    std::vector<std::int64_t> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    store::Rows rows = InstrumentRows(s, sorted);
    std::map<std::int64_t, json::array> instruments;
    for (std::size_t i = 0; i < rows.size();) {
        std::int64_t platform = rows[i].Int(0);
        instruments[platform] = InstrumentJson(rows, i, platform);
    }
    for (const Platform& p : platforms) out.push_back(PlatformBody(p, std::move(instruments[p.id])));
    return out;
}

namespace {

json::object PlatformBody(const Platform& p, json::array instruments) {
    json::object out{{"id", std::to_string(p.id)},
                     {"status", p.status},
                     {"version", p.version},
                     {"org_id", std::to_string(p.org_id)},
                     {"org_name", p.org_name},
                     {"district_code", p.district_code},
                     {"field_id", std::to_string(p.field_id)},
                     {"field_name", p.field_name},
                     {"previous_id", p.previous_id ? json::value(std::to_string(*p.previous_id)) : nullptr},
                     {"plan_version", p.plan_version},
                     {"reason", p.reason},
                     {"instruments", std::move(instruments)},
                     {"created_at", p.created_at},
                     {"updated_at", p.updated_at}};
    for (const auto& [name, text] : p.texts) out[name] = text;
    out["site_check"] = p.site_check_result
                            ? json::value(json::object{{"result", *p.site_check_result},
                                                       {"findings", http::TextOrNull(p.site_check_findings)},
                                                       {"at", http::TextOrNull(p.site_checked_at)}})
                            : json::value(nullptr);
    out["label"] = p.label_status ? json::value(json::object{{"title", kLabelTitle},
                                                             {"valid_from", http::TextOrNull(p.label_valid_from)},
                                                             {"valid_until", http::TextOrNull(p.label_valid_until)},
                                                             {"status", *p.label_status}})
                                  : json::value(nullptr);
    return out;
}

}  // namespace

json::array PlanVersions(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(
        "SELECT plan_version, plan, created_by, created_at FROM tech_platform_plans WHERE platform_id = $1 "
        "ORDER BY plan_version",
        {id});
    json::array out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out.push_back(json::object{{"plan_version", rows[i].Int(0)},
                                   {"plan", json::parse(rows[i].Text(1))},
                                   {"created_by", std::to_string(rows[i].Int(2))},
                                   {"created_at", rows[i].Text(3)}});
    }
    return out;
}

}  // namespace keyuan::tech_platforms
