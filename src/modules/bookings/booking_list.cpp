#include <boost/json/array.hpp>

#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/accounts/service.hpp"
#include "modules/bookings/booking_store.hpp"
#include "modules/bookings/lifecycle.hpp"
#include "modules/bookings/module_parts.hpp"
#include "modules/delivery/service.hpp"
#include "modules/vouchers/service.hpp"
#include "workflow/queues.hpp"

namespace keyuan::bookings {
namespace json = boost::json;

namespace {}  // namespace

json::object ListBookings(store::Database& db, const access::Policy& policy, const workflow::Workflow& lifecycle,
                          const http::Request& r) {
    const Caller* caller = r.caller.get();
    http::Paging paging = http::ParsePaging(r);
    FieldErrors errors;
    workflow::Conditions where;
    bool provider = workflow::ReadQueueView(
        r, policy, lifecycle,
        {.provider_org = "b.org_id", .status = "b.status", .client_users = {"b.user_id", "b.booked_by"}}, where,
        errors);
    if (auto instrument = http::QueryId(r, "instrument_id", errors))
        where.And("b.instrument_id = " + where.Param(*instrument));
    for (auto [name, op, shift] : {std::tuple{"from", " >= ", 0}, std::tuple{"to", " < ", 1}}) {
        auto text = r.Query(name);
        if (!text) continue;
        std::optional<Date> day = Date::Parse(*text);
        if (!day) {
            errors.Add(name, "日期须为 YYYY-MM-DD", std::string(name) + ": YYYY-MM-DD");
            continue;
        }
        where.And(std::string("b.start_minute") + op + where.Param(LocalDayStart(day->AddDays(shift))));
    }
    errors.ThrowIfAny();
    // The provider's queue reads in time order; one's own bookings newest first.
    std::string order = provider ? " ORDER BY b.start_minute, b.id" : " ORDER BY b.start_minute DESC, b.id DESC";
    json::array items;
    std::int64_t total = 0;
    db.Read([&](store::Session& s) {
        total = s.Query("SELECT COUNT(*) FROM bookings b" + where.where(), where.params()).front().Int(0);
        std::string limit = " LIMIT " + where.Param(paging.page_size);
        std::string offset = " OFFSET " + where.Param(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
        std::vector<Booking> bookings = SelectBookings(s, where.where() + order + limit + offset, where.params());
        // Each completed item with its delivery and rating, two queries for the whole page.
        std::vector<std::int64_t> ids;
        for (const Booking& b : bookings) ids.push_back(b.id);
        std::map<std::int64_t, json::object> deliveries = delivery::DeliveriesOf(s, "booking", ids);
        std::map<std::int64_t, json::object> ratings = delivery::RatingsOf(s, "booking", ids);
        std::map<std::int64_t, json::object> uses = vouchers::UsesOf(s, "booking", ids);
        // Who is served and who booked, by name: the provider's desk needs it, one query for the page.
        std::vector<std::int64_t> people;
        for (const Booking& b : bookings) people.insert(people.end(), {b.user_id, b.booked_by});
        std::map<std::int64_t, accounts::PersonName> names = accounts::NamesOf(s, people);
        for (const Booking& b : bookings) {
            json::object item = BookingJson(b);
            item["user_name"] = names[b.user_id].display_name;
            item["user_org_name"] = names[b.user_id].org_name;
            item["booked_by_name"] = names[b.booked_by].display_name;
            json::array actions;
            workflow::Subject subject{.id = b.id,
                                      .state = b.status,
                                      .version = b.version,
                                      .scope = BookingScope(b.org_id, b.user_id, b.booked_by)};
            for (const std::string& a : lifecycle.AllowedActions(caller, subject)) actions.push_back(json::string(a));
            item["allowed_actions"] = std::move(actions);
            auto u = uses.find(b.id);
            item["voucher_use"] = u == uses.end() ? json::value(nullptr) : json::value(std::move(u->second));
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
