#include "modules/dashboards/overview_figures.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <span>
#include <utility>

#include "core/clock.hpp"

namespace keyuan::dashboards {
namespace json = boost::json;
namespace {

/// One statement's parameters with the scope's conditions on the unit (alias o). Table and column
/// names come from the kinds' declarations, never from a request; values are always bound.
class ScopedSql {
public:
    explicit ScopedSql(const OverviewScope& scope) : scope_(scope) {}

    std::string Bind(store::Param value) {
        params_.push_back(std::move(value));
        return "$" + std::to_string(params_.size());
    }
    /// " AND o.… = $n" for each filter of the scope.
    std::string OnUnit() {
        std::string where;
        if (scope_.district) where += " AND o.district_code = " + Bind(scope_.district->code);
        if (scope_.department) where += " AND o.department_code = " + Bind(scope_.department->code);
        if (scope_.org) where += " AND o.id = " + Bind(std::stoll(scope_.org->code));
        return where;
    }
    store::Rows Run(store::Session& s, const std::string& sql) const {
        return s.Query(sql, std::span<const store::Param>(params_));
    }

private:
    const OverviewScope& scope_;
    std::vector<store::Param> params_;
};

/// The year in Beijing as UTC timestamps [from, to): it begins at 16:00 UTC the day before.
std::pair<std::string, std::string> YearInUtc(int year) {
    return {std::to_string(year - 1) + "-12-31T16:00:00Z", std::to_string(year) + "-12-31T16:00:00Z"};
}

/// The month (0–11) in Beijing of an hour written "YYYY-MM-DDTHH" in UTC; -1 outside the year.
int BeijingMonth(std::string_view utc_hour, int year) {
    std::optional<std::int64_t> at = clock::ParseUtc(std::string(utc_hour) + ":00:00Z");
    if (!at) return -1;
    std::string date = clock::DateShanghai(*at);
    if (date.substr(0, 4) != std::to_string(year)) return -1;
    return std::stoi(date.substr(5, 2)) - 1;
}

void CountKinds(store::Session& s, const registry::RegisteredKinds& kinds, const OverviewScope& scope, Overview& out,
                std::map<std::int64_t, Tally>& by_unit, std::map<std::string, NamedTally>& by_industry) {
    auto [from, to] = YearInUtc(scope.year);
    for (const registry::ResourceSpec* spec : kinds.specs) {
        const registry::ResourceSpec& kind = *spec;
        KindFigures figures{.kind = kind.kind, .collection = kind.collection};
        const std::string joined = " FROM " + kind.table + " t JOIN organizations o ON o.id = t.org_id WHERE 1 = 1";
        {
            ScopedSql q(scope);
            std::string in_year = "t.created_at >= " + q.Bind(from) + " AND t.created_at < " + q.Bind(to);
            store::Rows rows =
                q.Run(s, "SELECT t.org_id, t.status, COUNT(*), SUM(CASE WHEN " + in_year + " THEN 1 ELSE 0 END)" +
                             joined + q.OnUnit() + " GROUP BY t.org_id, t.status");
            for (std::size_t i = 0; i < rows.size(); ++i) {
                std::string status(rows[i].Text(1));
                std::int64_t n = rows[i].Int(2);
                figures.by_status[status] += n;
                figures.total += n;
                figures.new_in_year += rows[i].Int(3);
                Tally& unit = by_unit[rows[i].Int(0)];
                if (status == "approved") unit.approved += n;
                if (status == "submitted") unit.submitted += n;
            }
        }
        {
            ScopedSql q(scope);
            store::Rows rows = q.Run(s, "SELECT substr(t.created_at, 1, 13), COUNT(*)" + joined +
                                            " AND t.created_at >= " + q.Bind(from) + " AND t.created_at < " +
                                            q.Bind(to) + q.OnUnit() + " GROUP BY substr(t.created_at, 1, 13)");
            for (std::size_t i = 0; i < rows.size(); ++i) {
                int month = BeijingMonth(rows[i].Text(0), scope.year);
                if (month >= 0) out.months[month].registrations += rows[i].Int(1);
            }
        }
        if (const registry::LinkSpec* link = registry::FindLink(kind, "industry_codes")) {
            ScopedSql q(scope);
            store::Rows rows =
                q.Run(s, "SELECT h.id, h.name, COUNT(DISTINCT t.id) FROM " + kind.table +
                             " t JOIN organizations o ON o.id = t.org_id JOIN " + link->table + " l ON l." +
                             link->owner_column + " = t.id JOIN hitech_subcategories hs ON hs.code = l." +
                             link->target_column +
                             " JOIN hitech_industries h ON h.id = hs.industry_id WHERE t.status = 'approved'" +
                             q.OnUnit() + " GROUP BY h.id, h.name");
            for (std::size_t i = 0; i < rows.size(); ++i) {
                NamedTally& industry = by_industry[std::string(rows[i].Text(0))];
                industry.name = Named{std::string(rows[i].Text(0)), std::string(rows[i].Text(1)), ""};
                industry.tally.approved += rows[i].Int(2);
            }
        }
        out.kinds.push_back(std::move(figures));
    }
}

void CountInstruments(store::Session& s, const OverviewScope& scope, Overview& out) {
    {
        ScopedSql q(scope);
        store::Rows rows = q.Run(s,
                                 "SELECT t.open_status, COUNT(*), SUM(t.original_value_fen), SUM(t.registered_late) "
                                 "FROM instruments t JOIN organizations o ON o.id = t.org_id "
                                 "WHERE t.status = 'approved'" +
                                     q.OnUnit() + " GROUP BY t.open_status");
        for (std::size_t i = 0; i < rows.size(); ++i) {
            std::int64_t n = rows[i].Int(1);
            out.instruments.approved += n;
            if (rows[i].Text(0) == "open") out.instruments.open += n;
            if (rows[i].Text(0) == "partially_open") out.instruments.partially_open += n;
            out.instruments.value_fen += rows[i].Int(2);
            out.instruments.late += rows[i].Int(3);
        }
    }
    ScopedSql q(scope);
    std::string year = std::to_string(scope.year);
    store::Rows rows =
        q.Run(s,
              "SELECT COUNT(DISTINCT d.resource_id), COALESCE(SUM(d.minutes_used), 0) FROM deliveries d "
              "JOIN instruments t ON t.id = d.resource_id JOIN organizations o ON o.id = "
              "d.provider_org_id WHERE d.resource_kind = 'instrument' AND t.status = 'approved' AND "
              "d.internal = 0 AND d.delivered_on >= " +
                  q.Bind(year + "-01-01") + " AND d.delivered_on <= " + q.Bind(year + "-12-31") + q.OnUnit());
    out.instruments.served = rows[0].Int(0);
    out.instruments.usage_minutes = rows[0].Int(1);
}

void CountDeliveries(store::Session& s, const OverviewScope& scope, Overview& out,
                     std::map<std::int64_t, Tally>& by_unit) {
    ScopedSql q(scope);
    std::string year = std::to_string(scope.year);
    store::Rows rows = q.Run(
        s,
        "SELECT d.provider_org_id, substr(d.delivered_on, 1, 7), COUNT(*), SUM(1 - d.internal), SUM(d.fee_fen), "
        "SUM(d.voucher_fen), SUM(d.minutes_used), SUM(d.samples) FROM deliveries d JOIN organizations o ON o.id = "
        "d.provider_org_id WHERE d.delivered_on >= " +
            q.Bind(year + "-01-01") + " AND d.delivered_on <= " + q.Bind(year + "-12-31") + q.OnUnit() +
            " GROUP BY d.provider_org_id, substr(d.delivered_on, 1, 7)");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::int64_t count = rows[i].Int(2), fee = rows[i].Int(4), voucher = rows[i].Int(5);
        out.deliveries.count += count;
        out.deliveries.external += rows[i].Int(3);
        out.deliveries.fee_fen += fee;
        out.deliveries.voucher_fen += voucher;
        out.deliveries.minutes += rows[i].Int(6);
        out.deliveries.samples += rows[i].Int(7);
        Tally& unit = by_unit[rows[i].Int(0)];
        unit.deliveries += count;
        unit.fee_fen += fee;
        unit.voucher_fen += voucher;
        MonthFigures& month = out.months[std::stoi(std::string(rows[i].Text(1).substr(5, 2))) - 1];
        month.deliveries += count;
        month.fee_fen += fee;
        month.voucher_fen += voucher;
    }
}

/// Bookings or orders made in the year, by status and month (made: created).
void CountRequests(store::Session& s, const OverviewScope& scope, const std::string& table,
                   std::map<std::string, std::int64_t>& by_status, std::int64_t MonthFigures::*per_month,
                   Overview& out) {
    auto [from, to] = YearInUtc(scope.year);
    ScopedSql q(scope);
    store::Rows rows = q.Run(s, "SELECT t.status, substr(t.created_at, 1, 13), COUNT(*) FROM " + table +
                                    " t JOIN organizations o ON o.id = t.org_id WHERE t.created_at >= " + q.Bind(from) +
                                    " AND t.created_at < " + q.Bind(to) + q.OnUnit() +
                                    " GROUP BY t.status, substr(t.created_at, 1, 13)");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        int month = BeijingMonth(rows[i].Text(1), scope.year);
        if (month < 0) continue;
        by_status[std::string(rows[i].Text(0))] += rows[i].Int(2);
        out.months[month].*per_month += rows[i].Int(2);
    }
}

