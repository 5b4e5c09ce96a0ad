// The OpenAPI descriptions of an instrument's booking routes (instrument_routes.cpp) and the
// calendar feeds (feed_routes.cpp): the rules' fields with ReadRules' limits, the answers of
// RulesJson and Availability.
#include "http/doc_shapes.hpp"
#include "http/router.hpp"

namespace keyuan::bookings {
namespace json = boost::json;
using namespace http::doc;

namespace {

json::object Bounded(std::int64_t max) {
    return json::object{{"type", "integer"}, {"minimum", 0}, {"maximum", max}};
}

json::object RulesFields() {
    json::object fen{{"type", "integer"}, {"minimum", 0}, {"nullable", true}};
    return Object({{"weekdays", json::object{{"type", "string"}, {"maxLength", 7}, {"description", "1–7, Monday 1"}}},
                   {"working_days_only", Boolean()},
                   {"opens_at", json::object{{"type", "string"}, {"maxLength", 5}, {"description", "HH:MM"}}},
                   {"closes_at", json::object{{"type", "string"}, {"maxLength", 5}, {"description", "HH:MM"}}},
                   {"slot_minutes", Bounded(1440)},
                   {"min_notice_minutes", Bounded(366 * 1440)},
                   {"horizon_days", Bounded(3660)},
                   {"cancel_before_minutes", Bounded(366 * 1440)},
                   {"max_minutes_per_week", Bounded(7 * 1440)},
                   {"approval_required", Boolean()},
                   {"audience", Enum({"signed_in", "enterprise", "trained"})},
                   {"internal_fen_per_hour", fen},
                   {"external_fen_per_hour", fen},
                   {"internal_fen_per_sample", fen},
                   {"external_fen_per_sample", fen},
                   {"version", json::object{{"type", "integer"}, {"description", "or If-Match"}}}});
}

json::object RulesAnswer() {
    json::object s = RulesFields();
    s["properties"].as_object()["bookable"] = Boolean();
    s["required"] = json::array{"bookable"};
    return s;
}

}  // namespace

void DescribeInstrumentRoutes(http::Router& router) {
    using http::Method;
    const std::string base = "/api/v1/instruments/{id}";
    router.Describe(Method::kGet, base + "/booking-rules",
                    {.summary = "The instrument's booking rules ({bookable: false} when it takes no bookings)",
                     .tags = {"bookings"},
                     .response = RulesAnswer(),
                     .errors = {404}});
    router.Describe(Method::kPut, base + "/booking-rules",
                    {.summary = "Set the booking rules (the instrument's unit; If-Match or version)",
                     .tags = {"bookings"},
                     .request = RulesFields(),
                     .response = RulesAnswer(),
                     .status = 200,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(
        Method::kGet, base + "/availability",
        {.summary = "Free and taken slots per day (at most 62 days)",
         .tags = {"bookings"},
         .params = {QueryParam("from", DateStr(), "default today"), QueryParam("to", DateStr(), "default from + 6")},
         .response = Object(
             {{"instrument_id", Id()},
              {"bookable", Boolean()},
              {"slot_minutes", Integer()},
              {"days",
               ArrayOf(Object({{"date", DateStr()},
                               {"bookable", Boolean()},
                               {"slots", ArrayOf(Object({{"starts_at", Str()}, {"ends_at", Str()}, {"state", Str()}},
                                                        {"starts_at", "ends_at", "state"}))}},
                              {"date", "bookable"}))}},
             {"instrument_id", "bookable", "days"}),
         .errors = {404, 422}});
    json::object trained =
        Object({{"user_id", Id()}, {"username", Str()}, {"display_name", Str()}, {"trained_on", DateStr()}},
               {"user_id", "trained_on"});
    router.Describe(Method::kGet, base + "/trained-users",
                    {.summary = "The users trained on the instrument (its unit)",
                     .tags = {"bookings"},
                     .response = ItemsOf(trained),
                     .errors = {401, 403, 404}});
    router.Describe(Method::kPost, base + "/trained-users",
                    {.summary = "Record a user as trained (default today)",
                     .tags = {"bookings"},
                     .request = Object(
                         {{"user_id", json::object{{"type", "string"}, {"maxLength", 20}}}, {"trained_on", DateStr()}},
                         {"user_id"}),
                     .response = Object({{"user_id", Id()}, {"trained_on", DateStr()}}, {"user_id", "trained_on"}),
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(Method::kDelete, base + "/trained-users/{user_id}",
                    {.summary = "Remove a user's training record",
                     .tags = {"bookings"},
                     .params = {{.name = "user_id", .in = "path", .schema = Id()}},
                     .status = 204,
                     .errors = {401, 403, 404}});
    json::object url = Object({{"url", Str()}}, {"url"});
    router.Describe(Method::kPost, "/api/v1/me/calendar-feed",
                    {.summary = "A new private iCalendar feed of the caller's bookings (the old link stops working)",
                     .tags = {"bookings"},
                     .response = url,
                     .status = 200,
                     .errors = {401, 403}});
    router.Describe(Method::kPost, base + "/calendar-feed",
                    {.summary = "A new private iCalendar feed of the instrument's bookings (its unit)",
                     .tags = {"bookings"},
                     .response = url,
                     .status = 200,
                     .errors = {401, 403, 404}});
    router.Describe(Method::kGet, "/api/v1/calendar-feeds/{token}",
                    {.summary = "An iCalendar feed by its private token",
                     .tags = {"bookings"},
                     .response = json::object{{"type", "string"}},
                     .response_type = "text/calendar",
                     .errors = {404}});
}

}  // namespace keyuan::bookings
