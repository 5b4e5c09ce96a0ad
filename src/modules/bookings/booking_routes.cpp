// /api/v1/bookings: book (one or weekly), read, list (mine / the provider's queue), reschedule.
// The transitions (approve, reject, cancel, provider_cancel, complete) come from the lifecycle.
#include <boost/json/array.hpp>

#include "core/id.hpp"
#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/bookings/booking_service.hpp"
#include "modules/bookings/lifecycle.hpp"
#include "modules/bookings/module_parts.hpp"

namespace keyuan::bookings {
namespace json = boost::json;
using http::Request;

namespace {

/// One end of the booked time; records a malformed one under its field name. (-1: none.)
std::int64_t ReadMinute(http::JsonReader& reader, const char* field) {
    std::optional<std::string> text = reader.String(field, {.required = true, .max_chars = 32});
    if (!text) return -1;
    std::int64_t minute = ParseMinute(*text).value_or(-1);
    if (minute < 0)
        reader.errors().Add(field, "时间格式须为 RFC 3339（整分钟）", std::string(field) + ": RFC 3339, whole minutes");
    return minute;
}

Span ReadSpan(http::JsonReader& reader) {
    Span span{ReadMinute(reader, "starts_at"), ReadMinute(reader, "ends_at")};
    if (span.start >= 0 && span.end >= 0 && span.minutes() > 24 * 60) {
        reader.errors().Add("ends_at", "单次预约不超过一天", "ends_at: one day at most");
    }
    return span;
}

std::optional<std::int64_t> ReadId(http::JsonReader& reader, const char* field, bool required) {
    std::optional<std::string> text = reader.String(field, {.required = required, .max_chars = 20});
    if (!text) return std::nullopt;
    std::optional<std::int64_t> id = ParseId(*text);
    if (!id) reader.errors().Add(field, "编号无效", std::string(field) + ": not an id");
    return id;
}

json::array SkippedJson(const std::vector<Skipped>& skipped, http::Lang lang) {
    json::array out;
    for (const Skipped& s : skipped) {
        out.push_back(json::object{{"starts_at", FormatMinute(s.span.start)},
                                   {"ends_at", FormatMinute(s.span.end)},
                                   {"rule", s.rule},
                                   {"message", lang == http::Lang::kEn ? s.message.en : s.message.zh}});
    }
    return out;
}

constexpr std::string_view kBooking = R"({"type": "object",
  "required": ["id", "instrument_id", "org_id", "user_id", "status", "version", "starts_at", "ends_at"],
  "properties": {
    "id": {"type": "string", "pattern": "^[0-9]+$"}, "instrument_id": {"type": "string", "pattern": "^[0-9]+$"},
    "instrument_name": {"type": "string"}, "org_id": {"type": "string"},
    "client_org_id": {"type": "string", "nullable": true}, "user_id": {"type": "string"},
    "booked_by": {"type": "string"}, "series_id": {"type": "string", "nullable": true},
    "status": {"type": "string"}, "version": {"type": "integer"},
    "starts_at": {"type": "string"}, "ends_at": {"type": "string"}, "minutes": {"type": "integer"},
    "purpose": {"type": "string"}, "samples": {"type": "integer"}, "reason": {"type": "string", "nullable": true},
    "created_at": {"type": "string"}, "updated_at": {"type": "string"}}})";

