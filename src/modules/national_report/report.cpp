// The field correspondence is docs/design/national-report.md; each element's source is named
// where its cell is made. Text cells go through SafeSpreadsheetText: the national platform's file
// is often re-saved as CSV, where a cell like "=HYPERLINK(…)" would run.
#include "modules/national_report/report.hpp"

#include <algorithm>
#include <cstdio>

#include "exchange/export_cell.hpp"

namespace keyuan::national_report {
namespace {

using exchange::ExportCell;

ExportCell Text(std::string_view text) {
    return ExportCell::Text(exchange::SafeSpreadsheetText(text));
}

const char* SharingMode(std::string_view open_status) {
    if (open_status == "open" || open_status == "partially_open") return "外部共享";
    if (open_status == "internal_only") return "内部共享";
    return "不共享";
}

/// The national platform's seven running states (our codes: the instrument's running_state).
const char* RunningState(std::string_view code) {
    static const std::pair<const char*, const char*> kStates[] = {{"normal", "正常"},
                                                                  {"standby", "待机"},
                                                                  {"remote_service", "远程服务中"},
                                                                  {"occasional_fault", "偶有故障"},
                                                                  {"frequent_fault", "故障频繁"},
                                                                  {"awaiting_repair", "待修"},
                                                                  {"awaiting_scrapping", "待报废"}};
    for (const auto& [ours, theirs] : kStates) {
        if (code == ours) return theirs;
    }
    return "";
}

const char* ServiceWay(std::string_view mode) {
    if (mode == "occupancy") return "占用共享";
    if (mode == "technical") return "技术共享";
    if (mode == "commissioned") return "委托共享";
    if (mode == "remote") return "远程共享";
    return "其他";
}

/// The national platform's five levels; our ratings are 5 (very satisfied) … 1 (very poor).
const char* Rating(std::int64_t score) {
    static const char* const kLevels[] = {"极差", "不满意", "一般", "基本满意", "非常满意"};
    return score >= 1 && score <= 5 ? kLevels[score - 1] : "";
}

std::string Quantity(std::int64_t minutes, std::int64_t samples) {
    std::string out;
    if (minutes > 0) {
        char hours[32];
        std::snprintf(hours, sizeof hours, "%.2f小时", static_cast<double>(minutes) / 60.0);
        out = hours;
    }
    if (samples > 0) out += (out.empty() ? "" : "；") + std::to_string(samples) + "样";
    return out;
}

/// The national six-digit code (大类 2 + 中类 2 + 小类 2): this platform's classes are 大类 (2 digits),
/// 中类 (4) and the 中类's "其他" written with six (011300); a 中类 is written as the national list
/// writes its own 中类 entries, with "00". A 大类 alone has no six-digit code: "".
std::string SixDigitCode(std::string_view code) {
    bool digits = std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) return "";
    if (code.size() == 6) return std::string(code);
    if (code.size() == 4) return std::string(code) + "00";
    return "";
}

const std::vector<std::string> kInstrumentHeader = {
    "仪器内部编号", "仪器名称",     "所属单位",       "设备分类编码", "主要学科领域",
    "产地国别",     "仪器设备来源", "海关监管",       "原值（万元）", "运行状态",
    "共享模式",     "服务内容",     "参考收费标准",   "预约服务网址", "省（自治区、直辖市）",
    "市",           "区（县）",     "街道（门牌号）", "联系人",       "电话",
    "电子邮箱"};

const std::vector<std::string> kServiceHeader = {"服务记录编号", "仪器内部编号", "仪器名称", "服务金额（元）",
                                                 "实际服务时间", "服务方式",     "服务量",   "申请人",
                                                 "申请人单位",   "用户评价"};

constexpr const char* kInstrumentSelect =
    "SELECT i.id, i.name, o.name, i.class_code, i.country, i.purchase_date, i.duty_free, "
    "COALESCE(i.customs_supervision_end, ''), i.original_value_fen, i.open_status, i.functions, i.fee_standard, "
    "COALESCE(d.name, ''), i.location, i.contact_name, i.contact_phone, i.contact_email, COALESCE(i.subject, ''), "
    "COALESCE(i.running_state, '') "
    "FROM instruments i JOIN organizations o ON o.id = i.org_id LEFT JOIN districts d ON d.code = i.district_code "
    "WHERE i.status = 'approved' AND i.original_value_fen >= $1 AND i.acceptance_date <= $2 ORDER BY i.id";

constexpr const char* kServiceSelect =
    "SELECT dl.id, dl.resource_id, i.name, dl.fee_fen, dl.delivered_on, dl.service_mode, dl.minutes_used, "
    "dl.samples, COALESCE(NULLIF(u.display_name, ''), u.username, ''), COALESCE(co.name, ''), r.score "
    "FROM deliveries dl JOIN instruments i ON i.id = dl.resource_id "
    "LEFT JOIN users u ON u.id = dl.client_user_id LEFT JOIN organizations co ON co.id = dl.client_org_id "
    "LEFT JOIN ratings r ON r.delivery_id = dl.id "
    "WHERE dl.resource_kind = 'instrument' AND dl.delivered_on >= $1 AND dl.delivered_on <= $2 "
    "AND i.status = 'approved' AND i.original_value_fen >= $3 AND i.acceptance_date <= $4 "
    "ORDER BY dl.delivered_on, dl.id";

/// Adds the row to the sheet and a problem for each required element (by header) left empty.
void AddRow(Report& report, exchange::ExportSheet& sheet, std::vector<ExportCell> row, const std::string& id,
            const std::string& name, const std::string& instrument_id, const std::vector<std::string>& required) {
    for (const std::string& element : required) {
        auto at = std::find(sheet.header.begin(), sheet.header.end(), element) - sheet.header.begin();
        const ExportCell& cell = row[static_cast<std::size_t>(at)];
        if (!cell.number && cell.text.empty()) {
            report.problems.push_back({sheet.name, id, name, element, "缺少必填要素“" + element + "”", instrument_id});
        }
    }
    sheet.rows.push_back(std::move(row));
}

void ReadInstruments(store::Session& s, Report& report, const std::string& year_end, const std::string& today,
                     const std::string& site_url) {
    std::string as_of = std::min(today, year_end);
    store::Rows rows = s.Query(kInstrumentSelect, {kThresholdFen, year_end});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        store::Row r = rows[i];
        std::string id = std::to_string(r.Int(0));
        std::string name(r.Text(1));
        std::string class_code(r.Text(3));
        std::string national_code = SixDigitCode(class_code);
        // Supervised while a duty-free instrument's supervision has not ended (at the year's end,
        // or today for the running year).
        bool supervised = r.Int(6) != 0 && std::string(r.Text(7)) > as_of;
        const char* sharing = SharingMode(r.Text(9));
        std::vector<ExportCell> row = {Text(id),
                                       Text(name),
                                       Text(r.Text(2)),
                                       Text(national_code),
                                       Text(r.Text(17)),
                                       Text(r.Text(4)),
                                       Text(r.IsNull(5) || r.Text(5).empty() ? "" : "购置"),
                                       Text(supervised ? "是" : "否"),
                                       ExportCell::Number(static_cast<double>(r.Int(8)) / 1'000'000.0, 2),
                                       Text(RunningState(r.Text(18))),
                                       Text(sharing),
                                       Text(r.Text(10)),
                                       Text(r.Text(11)),
                                       Text(site_url.empty() ? "" : site_url + "/instruments/" + id),
                                       Text("北京市"),
                                       Text("北京市"),
                                       Text(r.Text(12)),
                                       Text(r.Text(13)),
                                       Text(r.Text(14)),
                                       Text(r.Text(15)),
                                       Text(r.Text(16))};
        if (national_code.empty()) {
            report.problems.push_back({report.instruments.name, id, name, "设备分类编码",
                                       "分类“" + class_code + "”只到大类，没有6位设备分类编码：请改选到中类或小类",
                                       id});
        }
        std::vector<std::string> required = {"主要学科领域", "产地国别",       "运行状态", "仪器设备来源", "服务内容",
                                             "区（县）",     "街道（门牌号）", "联系人",   "电话",         "电子邮箱"};
        if (std::string_view(sharing) != "不共享") required.push_back("参考收费标准");
        AddRow(report, report.instruments, std::move(row), id, name, id, required);
    }
}