void CountVouchers(store::Session& s, const OverviewScope& scope, Overview& out) {
    auto [from, to] = YearInUtc(scope.year);
    ScopedSql q(scope);
    store::Rows rows = q.Run(s,
                             "SELECT COUNT(*), COALESCE(SUM(v.face_fen), 0) FROM vouchers v JOIN organizations o ON "
                             "o.id = v.org_id WHERE v.issued_at >= " +
                                 q.Bind(from) + " AND v.issued_at < " + q.Bind(to) + q.OnUnit());
    out.vouchers.issued = rows[0].Int(0);
    out.vouchers.face_fen = rows[0].Int(1);
}

void CountEvaluation(store::Session& s, const OverviewScope& scope, Overview& out,
                     std::map<std::int64_t, std::pair<std::int64_t, std::string>>& scores) {
    store::Rows cycle = s.Query("SELECT id, status FROM assessment_cycles WHERE year = $1", {scope.year});
    if (cycle.empty()) return;
    out.evaluation.cycle_status = cycle[0].Text(1);
    ScopedSql q(scope);
    store::Rows rows =
        q.Run(s,
              "SELECT r.org_id, r.status, r.score_centi, COALESCE(r.grade, '') FROM assessment_results r "
              "JOIN organizations o ON o.id = r.org_id WHERE r.cycle_id = " +
                  q.Bind(cycle[0].Int(0)) + q.OnUnit());
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ++out.evaluation.units;
        if (rows[i].Text(1) == "confirmed") ++out.evaluation.confirmed;
        std::string grade(rows[i].Text(3));
        if (!grade.empty()) ++out.evaluation.grades[grade];
        sum += rows[i].Int(2);
        scores[rows[i].Int(0)] = {rows[i].Int(2), grade};
    }
    if (!rows.empty()) out.evaluation.mean_score_centi = sum / static_cast<std::int64_t>(rows.size());
}

