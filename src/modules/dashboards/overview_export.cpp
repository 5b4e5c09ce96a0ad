#include "modules/dashboards/overview_export.hpp"

#include <algorithm>

namespace keyuan::dashboards {
namespace {
using exchange::ExportCell;
using exchange::ExportSheet;

ExportCell Count(std::int64_t n) {
    return ExportCell::Number(static_cast<double>(n));
}
ExportCell Yuan(std::int64_t fen) {
    return ExportCell::Number(static_cast<double>(fen) / 100.0, 2);
}

const std::vector<std::string> kTallyHeader = {"单位数",   "已发布资源",     "待审核资源",
                                               "服务次数", "服务金额（元）", "创新券支付（元）"};

std::vector<ExportCell> TallyCells(const Tally& t) {
    return {Count(t.units),      Count(t.approved), Count(t.submitted),
            Count(t.deliveries), Yuan(t.fee_fen),   Yuan(t.voucher_fen)};
}

ExportSheet Totals(const Overview& o) {
    ExportSheet sheet{.name = "概况", .header = {"指标", "数值"}};
    auto row = [&](std::string label, ExportCell value) {
        sheet.rows.push_back({ExportCell::Text(std::move(label)), std::move(value)});
    };
    std::string scope = "全市";
    if (o.scope.district) scope = o.scope.district->name;
    if (o.scope.department) scope += " " + o.scope.department->name;
    if (o.scope.org) scope = o.scope.org->name;
    row("年度", Count(o.scope.year));
    row("范围", ExportCell::Text(scope));
    row("单位数", Count(static_cast<std::int64_t>(o.units.size())));
    // Kinds by their registered name: a kind added later appears here without a line of this file.
    for (const KindFigures& k : o.kinds) {
        row(k.kind + " 总数", Count(k.total));
        row(k.kind + " 本年新增", Count(k.new_in_year));
        for (const auto& [status, n] : k.by_status) row(k.kind + " " + status, Count(n));
    }
    row("已发布仪器", Count(o.instruments.approved));
    row("开放仪器", Count(o.instruments.open));
    row("部分开放仪器", Count(o.instruments.partially_open));
    row("仪器原值（元）", Yuan(o.instruments.value_fen));
    row("逾期登记仪器", Count(o.instruments.late));
    row("本年对外服务的仪器", Count(o.instruments.served));
    row("仪器使用时长（小时）", ExportCell::Number(static_cast<double>(o.instruments.usage_minutes) / 60.0, 2));
    for (const auto& [status, n] : o.bookings_by_status) row("预约 " + status, Count(n));
    for (const auto& [status, n] : o.orders_by_status) row("订单 " + status, Count(n));
    row("服务次数", Count(o.deliveries.count));
    row("对外服务次数", Count(o.deliveries.external));
    row("服务金额（元）", Yuan(o.deliveries.fee_fen));
    row("创新券支付（元）", Yuan(o.deliveries.voucher_fen));
    row("发放创新券（张）", Count(o.vouchers.issued));
    row("发放创新券面额（元）", Yuan(o.vouchers.face_fen));
    row("考核周期状态", ExportCell::Text(o.evaluation.cycle_status));
    row("参评单位", Count(o.evaluation.units));
    row("已确认结果", Count(o.evaluation.confirmed));
    for (const auto& [grade, n] : o.evaluation.grades) row("等级 " + grade, Count(n));
    if (o.evaluation.mean_score_centi) {
        row("平均得分", ExportCell::Number(static_cast<double>(*o.evaluation.mean_score_centi) / 100.0, 2));
    }
    return sheet;
}

ExportSheet Months(const Overview& o) {
    ExportSheet sheet{.name = "按月",
                      .header = {"月份", "新登记", "预约", "订单", "服务次数", "服务金额（元）", "创新券支付（元）"}};
    for (std::size_t i = 0; i < o.months.size(); ++i) {
        const MonthFigures& m = o.months[i];
        std::string month = std::to_string(o.scope.year) + "-" + (i < 9 ? "0" : "") + std::to_string(i + 1);
        sheet.rows.push_back({ExportCell::Text(month), Count(m.registrations), Count(m.bookings), Count(m.orders),
                              Count(m.deliveries), Yuan(m.fee_fen), Yuan(m.voucher_fen)});
    }
    return sheet;
}

ExportSheet BreakdownSheet(std::string name, std::string first, const std::vector<NamedTally>& rows) {
    ExportSheet sheet{.name = std::move(name), .header = {"代码", std::move(first)}};
    sheet.header.insert(sheet.header.end(), kTallyHeader.begin(), kTallyHeader.end());
    for (const NamedTally& r : rows) {
        std::vector<ExportCell> cells = {ExportCell::Text(r.name.code), ExportCell::Text(r.name.name)};
        std::vector<ExportCell> tally = TallyCells(r.tally);
        cells.insert(cells.end(), tally.begin(), tally.end());
        sheet.rows.push_back(std::move(cells));
    }
    return sheet;
}

ExportSheet Industries(const Overview& o) {
    ExportSheet sheet{.name = "按高精尖产业", .header = {"编号", "产业", "已发布资源"}};
    for (const NamedTally& r : o.industries) {
        sheet.rows.push_back({ExportCell::Text(r.name.code), ExportCell::Text(r.name.name), Count(r.tally.approved)});
    }
    return sheet;
}

ExportSheet Units(const Overview& o) {
    ExportSheet sheet{.name = "单位",
                      .header = {"单位编号", "单位", "区", "主管部门", "已发布资源", "待审核资源", "服务次数",
                                 "服务金额（元）", "创新券支付（元）", "考核得分", "等级"}};
    for (const UnitRow& u : o.units) {
        sheet.rows.push_back(
            {Count(u.id), ExportCell::Text(u.name), ExportCell::Text(u.district.name),
             ExportCell::Text(u.department.name), Count(u.tally.approved), Count(u.tally.submitted),
             Count(u.tally.deliveries), Yuan(u.tally.fee_fen), Yuan(u.tally.voucher_fen),
             u.score_centi ? ExportCell::Number(static_cast<double>(*u.score_centi) / 100.0, 2) : ExportCell::Text(""),
             ExportCell::Text(u.grade)});
    }
    return sheet;
}

}  // namespace

std::optional<ExportSheet> OverviewSheet(const Overview& o, std::string_view figure) {
    if (figure == "totals") return Totals(o);
    if (figure == "months") return Months(o);
    if (figure == "districts") return BreakdownSheet("按区", "区", o.districts);
    if (figure == "departments") return BreakdownSheet("按主管部门", "主管部门", o.departments);
    if (figure == "industries") return Industries(o);
    if (figure == "units") return Units(o);
    return std::nullopt;
}

std::vector<ExportSheet> OverviewSheets(const Overview& o) {
    std::vector<ExportSheet> sheets;
    for (std::string_view figure : kOverviewFigures) sheets.push_back(*OverviewSheet(o, figure));
    return sheets;
}

std::string OverviewFileName(const OverviewScope& scope, bool ascii) {
    std::string name = (ascii ? "overview-" : "城市概况-") + std::to_string(scope.year);
    if (scope.district) name += "-" + scope.district->code;
    if (scope.department) name += "-" + scope.department->code;
    if (scope.org) name += "-unit" + scope.org->code;
    return name;
}

}  // namespace keyuan::dashboards