/// The OpenAPI descriptions of the routes below, with the limits their readers apply.
void DescribeRoutes(http::Router& router) {
    router.AddSchema("Booking", http::Schema(kBooking));
    json::object minute{{"type", "string"}, {"maxLength", 32}, {"description", "RFC 3339, whole minutes"}};
    json::object id{{"type", "string"}, {"pattern", "^[0-9]+$"}, {"maxLength", 20}};
    router.Describe(http::Method::kPost, "/api/v1/bookings",
                    {.summary = "Book an instrument (repeat_weeks > 0: a weekly series, answered as {items, skipped})",
                     .tags = {"bookings"},
                     .request = json::object{{"type", "object"},
                                             {"required", {"instrument_id", "starts_at", "ends_at"}},
                                             {"properties",
                                              {{"instrument_id", id},
                                               {"starts_at", minute},
                                               {"ends_at", minute},
                                               {"purpose", {{"type", "string"}, {"maxLength", 500}}},
                                               {"samples", {{"type", "integer"}, {"minimum", 0}, {"maximum", 100000}}},
                                               {"user_id", id},
                                               {"repeat_weeks", {{"type", "integer"}, {"minimum", 0}, {"maximum", 26}}},
                                               {"voucher_id", id},
                                               {"voucher_fen", {{"type", "integer"}, {"minimum", 0}}}}}},
                     .response = json::object{{"type", "object"}},
                     .errors = {400, 401, 403, 404, 409, 422}});
    router.Describe(
        http::Method::kGet, "/api/v1/bookings/{id}",
        {.summary = "One booking", .tags = {"bookings"}, .response = http::SchemaRef("Booking"), .errors = {401, 404}});
    router.Describe(http::Method::kGet, "/api/v1/bookings",
                    {.summary = "The caller's bookings, or the provider's queue (?view=provider)",
                     .tags = {"bookings"},
                     .params = {{.name = "view"},
                                {.name = "status"},
                                {.name = "instrument_id", .schema = id},
                                {.name = "from", .schema = {{"type", "string"}, {"format", "date"}}},
                                {.name = "to", .schema = {{"type", "string"}, {"format", "date"}}},
                                {.name = "page", .schema = {{"type", "integer"}}},
                                {.name = "page_size", .schema = {{"type", "integer"}}}},
                     .response = json::object{{"type", "object"},
                                              {"required", {"items", "total"}},
                                              {"properties",
                                               {{"items", {{"type", "array"}, {"items", http::SchemaRef("Booking")}}},
                                                {"total", {{"type", "integer"}}}}}},
                     .errors = {401, 403, 422}});
    router.Describe(
        http::Method::kPatch, "/api/v1/bookings/{id}",
        {.summary = "Move a booking (its client only; If-Match or version)",
         .tags = {"bookings"},
         .request = json::object{{"type", "object"},
                                 {"required", {"starts_at", "ends_at"}},
                                 {"properties",
                                  {{"starts_at", minute}, {"ends_at", minute}, {"version", {{"type", "integer"}}}}}},
         .response = http::SchemaRef("Booking"),
         .errors = {400, 401, 403, 404, 409, 422}});
}

}  // namespace

void RegisterBookingRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;

    context.router.Post("/api/v1/bookings", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "booking.create");
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        BookingRequest request;
        request.instrument_id = ReadId(reader, "instrument_id", true).value_or(0);
        request.span = ReadSpan(reader);
        request.purpose = reader.String("purpose", {.max_chars = 500}).value_or("");
        request.samples = reader.Int("samples", false, 0, 100000).value_or(0);
        request.for_user_id = ReadId(reader, "user_id", false);
        request.repeat_weeks = static_cast<int>(reader.Int("repeat_weeks", false, 0, 26).value_or(0));
        reader.Raw("voucher_id");
        reader.Raw("voucher_fen");
        reader.Finish();
        request.payment = vouchers::ReadPayment(body);
        if (request.payment && request.repeat_weeks > 0) {
            throw ApiError(Error::Validation(
                {{"voucher_id", {"代金券只能用于单次预约", "A voucher pays one booking, not a weekly series"}}}));
        }
        BookingOutcome outcome = Book(db, *r.caller, r.ToActor(), request);
        if (request.repeat_weeks == 0) return http::JsonResponse(201, outcome.created.front());
        json::array items;
        for (json::object& b : outcome.created) items.push_back(std::move(b));
        return http::JsonResponse(
            201, json::object{{"items", std::move(items)}, {"skipped", SkippedJson(outcome.skipped, r.lang)}});
    });

    context.router.Get("/api/v1/bookings/{id}", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        r.SignedIn();
        json::object answer;
        db.Read([&](store::Session& s) {
            std::optional<Booking> booking = LoadBooking(s, id);
            if (!booking || !policy.Allows(r.caller.get(), "booking.read",
                                           BookingScope(booking->org_id, booking->user_id, booking->booked_by))) {
                throw ApiError(Error::NotFound());
            }
            answer = WithOutcome(s, *booking);
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Get("/api/v1/bookings", [&db, &policy, &lifecycle](Request& r) {
        policy.RequireAction(r.caller.get(), "booking.read");
        return http::JsonResponse(200, ListBookings(db, policy, lifecycle, r));
    });

    context.router.Patch("/api/v1/bookings/{id}", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "booking.create");
        // Only the client moves a booking; anyone else learns nothing of it, not even the body's rules.
        std::optional<Booking> booking;
        db.Read([&](store::Session& s) { booking = LoadBooking(s, id); });
        if (!booking || (booking->user_id != r.caller->user_id && booking->booked_by != r.caller->user_id)) {
            throw ApiError(Error::NotFound());
        }
        json::object body = http::ParseJsonObject(r);
        std::optional<std::int64_t> expected = http::ExpectedVersion(r, body);
        http::JsonReader reader(body);
        reader.Raw("version");
        Span span = ReadSpan(reader);
        reader.Finish();
        return http::JsonResponse(200, Reschedule(db, *r.caller, r.ToActor(), id, span, expected));
    });
    DescribeRoutes(context.router);
}

}  // namespace keyuan::bookings
