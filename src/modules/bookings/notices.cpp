#include "modules/bookings/notices.hpp"

#include "modules/notifications/service.hpp"

namespace keyuan::bookings {
namespace json = boost::json;

namespace {

json::object Params(const Booking& b, const std::string& reason) {
    json::object params{{"booking_id", std::to_string(b.id)},
                        {"instrument_id", std::to_string(b.instrument_id)},
                        {"instrument_name", b.instrument_name},
                        {"starts_at", FormatMinute(b.span.start)},
                        {"ends_at", FormatMinute(b.span.end)}};
    if (!reason.empty()) params["reason"] = reason;
    return params;
}

}  // namespace

void NoticeToClient(store::Session& s, const Booking& b, std::string_view kind, const std::string& reason) {
    notifications::Notify(s, b.user_id, kind, Params(b, reason));
    if (b.booked_by != b.user_id) notifications::Notify(s, b.booked_by, kind, Params(b, reason));
}

void NoticeToProvider(store::Session& s, const Booking& b, std::string_view kind, const std::string& reason) {
    notifications::NotifyUnit(s, b.org_id, kind, Params(b, reason));
}

int SendReminders(store::Database& db, Date today) {
    int queued = 0;
    db.Write([&](store::Session& s) {
        queued = 0;
        Date tomorrow = today.AddDays(1);
        std::vector<Booking> soon = SelectBookings(
            s, " WHERE b.status = 'approved' AND b.start_minute >= $1 AND b.start_minute < $2 ORDER BY b.id",
            {LocalDayStart(tomorrow), LocalDayStart(tomorrow.AddDays(1))});
        for (const Booking& b : soon) {
            std::string key = "reminder:booking:" + std::to_string(b.id);
            if (notifications::Notify(s, b.user_id, "booking_reminder", Params(b, ""), key)) ++queued;
        }
        std::vector<Booking> unrated = SelectBookings(
            s,
            " WHERE b.id IN (SELECT d.source_id FROM deliveries d LEFT JOIN ratings r ON r.delivery_id = d.id "
            "WHERE d.source_kind = 'booking' AND r.id IS NULL AND d.delivered_on < $1 AND d.delivered_on >= $2) "
            "ORDER BY b.id",
            {today.ToString(), today.AddDays(-30).ToString()});
        for (const Booking& b : unrated) {
            std::string key = "please_rate:booking:" + std::to_string(b.id);
            if (notifications::Notify(s, b.user_id, "booking_please_rate", Params(b, ""), key)) ++queued;
        }
    });
    return queued;
}

}  // namespace keyuan::bookings
