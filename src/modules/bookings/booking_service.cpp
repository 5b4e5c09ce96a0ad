#include "modules/bookings/booking_service.hpp"

#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "modules/bookings/lifecycle.hpp"
#include "modules/bookings/notices.hpp"
#include "modules/bookings/rule_store.hpp"
#include "store/errors.hpp"
#include "store/guarded_update.hpp"
#include "workflow/deadlines.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::bookings {
namespace json = boost::json;

namespace {

constexpr std::int64_t kWeek = 7 * 24 * 60;

/// What every occurrence of a request shares: the instrument, its rules, the user served.
struct Context {
    InstrumentRef instrument;
    BookingRules rules;
    WorkingCalendar calendar;
    std::int64_t user_id = 0;
    std::optional<std::int64_t> client_org_id;
};

[[noreturn]] void Refuse(const BrokenRule& broken, std::string_view field = "starts_at") {
    throw ApiError(Error::Validation({{std::string(field), broken.message}}));
}

Context LoadContext(store::Session& s, const Caller& caller, std::int64_t instrument_id,
                    std::optional<std::int64_t> for_user_id) {
    std::optional<StoredRules> rules;
    std::optional<InstrumentRef> instrument = LoadInstrumentAndRules(s, instrument_id, rules);
    // An instrument that is not published is not there for those who book.
    if (!instrument || instrument->status != "approved") throw ApiError(Error::NotFound());
    if (!rules || instrument->open_status == "not_open") {
        throw ApiError(Error::Conflict("该仪器未开放在线预约", "This instrument cannot be booked online"));
    }
    Context c{.instrument = *instrument, .rules = rules->rules};
    // The calendar (every holiday and worked weekend) matters only to rules that follow it; not
    // reading it otherwise spares each booking a scan of the table (bench/booking).
    if (c.rules.working_days_only) c.calendar = workflow::LoadCalendar(s);
    c.user_id = caller.user_id;
    c.client_org_id = caller.org_id;
    if (for_user_id && *for_user_id != caller.user_id) {
        store::Rows user = s.Query("SELECT org_id FROM users WHERE id = $1 AND disabled = 0", {*for_user_id});
        if (user.empty() || !caller.org_id || user[0].OptInt(0) != caller.org_id) {
            throw ApiError(Error::Validation(
                {{"user_id", {"只能为本单位的同事预约", "Book only for a colleague of your organisation"}}}));
        }
        c.user_id = *for_user_id;
    }
    if (instrument->open_status == "internal_only" && c.client_org_id != instrument->org_id) {
        throw ApiError(Error::Conflict("该仪器仅对本单位开放", "This instrument is open to its own unit only"));
    }
    if (c.rules.audience == Audience::kEnterprise && !c.client_org_id) {
        throw ApiError(Error::Validation(
            {{"user_id", {"该仪器仅接受已登记单位的用户预约", "Only users of registered organisations may book it"}}}));
    }
    if (c.rules.audience == Audience::kTrained && !IsTrained(s, instrument_id, c.user_id)) {
        throw ApiError(Error::Validation(
            {{"user_id", {"该仪器须经培训后方可预约", "Only users trained on this instrument may book it"}}}));
    }
    return c;
}

/// How Check learns that a slot is taken.
enum class Taken {
    /// With a query: a series skips taken dates, a move names the slot it meets.
    kAsk,
    /// From the INSERT, which the database refuses (GuardedWrite answers 409 naming the slot):
    /// a single new booking so spares a query when the slot is free, as it usually is.
    kOnInsert,
};

/// The rule an occurrence breaks, the taken slot included; nullopt when it may be booked.
std::optional<Skipped> Check(store::Session& s, const Context& c, Span span, std::optional<std::int64_t> except,
                             Taken taken_by = Taken::kAsk) {
    std::int64_t now = clock::NowUnix() / 60;
    if (auto broken = CheckTime(c.rules, c.calendar, span, now)) return Skipped{span, broken->rule, broken->message};
    if (c.rules.max_minutes_per_week > 0) {  // no limit, nothing to add up
        std::int64_t week = LocalWeekStart(span.start);
        std::int64_t used = LiveMinutes(s, c.instrument.id, c.user_id, Span{week, week + kWeek});
        if (except) used -= LoadBooking(s, *except)->span.minutes();
        if (auto broken = CheckWeekly(c.rules, used, span)) return Skipped{span, broken->rule, broken->message};
    }
    if (taken_by == Taken::kOnInsert) return std::nullopt;
    if (auto taken = FindOverlap(s, c.instrument.id, span, except)) {
        return Skipped{span, "taken", SlotTaken(taken->span).message};
    }
    return std::nullopt;
}

std::string InitialState(const Context& c) {
    return c.rules.approval_required ? "requested" : "approved";
}

void StartDeadline(store::Session& s, std::int64_t id, const std::string& state) {
    std::optional<int> due;
    if (state == "requested") due = kAnswerWorkingDays;
    workflow::SetDeadline(s, "booking", id, state, due, *Date::Parse(clock::TodayShanghai()));
}

/// Runs a write whose insert or update may meet a live booking the database guards; the
/// overlap becomes the 409 naming the slot (read after the refused transaction).
template <typename Body>
void GuardedWrite(store::Database& db, std::int64_t instrument_id, Span span, std::optional<std::int64_t> except,
                  Body body) {
    try {
        db.Write(body);
    } catch (const store::ConstraintError& e) {
        if (e.kind() != store::ConstraintError::Kind::kExclusion) throw;
        std::optional<Booking> taken;
        db.ReadStatement([&](store::Session& s) { taken = FindOverlap(s, instrument_id, span, except); });
        throw ApiError(SlotTaken(taken ? taken->span : span));
    }
}

/// What the booking will cost by the instrument's prices: per sample when it has a per-sample
/// price and samples are given, per hour otherwise; the unit's own users pay the internal price.
Fen EstimatedFee(const Context& c, const Booking& booking) {
    bool internal = c.client_org_id && *c.client_org_id == c.instrument.org_id;
    const BookingRules& r = c.rules;
    std::optional<Fen> per_sample = internal ? r.internal_per_sample : r.external_per_sample;
    if (per_sample && booking.samples > 0) return per_sample->Scale(booking.samples, 1);
    std::optional<Fen> per_hour = internal ? r.internal_per_hour : r.external_per_hour;
    return per_hour ? per_hour->Scale(booking.span.minutes(), 60) : Fen(0);
}

/// Reserves the voucher's part of the booking in its transaction (vouchers/service.hpp).
json::object PayWithVoucher(store::Session& s, const Actor& actor, const Context& c, const Booking& booking,
                            const vouchers::Payment& payment) {
    Fen fee = EstimatedFee(c, booking);
    if (!c.client_org_id || fee.fen() == 0) {
        throw ApiError(Error::Validation({{"voucher_id",
                                           {"该预约没有收费标准或预约人不属于登记单位，不能用券",
                                            "A voucher pays a priced booking of a registered "
                                            "organisation"}}}));
    }
    return vouchers::Reserve(s, actor, payment,
                             {.kind = "booking",
                              .id = booking.id,
                              .client_org_id = *c.client_org_id,
                              .provider_org_id = c.instrument.org_id,
                              .service_kind = "testing",
                              .fee = fee});
}

}  // namespace

