#include "modules/bookings/rule_store.hpp"

#include "core/clock.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::bookings {
namespace json = boost::json;

namespace {

// Of booking_rules r; 16 columns.
constexpr const char* kRuleColumns =
    "r.weekdays, r.working_days_only, r.opens_minute, r.closes_minute, r.slot_minutes, r.min_notice_minutes, "
    "r.horizon_days, r.cancel_before_minutes, r.max_minutes_per_week, r.approval_required, r.who_may_book, "
    "r.internal_fen_per_hour, r.external_fen_per_hour, r.internal_fen_per_sample, r.external_fen_per_sample, "
    "r.version";

std::optional<Fen> OptFen(const store::Row& row, std::size_t col) {
    std::optional<std::int64_t> fen = row.OptInt(col);
    return fen ? std::optional<Fen>(Fen(*fen)) : std::nullopt;
}

std::optional<std::int64_t> FenParam(const std::optional<Fen>& fen) {
    return fen ? std::optional<std::int64_t>(fen->fen()) : std::nullopt;
}

/// "08:30" → 510, "24:00" → 1440 (closing at midnight); nullopt otherwise.
std::optional<int> ParseHourMinute(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    int hour = 0, minute = 0;
    for (std::size_t i : {0u, 1u, 3u, 4u}) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    hour = (text[0] - '0') * 10 + (text[1] - '0');
    minute = (text[3] - '0') * 10 + (text[4] - '0');
    if (minute > 59 || hour > 24 || (hour == 24 && minute != 0)) return std::nullopt;
    return hour * 60 + minute;
}

/// The rules read with kRuleColumns starting at column `c`.
StoredRules RulesFromRow(const store::Row& row, std::size_t c) {
    StoredRules out;
    BookingRules& r = out.rules;
    r.weekdays = std::string(row.Text(c + 0));
    r.working_days_only = row.Bool(c + 1);
    r.opens_minute = static_cast<int>(row.Int(c + 2));
    r.closes_minute = static_cast<int>(row.Int(c + 3));
    r.slot_minutes = static_cast<int>(row.Int(c + 4));
    r.min_notice_minutes = static_cast<int>(row.Int(c + 5));
    r.horizon_days = static_cast<int>(row.Int(c + 6));
    r.cancel_before_minutes = static_cast<int>(row.Int(c + 7));
    r.max_minutes_per_week = static_cast<int>(row.Int(c + 8));
    r.approval_required = row.Bool(c + 9);
    r.audience = ParseAudience(row.Text(c + 10)).value_or(Audience::kTrained);  // unknown: the narrowest
    r.internal_per_hour = OptFen(row, c + 11);
    r.external_per_hour = OptFen(row, c + 12);
    r.internal_per_sample = OptFen(row, c + 13);
    r.external_per_sample = OptFen(row, c + 14);
    out.version = row.Int(c + 15);
    return out;
}

}  // namespace

std::optional<InstrumentRef> LoadInstrument(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query("SELECT id, org_id, name, status, open_status FROM instruments WHERE id = $1", {id});
    if (rows.empty()) return std::nullopt;
    return InstrumentRef{.id = rows[0].Int(0),
                         .org_id = rows[0].Int(1),
                         .name = std::string(rows[0].Text(2)),
                         .status = std::string(rows[0].Text(3)),
                         .open_status = std::string(rows[0].Text(4))};
}

std::optional<StoredRules> LoadRules(store::Session& s, std::int64_t instrument_id) {
    store::Rows rows = s.Query(
        std::string("SELECT ") + kRuleColumns + " FROM booking_rules r WHERE r.instrument_id = $1", {instrument_id});
    if (rows.empty()) return std::nullopt;
    return RulesFromRow(rows[0], 0);
}

std::optional<InstrumentRef> LoadInstrumentAndRules(store::Session& s, std::int64_t id,
                                                    std::optional<StoredRules>& rules) {
    // Two transactions inserting overlapping bookings each put their index entry in first and
    // then wait for the other's to end: PostgreSQL's exclusion constraints deadlock so (its manual
    // says as much), and under a crowd the retries ran out (CI saw it). Taking the instrument's
    // row first makes them queue instead; the constraint still decides, and the weekly limit is
    // added up with the previous writer's booking in view. The lock is NO KEY UPDATE, which the
    // foreign-key checks of other tables do not wait for. SQLite has a single writer already.
    bool lock = s.engine() == store::Engine::kPostgres;
    store::Rows rows = s.Query(
        std::string("SELECT i.id, i.org_id, i.name, i.status, i.open_status, r.instrument_id, ") + kRuleColumns +
            " FROM instruments i LEFT JOIN booking_rules r ON r.instrument_id = i.id "
            "WHERE i.id = $1" +
            (lock ? " FOR NO KEY UPDATE OF i" : ""),
        {id});
    rules.reset();
    if (rows.empty()) return std::nullopt;
    const store::Row& row = rows[0];
    if (!row.IsNull(5)) rules = RulesFromRow(row, 6);
    return InstrumentRef{.id = row.Int(0),
                         .org_id = row.Int(1),
                         .name = std::string(row.Text(2)),
                         .status = std::string(row.Text(3)),
                         .open_status = std::string(row.Text(4))};
}

