#include "modules/delivery/usage_export.hpp"
#include "http/json.hpp"

#include <boost/json/array.hpp>

namespace keyuan::delivery {
namespace json = boost::json;

namespace {

json::object FiguresJson(const UsageFigures& f) {
    std::optional<double> share = f.HitechShare();
    return json::object{{"bookings", f.bookings},
                        {"booked_minutes", f.booked_minutes},
                        {"booked_hours", Hours(f.booked_minutes)},
                        {"deliveries", f.deliveries},
                        {"used_minutes", f.used_minutes},
                        {"used_hours", Hours(f.used_minutes)},
                        {"samples", f.samples},
                        {"internal_deliveries", f.internal_deliveries},
                        {"external_deliveries", f.external_deliveries()},
                        {"internal_minutes", f.internal_minutes},
                        {"external_minutes", f.external_minutes},
                        {"fee_fen", f.fee_fen},
                        {"voucher_fen", f.voucher_fen},
                        {"hitech_deliveries", f.hitech_deliveries},
                        {"hitech_minutes", f.hitech_minutes},
                        {"hitech_fee_fen", f.hitech_fee_fen},
                        {"hitech_share", share ? json::value(*share) : json::value(nullptr)}};
}

/// The first column's header and the name of a row without a key, by group.
std::pair<std::string, std::string> GroupLabels(UsageGroup group) {
    switch (group) {
        case UsageGroup::kResource: return {"仪器/服务", ""};
        case UsageGroup::kLab: return {"实验室", "（未归属实验室）"};
        case UsageGroup::kUnit: return {"服务单位", ""};
        case UsageGroup::kClient: return {"用户单位", "（个人用户）"};
        case UsageGroup::kMonth: return {"月份", ""};
    }
    return {"", ""};
}

std::vector<exchange::ExportCell> FigureCells(const UsageFigures& f) {
    using exchange::ExportCell;
    std::optional<double> share = f.HitechShare();
    auto yuan = [](std::int64_t fen) { return ExportCell::Number(static_cast<double>(fen) / 100.0, 2); };
    auto count = [](std::int64_t n) { return ExportCell::Number(static_cast<double>(n)); };
    auto hours = [](std::int64_t minutes) { return ExportCell::Number(Hours(minutes), 2); };
    return {count(f.bookings),
            hours(f.booked_minutes),
            count(f.deliveries),
            hours(f.used_minutes),
            count(f.samples),
            count(f.internal_deliveries),
            count(f.external_deliveries()),
            hours(f.internal_minutes),
            hours(f.external_minutes),
            yuan(f.fee_fen),
            yuan(f.voucher_fen),
            count(f.hitech_deliveries),
            yuan(f.hitech_fee_fen),
            share ? ExportCell::Number(*share * 100.0, 1) : ExportCell::Text("")};
}

}  // namespace

json::object UsageJson(const UsageReport& report) {
    const UsageQuery& q = report.query;
    json::array items;
    for (const UsageRow& row : report.rows) {
        json::object item = FiguresJson(row.figures);
        item["key"] = http::TextOrNull(row.key);
        item["name"] = http::TextOrNull(row.name);
        if (q.group == UsageGroup::kResource) item["resource_kind"] = row.resource_kind;
        items.push_back(std::move(item));
    }
    return json::object{{"group", GroupName(q.group)},
                        {"from", q.from.ToString()},
                        {"to", q.to.ToString()},
                        {"side", q.client_side ? "client" : "provider"},
                        {"org_id", q.org_id ? json::value(std::to_string(*q.org_id)) : json::value(nullptr)},
                        {"resource_kind", http::TextOrNull(q.resource_kind)},
                        {"items", std::move(items)},
                        {"totals", FiguresJson(report.totals)}};
}

exchange::ExportSheet UsageSheet(const UsageReport& report) {
    auto [first, unnamed] = GroupLabels(report.query.group);
    exchange::ExportSheet sheet{
        .name = "使用统计",
        .header = {first, "预约次数", "预约机时（小时）", "服务次数", "实际机时（小时）", "样品数", "本单位服务次数",
                   "外单位服务次数", "本单位机时（小时）", "外单位机时（小时）", "服务收入（元）", "创新券抵扣（元）",
                   "高精尖产业服务次数", "高精尖产业服务收入（元）", "高精尖产业占比（%）"}};
    for (const UsageRow& row : report.rows) {
        std::string name = row.name.value_or(row.key ? "#" + *row.key : unnamed);
        if (row.resource_kind == "service") name += "（服务）";
        std::vector<exchange::ExportCell> cells = {exchange::ExportCell::Text(name)};
        for (exchange::ExportCell& c : FigureCells(row.figures)) cells.push_back(std::move(c));
        sheet.rows.push_back(std::move(cells));
    }
    std::vector<exchange::ExportCell> totals = {exchange::ExportCell::Text("合计")};
    for (exchange::ExportCell& c : FigureCells(report.totals)) totals.push_back(std::move(c));
    sheet.rows.push_back(std::move(totals));
    return sheet;
}

std::string UsageFileName(const UsageQuery& q) {
    return "usage-" + std::string(GroupName(q.group)) + (q.client_side ? "-client-" : "-") + q.from.ToString() + "-" +
           q.to.ToString();
}

}  // namespace keyuan::delivery
