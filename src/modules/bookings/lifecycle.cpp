#include "modules/bookings/lifecycle.hpp"

#include "core/clock.hpp"
#include "modules/bookings/booking_store.hpp"
#include "modules/bookings/notices.hpp"
#include "modules/bookings/rule_store.hpp"
#include "modules/vouchers/service.hpp"
#include "workflow/service_sides.hpp"

namespace keyuan::bookings {
namespace {

std::vector<workflow::Grant> Clients() {
    return workflow::ClientGrants(BookingRoles(), true);
}

/// A client's cancellation keeps to the instrument's deadline; a throw undoes the transition.
void KeepCancellationDeadline(workflow::StepContext& step) {
    std::optional<Booking> booking = LoadBooking(step.session, step.before.id);
    std::optional<StoredRules> rules = LoadRules(step.session, booking->instrument_id);
    BookingRules effective = rules ? rules->rules : BookingRules{};
    if (auto broken = CheckCancel(effective, booking->span, clock::NowUnix() / 60)) {
        throw ApiError(Error::Validation({{"cancel_deadline", broken->message}}));
    }
}

/// A booking completes by its delivery record (POST …/{id}/delivery), once its time has begun.
void RequireDelivered(workflow::StepContext& step) {
    std::optional<Booking> booking = LoadBooking(step.session, step.before.id);
    if (booking->span.start > clock::NowUnix() / 60) {
        throw ApiError(Error::Conflict("预约时段尚未开始", "The booked time has not begun"));
    }
    if (step.session.Query("SELECT 1 FROM deliveries WHERE source_kind = 'booking' AND source_id = $1", {booking->id})
            .empty()) {
        throw ApiError(Error::Conflict("请先登记服务记录", "Record the delivery first"));
    }
}

/// A booking that ends undelivered gives back what a voucher reserved for it.
void ReleaseVoucher(workflow::StepContext& step) {
    vouchers::Release(step.session, step.actor, "booking", step.before.id);
}

/// Tells the client or the provider unit about a step.
void TellBooking(workflow::StepContext& step, workflow::Side side, const char* kind) {
    Booking booking = *LoadBooking(step.session, step.before.id);
    (side == workflow::Side::kClient ? NoticeToClient : NoticeToProvider)(step.session, booking, kind, step.reason);
}

constexpr workflow::Side kClient = workflow::Side::kClient;
constexpr workflow::Side kProvider = workflow::Side::kProvider;

}  // namespace

const std::vector<Role>& BookingRoles() {
    static const std::vector<Role> kRoles = {Role::kEnterprise, Role::kUnitAdmin, Role::kBaseAdmin, Role::kExpert};
    return kRoles;
}

access::ObjectScope BookingScope(std::int64_t provider_org, std::int64_t user_id, std::int64_t booked_by) {
    return access::ObjectScope{.owner_user_id = user_id, .org_id = provider_org, .assigned_user_ids = {booked_by}};
}

workflow::Definition BookingDefinition() {
    return workflow::Definition{
        .kind = "booking",
        .table = "bookings",
        .initial = "requested",
        .states = {{"requested", kAnswerWorkingDays}, {"approved"}, {"rejected"}, {"cancelled"}, {"completed"}},
        .transitions = {{.action = "approve",
                         .from = {"requested"},
                         .to = "approved",
                         .who = workflow::ProviderGrants(),
                         .permission = "decide",
                         .effect = workflow::Tell(TellBooking, kClient, "booking_approved")},
                        {.action = "reject",
                         .from = {"requested"},
                         .to = "rejected",
                         .who = workflow::ProviderGrants(),
                         .permission = "decide",
                         .reason_required = true,
                         .keeps_reason = true,
                         .effect = workflow::Tell(TellBooking, kClient, "booking_rejected", ReleaseVoucher)},
                        {.action = "cancel",
                         .from = {"requested", "approved"},
                         .to = "cancelled",
                         .who = Clients(),
                         .keeps_reason = true,
                         .effect = workflow::Tell(TellBooking, kProvider, "booking_cancelled",
                                                  [](workflow::StepContext& step) {
                                                      KeepCancellationDeadline(step);
                                                      ReleaseVoucher(step);
                                                  })},
                        {.action = "provider_cancel",
                         .from = {"requested", "approved"},
                         .to = "cancelled",
                         .who = workflow::ProviderGrants(),
                         .permission = "decide",
                         .reason_required = true,
                         .keeps_reason = true,
                         .effect = workflow::Tell(TellBooking, kClient, "booking_cancelled", ReleaseVoucher)},
                        {.action = "complete",
                         .from = {"approved"},
                         .to = "completed",
                         .who = workflow::ProviderGrants(),
                         .permission = "decide",
                         .effect = workflow::Tell(TellBooking, kClient, "booking_completed", RequireDelivered)}},
        .reason_column = "reason",
        .load = [](store::Session& s, std::int64_t id) -> std::optional<workflow::Subject> {
            store::Rows rows =
                s.Query("SELECT status, version, org_id, user_id, booked_by FROM bookings WHERE id = $1", {id});
            if (rows.empty()) return std::nullopt;
            return workflow::Subject{.id = id,
                                     .state = std::string(rows[0].Text(0)),
                                     .version = rows[0].Int(1),
                                     .scope = BookingScope(rows[0].Int(2), rows[0].Int(3), rows[0].Int(4))};
        },
        .present = [](store::Session& s, std::int64_t id) { return BookingJson(*LoadBooking(s, id)); }};
}

}  // namespace keyuan::bookings
