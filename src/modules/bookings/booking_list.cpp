#include <boost/json/array.hpp>

#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/bookings/booking_store.hpp"
#include "modules/bookings/lifecycle.hpp"
#include "modules/bookings/module_parts.hpp"
#include "modules/delivery/service.hpp"

namespace keyuan::bookings {
namespace json = boost::json;

namespace {

const std::vector<std::string_view> kStates = {"requested", "approved", "rejected", "cancelled", "completed"};

}  // namespace

json::object ListBookings(store::Database& db, const access::Policy& policy, const workflow::Workflow& lifecycle,
                          const http::Request& r) {
    const Caller* caller = r.caller.get();
    http::Paging paging = http::ParsePaging(r);
    FieldErrors errors;
    std::vector<store::Param> params;
    auto next = [&params](store::Param p) {
        params.push_back(std::move(p));
        return "$" + std::to_string(params.size());
    };
    std::string where = " WHERE 1=1";
    std::string view = r.Query("view").value_or("mine");
    bool provider = view == "provider";
    if (provider) {
        std::vector<access::Scope> scopes = policy.ScopesFor(caller, "booking.decide");
        bool all = std::find(scopes.begin(), scopes.end(), access::Scope::kAll) != scopes.end();
        if (scopes.empty() || (!all && !caller->org_id)) throw ApiError(Error::Forbidden());
        if (!all) where += " AND b.org_id = " + next(*caller->org_id);
    } else if (view == "mine") {
        std::string me = next(caller->user_id);
        where += " AND (b.user_id = " + me + " OR b.booked_by = " + me + ")";
    } else {
        errors.Add("view", "view 须为 mine 或 provider", "view: mine or provider");
    }
    if (auto status = r.Query("status")) {
        if (std::find(kStates.begin(), kStates.end(), *status) == kStates.end()) {
            errors.Add("status", "未知的状态", "status: unknown state");
        } else {
            where += " AND b.status = " + next(*status);
        }
    }
    if (auto instrument = http::QueryId(r, "instrument_id", errors))
        where += " AND b.instrument_id = " + next(*instrument);
    for (auto [name, op, shift] : {std::tuple{"from", " >= ", 0}, std::tuple{"to", " < ", 1}}) {
        auto text = r.Query(name);
        if (!text) continue;
        std::optional<Date> day = Date::Parse(*text);
        if (!day) {
            errors.Add(name, "日期须为 YYYY-MM-DD", std::string(name) + ": YYYY-MM-DD");
            continue;
        }
        where += std::string(" AND b.start_minute") + op + next(LocalDayStart(day->AddDays(shift)));
    }
    errors.ThrowIfAny();
    // The provider's queue reads in time order; one's own bookings newest first.
    std::string order = provider ? " ORDER BY b.start_minute, b.id" : " ORDER BY b.start_minute DESC, b.id DESC";
    json::array items;
    std::int64_t total = 0;
    db.Read([&](store::Session& s) {
        total = s.Query("SELECT COUNT(*) FROM bookings b" + where, params).front().Int(0);
        std::string limit = " LIMIT " + next(paging.page_size);
        std::string offset = " OFFSET " + next(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
        std::vector<Booking> bookings = SelectBookings(s, where + order + limit + offset, params);
        // Each completed item with its delivery and rating, two queries for the whole page.
        std::vector<std::int64_t> ids;
        for (const Booking& b : bookings) ids.push_back(b.id);
        std::map<std::int64_t, json::object> deliveries = delivery::DeliveriesOf(s, "booking", ids);
        std::map<std::int64_t, json::object> ratings = delivery::RatingsOf(s, "booking", ids);
        for (const Booking& b : bookings) {
            json::object item = BookingJson(b);
            json::array actions;
            workflow::Subject subject{.id = b.id,
                                      .state = b.status,
                                      .version = b.version,
                                      .scope = BookingScope(b.org_id, b.user_id, b.booked_by)};
            for (const std::string& a : lifecycle.AllowedActions(caller, subject)) actions.push_back(json::string(a));
            item["allowed_actions"] = std::move(actions);
            auto d = deliveries.find(b.id);
            item["delivery"] = d == deliveries.end() ? json::value(nullptr) : json::value(d->second);
            auto rt = ratings.find(b.id);
            item["rating"] = rt == ratings.end() ? json::value(nullptr) : json::value(rt->second);
            items.push_back(std::move(item));
        }
    });
    return http::PageEnvelope(std::move(items), total, paging);
}

}  // namespace keyuan::bookings
