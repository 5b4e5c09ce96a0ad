#include "modules/delivery/usage_sql.hpp"

namespace keyuan::delivery {

namespace {

// A booking counts for booked time while it holds its slot or was used; by its start.
constexpr std::string_view kBookingFigures =
    "1 AS bookings, b.end_minute - b.start_minute AS booked_minutes, 0 AS deliveries, 0 AS used_minutes, "
    "0 AS samples, 0 AS internal_deliveries, 0 AS internal_minutes, 0 AS external_minutes, 0 AS fee_fen, "
    "0 AS voucher_fen, 0 AS hitech_deliveries, 0 AS hitech_minutes, 0 AS hitech_fee_fen";
constexpr std::string_view kBookingWhere = " WHERE b.status IN ('requested', 'approved', 'completed')";

// A delivery counts by the day it was recorded (delivered_on, Asia/Shanghai). High-tech: the
// client's industry code, copied at delivery, is a row of the high-tech catalog.
constexpr std::string_view kDeliveryFigures =
    "0 AS bookings, 0 AS booked_minutes, 1 AS deliveries, d.minutes_used AS used_minutes, d.samples AS samples, "
    "d.internal_flag AS internal_deliveries, d.internal_flag * d.minutes_used AS internal_minutes, "
    "(1 - d.internal_flag) * d.minutes_used AS external_minutes, d.fee_fen AS fee_fen, d.voucher_fen AS voucher_fen, "
    "d.hitech AS hitech_deliveries, d.hitech * d.minutes_used AS hitech_minutes, d.hitech * d.fee_fen AS "
    "hitech_fee_fen";
constexpr std::string_view kDeliveryRows =
    "SELECT d.resource_kind, d.resource_id, d.provider_org_id, d.client_org_id, d.delivered_on, d.minutes_used, "
    "d.samples, d.fee_fen, d.voucher_fen, CASE WHEN d.internal <> 0 THEN 1 ELSE 0 END AS internal_flag, "
    "CASE WHEN EXISTS (SELECT 1 FROM hitech_subcategories h WHERE h.code = d.client_industry_code) THEN 1 ELSE 0 "
    "END AS hitech FROM deliveries d WHERE 1 = 1";

constexpr std::string_view kSums =
    "CAST(SUM(u.bookings) AS BIGINT), CAST(SUM(u.booked_minutes) AS BIGINT), CAST(SUM(u.deliveries) AS BIGINT), "
    "CAST(SUM(u.used_minutes) AS BIGINT), CAST(SUM(u.samples) AS BIGINT), "
    "CAST(SUM(u.internal_deliveries) AS BIGINT), CAST(SUM(u.internal_minutes) AS BIGINT), "
    "CAST(SUM(u.external_minutes) AS BIGINT), CAST(SUM(u.fee_fen) AS BIGINT), CAST(SUM(u.voucher_fen) AS BIGINT), "
    "CAST(SUM(u.hitech_deliveries) AS BIGINT), CAST(SUM(u.hitech_minutes) AS BIGINT), "
    "CAST(SUM(u.hitech_fee_fen) AS BIGINT)";

/// The local month a booking starts in, as a CASE over the period's month boundaries (the
/// engines share no function that turns minutes into a local month).
std::string BookingMonth(const UsageQuery& q) {
    std::string out = "CASE";
    for (Month m = q.from; m < q.to; m = m.Plus(1)) {
        out += " WHEN b.start_minute < " + std::to_string(m.Plus(1).StartMinute()) + " THEN '" + m.ToString() + "'";
    }
    return out + " ELSE '" + q.to.ToString() + "' END";
}

struct GroupColumns {
    std::string booking_key, booking_join, delivery_key, delivery_join, outer_join, name;
};

/// "kind AS gkind, id AS gid, month AS gmonth": either branch may come first and name the columns.
std::string Keys(std::string_view kind, std::string_view id, std::string_view month) {
    return std::string(kind) + " AS gkind, " + std::string(id) + " AS gid, " + std::string(month) + " AS gmonth";
}

/// The group key of each branch as (gkind, gid, gmonth), the joins it needs and the name shown.
GroupColumns ColumnsOf(const UsageQuery& q) {
    switch (q.group) {
        case UsageGroup::kResource:
            return {Keys("'instrument'", "b.instrument_id", "NULL"),
                    "",
                    Keys("d.resource_kind", "d.resource_id", "NULL"),
                    "",
                    " LEFT JOIN instruments i ON u.gkind = 'instrument' AND i.id = u.gid"
                    " LEFT JOIN services s ON u.gkind = 'service' AND s.id = u.gid",
                    "MAX(COALESCE(i.name, s.name))"};
        case UsageGroup::kLab:
            return {Keys("NULL", "i.lab_id", "NULL"),
                    " JOIN instruments i ON i.id = b.instrument_id",
                    Keys("NULL", "COALESCE(i.lab_id, s.lab_id)", "NULL"),
                    " LEFT JOIN instruments i ON d.resource_kind = 'instrument' AND i.id = d.resource_id"
                    " LEFT JOIN services s ON d.resource_kind = 'service' AND s.id = d.resource_id",
                    " LEFT JOIN labs l ON l.id = u.gid",
                    "MAX(l.name)"};
        case UsageGroup::kUnit:
            return {Keys("NULL", "b.org_id", "NULL"),
                    "",
                    Keys("NULL", "d.provider_org_id", "NULL"),
                    "",
                    " LEFT JOIN organizations o ON o.id = u.gid",
                    "MAX(o.name)"};
        case UsageGroup::kClient:
            return {Keys("NULL", "b.client_org_id", "NULL"),      "",
                    Keys("NULL", "d.client_org_id", "NULL"),      "",
                    " LEFT JOIN organizations o ON o.id = u.gid", "MAX(o.name)"};
        case UsageGroup::kMonth:
            return {Keys("NULL", "NULL", BookingMonth(q)),
                    "",
                    Keys("NULL", "NULL", "SUBSTR(d.delivered_on, 1, 7)"),
                    "",
                    "",
                    "NULL"};
    }
    return {};
}

}  // namespace

UsageStatement BuildUsageStatement(const UsageQuery& q) {
    UsageStatement st;
    // Numbered as they are used: PostgreSQL cannot type a parameter that no branch mentions.
    auto next = [&st](store::Param p) {
        st.params.push_back(std::move(p));
        return "$" + std::to_string(st.params.size());
    };
    std::string delivery_where =
        " AND d.delivered_on >= " + next(q.from.FirstDay()) + " AND d.delivered_on < " + next(q.to.Plus(1).FirstDay());
    std::string booking_org;
    if (q.org_id) {
        std::string org = next(*q.org_id);
        booking_org = (q.client_side ? " AND b.client_org_id = " : " AND b.org_id = ") + org;
        delivery_where += (q.client_side ? " AND d.client_org_id = " : " AND d.provider_org_id = ") + org;
    }
    if (q.resource_kind) delivery_where += " AND d.resource_kind = " + next(*q.resource_kind);
    GroupColumns c = ColumnsOf(q);
    std::string branches = "SELECT " + c.delivery_key + ", " + std::string(kDeliveryFigures) + " FROM (" +
                           std::string(kDeliveryRows) + delivery_where + ") d" + c.delivery_join;
    // Bookings are of instruments only: a report on services reads no booking.
    if (q.resource_kind != "service") {
        std::string period = " AND b.start_minute >= " + next(q.from.StartMinute()) + " AND b.start_minute < " +
                             next(q.to.Plus(1).StartMinute());
        branches = "SELECT " + c.booking_key + ", " + std::string(kBookingFigures) + " FROM bookings b" +
                   c.booking_join + std::string(kBookingWhere) + period + booking_org + " UNION ALL " + branches;
    }
    st.sql = "SELECT u.gkind, u.gid, u.gmonth, " + c.name + ", " + std::string(kSums) + " FROM (" + branches + ") u" +
             c.outer_join + " GROUP BY u.gkind, u.gid, u.gmonth";
    return st;
}

}  // namespace keyuan::delivery