void Add(Tally& into, const Tally& unit) {
    into.units += 1;
    into.approved += unit.approved;
    into.submitted += unit.submitted;
    into.deliveries += unit.deliveries;
    into.fee_fen += unit.fee_fen;
    into.voucher_fen += unit.voucher_fen;
}

/// The units in scope with their tallies, busiest first; districts and departments added up from them.
void ListUnits(store::Session& s, const OverviewScope& scope, Overview& out,
               const std::map<std::int64_t, Tally>& by_unit,
               const std::map<std::int64_t, std::pair<std::int64_t, std::string>>& scores) {
    ScopedSql q(scope);
    store::Rows rows = q.Run(s,
                             "SELECT o.id, o.name, COALESCE(o.district_code, ''), COALESCE(d.name, ''), "
                             "COALESCE(d.name_en, ''), COALESCE(o.department_code, ''), COALESCE(p.name, ''), "
                             "COALESCE(p.name_en, '') FROM organizations o LEFT JOIN districts d ON d.code = "
                             "o.district_code LEFT JOIN departments p ON p.code = o.department_code WHERE 1 = 1" +
                                 q.OnUnit());
    std::map<std::string, NamedTally> districts, departments;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        UnitRow unit{.id = rows[i].Int(0), .name = std::string(rows[i].Text(1))};
        unit.district = {std::string(rows[i].Text(2)), std::string(rows[i].Text(3)), std::string(rows[i].Text(4))};
        unit.department = {std::string(rows[i].Text(5)), std::string(rows[i].Text(6)), std::string(rows[i].Text(7))};
        if (auto it = by_unit.find(unit.id); it != by_unit.end()) unit.tally = it->second;
        if (auto it = scores.find(unit.id); it != scores.end()) {
            unit.score_centi = it->second.first;
            unit.grade = it->second.second;
        }
        if (!unit.district.code.empty()) {
            NamedTally& d = districts[unit.district.code];
            d.name = unit.district;
            Add(d.tally, unit.tally);
        }
        if (!unit.department.code.empty()) {
            NamedTally& d = departments[unit.department.code];
            d.name = unit.department;
            Add(d.tally, unit.tally);
        }
        out.units.push_back(std::move(unit));
    }
    std::sort(out.units.begin(), out.units.end(), [](const UnitRow& a, const UnitRow& b) {
        if (a.tally.deliveries != b.tally.deliveries) return a.tally.deliveries > b.tally.deliveries;
        if (a.tally.approved != b.tally.approved) return a.tally.approved > b.tally.approved;
        return a.id < b.id;
    });
    // A breakdown by the dimension the scope fixes would be one bar: left out.
    if (!scope.district && !scope.org) {
        for (auto& [code, d] : districts) out.districts.push_back(std::move(d));
    }
    if (!scope.department && !scope.org) {
        for (auto& [code, d] : departments) out.departments.push_back(std::move(d));
    }
}