BookingOutcome Book(store::Database& db, const Caller& caller, const Actor& actor, const BookingRequest& request) {
    BookingOutcome outcome;
    GuardedWrite(db, request.instrument_id, request.span, std::nullopt, [&](store::Session& s) {
        outcome = {};
        Context c = LoadContext(s, caller, request.instrument_id, request.for_user_id);
        std::optional<std::int64_t> series;
        for (int week = 0; week <= request.repeat_weeks; ++week) {
            Span span{request.span.start + week * kWeek, request.span.end + week * kWeek};
            Taken taken_by = request.repeat_weeks == 0 ? Taken::kOnInsert : Taken::kAsk;
            if (std::optional<Skipped> refused = Check(s, c, span, std::nullopt, taken_by)) {
                if (request.repeat_weeks == 0) {
                    if (refused->rule == "taken")
                        throw ApiError(Error::Conflict(refused->message.zh, refused->message.en));
                    Refuse(BrokenRule{refused->rule, refused->message});
                }
                outcome.skipped.push_back(*refused);
                continue;
            }
            std::string state = InitialState(c);
            Booking booking = InsertBooking(s,
                                            {.instrument_id = c.instrument.id,
                                             .org_id = c.instrument.org_id,
                                             .client_org_id = c.client_org_id,
                                             .user_id = c.user_id,
                                             .booked_by = caller.user_id,
                                             .series_id = series,
                                             .status = state,
                                             .span = span,
                                             .purpose = request.purpose,
                                             .samples = request.samples},
                                            c.instrument.name);
            std::int64_t id = booking.id;
            // The first booking of a series names it; the later ones point to it.
            if (request.repeat_weeks > 0 && !series) {
                series = booking.series_id = id;
                s.Execute("UPDATE bookings SET series_id = $1 WHERE id = $1", {id});
            }
            // A new booking has no deadline to replace: only one awaiting an answer gets one.
            if (state == "requested") StartDeadline(s, id, state);
            NoticeToProvider(s, booking, state == "requested" ? "booking_requested" : "booking_booked");
            json::object created = BookingJson(booking);
            if (request.payment) created["voucher_use"] = PayWithVoucher(s, actor, c, booking, *request.payment);
            changes::Record(
                s, actor,
                {.object_type = "booking", .object_id = id, .event = "created", .snapshot = &created, .version = 1});
            outcome.created.push_back(std::move(created));
        }
        if (outcome.created.empty()) {
            throw ApiError(
                Error::Validation({{"starts_at", {"所有日期均无法预约", "None of the weekly dates can be booked"}}}));
        }
    });
    return outcome;
}

