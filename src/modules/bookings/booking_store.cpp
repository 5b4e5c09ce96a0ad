#include "modules/bookings/booking_store.hpp"

#include "core/clock.hpp"

namespace keyuan::bookings {
namespace json = boost::json;

namespace {

const std::string kSelect =
    "SELECT b.id, b.instrument_id, i.name, b.org_id, b.client_org_id, b.user_id, b.booked_by, b.series_id, b.status, "
    "b.version, b.start_minute, b.end_minute, b.purpose, b.samples, b.reason, b.created_at, b.updated_at "
    "FROM bookings b JOIN instruments i ON i.id = b.instrument_id ";

Booking FromRow(const store::Row& r) {
    return Booking{.id = r.Int(0),
                   .instrument_id = r.Int(1),
                   .instrument_name = std::string(r.Text(2)),
                   .org_id = r.Int(3),
                   .client_org_id = r.OptInt(4),
                   .user_id = r.Int(5),
                   .booked_by = r.Int(6),
                   .series_id = r.OptInt(7),
                   .status = std::string(r.Text(8)),
                   .version = r.Int(9),
                   .span = Span{r.Int(10), r.Int(11)},
                   .purpose = std::string(r.Text(12)),
                   .samples = r.Int(13),
                   .reason = std::string(r.Text(14)),
                   .created_at = std::string(r.Text(15)),
                   .updated_at = std::string(r.Text(16))};
}

json::value OptId(const std::optional<std::int64_t>& id) {
    return id ? json::value(std::to_string(*id)) : json::value(nullptr);
}

}  // namespace

std::optional<Booking> LoadBooking(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(kSelect + "WHERE b.id = $1", {id});
    if (rows.empty()) return std::nullopt;
    return FromRow(rows[0]);
}

std::vector<Booking> SelectBookings(store::Session& s, const std::string& where,
                                    const std::vector<store::Param>& params) {
    store::Rows rows = s.Query(kSelect + where, params);
    std::vector<Booking> out;
    out.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(FromRow(rows[i]));
    return out;
}

json::object BookingJson(const Booking& b) {
    return json::object{{"id", std::to_string(b.id)},
                        {"instrument_id", std::to_string(b.instrument_id)},
                        {"instrument_name", b.instrument_name},
                        {"org_id", std::to_string(b.org_id)},
                        {"client_org_id", OptId(b.client_org_id)},
                        {"user_id", std::to_string(b.user_id)},
                        {"booked_by", std::to_string(b.booked_by)},
                        {"series_id", OptId(b.series_id)},
                        {"status", b.status},
                        {"version", b.version},
                        {"starts_at", FormatMinute(b.span.start)},
                        {"ends_at", FormatMinute(b.span.end)},
                        {"minutes", b.span.minutes()},
                        {"purpose", b.purpose},
                        {"samples", b.samples},
                        {"reason", b.reason},
                        {"created_at", b.created_at},
                        {"updated_at", b.updated_at}};
}

std::optional<Booking> FindOverlap(store::Session& s, std::int64_t instrument_id, Span span,
                                   std::optional<std::int64_t> except) {
    // A booking lasts at most a day (the schema's CHECK): looking back one day bounds the scan.
    store::Rows rows = s.Query(kSelect + "WHERE b.instrument_id = $1 AND b.status IN " + kLiveStates +
                                   " AND b.start_minute < $2 AND b.start_minute > $3 AND b.end_minute > $4 "
                                   "AND b.id <> $5 ORDER BY b.start_minute LIMIT 1",
                               {instrument_id, span.end, span.start - 24 * 60, span.start, except.value_or(0)});
    if (rows.empty()) return std::nullopt;
    return FromRow(rows[0]);
}

std::int64_t LiveMinutes(store::Session& s, std::int64_t instrument_id, std::int64_t user_id, Span week) {
    return s
        .Query(std::string("SELECT COALESCE(SUM(end_minute - start_minute), 0) FROM bookings WHERE instrument_id = $1 "
                           "AND user_id = $2 AND status IN ") +
                   kLiveStates + " AND start_minute >= $3 AND start_minute < $4",
               {instrument_id, user_id, week.start, week.end})
        .front()
        .Int(0);
}

Booking InsertBooking(store::Session& s, const NewBooking& b, const std::string& instrument_name) {
    std::string now = clock::NowUtc();
    std::int64_t id = s.InsertReturningId(
        "INSERT INTO bookings (instrument_id, org_id, client_org_id, user_id, booked_by, series_id, status, "
        "start_minute, end_minute, starts_at, ends_at, purpose, samples, created_at, updated_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id",
        {b.instrument_id, b.org_id, b.client_org_id, b.user_id, b.booked_by, b.series_id, b.status, b.span.start,
         b.span.end, FormatMinute(b.span.start), FormatMinute(b.span.end), b.purpose, b.samples, now});
    return Booking{.id = id,
                   .instrument_id = b.instrument_id,
                   .instrument_name = instrument_name,
                   .org_id = b.org_id,
                   .client_org_id = b.client_org_id,
                   .user_id = b.user_id,
                   .booked_by = b.booked_by,
                   .series_id = b.series_id,
                   .status = b.status,
                   .version = 1,
                   .span = b.span,
                   .purpose = b.purpose,
                   .samples = b.samples,
                   .created_at = now,
                   .updated_at = now};
}

std::string LocalSpanText(Span span) {
    // The local text of a minute: shift by UTC+8 and read the UTC formatter's digits.
    std::string from = FormatMinute(span.start + 8 * 60), to = FormatMinute(span.end + 8 * 60);
    return from.substr(0, 10) + " " + from.substr(11, 5) + "–" + to.substr(11, 5);
}

Error SlotTaken(Span taken) {
    std::string when = LocalSpanText(taken);
    return Error::Conflict("该时段已被预约：" + when, "The slot is taken: " + when + " (Beijing time)");
}

}  // namespace keyuan::bookings