std::int64_t SaveRules(store::Session& s, std::int64_t instrument_id, const BookingRules& r,
                       std::optional<std::int64_t> read_version) {
    std::vector<store::Param> values = {r.weekdays,
                                        r.working_days_only,
                                        r.opens_minute,
                                        r.closes_minute,
                                        r.slot_minutes,
                                        r.min_notice_minutes,
                                        r.horizon_days,
                                        r.cancel_before_minutes,
                                        r.max_minutes_per_week,
                                        r.approval_required,
                                        std::string(AudienceName(r.audience)),
                                        FenParam(r.internal_per_hour),
                                        FenParam(r.external_per_hour),
                                        FenParam(r.internal_per_sample),
                                        FenParam(r.external_per_sample),
                                        clock::NowUtc()};
    if (read_version) {
        store::UpdateGuarded(
            s, {.table = "booking_rules", .id = instrument_id, .key = "instrument_id", .version = *read_version},
            "weekdays = $1, working_days_only = $2, opens_minute = $3, closes_minute = $4, "
            "slot_minutes = $5, min_notice_minutes = $6, horizon_days = $7, "
            "cancel_before_minutes = $8, max_minutes_per_week = $9, approval_required = $10, "
            "who_may_book = $11, internal_fen_per_hour = $12, external_fen_per_hour = $13, "
            "internal_fen_per_sample = $14, external_fen_per_sample = $15, updated_at = $16",
            std::move(values));
        return *read_version + 1;
    }
    values.insert(values.begin(), instrument_id);
    s.Query(
        "INSERT INTO booking_rules (instrument_id, weekdays, working_days_only, opens_minute, closes_minute, "
        "slot_minutes, min_notice_minutes, horizon_days, cancel_before_minutes, max_minutes_per_week, "
        "approval_required, who_may_book, internal_fen_per_hour, external_fen_per_hour, internal_fen_per_sample, "
        "external_fen_per_sample, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
        "$15, $16, $17)",
        values);
    return 1;
}

BookingRules ReadRules(const json::object& body) {
    http::JsonReader reader(body);
    BookingRules r;
    reader.Raw("version");  // the expected version, read by the route
    if (auto v = reader.String("weekdays", {.max_chars = 7})) r.weekdays = *v;
    if (auto v = reader.Bool("working_days_only", false)) r.working_days_only = *v;
    for (auto [field, target] : {std::pair{"opens_at", &r.opens_minute}, std::pair{"closes_at", &r.closes_minute}}) {
        if (auto v = reader.String(field, {.max_chars = 5})) {
            if (std::optional<int> minute = ParseHourMinute(*v)) {
                *target = *minute;
            } else {
                reader.errors().Add(field, "时间须为 HH:MM", std::string(field) + ": HH:MM");
            }
        }
    }
    auto integer = [&](const char* field, int& target, int max) {
        if (auto v = reader.Int(field, false, 0, max)) target = static_cast<int>(*v);
    };
    integer("slot_minutes", r.slot_minutes, 1440);
    integer("min_notice_minutes", r.min_notice_minutes, 366 * 1440);
    integer("horizon_days", r.horizon_days, 3660);
    integer("cancel_before_minutes", r.cancel_before_minutes, 366 * 1440);
    integer("max_minutes_per_week", r.max_minutes_per_week, 7 * 1440);
    if (auto v = reader.Bool("approval_required", false)) r.approval_required = *v;
    if (auto v = reader.Enum("audience", false, {"signed_in", "enterprise", "trained"})) {
        r.audience = *ParseAudience(*v);
    }
    auto price = [&](const char* field, std::optional<Fen>& target) {
        const json::value* raw = reader.Raw(field);
        if (!raw || raw->is_null()) return;
        if (!raw->is_int64() || raw->as_int64() < 0) {
            reader.errors().Add(field, "价格须为以分计的非负整数", std::string(field) + ": whole fen, not negative");
            return;
        }
        target = Fen(raw->as_int64());
    };
    price("internal_fen_per_hour", r.internal_per_hour);
    price("external_fen_per_hour", r.external_per_hour);
    price("internal_fen_per_sample", r.internal_per_sample);
    price("external_fen_per_sample", r.external_per_sample);
    std::vector<FieldError> problems = reader.Collect();
    FieldErrors rules;
    if (problems.empty()) ValidateRules(r, rules);
    problems.insert(problems.end(), rules.items().begin(), rules.items().end());
    if (!problems.empty()) throw ApiError(Error::Validation(std::move(problems)));
    return r;
}

json::object RulesJson(const StoredRules& stored) {
    const BookingRules& r = stored.rules;
    auto fen = [](const std::optional<Fen>& v) -> json::value {
        return v ? json::value(v->fen()) : json::value(nullptr);
    };
    return json::object{{"bookable", true},
                        {"weekdays", r.weekdays},
                        {"working_days_only", r.working_days_only},
                        {"opens_at", HourMinute(r.opens_minute)},
                        {"closes_at", HourMinute(r.closes_minute)},
                        {"slot_minutes", r.slot_minutes},
                        {"min_notice_minutes", r.min_notice_minutes},
                        {"horizon_days", r.horizon_days},
                        {"cancel_before_minutes", r.cancel_before_minutes},
                        {"max_minutes_per_week", r.max_minutes_per_week},
                        {"approval_required", r.approval_required},
                        {"audience", AudienceName(r.audience)},
                        {"internal_fen_per_hour", fen(r.internal_per_hour)},
                        {"external_fen_per_hour", fen(r.external_per_hour)},
                        {"internal_fen_per_sample", fen(r.internal_per_sample)},
                        {"external_fen_per_sample", fen(r.external_per_sample)},
                        {"version", stored.version}};
}

bool IsTrained(store::Session& s, std::int64_t instrument_id, std::int64_t user_id) {
    return !s.Query("SELECT 1 FROM instrument_trained_users WHERE instrument_id = $1 AND user_id = $2",
                    {instrument_id, user_id})
                .empty();
}

}  // namespace keyuan::bookings
