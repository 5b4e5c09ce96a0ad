#pragma once
// The city overview's figures for one scope and year (issue 20): registrations of every registered
// kind by status, the instruments' openness, bookings and orders, services delivered, innovation
// vouchers, the yearly assessment's progress; by month, district, department, high-tech industry and
// unit. Counted in one read transaction, so that every figure is of the same moment.
//
// Where a figure belongs: to the unit (organisation) that registered the resource, provides the
// booking, order or delivery, holds the voucher or is assessed; a district or department is that of
// the unit. The year is Beijing's (Asia/Shanghai): timestamps are stored in UTC, so the year runs
// from 16:00 UTC on 31 December of the year before; deliveries carry their Beijing date.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "modules/dashboards/overview_scope.hpp"
#include "registry/kinds.hpp"
#include "store/database.hpp"

namespace keyuan::dashboards {

/// What a unit, district, department or industry adds up to.
struct Tally {
    std::int64_t units = 0;      // organisations (districts and departments)
    std::int64_t approved = 0;   // published resources of every kind
    std::int64_t submitted = 0;  // waiting for review
    std::int64_t deliveries = 0;
    std::int64_t fee_fen = 0;
    std::int64_t voucher_fen = 0;
};

struct NamedTally {
    Named name;
    Tally tally;
};

struct UnitRow {
    std::int64_t id = 0;
    std::string name;
    Named district, department;
    Tally tally;
    std::optional<std::int64_t> score_centi;  // the year's assessment, once computed
    std::string grade;
};

struct KindFigures {
    std::string kind, collection;
    std::map<std::string, std::int64_t> by_status;
    std::int64_t total = 0;
    std::int64_t new_in_year = 0;  // registered (created) in the year
};

struct MonthFigures {
    std::int64_t registrations = 0, bookings = 0, orders = 0, deliveries = 0, fee_fen = 0, voucher_fen = 0;
};

struct Overview {
    OverviewScope scope;
    std::vector<KindFigures> kinds;
    struct {
        std::int64_t approved = 0, open = 0, partially_open = 0, value_fen = 0, late = 0;
        std::int64_t served = 0;  // approved instruments that served another unit in the year
        std::int64_t usage_minutes = 0;
    } instruments;
    std::map<std::string, std::int64_t> bookings_by_status, orders_by_status;  // made in the year
    struct {
        std::int64_t count = 0, external = 0, fee_fen = 0, voucher_fen = 0, minutes = 0, samples = 0;
    } deliveries;
    struct {
        std::int64_t issued = 0, face_fen = 0;
    } vouchers;  // issued in the year to units in scope
    struct {
        std::string cycle_status;  // "" when the year has no assessment cycle
        std::int64_t units = 0, confirmed = 0;
        std::map<std::string, std::int64_t> grades;
        std::optional<std::int64_t> mean_score_centi;
    } evaluation;
    std::array<MonthFigures, 12> months{};
    std::vector<NamedTally> districts, departments, industries;  // districts/departments: not when scoped to one
    std::vector<UnitRow> units;                                  // every unit in scope, busiest first
};

Overview CountOverview(store::Database& db, const registry::RegisteredKinds& kinds, const OverviewScope& scope);

/// The answer of GET /api/v1/dashboards/overview: every figure, and the first `unit_limit` units.
boost::json::object OverviewJson(const Overview& overview, std::size_t unit_limit);

}  // namespace keyuan::dashboards
