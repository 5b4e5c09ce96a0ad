#pragma once
// Usage statistics (issue 13, item 8): what a provider's instruments and services were booked and
// used for, per resource, lab, unit, client or month, with revenue and the share served to the
// high-tech (高精尖) industries. The values and pure pieces here; the query in usage_sql.cpp, the
// reading in usage_store.cpp, the files in usage_export.cpp, the route in usage_routes.cpp.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace keyuan::delivery {

/// What the rows are grouped by. kResource is `group=instrument`: instruments and, for orders,
/// service products, each a row of its own.
enum class UsageGroup { kResource, kLab, kUnit, kClient, kMonth };

/// A calendar month, counted from year 0 (year * 12 + month - 1).
class Month {
public:
    /// "YYYY-MM" with a year in 2000–2099; nullopt otherwise.
    static std::optional<Month> Parse(std::string_view text);
    static Month Of(int year, int month) { return Month(year * 12 + month - 1); }
    std::string ToString() const;
    /// Its first day, "YYYY-MM-01".
    std::string FirstDay() const;
    /// Its first minute in Asia/Shanghai (UTC+8, no daylight saving), in minutes since the Unix
    /// epoch: the unit bookings are stored in.
    std::int64_t StartMinute() const;
    Month Plus(int months) const { return Month(index_ + months); }
    int index() const { return index_; }
    auto operator<=>(const Month&) const = default;

private:
    explicit Month(int index) : index_(index) {}
    int index_ = 0;
};

/// The raw query parameters, as the route reads them.
struct UsageParams {
    std::optional<std::string> group, from, to, org_id, resource_kind, side, format;
};

/// A checked request. `org_id` filters the provider (or, on the client side, the client).
struct UsageQuery {
    UsageGroup group = UsageGroup::kMonth;
    Month from = Month::Of(2000, 1), to = Month::Of(2000, 1);
    std::optional<std::int64_t> org_id;
    std::optional<std::string> resource_kind;  // instrument | service
    bool client_side = false;                  // side=client: what the organisation consumed
    std::string format = "json";               // json | csv | xlsx
};

inline constexpr int kMaxUsageMonths = 36;

/// Checks the parameters; throws ApiError(validation_failed) naming every bad one. Without from
/// and to the period is the twelve months up to `this_month`.
UsageQuery ReadUsageQuery(const UsageParams& params, Month this_month);

std::string_view GroupName(UsageGroup group);

/// What one row (or the totals) counts. Minutes and fen are exact integers.
struct UsageFigures {
    std::int64_t bookings = 0;  // live and completed bookings starting in the period
    std::int64_t booked_minutes = 0;
    std::int64_t deliveries = 0;  // delivery records of the period (bookings and orders)
    std::int64_t used_minutes = 0;
    std::int64_t samples = 0;
    std::int64_t internal_deliveries = 0;
    std::int64_t internal_minutes = 0;
    std::int64_t external_minutes = 0;
    std::int64_t fee_fen = 0;
    std::int64_t voucher_fen = 0;
    std::int64_t hitech_deliveries = 0;  // to clients whose industry code is in the high-tech catalog
    std::int64_t hitech_minutes = 0;
    std::int64_t hitech_fee_fen = 0;

    std::int64_t external_deliveries() const { return deliveries - internal_deliveries; }
    /// hitech_deliveries / deliveries to three decimals; nullopt without deliveries.
    std::optional<double> HitechShare() const;
    UsageFigures& operator+=(const UsageFigures& other);
};

/// Every counted member, in the order the statement selects them (usage_sql.hpp).
inline constexpr std::array<std::int64_t UsageFigures::*, 13> kUsageCounts = {
    &UsageFigures::bookings,         &UsageFigures::booked_minutes,    &UsageFigures::deliveries,
    &UsageFigures::used_minutes,     &UsageFigures::samples,           &UsageFigures::internal_deliveries,
    &UsageFigures::internal_minutes, &UsageFigures::external_minutes,  &UsageFigures::fee_fen,
    &UsageFigures::voucher_fen,      &UsageFigures::hitech_deliveries, &UsageFigures::hitech_minutes,
    &UsageFigures::hitech_fee_fen};

/// Minutes as hours, to two decimals.
double Hours(std::int64_t minutes);

struct UsageRow {
    std::optional<std::string> key;  // the id or the month; nullopt: no lab / a client without organisation
    std::string resource_kind;       // for group=instrument: instrument | service
    std::optional<std::string> name;
    UsageFigures figures;
};

struct UsageReport {
    UsageQuery query;
    std::vector<UsageRow> rows;
    UsageFigures totals;
};

/// Orders the rows (months in order, with every month of the period present; the others by
/// revenue, then time used, then time booked) and adds them up into the totals.
void FinishReport(UsageReport& report);

}  // namespace keyuan::delivery
