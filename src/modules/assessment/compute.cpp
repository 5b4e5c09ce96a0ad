#include "modules/assessment/compute.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <array>
#include <chrono>
#include <unordered_map>

#include "core/clock.hpp"
#include "core/date.hpp"
#include "workflow/deadlines.hpp"

namespace keyuan::assessment {
namespace json = boost::json;

namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Bookable minutes of the period per instrument, from its rules: for each ISO weekday the rule
/// opens, the days of the period on that weekday (working days only, when the rule says so) times
/// the daily opening. The day counts come from the calendar here; SQL only multiplies.
std::string OpenMinutesSql(store::Session& s, const std::string& from, const std::string& to) {
    WorkingCalendar calendar = workflow::LoadCalendar(s);
    std::array<std::int64_t, 8> all{}, working{};
    Date first = *Date::Parse(from), last = *Date::Parse(to);
    for (Date d = first; d <= last; d = d.AddDays(1)) {
        ++all[d.Weekday()];
        if (calendar.IsWorkingDay(d)) ++working[d.Weekday()];
    }
    std::string days = "(";
    for (int wd = 1; wd <= 7; ++wd) {
        if (wd > 1) days += " + ";
        days += "CASE WHEN r.weekdays LIKE '%" + std::to_string(wd) +
                "%' THEN (CASE WHEN r.working_days_only = 1 THEN " + std::to_string(working[wd]) + " ELSE " +
                std::to_string(all[wd]) + " END) ELSE 0 END";
    }
    days += ")";
    return "CASE WHEN r.instrument_id IS NULL THEN 0 ELSE (r.closes_minute - r.opens_minute) * " + days + " END";
}

// Pass 1: the instruments in scope, with their rules.
std::string InstrumentsSql(const std::string& open_minutes) {
    return "SELECT i.org_id, COUNT(*), SUM(CASE WHEN i.open_status IN ('open', 'partially_open') THEN 1 ELSE 0 END), "
           "SUM(CASE WHEN i.registered_late = 0 THEN 1 ELSE 0 END), "
           "SUM(CASE WHEN r.instrument_id IS NULL THEN 0 ELSE 1 END), SUM(i.original_value_fen), SUM(" +
           open_minutes +
           ") FROM instruments i LEFT JOIN booking_rules r ON r.instrument_id = i.id "
           "WHERE i.status = 'approved' AND i.original_value_fen >= $1 GROUP BY i.org_id";
}

// Pass 2: the period's deliveries by provider, every delivery figure and the ratings at once.
// Instrument time counts for instruments in scope only (the per-instrument denominators are
// those). deliveries_provider covers every column read here in provider order (migration 0030),
// so the pass reads one index in order and groups as it goes; each delivery's rating is a probe of
// the ratings' unique index (a separate pass over the ratings read the deliveries at random).
std::string DeliveriesSql(store::Engine engine) {
    // SQLite's planner, without fresh statistics, may walk another index at random: name it.
    std::string from =
        engine == store::Engine::kSqlite ? "deliveries d INDEXED BY deliveries_provider" : "deliveries d";
    return "SELECT d.provider_org_id, COUNT(*), SUM(CASE WHEN d.internal = 0 THEN 1 ELSE 0 END), "
           "SUM(CASE WHEN i.id IS NOT NULL THEN d.minutes_used ELSE 0 END), "
           "SUM(CASE WHEN i.id IS NOT NULL AND d.internal = 0 THEN d.minutes_used ELSE 0 END), "
           "SUM(CASE WHEN d.internal = 1 THEN d.fee_fen ELSE 0 END), SUM(CASE WHEN d.internal = 0 THEN d.fee_fen ELSE "
           "0 END), "
           "SUM(d.voucher_fen), "
           "SUM(CASE WHEN EXISTS (SELECT 1 FROM hitech_subcategories h WHERE h.code = d.client_industry_code) THEN 1 "
           "ELSE 0 "
           "END), COUNT(rt.score), COALESCE(SUM(rt.score), 0) "
           "FROM " +
           from +
           " LEFT JOIN instruments i ON d.resource_kind = 'instrument' AND i.id = d.resource_id "
           "AND i.original_value_fen >= $3 LEFT JOIN ratings rt ON rt.delivery_id = d.id "
           "WHERE d.delivered_on >= $1 AND d.delivered_on <= $2 GROUP BY d.provider_org_id";
}

// Pass 3: labs (mapped to a high-tech industry code or not) and service products.
constexpr const char* kLabsSql =
    "SELECT l.org_id, COUNT(*), SUM(CASE WHEN EXISTS (SELECT 1 FROM lab_industries li JOIN hitech_subcategories h "
    "ON h.code = li.code WHERE li.lab_id = l.id) THEN 1 ELSE 0 END) FROM labs l WHERE l.status = 'approved' "
    "GROUP BY l.org_id";
constexpr const char* kServicesSql = "SELECT org_id, COUNT(*) FROM services WHERE status = 'approved' GROUP BY org_id";

std::string ResultUpsertSql(std::size_t rows) {
    // $1 is the cycle; each row binds ten values after it.
    std::string sql =
        "INSERT INTO assessment_results (cycle_id, org_id, department_code, status, figures, points, "
        "computed_points, computed_centi, score_centi, grade, rank, updated_at) VALUES ";
    for (std::size_t i = 0; i < rows; ++i) {
        std::size_t b = 1 + i * 10;
        auto p = [&](std::size_t k) { return "$" + std::to_string(b + k); };
        if (i) sql += ", ";
        sql += "($1, " + p(1) + ", " + p(2) + ", 'computed'";
        for (std::size_t k = 3; k <= 10; ++k) sql += ", " + p(k);
        sql += ")";
    }
    return sql +
           " ON CONFLICT (cycle_id, org_id) DO UPDATE SET department_code = excluded.department_code, figures = "
           "excluded.figures, points = excluded.points, computed_points = excluded.computed_points, computed_centi = "
           "excluded.computed_centi, score_centi = excluded.score_centi, grade = excluded.grade, rank = excluded.rank, "
           "updated_at = excluded.updated_at, version = assessment_results.version + 1";
}

}  // namespace