json::object TallyJson(const Tally& t) {
    return json::object{{"units", t.units},           {"approved", t.approved}, {"submitted", t.submitted},
                        {"deliveries", t.deliveries}, {"fee_fen", t.fee_fen},   {"voucher_fen", t.voucher_fen}};
}

json::object NamedJson(const Named& n) {
    return json::object{{"code", n.code}, {"name", n.name}, {"name_en", n.name_en}};
}

json::value OptionalNamed(const std::optional<Named>& n) {
    return n ? json::value(NamedJson(*n)) : json::value(nullptr);
}

json::object CountsJson(const std::map<std::string, std::int64_t>& by_status) {
    json::object o;
    for (const auto& [status, n] : by_status) o[status] = n;
    return o;
}

std::int64_t Sum(const std::map<std::string, std::int64_t>& by_status) {
    std::int64_t n = 0;
    for (const auto& [status, count] : by_status) n += count;
    return n;
}

json::array BreakdownJson(const std::vector<NamedTally>& rows) {
    json::array out;
    for (const NamedTally& row : rows) {
        json::object o = NamedJson(row.name);
        o["tally"] = TallyJson(row.tally);
        out.push_back(std::move(o));
    }
    return out;
}

}  // namespace

Overview CountOverview(store::Database& db, const registry::RegisteredKinds& kinds, const OverviewScope& scope) {
    Overview out;
    // Statistics may be a moment stale: from a read replica when one keeps up (store/replicas.hpp).
    db.ReadMayLag([&](store::Session& s) {
        out = Overview{.scope = scope};  // afresh: the body runs again on the primary if a replica fails midway
        std::map<std::int64_t, Tally> by_unit;
        std::map<std::string, NamedTally> by_industry;
        std::map<std::int64_t, std::pair<std::int64_t, std::string>> scores;
        CountKinds(s, kinds, scope, out, by_unit, by_industry);
        CountInstruments(s, scope, out);
        CountDeliveries(s, scope, out, by_unit);
        CountRequests(s, scope, "bookings", out.bookings_by_status, &MonthFigures::bookings, out);
        CountRequests(s, scope, "service_orders", out.orders_by_status, &MonthFigures::orders, out);
        CountVouchers(s, scope, out);
        CountEvaluation(s, scope, out, scores);
        ListUnits(s, scope, out, by_unit, scores);
        for (auto& [id, industry] : by_industry) out.industries.push_back(std::move(industry));
    });
    return out;
}

