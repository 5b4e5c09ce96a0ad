// A contract as the seller files it (form JJ-001), checked field by field; every bad field is named.
#include "modules/tech_contracts/contract_input.hpp"

#include <boost/json/array.hpp>

#include <set>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/json.hpp"
#include "modules/tech_contracts/link_input.hpp"
#include "modules/tech_contracts/party_input.hpp"
#include "modules/tech_contracts/rules.hpp"

namespace keyuan::tech_contracts {
namespace json = boost::json;

namespace {

/// Type and sub-type name one row of contract_types; a sub-type of another type is named as such.
void CheckType(store::Session& s, ContractInput& in, const std::set<std::string>& bad, FieldErrors& errors) {
    if (bad.contains("type") || bad.contains("subtype")) return;
    if (s.Query("SELECT 1 FROM contract_types WHERE type = $1", {in.type}).empty()) {
        errors.Add("type", "未知的合同类型（技术开发、技术转让、技术许可、技术咨询、技术服务）",
                   "Unknown contract type");
        return;
    }
    store::Rows row = s.Query("SELECT id FROM contract_types WHERE type = $1 AND subtype = $2", {in.type, in.subtype});
    if (!row.empty()) {
        in.contract_type_id = row[0].Int(0);
        return;
    }
    bool elsewhere = !s.Query("SELECT 1 FROM contract_types WHERE subtype = $1", {in.subtype}).empty();
    errors.Add("subtype", elsewhere ? "该子类属于其他合同类型" : "未知的合同子类",
               elsewhere ? "A sub-type of another contract type" : "Unknown sub-type");
}

void CheckInstalments(const json::value* v, ContractInput& in, bool total_ok, FieldErrors& errors) {
    if (!v || !v->is_array() || v->as_array().empty() || v->as_array().size() > kMaxInstalments) {
        errors.Add("instalments", "须列出 1–60 期付款", "List 1 to 60 payments");
        return;
    }
    const json::array& items = v->as_array();
    std::int64_t sum = 0;
    bool rows_ok = true;
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::string at = "instalments." + std::to_string(i);
        if (!items[i].is_object()) {
            errors.Add(at, "须为对象", "Must be an object");
            rows_ok = false;
            continue;
        }
        http::JsonReader reader(items[i].as_object());
        auto due = reader.Date("due_on", true);
        auto amount = reader.Int("amount_fen", true, 1, kMaxFen);
        for (FieldError& e : reader.Collect()) errors.Add(at + "." + e.field, e.message.zh, e.message.en);
        if (!due || !amount) {
            rows_ok = false;
            continue;
        }
        in.instalments.push_back({*due, *amount});
        sum += *amount;  // ≤ 60 × kMaxFen: no overflow
    }
    if (rows_ok && total_ok && sum != in.total_fen) {
        errors.Add("instalments", "各期付款之和（" + std::to_string(sum) + " 分）须等于合同总额",
                   "The payments (" + std::to_string(sum) + " fen) must add up to the total");
    }
}

void CheckReferences(store::Session& s, ContractInput& in, const std::set<std::string>& bad,
                     const std::optional<std::vector<std::string>>& ip, FieldErrors& errors) {
    if (!bad.contains("field_code") && s.Query("SELECT 1 FROM tech_fields WHERE code = $1", {in.field_code}).empty()) {
        errors.Add("field_code", "未知的技术领域", "Unknown technical field");
    }
    if (in.industry_code && !bad.contains("industry_code") &&
        s.Query("SELECT 1 FROM industry_codes WHERE code = $1", {*in.industry_code}).empty()) {
        errors.Add("industry_code", "未知的国民经济行业代码", "Unknown industry code (GB/T 4754)");
    }
    if (ip) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < ip->size(); ++i) {
            const std::string& code = (*ip)[i];
            if (s.Query("SELECT 1 FROM tech_ip_types WHERE code = $1", {code}).empty() || !seen.insert(code).second) {
                errors.Add("ip_types." + std::to_string(i), "未知或重复的知识产权类型", "Unknown or repeated IP type");
            }
        }
        in.ip_types = *ip;
    }
}