std::vector<UnitFigures> ReadFigures(store::Session& s, const Scheme& scheme, const std::string& from,
                                     const std::string& to) {
    std::vector<UnitFigures> units;
    std::unordered_map<std::int64_t, std::size_t> at;
    store::Rows rows = s.Query(InstrumentsSql(OpenMinutesSql(s, from, to)), {scheme.min_original_value_fen});
    units.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        UnitFigures u{.org_id = rows[i].Int(0)};
        Figures& f = u.figures;
        f.instruments = rows[i].Int(1);
        f.open_instruments = rows[i].Int(2);
        f.timely_instruments = rows[i].Int(3);
        f.bookable_instruments = rows[i].Int(4);
        f.original_value_fen = rows[i].Int(5);
        f.open_minutes = rows[i].Int(6);
        at[u.org_id] = units.size();
        units.push_back(std::move(u));
    }
    auto find = [&](std::int64_t org) -> Figures* {
        auto it = at.find(org);
        return it == at.end() ? nullptr : &units[it->second].figures;
    };
    rows = s.Query(DeliveriesSql(s.engine()), {from, to, scheme.min_original_value_fen});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        Figures* f = find(rows[i].Int(0));
        if (!f) continue;  // a provider without instruments in scope is not assessed
        f->deliveries = rows[i].Int(1);
        f->external_deliveries = rows[i].Int(2);
        f->instrument_minutes = rows[i].Int(3);
        f->external_instrument_minutes = rows[i].Int(4);
        f->internal_fee_fen = rows[i].Int(5);
        f->external_fee_fen = rows[i].Int(6);
        f->voucher_fen = rows[i].Int(7);
        f->hitech_deliveries = rows[i].Int(8);
        f->ratings = rows[i].Int(9);
        f->rating_sum = rows[i].Int(10);
    }
    rows = s.Query(kLabsSql);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (Figures* f = find(rows[i].Int(0))) {
            f->labs = rows[i].Int(1);
            f->hitech_labs = rows[i].Int(2);
        }
    }
    rows = s.Query(kServicesSql);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (Figures* f = find(rows[i].Int(0))) f->services = rows[i].Int(1);
    }
    rows = s.Query("SELECT id, COALESCE(department_code, '') FROM organizations");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto it = at.find(rows[i].Int(0));
        if (it != at.end()) units[it->second].department_code = std::string(rows[i].Text(1));
    }
    return units;
}

