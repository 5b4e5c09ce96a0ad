// /api/v1/orders: a client orders a registered service; the provider quotes; both read their
// orders. The other transitions (confirm, start, reject, cancel, provider_cancel) come from the
// lifecycle's generic routes.
#include <boost/json/array.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/orders/attachments.hpp"
#include "modules/orders/lifecycle.hpp"
#include "modules/orders/module_parts.hpp"
#include "modules/orders/notices.hpp"
#include "modules/vouchers/service.hpp"
#include "store/guarded_update.hpp"
#include "workflow/deadlines.hpp"
#include "workflow/queues.hpp"

namespace keyuan::orders {
namespace json = boost::json;
using http::Request;

namespace {

NewOrder ReadNewOrder(const json::object& body) {
    http::JsonReader reader(body);
    NewOrder order;
    std::optional<std::string> service = reader.String("service_id", {.required = true, .max_chars = 20});
    if (service) {
        order.service_id = ParseId(*service).value_or(0);
        if (order.service_id == 0) reader.errors().Add("service_id", "编号无效", "service_id: not an id");
    }
    order.requirements = reader.String("requirements", {.required = true, .max_chars = 2000}).value_or("");
    order.samples = reader.Int("samples", false, 0, 100000).value_or(0);
    order.sample_description = reader.String("sample_description", {.max_chars = 1000}).value_or("");
    reader.Finish();
    return order;
}

json::object ListOrders(store::Database& db, const access::Policy& policy, const workflow::Workflow& lifecycle,
                        const Request& r) {
    const Caller* caller = r.caller.get();
    http::Paging paging = http::ParsePaging(r);
    FieldErrors errors;
    workflow::Conditions where;
    workflow::ReadQueueView(r, policy, lifecycle,
                            {.provider_org = "o.org_id", .status = "o.status", .client_users = {"o.user_id"}}, where,
                            errors);
    if (auto service = http::QueryId(r, "service_id", errors)) where.And("o.service_id = " + where.Param(*service));
    errors.ThrowIfAny();
    json::array items;
    std::int64_t total = 0;
    db.Read([&](store::Session& s) {
        total = s.Query("SELECT COUNT(*) FROM service_orders o" + where.where(), where.params()).front().Int(0);
        std::string page = " ORDER BY o.id DESC LIMIT " + where.Param(paging.page_size) + " OFFSET " +
                           where.Param(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
        for (const Order& o : SelectOrders(s, where.where() + page, where.params())) {
            json::object item = WithDetails(s, o);
            json::array actions;
            workflow::Subject subject{
                .id = o.id, .state = o.status, .version = o.version, .scope = OrderScope(o.org_id, o.user_id)};
            for (const std::string& a : lifecycle.AllowedActions(caller, subject)) actions.push_back(json::string(a));
            item["allowed_actions"] = std::move(actions);
            items.push_back(std::move(item));
        }
    });
    return http::PageEnvelope(std::move(items), total, paging);
}

}  // namespace

Order Authorized(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                 std::string_view action) {
    std::optional<Order> order = LoadOrder(s, id);
    if (!order) throw ApiError(Error::NotFound());
    policy.Authorize(caller, action, OrderScope(order->org_id, order->user_id));
    return *order;
}

void RegisterOrderRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;

