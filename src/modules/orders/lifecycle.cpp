#include "modules/orders/lifecycle.hpp"

#include "core/error.hpp"
#include "modules/orders/notices.hpp"
#include "modules/orders/order_store.hpp"

namespace keyuan::orders {
namespace {

/// The roles that order services (every signed-in role that uses them).
const std::vector<Role> kClientRoles = {Role::kEnterprise, Role::kUnitAdmin, Role::kBaseAdmin, Role::kExpert};

std::vector<workflow::Grant> Clients() {
    std::vector<workflow::Grant> out;
    for (Role role : kClientRoles) out.push_back({role, access::Scope::kOwn});
    return out;
}

std::vector<workflow::Grant> Providers() {
    return {{Role::kUnitAdmin, access::Scope::kOrganization}, {Role::kOperator, access::Scope::kAll}};
}

/// A transition whose data comes through its own route: the generic route alone is refused.
void RequireColumn(workflow::StepContext& step, const char* sql, const char* zh, const char* en) {
    if (step.session.Query(sql, {step.before.id}).empty()) throw ApiError(Error::Conflict(zh, en));
}

using Effect = std::function<void(workflow::StepContext&)>;

/// The effect that tells the other side of a step (after `first`, which may refuse it).
Effect Tell(bool client, const char* kind, Effect first = nullptr) {
    return [client, kind, first](workflow::StepContext& step) {
        if (first) first(step);
        Order order = *LoadOrder(step.session, step.before.id);
        if (client) {
            NoticeToClient(step.session, order, kind, step.reason);
        } else {
            NoticeToProvider(step.session, order, kind, step.reason);
        }
    };
}

void RequireQuote(workflow::StepContext& step) {
    RequireColumn(step, "SELECT 1 FROM service_orders WHERE id = $1 AND quote_fen IS NOT NULL",
                  "请通过报价接口填写价格和工期", "Quote through …/quotation with a price and the days");
}

void RequireDelivery(workflow::StepContext& step) {
    RequireColumn(step, "SELECT 1 FROM deliveries WHERE source_kind = 'order' AND source_id = $1", "请先登记服务记录",
                  "Record the delivery first");
}

}  // namespace

const std::vector<Role>& OrderRoles() {
    return kClientRoles;
}

access::ObjectScope OrderScope(std::int64_t provider_org, std::int64_t user_id) {
    return access::ObjectScope{.owner_user_id = user_id, .org_id = provider_org};
}

workflow::Definition OrderDefinition() {
    return workflow::Definition{
        .kind = "service_order",
        .table = "service_orders",
        .initial = "requested",
        .states = {{"requested", kAnswerWorkingDays},
                   {"quoted"},
                   {"confirmed"},
                   {"in_service"},
                   {"completed"},
                   {"rejected"},
                   {"cancelled"}},
        .transitions = {{.action = "quote",
                         .from = {"requested"},
                         .to = "quoted",
                         .who = Providers(),
                         .permission = "decide",
                         .effect = Tell(true, "order_quoted", RequireQuote)},
                        {.action = "confirm",
                         .from = {"quoted"},
                         .to = "confirmed",
                         .who = Clients(),
                         .effect = Tell(false, "order_confirmed")},
                        {.action = "start",
                         .from = {"confirmed"},
                         .to = "in_service",
                         .who = Providers(),
                         .permission = "decide",
                         .effect = Tell(true, "order_started")},
                        {.action = "complete",
                         .from = {"in_service"},
                         .to = "completed",
                         .who = Providers(),
                         .permission = "decide",
                         .effect = Tell(true, "order_completed", RequireDelivery)},
                        {.action = "reject",
                         .from = {"requested", "quoted"},
                         .to = "rejected",
                         .who = Providers(),
                         .permission = "decide",
                         .reason_required = true,
                         .keeps_reason = true,
                         .effect = Tell(true, "order_rejected")},
                        {.action = "cancel",
                         .from = {"requested", "quoted"},
                         .to = "cancelled",
                         .who = Clients(),
                         .keeps_reason = true,
                         .effect = Tell(false, "order_cancelled")},
                        {.action = "provider_cancel",
                         .from = {"confirmed", "in_service"},
                         .to = "cancelled",
                         .who = Providers(),
                         .permission = "decide",
                         .reason_required = true,
                         .keeps_reason = true,
                         .effect = Tell(true, "order_cancelled")}},
        .reason_column = "reason",
        .load = [](store::Session& s, std::int64_t id) -> std::optional<workflow::Subject> {
            store::Rows rows =
                s.Query("SELECT status, version, org_id, user_id FROM service_orders WHERE id = $1", {id});
            if (rows.empty()) return std::nullopt;
            return workflow::Subject{.id = id,
                                     .state = std::string(rows[0].Text(0)),
                                     .version = rows[0].Int(1),
                                     .scope = OrderScope(rows[0].Int(2), rows[0].Int(3))};
        },
        .present = [](store::Session& s, std::int64_t id) { return OrderJson(*LoadOrder(s, id)); }};
}

}  // namespace keyuan::orders
