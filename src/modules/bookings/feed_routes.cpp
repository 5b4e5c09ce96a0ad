// iCalendar feeds with a secret URL token, resettable (the old URL stops working at once):
//   POST /api/v1/me/calendar-feed                 → {url}: the caller's own bookings
//   POST /api/v1/instruments/{id}/calendar-feed   → {url}: an instrument's booked time (its unit)
//   GET  /api/v1/calendar-feeds/{token}.ics       text/calendar; no sign-in, the token is the key
#include <boost/json/object.hpp>

#include "access/crypto.hpp"
#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/bookings/ics.hpp"
#include "modules/bookings/module_parts.hpp"
#include "modules/bookings/rule_store.hpp"

namespace keyuan::bookings {
namespace json = boost::json;
using http::Request;

namespace {

constexpr std::int64_t kPastMinutes = 30 * 24 * 60;     // a month back
constexpr std::int64_t kFutureMinutes = 366 * 24 * 60;  // and the booking horizon ahead

/// Replaces the owner's token; returns the new URL (the only time the token is shown).
std::string ResetToken(store::Database& db, const Actor& actor, const std::string& owner_kind, std::int64_t owner_id) {
    std::string token = access::RandomToken(24);
    db.Write([&](store::Session& s) {
        s.Execute("DELETE FROM calendar_tokens WHERE owner_kind = $1 AND owner_id = $2", {owner_kind, owner_id});
        s.Execute("INSERT INTO calendar_tokens (owner_kind, owner_id, token_hash, created_at) VALUES ($1, $2, $3, $4)",
                  {owner_kind, owner_id, access::Sha256Hex(token), clock::NowUtc()});
        changes::Record(s, actor, {.object_type = owner_kind, .object_id = owner_id, .event = "calendar_feed_reset"});
    });
    return "/api/v1/calendar-feeds/" + token + ".ics";
}

std::vector<CalendarEvent> Events(const std::vector<Booking>& bookings, bool name_instrument) {
    std::vector<CalendarEvent> events;
    for (const Booking& b : bookings) {
        bool tentative = b.status == "requested";
        std::string state = tentative ? "待审批" : b.status == "completed" ? "已完成" : "已预约";
        events.push_back(CalendarEvent{.uid = "booking-" + std::to_string(b.id) + "@keyuan",
                                       .span = b.span,
                                       .summary = (name_instrument ? b.instrument_name + " · " : "") + state,
                                       .description = name_instrument ? b.purpose : "",
                                       .tentative = tentative});
    }
    return events;
}

}  // namespace

void RegisterFeedRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;

    context.router.Post("/api/v1/me/calendar-feed", [&db](Request& r) {
        const Caller& caller = r.SignedIn();
        return http::JsonResponse(200, json::object{{"url", ResetToken(db, r.ToActor(), "user", caller.user_id)}});
    });

    context.router.Post("/api/v1/instruments/{id}/calendar-feed", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "booking_rules.update");
        db.Read([&](store::Session& s) {
            std::optional<InstrumentRef> instrument = LoadInstrument(s, id);
            if (!instrument) throw ApiError(Error::NotFound());
            policy.Authorize(r.caller.get(), "booking_rules.update", access::ObjectScope{.org_id = instrument->org_id});
        });
        return http::JsonResponse(200, json::object{{"url", ResetToken(db, r.ToActor(), "instrument", id)}});
    });

    context.router.Get("/api/v1/calendar-feeds/{token}", [&db](Request& r) {
        std::string token(r.PathParam("token"));
        if (token.ends_with(".ics")) token.resize(token.size() - 4);
        if (token.empty() || token.size() > 64) throw ApiError(Error::NotFound());
        std::string body;
        db.Read([&](store::Session& s) {
            store::Rows owner = s.Query("SELECT owner_kind, owner_id FROM calendar_tokens WHERE token_hash = $1",
                                        {access::Sha256Hex(token)});
            if (owner.empty()) throw ApiError(Error::NotFound());
            std::string kind(owner[0].Text(0));
            std::int64_t id = owner[0].Int(1);
            std::int64_t now = clock::NowUnix() / 60;
            std::vector<store::Param> params = {id, now - kPastMinutes, now + kFutureMinutes};
            std::string window = " AND b.start_minute >= $2 AND b.start_minute < $3 ORDER BY b.start_minute";
            if (kind == "user") {
                body =
                    RenderCalendar("我的仪器预约",
                                   Events(SelectBookings(s,
                                                         " WHERE (b.user_id = $1 OR b.booked_by = $1) AND b.status IN "
                                                         "('requested', 'approved', 'completed')" +
                                                             window,
                                                         params),
                                          true),
                                   now);
            } else {
                // The instrument's feed shows booked time, not who booked it: a URL can travel.
                std::optional<InstrumentRef> instrument = LoadInstrument(s, id);
                body = RenderCalendar(instrument ? instrument->name : "",
                                      Events(SelectBookings(s,
                                                            " WHERE b.instrument_id = $1 AND b.status IN "
                                                            "('requested', 'approved', 'completed')" +
                                                                window,
                                                            params),
                                             false),
                                      now);
            }
        });
        http::Response response;
        response.content_type = "text/calendar; charset=utf-8";
        response.body = std::move(body);
        response.SetHeader("Cache-Control", "private, max-age=300");
        return response;
    });
}

}  // namespace keyuan::bookings