    context.router.Post("/api/v1/orders", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "service_order.create");
        NewOrder order = ReadNewOrder(http::ParseJsonObject(r));
        json::object created;
        db.Write([&](store::Session& s) {
            std::optional<ServiceRef> service = LoadPublishedService(s, order.service_id);
            // A service that is not published is not there for clients.
            if (!service) throw ApiError(Error::Validation({{"service_id", {"服务不存在", "No such service"}}}));
            order.org_id = service->org_id;
            order.client_org_id = r.caller->org_id;
            order.user_id = r.caller->user_id;
            std::int64_t id = InsertOrder(s, order);
            workflow::SetDeadline(s, "service_order", id, "requested", kAnswerWorkingDays,
                                  *Date::Parse(clock::TodayShanghai()));
            Order stored = *LoadOrder(s, id);
            NoticeToProvider(s, stored, "order_requested");
            created = OrderJson(stored);
            changes::Record(s, r.ToActor(),
                            {.object_type = "service_order",
                             .object_id = id,
                             .event = "created",
                             .snapshot = &created,
                             .version = 1});
        });
        return http::JsonResponse(201, created);
    });

    context.router.Get("/api/v1/orders/{id}", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "service_order.read");
        json::object answer;
        db.Read([&](store::Session& s) {
            answer = WithDetails(s, Authorized(s, policy, r.caller.get(), id, "service_order.read"));
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Get("/api/v1/orders", [&db, &policy, &lifecycle](Request& r) {
        policy.RequireAction(r.caller.get(), "service_order.read");
        return http::JsonResponse(200, ListOrders(db, policy, lifecycle, r));
    });

    // The quote: the price and the days are written and the order moves to `quoted` in one
    // transaction; the lifecycle's checks (state, who) decide whether it may.
    context.router.Post("/api/v1/orders/{id}/quotation", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "service_order.decide");
        json::object answer;
        db.Write([&](store::Session& s) {
            // To anyone outside the order's scope it is not there, whatever the body holds.
            Order order = Authorized(s, policy, r.caller.get(), id, "service_order.decide");
            json::object body = http::ParseJsonObject(r);
            http::JsonReader reader(body);
            std::int64_t fen = reader.Int("quote_fen", true, 0, 100'000'000'00).value_or(0);
            std::int64_t days = reader.Int("quote_days", true, 1, 365).value_or(1);
            std::string note = reader.String("note", {.max_chars = 500}).value_or("");
            reader.Finish();
            if (order.status != "requested") throw ApiError(workflow::WrongState(order.status));
            store::UpdateGuarded(s,
                                 {.table = "service_orders", .id = id, .version = order.version, .status = "requested"},
                                 "quote_fen = $1, quote_days = $2, quote_note = $3", {fen, days, note});
            lifecycle.Apply(s, r.caller.get(), id, "quote", "", r.ToActor());
            answer = WithDetails(s, *LoadOrder(s, id));
        });
        return http::JsonResponse(200, answer);
    });

    // The client confirms the quote, optionally paying part of it with an innovation voucher:
    // the voucher's amount is reserved in the confirmation's transaction (vouchers/service.hpp).
    context.router.Post("/api/v1/orders/{id}/confirm", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            // The grant before the body: a caller who may never do this learns nothing more.
            Authorized(s, policy, r.caller.get(), id, "service_order.confirm");
            json::object body = r.body.empty() ? json::object{} : http::ParseJsonObject(r);
            http::JsonReader reader(body);
            std::string reason = reader.String("reason", {.max_chars = 500}).value_or("");
            reader.Raw("voucher_id");
            reader.Raw("voucher_fen");
            reader.Finish();
            std::optional<vouchers::Payment> payment = vouchers::ReadPayment(body);
            lifecycle.Apply(s, r.caller.get(), id, "confirm", reason, r.ToActor());
            Order order = *LoadOrder(s, id);
            if (payment) {
                if (!order.client_org_id) {
                    throw ApiError(Error::Validation(
                        {{"voucher_id",
                          {"代金券须由登记单位使用", "A voucher is used by a registered organisation"}}}));
                }
                store::Rows kind = s.Query("SELECT kind FROM services WHERE id = $1", {order.service_id});
                vouchers::Reserve(s, r.ToActor(), *payment,
                                  {.kind = "order",
                                   .id = id,
                                   .client_org_id = *order.client_org_id,
                                   .provider_org_id = order.org_id,
                                   .service_kind = !kind.empty() && kind[0].Text(0) == "rnd" ? "rd_design" : "testing",
                                   .fee = Fen(order.quote_fen.value_or(0))});
            }
            answer = WithDetails(s, order);
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::orders