json::object Reschedule(store::Database& db, const Caller& caller, const Actor& actor, std::int64_t id, Span span,
                        std::optional<std::int64_t> expected_version) {
    json::object after;
    std::int64_t instrument_id = 0;
    db.Read([&](store::Session& s) {
        if (auto b = LoadBooking(s, id)) instrument_id = b->instrument_id;
    });
    GuardedWrite(db, instrument_id, span, id, [&](store::Session& s) {
        std::optional<Booking> before = LoadBooking(s, id);
        bool mine = before && (before->user_id == caller.user_id || before->booked_by == caller.user_id);
        if (!mine) throw ApiError(Error::NotFound());
        if (before->status != "requested" && before->status != "approved")
            throw ApiError(workflow::WrongState(before->status));
        if (expected_version && *expected_version != before->version) {
            throw ApiError(
                Error::Conflict("数据已被他人修改，请刷新后重试", "Changed by someone else; reload and retry"));
        }
        Context c = LoadContext(s, caller, before->instrument_id, before->user_id);
        std::int64_t now = clock::NowUnix() / 60;
        if (auto late = CheckCancel(c.rules, before->span, now)) Refuse(*late, "cancel_deadline");
        if (std::optional<Skipped> refused = Check(s, c, span, id)) {
            if (refused->rule == "taken") throw ApiError(Error::Conflict(refused->message.zh, refused->message.en));
            Refuse(BrokenRule{refused->rule, refused->message});
        }
        std::string state = InitialState(c);
        store::UpdateGuarded(
            s, {.table = "bookings", .id = id, .version = before->version, .status = before->status},
            "status = $1, start_minute = $2, end_minute = $3, starts_at = $4, ends_at = $5, "
            "updated_at = $6",
            {state, span.start, span.end, FormatMinute(span.start), FormatMinute(span.end), clock::NowUtc()});
        StartDeadline(s, id, state);
        Booking moved = *LoadBooking(s, id);
        NoticeToProvider(s, moved, "booking_rescheduled");
        after = BookingJson(moved);
        changes::Record(s, actor,
                        {.object_type = "booking",
                         .object_id = id,
                         .event = "rescheduled",
                         .before_json = json::serialize(BookingJson(*before)),
                         .snapshot = &after,
                         .version = before->version + 1});
    });
    return after;
}

}  // namespace keyuan::bookings
