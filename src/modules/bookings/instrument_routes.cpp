// What a unit sets on its instrument for booking, and what anyone sees of its calendar:
//   GET/PUT /api/v1/instruments/{id}/booking-rules
//   GET/POST /api/v1/instruments/{id}/trained-users, DELETE …/trained-users/{user_id}
//   GET /api/v1/instruments/{id}/availability?from=YYYY-MM-DD&to=YYYY-MM-DD (local days, ≤ 62)
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/bookings/booking_store.hpp"
#include "modules/bookings/module_parts.hpp"
#include "modules/bookings/rule_store.hpp"
#include "workflow/deadlines.hpp"

namespace keyuan::bookings {
namespace json = boost::json;
using http::Request;

namespace {

constexpr int kMaxAvailabilityDays = 62;

/// The instrument, if the caller may see it: published ones are public, others only to those
/// who manage them.
InstrumentRef Visible(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id) {
    std::optional<InstrumentRef> instrument = LoadInstrument(s, id);
    if (!instrument) throw ApiError(Error::NotFound());
    if (instrument->status != "approved" &&
        !policy.Allows(caller, "booking_rules.update", access::ObjectScope{.org_id = instrument->org_id})) {
        throw ApiError(Error::NotFound());
    }
    return *instrument;
}

/// The instrument, if the caller manages it (401/403 without the grant, 404 outside its scope).
InstrumentRef Managed(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id) {
    std::optional<InstrumentRef> instrument = LoadInstrument(s, id);
    if (!instrument) throw ApiError(Error::NotFound());
    policy.Authorize(caller, "booking_rules.update", access::ObjectScope{.org_id = instrument->org_id});
    return *instrument;
}

/// The scope before the body: outside it a caller learns nothing, not even what a valid body is.
void RequireManaged(store::Database& db, const access::Policy& policy, const Caller* caller, std::int64_t id) {
    db.Read([&](store::Session& s) { Managed(s, policy, caller, id); });
}

json::object Availability(store::Session& s, std::int64_t instrument_id, Date from, Date to) {
    std::optional<StoredRules> rules = LoadRules(s, instrument_id);
    json::array days;
    if (!rules)
        return json::object{{"instrument_id", std::to_string(instrument_id)}, {"bookable", false}, {"days", days}};
    WorkingCalendar calendar = workflow::LoadCalendar(s);
    std::vector<Booking> live =
        SelectBookings(s,
                       " WHERE b.instrument_id = $1 AND b.status IN " + std::string(kLiveStates) +
                           " AND b.start_minute >= $2 AND b.start_minute < $3 ORDER BY b.start_minute",
                       {instrument_id, LocalDayStart(from) - 24 * 60, LocalDayStart(to.AddDays(1))});
    std::int64_t now = clock::NowUnix() / 60;
    for (Date day = from; day <= to; day = day.AddDays(1)) {
        json::array slots;
        for (const Span& slot : DaySlots(rules->rules, calendar, day)) {
            std::string state = slot.start < now ? "past" : "free";
            for (const Booking& b : live) {
                if (b.span.Overlaps(slot)) state = "taken";
            }
            slots.push_back(json::object{
                {"starts_at", FormatMinute(slot.start)}, {"ends_at", FormatMinute(slot.end)}, {"state", state}});
        }
        days.push_back(
            json::object{{"date", day.ToString()}, {"bookable", !slots.empty()}, {"slots", std::move(slots)}});
    }
    return json::object{{"instrument_id", std::to_string(instrument_id)},
                        {"bookable", true},
                        {"slot_minutes", rules->rules.slot_minutes},
                        {"days", std::move(days)}};
}

}  // namespace

void RegisterInstrumentRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;