void CheckAchievement(store::Session& s, const std::optional<std::string>& text, std::int64_t org_id, ContractInput& in,
                      FieldErrors& errors) {
    if (!text || text->empty()) return;
    std::optional<std::int64_t> id = ParseId(*text);
    if (!id ||
        s.Query("SELECT 1 FROM achievements WHERE id = $1 AND org_id = $2 AND status = 'approved'", {*id, org_id})
            .empty()) {
        errors.Add("achievement_id", "须为卖方单位已登记的科技成果", "Must be an approved achievement of the seller");
        return;
    }
    in.achievement_id = id;
}

}  // namespace

ContractInput ReadContract(store::Session& s, const json::object& body, std::int64_t org_id,
                           std::optional<std::int64_t> filing_broker) {
    http::JsonReader reader(body);
    ContractInput in;
    in.project_name = reader.String("project_name", {.required = true, .max_chars = 200, .min_chars = 1}).value_or("");
    in.type = reader.String("type", {.required = true, .max_chars = 20, .min_chars = 1}).value_or("");
    in.subtype = reader.String("subtype", {.max_chars = 20}).value_or("");
    auto signed_on = reader.Date("signed_on", true);
    in.valid_from = reader.Date("valid_from", false);
    in.valid_until = reader.Date("valid_until", false);
    auto total = reader.Int("total_fen", true, 1, kMaxFen);
    auto tech = reader.Int("tech_amount_fen", true, 0, kMaxFen);
    in.field_code = reader.String("field_code", {.required = true, .max_chars = 40, .min_chars = 1}).value_or("");
    in.industry_code = reader.String("industry_code", {.max_chars = 5, .min_chars = 1});
    auto ip = reader.StringList("ip_types", false, 7, 40);
    in.government_plan = reader.Bool("government_plan", false).value_or(false);
    in.plan_name = reader.String("plan_name", {.max_chars = 200}).value_or("");
    in.expected_investment_fen = reader.Int("expected_investment_fen", false, 0, kMaxFen);
    in.expected_output_fen = reader.Int("expected_output_fen", false, 0, kMaxFen);
    auto achievement = reader.String("achievement_id", {.max_chars = 20});
    auto demand = reader.String("demand_id", {.max_chars = 20});
    auto broker = reader.String("broker_id", {.max_chars = 20});
    const json::value* parties = reader.Raw("parties");
    const json::value* instalments = reader.Raw("instalments");
    FieldErrors errors;
    std::set<std::string> bad;
    for (FieldError& e : reader.Collect()) {
        bad.insert(e.field);
        errors.Add(e.field, e.message.zh, e.message.en);
    }
    if (signed_on) {
        in.signed_on = *signed_on;
        if (*signed_on > clock::TodayShanghai()) errors.Add("signed_on", "签订日期不能晚于今天", "Not in the future");
    }
    if (in.valid_from && in.valid_until && *in.valid_until < *in.valid_from) {
        errors.Add("valid_until", "有效期止不能早于起", "Must not be before valid_from");
    }
    in.total_fen = total.value_or(0);
    in.tech_amount_fen = tech.value_or(0);
    if (total && tech && *tech > *total) {
        errors.Add("tech_amount_fen", "技术交易额不能超过合同总额", "The technology amount cannot exceed the total");
    }
    if (in.government_plan && in.plan_name.empty()) {
        errors.Add("plan_name", "政府计划项目须写明计划名称", "Name the government programme");
    }
    CheckType(s, in, bad, errors);
    if (NeedsExpectations(in.type)) {
        if (!in.expected_investment_fen && !bad.contains("expected_investment_fen"))
            errors.Add("expected_investment_fen", "技术转让、许可须填预计新增投资",
                       "Required for transfers and licences");
        if (!in.expected_output_fen && !bad.contains("expected_output_fen"))
            errors.Add("expected_output_fen", "技术转让、许可须填预计新增产值", "Required for transfers and licences");
    }
    CheckReferences(s, in, bad, ip, errors);
    CheckAchievement(s, achievement, org_id, in, errors);
    in.parties = ReadParties(s, parties, errors);
    ReadLinks(s, demand, broker, filing_broker, in, errors);
    CheckInstalments(instalments, in, total.has_value(), errors);
    errors.ThrowIfAny();
    return in;
}

}  // namespace keyuan::tech_contracts
