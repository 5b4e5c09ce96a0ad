#include "modules/delivery/usage.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/date.hpp"
#include "core/id.hpp"

namespace keyuan::delivery {

namespace {

constexpr std::int64_t kShanghaiOffsetMinutes = 8 * 60;

int Digits(std::string_view text) {
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

std::optional<Month> ReadMonth(const std::optional<std::string>& text, const char* field, FieldErrors& errors) {
    if (!text) return std::nullopt;
    std::optional<Month> month = Month::Parse(*text);
    if (!month) errors.Add(field, "月份须为 YYYY-MM", std::string(field) + ": YYYY-MM");
    return month;
}

}  // namespace

std::optional<Month> Month::Parse(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    int year = Digits(text.substr(0, 4)), month = Digits(text.substr(5, 2));
    if (year < 2000 || year > 2099 || month < 1 || month > 12) return std::nullopt;
    return Of(year, month);
}

std::string Month::ToString() const {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", index_ / 12, index_ % 12 + 1);
    return text;
}

std::string Month::FirstDay() const {
    return ToString() + "-01";
}

std::int64_t Month::StartMinute() const {
    return Date::FromYmd(index_ / 12, index_ % 12 + 1, 1).days() * 24 * 60 - kShanghaiOffsetMinutes;
}

std::string_view GroupName(UsageGroup group) {
    switch (group) {
        case UsageGroup::kResource: return "instrument";
        case UsageGroup::kLab: return "lab";
        case UsageGroup::kUnit: return "unit";
        case UsageGroup::kClient: return "client";
        case UsageGroup::kMonth: return "month";
    }
    return "month";
}

UsageQuery ReadUsageQuery(const UsageParams& p, Month this_month) {
    FieldErrors errors;
    UsageQuery q;
    static const std::map<std::string, UsageGroup, std::less<>> kGroups = {{"instrument", UsageGroup::kResource},
                                                                           {"lab", UsageGroup::kLab},
                                                                           {"unit", UsageGroup::kUnit},
                                                                           {"client", UsageGroup::kClient},
                                                                           {"month", UsageGroup::kMonth}};
    if (p.group) {
        auto it = kGroups.find(*p.group);
        if (it == kGroups.end()) {
            errors.Add("group", "分组须为 instrument、lab、unit、client 或 month",
                       "group: instrument, lab, unit, client or month");
        } else {
            q.group = it->second;
        }
    }
    std::optional<Month> from = ReadMonth(p.from, "from", errors);
    std::optional<Month> to = ReadMonth(p.to, "to", errors);
    q.to = to.value_or(p.to ? this_month : (from ? std::max(*from, this_month) : this_month));
    q.from = from.value_or(q.to.Plus(-11));
    if (from && to) {
        if (*from > *to) {
            errors.Add("to", "结束月份不能早于开始月份", "to: not before from");
        } else if (to->index() - from->index() + 1 > kMaxUsageMonths) {
            errors.Add("to", "统计区间不超过 36 个月", "to: 36 months at most");
        }
    } else if (from && !to && q.to.index() - from->index() + 1 > kMaxUsageMonths) {
        errors.Add("from", "统计区间不超过 36 个月", "from: 36 months at most");
    }
    if (p.org_id) {
        q.org_id = ParseId(*p.org_id);
        if (!q.org_id) errors.Add("org_id", "编号无效", "org_id: not an id");
    }
    if (p.resource_kind) {
        if (*p.resource_kind != "instrument" && *p.resource_kind != "service") {
            errors.Add("resource_kind", "须为 instrument 或 service", "resource_kind: instrument or service");
        } else {
            q.resource_kind = *p.resource_kind;
        }
    }
    if (p.side && *p.side != "provider" && *p.side != "client") {
        errors.Add("side", "须为 provider 或 client", "side: provider or client");
    }
    q.client_side = p.side == "client";
    if (p.format && *p.format != "json" && *p.format != "csv" && *p.format != "xlsx") {
        errors.Add("format", "须为 json、csv 或 xlsx", "format: json, csv or xlsx");
    } else if (p.format) {
        q.format = *p.format;
    }
    errors.ThrowIfAny();
    return q;
}

std::optional<double> UsageFigures::HitechShare() const {
    if (deliveries == 0) return std::nullopt;
    return static_cast<double>((hitech_deliveries * 1000 + deliveries / 2) / deliveries) / 1000.0;
}

UsageFigures& UsageFigures::operator+=(const UsageFigures& other) {
    for (std::int64_t UsageFigures::*count : kUsageCounts) this->*count += other.*count;
    return *this;
}

double Hours(std::int64_t minutes) {
    return static_cast<double>((minutes * 100 + 30) / 60) / 100.0;
}

void FinishReport(UsageReport& report) {
    std::vector<UsageRow>& rows = report.rows;
    if (report.query.group == UsageGroup::kMonth) {
        // Every month of the period, in order, so that a chart has no gaps.
        std::map<std::string, UsageRow> by_month;
        for (UsageRow& row : rows) by_month[row.key.value_or("")] = std::move(row);
        rows.clear();
        for (Month m = report.query.from; m <= report.query.to; m = m.Plus(1)) {
            std::string key = m.ToString();
            auto it = by_month.find(key);
            rows.push_back(it != by_month.end() ? std::move(it->second) : UsageRow{.key = key, .name = key});
            rows.back().name = key;
        }
    } else {
        std::stable_sort(rows.begin(), rows.end(), [](const UsageRow& a, const UsageRow& b) {
            const UsageFigures &x = a.figures, &y = b.figures;
            if (x.fee_fen != y.fee_fen) return x.fee_fen > y.fee_fen;
            if (x.used_minutes != y.used_minutes) return x.used_minutes > y.used_minutes;
            if (x.booked_minutes != y.booked_minutes) return x.booked_minutes > y.booked_minutes;
            return std::tie(a.resource_kind, a.key) < std::tie(b.resource_kind, b.key);
        });
    }
    report.totals = {};
    for (const UsageRow& row : rows) report.totals += row.figures;
}

}  // namespace keyuan::delivery