json::object OverviewJson(const Overview& o, std::size_t unit_limit) {
    json::array kinds;
    for (const KindFigures& k : o.kinds) {
        kinds.push_back(json::object{{"kind", k.kind},
                                     {"collection", k.collection},
                                     {"total", k.total},
                                     {"new_in_year", k.new_in_year},
                                     {"by_status", CountsJson(k.by_status)}});
    }
    json::array months;
    for (std::size_t i = 0; i < o.months.size(); ++i) {
        const MonthFigures& m = o.months[i];
        months.push_back(json::object{{"month", static_cast<std::int64_t>(i + 1)},
                                      {"registrations", m.registrations},
                                      {"bookings", m.bookings},
                                      {"orders", m.orders},
                                      {"deliveries", m.deliveries},
                                      {"fee_fen", m.fee_fen},
                                      {"voucher_fen", m.voucher_fen}});
    }
    json::array units;
    for (std::size_t i = 0; i < o.units.size() && i < unit_limit; ++i) {
        const UnitRow& u = o.units[i];
        units.push_back(json::object{
            {"id", std::to_string(u.id)},
            {"name", u.name},
            {"district", NamedJson(u.district)},
            {"department", NamedJson(u.department)},
            {"tally", TallyJson(u.tally)},
            {"score_centi", u.score_centi ? json::value(*u.score_centi) : json::value(nullptr)},
            {"grade", u.grade},
        });
    }
    const auto& ev = o.evaluation;
    return json::object{
        {"year", o.scope.year},
        {"scope", json::object{{"district", OptionalNamed(o.scope.district)},
                               {"department", OptionalNamed(o.scope.department)},
                               {"org", OptionalNamed(o.scope.org)}}},
        {"kinds", std::move(kinds)},
        {"instruments", json::object{{"approved", o.instruments.approved},
                                     {"open", o.instruments.open},
                                     {"partially_open", o.instruments.partially_open},
                                     {"value_fen", o.instruments.value_fen},
                                     {"late", o.instruments.late},
                                     {"served", o.instruments.served},
                                     {"usage_minutes", o.instruments.usage_minutes}}},
        {"bookings",
         json::object{{"total", Sum(o.bookings_by_status)}, {"by_status", CountsJson(o.bookings_by_status)}}},
        {"orders", json::object{{"total", Sum(o.orders_by_status)}, {"by_status", CountsJson(o.orders_by_status)}}},
        {"deliveries", json::object{{"count", o.deliveries.count},
                                    {"external", o.deliveries.external},
                                    {"fee_fen", o.deliveries.fee_fen},
                                    {"voucher_fen", o.deliveries.voucher_fen},
                                    {"minutes", o.deliveries.minutes},
                                    {"samples", o.deliveries.samples}}},
        {"vouchers", json::object{{"issued", o.vouchers.issued}, {"face_fen", o.vouchers.face_fen}}},
        {"evaluation",
         json::object{
             {"cycle_status", ev.cycle_status.empty() ? json::value(nullptr) : json::value(ev.cycle_status)},
             {"units", ev.units},
             {"confirmed", ev.confirmed},
             {"grades", CountsJson(ev.grades)},
             {"mean_score_centi", ev.mean_score_centi ? json::value(*ev.mean_score_centi) : json::value(nullptr)}}},
        {"by_month", std::move(months)},
        {"by_district", BreakdownJson(o.districts)},
        {"by_department", BreakdownJson(o.departments)},
        {"by_hitech_industry", BreakdownJson(o.industries)},
        {"units", std::move(units)},
        {"units_total", static_cast<std::int64_t>(o.units.size())},
    };
}

}  // namespace keyuan::dashboards
