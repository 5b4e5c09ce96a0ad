#include "modules/orders/lifecycle.hpp"

#include "core/error.hpp"
#include "modules/orders/notices.hpp"
#include "modules/orders/order_store.hpp"
#include "modules/vouchers/service.hpp"
#include "workflow/service_sides.hpp"

namespace keyuan::orders {
namespace {

/// The roles that order services (every signed-in role that uses them).
const std::vector<Role> kClientRoles = {Role::kEnterprise, Role::kUnitAdmin, Role::kBaseAdmin, Role::kExpert};

std::vector<workflow::Grant> Clients() {
    return workflow::ClientGrants(kClientRoles, false);
}

/// A transition whose data comes through its own route: the generic route alone is refused.
void RequireColumn(workflow::StepContext& step, const char* sql, const char* zh, const char* en) {
    if (step.session.Query(sql, {step.before.id}).empty()) throw ApiError(Error::Conflict(zh, en));
}

/// Tells the client or the provider unit about a step.
void TellOrder(workflow::StepContext& step, workflow::Side side, const char* kind) {
    Order order = *LoadOrder(step.session, step.before.id);
    (side == workflow::Side::kClient ? NoticeToClient : NoticeToProvider)(step.session, order, kind, step.reason);
}

constexpr workflow::Side kClient = workflow::Side::kClient;
constexpr workflow::Side kProvider = workflow::Side::kProvider;

/// An order that ends undelivered gives back what a voucher reserved for it.
void ReleaseVoucher(workflow::StepContext& step) {
    vouchers::Release(step.session, step.actor, "order", step.before.id);
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
                         .who = workflow::ProviderGrants(),
                         .permission = "decide",
                         .effect = workflow::Tell(TellOrder, kClient, "order_quoted", RequireQuote)},
                        {.action = "confirm",
                         .from = {"quoted"},
                         .to = "confirmed",
                         .who = Clients(),
                         .effect = workflow::Tell(TellOrder, kProvider, "order_confirmed")},
                        {.action = "start",
                         .from = {"confirmed"},
                         .to = "in_service",
                         .who = workflow::ProviderGrants(),
                         .permission = "decide",
                         .effect = workflow::Tell(TellOrder, kClient, "order_started")},
                        {.action = "complete",
                         .from = {"in_service"},
                         .to = "completed",
                         .who = workflow::ProviderGrants(),
                         .permission = "decide",
                         .effect = workflow::Tell(TellOrder, kClient, "order_completed", RequireDelivery)},
                        {.action = "reject",
                         .from = {"requested", "quoted"},
                         .to = "rejected",
                         .who = workflow::ProviderGrants(),
                         .permission = "decide",
                         .reason_required = true,
                         .keeps_reason = true,
                         .effect = workflow::Tell(TellOrder, kClient, "order_rejected", ReleaseVoucher)},
                        {.action = "cancel",
                         .from = {"requested", "quoted"},
                         .to = "cancelled",
                         .who = Clients(),
                         .keeps_reason = true,
                         .effect = workflow::Tell(TellOrder, kProvider, "order_cancelled", ReleaseVoucher)},
                        {.action = "provider_cancel",
                         .from = {"confirmed", "in_service"},
                         .to = "cancelled",
                         .who = workflow::ProviderGrants(),
                         .permission = "decide",
                         .reason_required = true,
                         .keeps_reason = true,
                         .effect = workflow::Tell(TellOrder, kClient, "order_cancelled", ReleaseVoucher)}},
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