void ReadServices(store::Session& s, Report& report, const std::string& year_start, const std::string& year_end) {
    store::Rows rows = s.Query(kServiceSelect, {year_start, year_end, kThresholdFen, year_end});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        store::Row r = rows[i];
        std::string id = std::to_string(r.Int(0));
        std::string name(r.Text(2));
        std::vector<ExportCell> row = {Text(id),
                                       Text(std::to_string(r.Int(1))),
                                       Text(name),
                                       ExportCell::Number(static_cast<double>(r.Int(3)) / 100.0, 2),
                                       Text(r.Text(4)),
                                       Text(ServiceWay(r.Text(5))),
                                       Text(Quantity(r.Int(6), r.Int(7))),
                                       Text(r.Text(8)),
                                       Text(r.Text(9)),
                                       Text(r.IsNull(10) ? "" : Rating(r.Int(10)))};
        AddRow(report, report.services, std::move(row), id, name, std::to_string(r.Int(1)),
               {"服务量", "申请人", "用户评价"});
    }
}

}  // namespace

Report ReadReport(store::Session& s, int year, const std::string& today, const std::string& site_url) {
    Report report;
    report.year = year;
    report.instruments = {.name = "仪器设备", .header = kInstrumentHeader, .rows = {}};
    report.services = {.name = "服务记录", .header = kServiceHeader, .rows = {}};
    std::string y = std::to_string(year);
    ReadInstruments(s, report, y + "-12-31", today, site_url);
    // Not configured: one line for all records instead of one per record.
    if (!report.instruments.rows.empty()) {
        if (site_url.empty()) {
            report.problems.push_back({"仪器设备", "全部", "", "预约服务网址",
                                       "未配置平台网址（配置文件 [national_report] site_url），无法生成预约服务网址",
                                       ""});
        }
    }
    ReadServices(s, report, y + "-01-01", y + "-12-31");
    return report;
}

exchange::ExportSheet CheckSheet(const std::vector<Problem>& problems) {
    exchange::ExportSheet sheet{.name = "校验", .header = {"工作表", "记录编号", "名称", "要素", "说明"}, .rows = {}};
    for (const Problem& p : problems) {
        sheet.rows.push_back({Text(p.sheet), Text(p.id), Text(p.name), Text(p.element), Text(p.message)});
    }
    return sheet;
}

}  // namespace keyuan::national_report