ComputeReport ComputeCycle(store::Session& s, const Cycle& cycle) {
    ComputeReport report;
    Scheme scheme = cycle.scheme();
    auto start = Clock::now();
    std::vector<UnitFigures> units = ReadFigures(s, scheme, cycle.period_from, cycle.period_to);
    report.seconds["figures"] = Since(start);

    start = Clock::now();
    std::vector<Standing> standings(units.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
        standings[i].id = units[i].org_id;
        standings[i].points = Score(scheme, units[i].figures);
    }
    Rank(scheme, standings);
    report.seconds["scoring"] = Since(start);

    start = Clock::now();
    std::string stamp = clock::NowUtc();
    std::string full_batch = ResultUpsertSql(kRowsPerStatement);
    std::vector<store::Param> params;
    for (std::size_t begin = 0; begin < units.size(); begin += kRowsPerStatement) {
        std::size_t end = std::min(units.size(), begin + kRowsPerStatement);
        params.clear();
        params.emplace_back(cycle.id);
        for (std::size_t i = begin; i < end; ++i) {
            const Standing& st = standings[i];
            std::string points = json::serialize(PointsJson(st.points));
            params.emplace_back(units[i].org_id);
            params.emplace_back(units[i].department_code.empty() ? store::Param(nullptr)
                                                                 : store::Param(units[i].department_code));
            params.emplace_back(json::serialize(FiguresJson(units[i].figures)));
            params.emplace_back(points);
            params.emplace_back(points);
            params.emplace_back(st.score_centi);
            params.emplace_back(st.score_centi);
            params.emplace_back(st.grade);
            params.emplace_back(st.rank);
            params.emplace_back(stamp);
        }
        s.Query(end - begin == kRowsPerStatement ? full_batch : ResultUpsertSql(end - begin), params);
    }
    // Units no longer in scope (an instrument withdrawn since the last computation).
    s.Execute(
        "DELETE FROM assessment_explanations WHERE result_id IN (SELECT id FROM assessment_results WHERE cycle_id = $1 "
        "AND updated_at <> $2)",
        {cycle.id, stamp});
    s.Execute("DELETE FROM assessment_results WHERE cycle_id = $1 AND updated_at <> $2", {cycle.id, stamp});
    s.Execute("UPDATE assessment_cycles SET computed_at = $1 WHERE id = $2", {stamp, cycle.id});
    report.seconds["writing"] = Since(start);
    report.units = static_cast<std::int64_t>(units.size());
    return report;
}

void RankCycle(store::Session& s, const Cycle& cycle) {
    Scheme scheme = cycle.scheme();
    store::Rows rows = s.Query("SELECT id, points FROM assessment_results WHERE cycle_id = $1", {cycle.id});
    std::vector<Standing> standings(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        standings[i].id = rows[i].Int(0);
        standings[i].points = PointsFrom(json::parse(rows[i].Text(1)).as_object());
    }
    Rank(scheme, standings);
    // One statement per batch: UPDATE … FROM (VALUES …) on both engines (SQLite ≥ 3.33).
    std::vector<store::Param> params;
    for (std::size_t begin = 0; begin < standings.size(); begin += kRowsPerStatement) {
        std::size_t end = std::min(standings.size(), begin + kRowsPerStatement);
        params.clear();
        std::string values;
        for (std::size_t i = begin; i < end; ++i) {
            std::size_t b = params.size();
            if (i > begin) values += ", ";
            values += "(CAST($" + std::to_string(b + 1) + " AS BIGINT), CAST($" + std::to_string(b + 2) +
                      " AS BIGINT), CAST($" + std::to_string(b + 3) + " AS BIGINT), CAST($" + std::to_string(b + 4) +
                      " AS TEXT))";
            params.emplace_back(standings[i].id);
            params.emplace_back(standings[i].score_centi);
            params.emplace_back(standings[i].rank);
            params.emplace_back(standings[i].grade);
        }
        s.Query(
            "UPDATE assessment_results SET score_centi = v.column2, rank = v.column3, grade = v.column4 FROM (VALUES " +
                values + ") AS v WHERE assessment_results.id = v.column1",
            params);
    }
}

}  // namespace keyuan::assessment
