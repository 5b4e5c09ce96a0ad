// The parties of a contract (form JJ-001): one seller, buyers, others; each with its credit code (check
// character), legal-person type, customs country code and GB/T 2260 division code.
#include <boost/json/array.hpp>

#include <set>

#include "http/json.hpp"
#include "modules/catalog/credit_code.hpp"
#include "modules/tech_contracts/contract_input.hpp"
#include "modules/tech_contracts/party_input.hpp"
#include "modules/tech_contracts/rules.hpp"

namespace keyuan::tech_contracts {
namespace json = boost::json;

namespace {

bool Digits(std::string_view text, std::size_t n) {
    if (text.size() != n) return false;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

/// Hong Kong, Macao and Taiwan carry no mainland credit code.
bool NeedsCreditCode(const Party& p) {
    return p.country_code == kChina && !p.division_code.starts_with("71") && !p.division_code.starts_with("81") &&
           !p.division_code.starts_with("82");
}

void CheckDivision(store::Session& s, const Party& p, const std::string& at, FieldErrors& errors) {
    if (!Digits(p.country_code, 3)) {
        errors.Add(at + ".country_code", "国别代码须为 3 位数字（海关代码，中国为 142）",
                   "A 3-digit customs country code (China: 142)");
        return;
    }
    if (!Digits(p.division_code, 6)) {
        errors.Add(at + ".division_code", "行政区划代码须为 6 位数字", "A 6-digit division code");
        return;
    }
    if (p.country_code != kChina) {
        if (p.division_code != "000000") {
            errors.Add(at + ".division_code", "境外当事人的行政区划代码为 000000", "A party abroad has 000000");
        }
        return;
    }
    bool beijing = p.division_code.starts_with(kBeijingRegion);
    bool known = beijing ? !s.Query("SELECT 1 FROM districts WHERE code = $1", {p.division_code}).empty()
                         : p.division_code != "110000" &&
                               !s.Query("SELECT 1 FROM tech_provinces WHERE code = $1", {p.division_code}).empty();
    if (!known) {
        errors.Add(at + ".division_code", "须为北京市的区或其他省级行政区划代码（如 120000）",
                   "A Beijing district or another province's code (e.g. 120000)");
    } else if (p.role == "seller" && !beijing) {
        errors.Add(at + ".division_code", "卖方须在北京市登记（申请人所在地一次登记）",
                   "The seller registers in its locality: a Beijing district");
    }
}

Party ReadParty(store::Session& s, const json::value& v, const std::string& at, FieldErrors& errors) {
    Party p;
    if (!v.is_object()) {
        errors.Add(at, "须为对象", "Must be an object");
        return p;
    }
    http::JsonReader reader(v.as_object());
    p.role = reader.Enum("role", true, {"seller", "buyer", "other"}).value_or("");
    p.name = reader.String("name", {.required = true, .max_chars = 100, .min_chars = 1}).value_or("");
    p.credit_code = reader.String("credit_code", {.max_chars = 18}).value_or("");
    p.entity_type = reader.String("entity_type", {.required = true, .max_chars = 3, .min_chars = 3}).value_or("");
    p.country_code = reader.String("country_code", {.required = true, .max_chars = 3, .min_chars = 3}).value_or("");
    p.division_code = reader.String("division_code", {.required = true, .max_chars = 6, .min_chars = 6}).value_or("");
    std::set<std::string> bad;
    for (FieldError& e : reader.Collect()) {
        bad.insert(e.field);
        errors.Add(at + "." + e.field, e.message.zh, e.message.en);
    }
    if (!bad.contains("entity_type") &&
        s.Query("SELECT 1 FROM tech_entity_types WHERE code = $1", {p.entity_type}).empty()) {
        errors.Add(at + ".entity_type", "未知的法人类型代码", "Unknown legal-person type");
    }
    if (!bad.contains("country_code") && !bad.contains("division_code")) CheckDivision(s, p, at, errors);
    if (!bad.contains("credit_code")) {
        if (p.credit_code.empty() && NeedsCreditCode(p)) {
            errors.Add(at + ".credit_code", "必填：统一社会信用代码", "Required: the unified social credit code");
        } else if (!p.credit_code.empty()) {
            if (auto problem = catalog::CheckCreditCode(p.credit_code)) {
                errors.Add(at + ".credit_code", problem->zh, problem->en);
            }
        }
    }
    return p;
}

}  // namespace

std::vector<Party> ReadParties(store::Session& s, const json::value* v, FieldErrors& errors) {
    std::vector<Party> parties;
    if (!v || !v->is_array() || v->as_array().size() < 2 || v->as_array().size() > kMaxParties) {
        errors.Add("parties", "须列出卖方和至少一个买方（最多 20 方）",
                   "List the seller and at least one buyer (at most 20 parties)");
        return parties;
    }
    const json::array& items = v->as_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
        parties.push_back(ReadParty(s, items[i], "parties." + std::to_string(i), errors));
    }
    std::size_t sellers = 0, buyers = 0;
    const Party* seller = nullptr;
    for (const Party& p : parties) {
        sellers += p.role == "seller";
        buyers += p.role == "buyer";
        if (p.role == "seller") seller = &p;
    }
    if (sellers != 1 || buyers < 1) {
        errors.Add("parties", "须有且仅有一个卖方，并至少有一个买方", "Exactly one seller and at least one buyer");
    }
    for (std::size_t i = 0; i < parties.size(); ++i) {
        if (seller && parties[i].role == "buyer" && !seller->credit_code.empty() &&
            parties[i].credit_code == seller->credit_code) {
            errors.Add("parties." + std::to_string(i) + ".credit_code", "买方不能与卖方相同（统一社会信用代码相同）",
                       "The buyer cannot be the seller (same credit code)");
        }
    }
    return parties;
}

}  // namespace keyuan::tech_contracts
