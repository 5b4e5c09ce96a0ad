// Summary statistics across units and years, and their export.
//   GET /api/v1/annual-reports/statistics?year= | from_year=&to_year= [&department=]
//   GET /api/v1/annual-reports/export?year= | from_year=&to_year= [&department=]&format=xlsx|csv
// Counts by status take every report; the sums take filed reports (submitted, accepted, forwarded) and
// leave out contract rows linked to a secret achievement. A department reviewer sees their department.
#include <boost/json/array.hpp>

#include "core/clock.hpp"
#include "exchange/export_table.hpp"
#include "http/content_disposition.hpp"
#include "http/doc_shapes.hpp"
#include "http/json.hpp"
#include "modules/annual_reports/module_parts.hpp"

namespace keyuan::annual_reports {
namespace json = boost::json;
using http::Request;

namespace {

constexpr const char* kFiled = "r.status IN ('submitted', 'accepted', 'forwarded')";
constexpr const char* kPublicRows = "(a.id IS NULL OR a.secret = 0)";

struct Range {
    std::int64_t from = 0, to = 0;
    std::optional<std::string> department;
};

Range ReadRange(const Request& r, const access::Policy& policy) {
    policy.RequireAction(r.caller.get(), "annual_report.monitor");
    FieldErrors errors;
    Range range;
    std::optional<std::int64_t> year = QueryYear(r, "year", false, errors);
    std::optional<std::int64_t> from = QueryYear(r, "from_year", false, errors);
    std::optional<std::int64_t> to = QueryYear(r, "to_year", false, errors);
    if (year) {
        range.from = range.to = *year;
    } else if (from && to) {
        range.from = *from, range.to = *to;
        if (*to < *from) errors.Add("to_year", "不能早于起始年度", "Must not be before from_year");
        if (*to - *from > 20) errors.Add("to_year", "最多 20 年", "At most 20 years");
    } else if (errors.empty()) {
        errors.Add("year", "须给出 year 或 from_year 与 to_year", "Give year, or from_year and to_year");
    }
    if (std::optional<std::string> d = r.Query("department")) {
        if (d->empty() || d->size() > 40) errors.Add("department", "部门代码无效", "Not a department code");
        range.department = *d;
    }
    errors.ThrowIfAny();
    if (!policy.Allows(r.caller.get(), "annual_report.monitor", access::ObjectScope{})) {
        const std::string& own = r.caller->department_code;
        if (own.empty()) throw ApiError(Error::Forbidden());
        if (range.department && *range.department != own) throw ApiError(Error::NotFound());
        range.department = own;
    }
    return range;
}

/// " WHERE r.year BETWEEN … [AND r.department_code = …]" with its parameters.
std::string Where(const Range& range, std::vector<store::Param>& params) {
    params = {range.from, range.to};
    std::string where = " WHERE r.year BETWEEN $1 AND $2";
    if (range.department) {
        params.push_back(*range.department);
        where += " AND r.department_code = $3";
    }
    return where;
}

/// One group (a department or a year): reports, filed, contract count / amount / received, rewards.
constexpr const char* kGroupColumns =
    "COUNT(*), SUM(CASE WHEN r.status IN ('submitted', 'accepted', 'forwarded') THEN 1 ELSE 0 END), "
    "COALESCE(SUM(CASE WHEN r.status IN ('submitted', 'accepted', 'forwarded') THEN r.reward_cash_fen ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN r.status IN ('submitted', 'accepted', 'forwarded') THEN r.reward_equity_fen ELSE 0 END), "
    "0), COALESCE(SUM(CASE WHEN r.status IN ('submitted', 'accepted', 'forwarded') THEN r.tech_amount_fen ELSE 0 END), "
    "0)";

json::object Statistics(store::Session& s, const Range& range) {
    std::vector<store::Param> p;
    std::string where = Where(range, p);
    json::object by_status{{"draft", 0}, {"submitted", 0}, {"accepted", 0}, {"returned", 0}, {"forwarded", 0}};
    store::Rows status = s.Query("SELECT r.status, COUNT(*) FROM annual_reports r" + where + " GROUP BY r.status", p);
    for (std::size_t i = 0; i < status.size(); ++i) by_status[status[i].Text(0)] = status[i].Int(1);

    json::object modes;
    for (const char* m : {"transfer", "license", "investment"})
        modes[m] = json::object{{"count", 0}, {"amount_fen", 0}, {"received_fen", 0}};
    store::Rows contracts = s.Query(
        "SELECT c.mode, COUNT(*), COALESCE(SUM(c.amount_fen), 0), COALESCE(SUM(c.received_fen), 0) FROM "
        "annual_report_contracts c JOIN annual_reports r ON r.id = c.report_id LEFT JOIN achievements a ON a.id = "
        "c.achievement_id" +
            where + " AND " + kFiled + " AND " + kPublicRows + " AND c.mode IS NOT NULL GROUP BY c.mode",
        p);
    for (std::size_t i = 0; i < contracts.size(); ++i) {
        modes[contracts[i].Text(0)] = json::object{
            {"count", contracts[i].Int(1)}, {"amount_fen", contracts[i].Int(2)}, {"received_fen", contracts[i].Int(3)}};
    }
    store::Rows sums = s.Query(
        "SELECT COUNT(*), COALESCE(SUM(r.tech_count), 0), COALESCE(SUM(r.tech_amount_fen), 0), "
        "COALESCE(SUM(r.income_unit_fen), 0), COALESCE(SUM(r.income_staff_fen), 0), "
        "COALESCE(SUM(r.reward_cash_fen), 0), COALESCE(SUM(r.reward_equity_fen), 0), "
        "COALESCE(SUM(r.reward_headcount), 0), COALESCE(SUM(r.spinoff_count), 0), "
        "COALESCE(SUM(r.office_count), 0) FROM annual_reports r" +
            where + " AND " + kFiled,
        p);
    store::Row t = sums.front();  // a Row points into its Rows: keep them
    json::object totals{{"reports_filed", t.Int(0)},     {"tech_count", t.Int(1)},       {"tech_amount_fen", t.Int(2)},
                        {"income_unit_fen", t.Int(3)},   {"income_staff_fen", t.Int(4)}, {"reward_cash_fen", t.Int(5)},
                        {"reward_equity_fen", t.Int(6)}, {"reward_headcount", t.Int(7)}, {"spinoffs", t.Int(8)},
                        {"offices", t.Int(9)},           {"contracts", std::move(modes)}};

    auto groups = [&](const std::string& key, const std::string& join, const std::string& label) {
        json::array out;
        store::Rows rows = s.Query("SELECT " + key + ", " + label + ", " + kGroupColumns + " FROM annual_reports r" +
                                       join + where + " GROUP BY " + key + ", " + label + " ORDER BY " + key,
                                   p);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            out.push_back(json::object{{"key", rows[i].Text(0)},
                                       {"label", rows[i].Text(1)},
                                       {"reports", rows[i].Int(2)},
                                       {"filed", rows[i].Int(3)},
                                       {"reward_cash_fen", rows[i].Int(4)},
                                       {"reward_equity_fen", rows[i].Int(5)},
                                       {"tech_amount_fen", rows[i].Int(6)}});
        }
        return out;
    };
    return json::object{
        {"from_year", range.from},
        {"to_year", range.to},
        {"department", range.department ? json::value(*range.department) : json::value(nullptr)},
        {"by_status", std::move(by_status)},
        {"totals", std::move(totals)},
        {"by_department", groups("COALESCE(r.department_code, '')",
                                 " LEFT JOIN departments d ON d.code = r.department_code", "COALESCE(d.name, '')")},
        {"by_year", groups("CAST(r.year AS TEXT)", "", "CAST(r.year AS TEXT)")}};
}

exchange::ExportSheet Sheet(store::Session& s, const Range& range) {
    using exchange::ExportCell;
    exchange::ExportSheet sheet{
        .name = "科技成果转化年度报告",
        .header = {"年度", "单位", "主管部门", "状态", "转让合同金额(元)", "许可合同金额(元)", "作价投资金额(元)",
                   "当年到账(元)", "技术开发/咨询/服务合同数", "技术开发/咨询/服务金额(元)", "单位留存(元)",
                   "奖励个人(元)", "现金奖励(元)", "股权奖励(元)", "奖励人数", "衍生企业数"}};
    std::vector<store::Param> p;
    std::string where = Where(range, p);
    auto mode_sum = [](const char* mode, const char* column) {
        return std::string("COALESCE((SELECT SUM(c.") + column +
               ") FROM annual_report_contracts c LEFT JOIN achievements a ON a.id = c.achievement_id WHERE c.report_id "
               "= r.id AND " +
               kPublicRows + (mode ? std::string(" AND c.mode = '") + mode + "'" : std::string()) + "), 0)";
    };
    store::Rows rows = s.Query(
        "SELECT r.year, o.name, COALESCE(r.department_code, ''), r.status, " + mode_sum("transfer", "amount_fen") +
            ", " + mode_sum("license", "amount_fen") + ", " + mode_sum("investment", "amount_fen") + ", " +
            mode_sum(nullptr, "received_fen") +
            ", r.tech_count, r.tech_amount_fen, r.income_unit_fen, r.income_staff_fen, r.reward_cash_fen, "
            "r.reward_equity_fen, r.reward_headcount, r.spinoff_count FROM annual_reports r JOIN organizations o ON "
            "o.id = r.org_id" +
            where + " ORDER BY r.year, r.department_code, o.name LIMIT 100000",
        p);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::vector<ExportCell> row = {
            ExportCell::Number(static_cast<double>(rows[i].Int(0))), ExportCell::Text(std::string(rows[i].Text(1))),
            ExportCell::Text(std::string(rows[i].Text(2))), ExportCell::Text(std::string(rows[i].Text(3)))};
        for (std::size_t c = 4; c < 16; ++c) {
            bool money = c != 8 && c != 14 && c != 15;
            std::int64_t v = rows[i].Int(c);
            row.push_back(money ? ExportCell::Number(static_cast<double>(v) / 100.0, 2)
                                : ExportCell::Number(static_cast<double>(v)));
        }
        sheet.rows.push_back(std::move(row));
    }
    return sheet;
}

}  // namespace

void RegisterStatisticsRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;

    context.router.Get(std::string(kReportsBase) + "/statistics", [&db, &policy](Request& r) {
        Range range = ReadRange(r, policy);
        json::object answer;
        db.Read([&](store::Session& s) { answer = Statistics(s, range); });
        return http::JsonResponse(200, answer);
    });

    context.router.Get(std::string(kReportsBase) + "/export", [&db, &policy](Request& r) {
        Range range = ReadRange(r, policy);
        std::string format = r.Query("format").value_or("xlsx");
        if (format != "csv" && format != "xlsx") {
            throw ApiError(Error::Validation({{"format", {"格式须为 xlsx 或 csv", "format: xlsx or csv"}}}));
        }
        exchange::ExportSheet sheet;
        db.Read([&](store::Session& s) { sheet = Sheet(s, range); });
        http::Response response;
        response.content_type = format == "csv" ? "text/csv; charset=utf-8" : http::doc::kXlsxType;
        response.body = format == "csv" ? exchange::ToCsv(sheet) : exchange::ToXlsx(sheet);
        std::string years = std::to_string(range.from) + (range.to != range.from ? "-" + std::to_string(range.to) : "");
        response.SetHeader("content-disposition",
                           http::AttachmentDisposition("科技成果转化年度报告-" + years + "." + format,
                                                       "annual-reports-" + years + "." + format));
        return response;
    });
}

}  // namespace keyuan::annual_reports