    context.router.Get("/api/v1/instruments/{id}/booking-rules", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer{{"bookable", false}};
        db.Read([&](store::Session& s) {
            Visible(s, policy, r.caller.get(), id);
            if (std::optional<StoredRules> rules = LoadRules(s, id)) answer = RulesJson(*rules);
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Put("/api/v1/instruments/{id}/booking-rules", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "booking_rules.update");
        RequireManaged(db, policy, r.caller.get(), id);
        json::object body = http::ParseJsonObject(r);
        std::optional<std::int64_t> expected = http::ExpectedVersion(r, body);
        BookingRules rules = ReadRules(body);
        json::object after;
        db.Write([&](store::Session& s) {
            Managed(s, policy, r.caller.get(), id);
            std::optional<StoredRules> before = LoadRules(s, id);
            if (expected && (!before || before->version != *expected)) {
                throw ApiError(
                    Error::Conflict("数据已被他人修改，请刷新后重试", "Changed by someone else; reload and retry"));
            }
            std::int64_t version = SaveRules(s, id, rules, before ? std::optional(before->version) : std::nullopt);
            after = RulesJson(StoredRules{rules, version});
            changes::Record(s, r.ToActor(),
                            {.object_type = "booking_rules",
                             .object_id = id,
                             .event = before ? "updated" : "created",
                             .before_json = before ? std::optional(json::serialize(RulesJson(*before))) : std::nullopt,
                             .snapshot = &after,
                             .version = version});
        });
        return http::JsonResponse(200, after);
    });

    context.router.Get("/api/v1/instruments/{id}/trained-users", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "booking_rules.update");
        json::array items;
        db.Read([&](store::Session& s) {
            Managed(s, policy, r.caller.get(), id);
            store::Rows rows = s.Query(
                "SELECT t.user_id, u.username, u.display_name, t.trained_on FROM instrument_trained_users t "
                "JOIN users u ON u.id = t.user_id WHERE t.instrument_id = $1 ORDER BY t.user_id",
                {id});
            for (std::size_t i = 0; i < rows.size(); ++i) {
                items.push_back(json::object{{"user_id", std::to_string(rows[i].Int(0))},
                                             {"username", rows[i].Text(1)},
                                             {"display_name", rows[i].Text(2)},
                                             {"trained_on", rows[i].Text(3)}});
            }
        });
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });

    context.router.Post("/api/v1/instruments/{id}/trained-users", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "booking_rules.update");
        RequireManaged(db, policy, r.caller.get(), id);
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        std::optional<std::string> user_text = reader.String("user_id", {.required = true, .max_chars = 20});
        std::string trained_on = reader.Date("trained_on", false).value_or(clock::TodayShanghai());
        std::optional<std::int64_t> user_id = user_text ? ParseId(*user_text) : std::nullopt;
        if (user_text && !user_id) reader.errors().Add("user_id", "编号无效", "user_id: not an id");
        reader.Finish();
        json::object added{{"user_id", std::to_string(*user_id)}, {"trained_on", trained_on}};
        db.Write([&](store::Session& s) {
            Managed(s, policy, r.caller.get(), id);
            if (s.Query("SELECT 1 FROM users WHERE id = $1", {*user_id}).empty()) {
                throw ApiError(Error::Validation({{"user_id", {"用户不存在", "No such user"}}}));
            }
            if (IsTrained(s, id, *user_id))
                throw ApiError(Error::Conflict("已在培训名单中", "Already on the trained list"));
            s.Execute(
                "INSERT INTO instrument_trained_users (instrument_id, user_id, trained_on, added_at) "
                "VALUES ($1, $2, $3, $4)",
                {id, *user_id, trained_on, clock::NowUtc()});
            changes::Record(s, r.ToActor(),
                            {.object_type = "instrument",
                             .object_id = id,
                             .event = "trained_user_added",
                             .after_json = json::serialize(added)});
        });
        return http::JsonResponse(201, added);
    });

    context.router.Delete("/api/v1/instruments/{id}/trained-users/{user_id}", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        std::int64_t user_id = http::PathId(r, "user_id");
        policy.RequireAction(r.caller.get(), "booking_rules.update");
        db.Write([&](store::Session& s) {
            Managed(s, policy, r.caller.get(), id);
            if (s.Execute("DELETE FROM instrument_trained_users WHERE instrument_id = $1 AND user_id = $2",
                          {id, user_id}) != 1) {
                throw ApiError(Error::NotFound());
            }
            changes::Record(s, r.ToActor(),
                            {.object_type = "instrument",
                             .object_id = id,
                             .event = "trained_user_removed",
                             .before_json = json::serialize(json::object{{"user_id", std::to_string(user_id)}})});
        });
        return http::Response{.status = 204};
    });

    context.router.Get("/api/v1/instruments/{id}/availability", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        FieldErrors errors;
        Date today = *Date::Parse(clock::TodayShanghai());
        auto day = [&](const char* name, Date fallback) {
            std::optional<std::string> text = r.Query(name);
            if (!text) return fallback;
            std::optional<Date> parsed = Date::Parse(*text);
            if (!parsed) errors.Add(name, "日期须为 YYYY-MM-DD", std::string(name) + ": YYYY-MM-DD");
            return parsed.value_or(fallback);
        };
        Date from = day("from", today);
        Date to = day("to", from.AddDays(6));
        if (errors.empty() && (to < from || to.days() - from.days() >= kMaxAvailabilityDays)) {
            errors.Add("to", "查询区间须为 1–62 天", "to: a range of 1 to 62 days");
        }
        errors.ThrowIfAny();
        json::object answer;
        db.Read([&](store::Session& s) {
            Visible(s, policy, r.caller.get(), id);
            answer = Availability(s, id, from, to);
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::bookings
