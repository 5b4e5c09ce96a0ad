// What the operator and the finance bureau read of a programme, and the one way to change money
// outside the lifecycle: a correction, a new movement with its reason, never an edit.
//   GET  /api/v1/voucher-programmes/{id}/report        budget used and left, by kind, district, provider
//   GET  /api/v1/voucher-ledger?programme_id=&account=&page=   the movements
//   POST /api/v1/voucher-ledger/corrections {programme_id, from, to, amount_fen, reason}  (operator)
//   GET  /api/v1/voucher-ledger/verify                 the verification of the whole ledger
#include <boost/json/array.hpp>

#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/id.hpp"
#include "exchange/export_table.hpp"
#include "http/content_disposition.hpp"
#include "http/doc_shapes.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/vouchers/fields.hpp"
#include "modules/vouchers/ledger.hpp"
#include "modules/vouchers/module_parts.hpp"
#include "modules/vouchers/programme_store.hpp"
#include "workflow/queues.hpp"

namespace keyuan::vouchers {
namespace json = boost::json;
using http::Request;

namespace {

/// Sum of one movement kind in the programme.
std::int64_t Moved(store::Session& s, std::int64_t programme_id, std::string_view movement) {
    return s
        .Query("SELECT COALESCE(SUM(amount_fen), 0) FROM voucher_ledger WHERE programme_id = $1 AND movement = $2",
               {programme_id, movement})
        .front()
        .Int(0);
}

json::array Grouped(store::Session& s, const std::string& sql, std::int64_t programme_id) {
    store::Rows rows = s.Query(sql, {programme_id});
    json::array out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out.push_back(json::object{{"key", rows[i].Text(0)},
                                   {"name", rows[i].Text(1)},
                                   {"count", rows[i].Int(2)},
                                   {"amount_fen", rows[i].Int(3)}});
    }
    return out;
}

json::object Report(store::Session& s, const Programme& p) {
    // Figures from the ledger's balances, so that the report and the verification agree to the fen.
    store::Rows sums = s.Query(
        "SELECT "
        "COALESCE(SUM(CASE WHEN account LIKE 'voucher:%:available' THEN balance_fen END), 0), "
        "COALESCE(SUM(CASE WHEN account LIKE 'voucher:%:reserved' THEN balance_fen END), 0), "
        "COALESCE(SUM(CASE WHEN account LIKE 'provider:%:earned' THEN balance_fen END), 0), "
        "COALESCE(SUM(CASE WHEN account LIKE 'provider:%:claimed' THEN balance_fen END), 0), "
        "COALESCE(SUM(CASE WHEN account LIKE 'provider:%:paid' THEN balance_fen END), 0) "
        "FROM ledger_balances WHERE account IN (SELECT 'voucher:' || CAST(id AS TEXT) || ':available' FROM vouchers "
        "WHERE programme_id = $1 UNION ALL SELECT 'voucher:' || CAST(id AS TEXT) || ':reserved' FROM vouchers WHERE "
        "programme_id = $1) OR account LIKE 'provider:%:' || CAST($1 AS TEXT) || ':%'",
        {p.id});
    const store::Row& r = sums.front();
    const std::string by_use = " FROM voucher_uses u JOIN vouchers v ON v.id = u.voucher_id ";
    json::object out{
        {"programme", ProgrammeJson(s, p, true)},
        {"budget_fen", p.status == "draft" ? 0 : p.budget_fen},
        {"budget_left_fen", ledger::Balance(s, ledger::Budget(p.id))},
        {"issued_fen", Moved(s, p.id, "issue")},
        {"expired_fen", Moved(s, p.id, "expire")},
        {"refused_fen", Moved(s, p.id, "refuse")},
        {"available_fen", r.Int(0)},
        {"reserved_fen", r.Int(1)},
        {"earned_fen", r.Int(2)},
        {"claimed_fen", r.Int(3)},
        {"paid_fen", r.Int(4)},
        {"vouchers", s.Query("SELECT COUNT(*) FROM vouchers WHERE programme_id = $1", {p.id}).front().Int(0)},
        {"enterprises_served", s.Query("SELECT COUNT(DISTINCT u.client_org_id)" + by_use +
                                           "WHERE v.programme_id = $1 AND u.status = 'consumed'",
                                       {p.id})
                                   .front()
                                   .Int(0)},
        {"by_kind",
         Grouped(s,
                 "SELECT u.service_kind, u.service_kind, COUNT(*), CAST(SUM(u.consumed_fen) AS BIGINT)" + by_use +
                     "WHERE v.programme_id = $1 AND u.status = 'consumed' GROUP BY u.service_kind ORDER BY 4 DESC",
                 p.id)},
        {"by_district",
         Grouped(
             s,
             "SELECT COALESCE(o.district_code, ''), COALESCE(d.name, ''), COUNT(*), CAST(SUM(u.consumed_fen) AS "
             "BIGINT)" +
                 by_use +
                 "JOIN organizations o ON o.id = u.client_org_id LEFT JOIN districts d ON d.code = o.district_code "
                 "WHERE v.programme_id = $1 AND u.status = 'consumed' GROUP BY o.district_code, d.name ORDER BY 4 DESC",
             p.id)},
        {"by_industry",
         Grouped(s,
                 "SELECT COALESCE(d.client_industry_code, ''), COALESCE(i.name, ''), COUNT(*), "
                 "CAST(SUM(u.consumed_fen) AS BIGINT)" +
                     by_use +
                     "JOIN deliveries d ON d.source_kind = u.object_kind AND d.source_id = u.object_id LEFT JOIN "
                     "industry_codes i ON i.code = d.client_industry_code WHERE v.programme_id = $1 AND u.status = "
                     "'consumed' GROUP BY d.client_industry_code, i.name ORDER BY 4 DESC LIMIT 50",
                 p.id)},
        {"providers",
         Grouped(
             s,
             "SELECT CAST(u.provider_org_id AS TEXT), o.name, COUNT(*), CAST(SUM(u.consumed_fen) AS BIGINT)" + by_use +
                 "JOIN organizations o ON o.id = u.provider_org_id WHERE v.programme_id = $1 AND u.status = 'consumed' "
                 "GROUP BY u.provider_org_id, o.name ORDER BY 4 DESC LIMIT 50",
             p.id)}};
    return out;
}

/// The report as one sheet: the programme's totals, then each grouping's rows, money in yuan.
exchange::ExportSheet ReportSheet(const json::object& report) {
    exchange::ExportSheet sheet{.name = "创新券报表", .header = {"类别", "代码", "名称", "笔数", "金额（元）"}};
    auto yuan = [](std::int64_t fen) { return exchange::ExportCell::Number(static_cast<double>(fen) / 100.0, 2); };
    using exchange::ExportCell;
    const std::vector<std::pair<const char*, const char*>> totals = {
        {"budget_fen", "预算"},         {"issued_fen", "已发放"},       {"available_fen", "可用余额"},
        {"reserved_fen", "已预留"},     {"earned_fen", "已服务待兑付"}, {"claimed_fen", "已申请兑付"},
        {"paid_fen", "已结算"},         {"expired_fen", "过期收回"},    {"refused_fen", "兑付不予通过"},
        {"budget_left_fen", "预算结余"}};
    for (const auto& [key, name] : totals) {
        sheet.rows.push_back({ExportCell::Text("汇总"), ExportCell::Text(key), ExportCell::Text(name),
                              ExportCell::Text(""), yuan(report.at(key).as_int64())});
    }
    const std::vector<std::pair<const char*, const char*>> groups = {{"by_kind", "服务类别"},
                                                                     {"by_district", "企业所在区"},
                                                                     {"by_industry", "企业所属行业"},
                                                                     {"providers", "服务机构"}};
    for (const auto& [key, name] : groups) {
        for (const json::value& row : report.at(key).as_array()) {
            const json::object& o = row.as_object();
            sheet.rows.push_back({ExportCell::Text(name), ExportCell::Text(std::string(o.at("key").as_string())),
                                  ExportCell::Text(std::string(o.at("name").as_string())),
                                  ExportCell::Number(static_cast<double>(o.at("count").as_int64())),
                                  yuan(o.at("amount_fen").as_int64())});
        }
    }
    return sheet;
}

}  // namespace

void RegisterReportRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;

    // ?format=json (default) | csv | xlsx
    context.router.Get("/api/v1/voucher-programmes/{id}/report", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "voucher.oversee");
        std::int64_t id = http::PathId(r);
        std::string format = r.Query("format").value_or("json");
        if (format != "json" && format != "csv" && format != "xlsx") {
            throw ApiError(
                Error::Validation({{"format", {"格式须为 json、csv 或 xlsx", "format: json, csv or xlsx"}}}));
        }
        json::object answer;
        db.Read([&](store::Session& s) {
            std::optional<Programme> p = LoadProgramme(s, id);
            if (!p) throw ApiError(Error::NotFound());
            answer = Report(s, *p);
        });
        if (format == "json") return http::JsonResponse(200, answer);
        http::Response response;
        exchange::ExportSheet sheet = ReportSheet(answer);
        response.content_type = format == "csv" ? "text/csv; charset=utf-8" : http::doc::kXlsxType;
        response.body = format == "csv" ? exchange::ToCsv(sheet) : exchange::ToXlsx(sheet);
        std::string file = "voucher-report-" + std::to_string(id) + "." + format;
        response.SetHeader("content-disposition",
                           http::AttachmentDisposition("创新券报表-" + std::to_string(id) + "." + format, file));
        return response;
    });

    context.router.Get("/api/v1/voucher-ledger", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "voucher.oversee");
        http::Paging paging = http::ParsePaging(r, 50);
        FieldErrors errors;
        workflow::Conditions where;
        if (auto programme = http::QueryId(r, "programme_id", errors))
            where.And("programme_id = " + where.Param(*programme));
        if (auto account = r.Query("account")) {
            if (account->size() > 100) errors.Add("account", "账户名过长", "account: too long");
            std::string p = where.Param(*account);
            where.And("(from_account = " + p + " OR to_account = " + p + ")");
        }
        errors.ThrowIfAny();
        json::array items;
        std::int64_t total = 0;
        db.Read([&](store::Session& s) {
            total = s.Query("SELECT COUNT(*) FROM voucher_ledger" + where.where(), where.params()).front().Int(0);
            items = ledger::MovementsJson(s, where.where(), where.params(), paging.page_size,
                                          static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
        });
        return http::JsonResponse(200, http::PageEnvelope(std::move(items), total, paging));
    });

    context.router.Post("/api/v1/voucher-ledger/corrections", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "voucher.manage");
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        std::optional<std::string> programme = http::ReadString(reader, correction::kProgramme);
        std::string from = http::ReadString(reader, correction::kFrom).value_or("");
        std::string to = http::ReadString(reader, correction::kTo).value_or("");
        std::int64_t amount = http::ReadInt(reader, correction::kAmount).value_or(0);
        std::string reason = http::ReadString(reader, correction::kReason).value_or("");
        std::optional<std::int64_t> programme_id = programme ? ParseId(*programme) : std::nullopt;
        if (programme && !programme_id) reader.errors().Add("programme_id", "编号无效", "Not an id");
        // A correction moves money between the programme's own accounts, never from or to the funding.
        for (auto [name, account] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
            bool ours = programme_id && (account->starts_with("voucher:") || account->starts_with("provider:") ||
                                         *account == ledger::Budget(*programme_id));
            if (!account->empty() && !ours)
                reader.errors().Add(name, "须为本方案的账户", "Must be an account of the programme");
        }
        if (!from.empty() && from == to) reader.errors().Add("to", "不能与转出账户相同", "Must differ from `from`");
        reader.Finish();
        json::object answer;
        db.Write([&](store::Session& s) {
            if (!LoadProgramme(s, *programme_id))
                throw ApiError(Error::Validation({{"programme_id", {"方案不存在", "No such programme"}}}));
            ledger::Post(s, r.ToActor(),
                         {.from = from,
                          .to = to,
                          .amount_fen = amount,
                          .movement = "correction",
                          .cause_type = "correction",
                          .cause_id = std::to_string(r.caller->user_id),
                          .programme_id = *programme_id,
                          .reason = reason},
                         Error::Validation({{"amount_fen", {"转出账户余额不足", "`from` does not hold the amount"}}}));
            answer = json::object{{"from", from},
                                  {"to", to},
                                  {"amount_fen", amount},
                                  {"reason", reason},
                                  {"from_balance_fen", ledger::Balance(s, from)},
                                  {"to_balance_fen", ledger::Balance(s, to)}};
            changes::Record(s, r.ToActor(),
                            {.object_type = "voucher_programme",
                             .object_id = *programme_id,
                             .event = "corrected",
                             .after_json = json::serialize(answer),
                             .detail = reason});
        });
        return http::JsonResponse(201, answer);
    });

    context.router.Get("/api/v1/voucher-ledger/verify", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "voucher.oversee");
        ledger::VerifyReport report = ledger::Verify(db);
        return http::JsonResponse(200, json::object{{"ok", report.ok()},
                                                    {"movements", report.movements},
                                                    {"accounts", report.accounts},
                                                    {"problem", report.problem}});
    });
}

}  // namespace keyuan::vouchers
