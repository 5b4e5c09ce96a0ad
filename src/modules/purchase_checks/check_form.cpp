#include "modules/purchase_checks/check_form.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

#include "core/clock.hpp"
#include "http/json.hpp"
#include "modules/purchase_checks/check_store.hpp"

namespace keyuan::purchase_checks {
namespace json = boost::json;

namespace {

void AddProblems(FieldErrors& errors, std::vector<FieldError> problems, const std::string& prefix = "") {
    for (FieldError& e : problems) errors.Add(prefix + e.field, e.message.zh, e.message.en);
}

/// The quotes as rows {supplier, model?, price_fen, note?}; problems named quotes[i].field.
std::optional<std::string> ReadQuotes(const json::value* raw, FieldErrors& errors) {
    if (!raw) return std::nullopt;
    if (!raw->is_array() || raw->as_array().size() > kMaxQuotes) {
        errors.Add("quotes", "须为报价列表，最多 " + std::to_string(kMaxQuotes) + " 条",
                   "A list of at most " + std::to_string(kMaxQuotes) + " quotes");
        return std::nullopt;
    }
    json::array out;
    std::size_t i = 0;
    for (const json::value& item : raw->as_array()) {
        std::string prefix = "quotes[" + std::to_string(i++) + "].";
        if (!item.is_object()) {
            errors.Add(prefix.substr(0, prefix.size() - 1), "须为对象", "An object");
            continue;
        }
        http::JsonReader reader(item.as_object());
        auto supplier = http::ReadString(reader, kQuoteFields[0]);
        auto model = http::ReadString(reader, kQuoteFields[1]);
        auto price = http::ReadInt(reader, kQuoteFields[2]);
        auto note = http::ReadString(reader, kQuoteFields[3]);
        std::vector<FieldError> problems = reader.Collect();
        if (!problems.empty()) {
            AddProblems(errors, std::move(problems), prefix);
            continue;
        }
        out.push_back(json::object{{"supplier", *supplier},
                                   {"model", model.value_or("")},
                                   {"price_fen", *price},
                                   {"note", note.value_or("")}});
    }
    return json::serialize(out);
}

http::BodyField AsBodyField(const TextField& f) {
    return {.name = f.name, .required = f.required, .max_chars = f.max_chars, .min_chars = f.required ? 1u : 0u};
}

}  // namespace

std::vector<http::BodyField> FormFields() {
    std::vector<http::BodyField> out;
    for (const TextField& f : kTextFields) out.push_back(AsBodyField(f));
    for (const http::BodyField* f :
         {&kClassCode, &kBudget, &kFunding, &kExpectedHours, &kSiteReady, &kRunningCostReady})
        out.push_back(*f);
    return out;
}

bool Form::Has(std::string_view column) const {
    return std::any_of(columns.begin(), columns.end(), [&](const auto& c) { return c.first == column; });
}

Form ReadForm(store::Session& s, const json::object& body, bool partial) {
    http::JsonReader reader(body);
    Form form;
    // A PATCH gives what it changes: the same fields, none required.
    auto field = [partial](http::BodyField f) {
        f.required = f.required && !partial;
        return f;
    };
    for (const TextField& f : kTextFields) {
        auto value = http::ReadString(reader, field(AsBodyField(f)));
        if (value) form.columns.emplace_back(std::string(f.name), *value);
    }
    auto class_code = http::ReadString(reader, field(kClassCode));
    auto budget = http::ReadInt(reader, field(kBudget));
    auto funding = http::ReadEnum(reader, field(kFunding));
    auto hours = http::ReadInt(reader, kExpectedHours);
    auto site = http::ReadBool(reader, kSiteReady);
    auto running = http::ReadBool(reader, kRunningCostReady);
    const json::value* quotes_raw = reader.Raw("quotes");
    FieldErrors errors;
    AddProblems(errors, reader.Collect());
    std::optional<std::string> quotes = ReadQuotes(quotes_raw, errors);
    if (class_code && s.Query("SELECT 1 FROM instrument_classes WHERE code = $1", {*class_code}).empty()) {
        errors.Add("class_code", "不是仪器分类目录中的分类代码", "Not a code of the instrument classification");
    }
    errors.ThrowIfAny();
    if (class_code) form.columns.emplace_back("class_code", *class_code);
    if (budget) form.columns.emplace_back("budget_fen", *budget);
    if (funding) form.columns.emplace_back("funding_source", *funding);
    if (hours) form.columns.emplace_back("expected_hours", *hours);
    if (site) form.columns.emplace_back("site_ready", *site);
    if (running) form.columns.emplace_back("running_cost_ready", *running);
    if (quotes) form.columns.emplace_back("quotes", *quotes);
    if (partial && form.columns.empty()) {
        throw ApiError(Error::Validation({{"body", {"没有要修改的字段", "No field to change"}}}));
    }
    return form;
}

std::int64_t InsertCheck(store::Session& s, const Form& form, std::int64_t org_id, std::int64_t user_id) {
    std::string now = clock::NowUtc();
    std::string names = "org_id, department_code, district_code, created_by, created_at, updated_at";
    std::string values =
        "$1, (SELECT department_code FROM organizations WHERE id = $1), "
        "(SELECT district_code FROM organizations WHERE id = $1), $2, $3, $3";
    std::vector<store::Param> params{org_id, user_id, now};
    for (const auto& [column, value] : form.columns) {
        params.push_back(value);
        names += ", " + column;
        values += ", $" + std::to_string(params.size());
    }
    return s.Query("INSERT INTO purchase_checks (" + names + ") VALUES (" + values + ") RETURNING id", params)[0].Int(
        0);
}

bool UpdateCheck(store::Session& s, std::int64_t id, std::int64_t version, const Form& form) {
    std::vector<store::Param> params{id, version, clock::NowUtc()};
    std::string sets = "version = version + 1, updated_at = $3";
    for (const auto& [column, value] : form.columns) {
        params.push_back(value);
        sets += ", " + column + " = $" + std::to_string(params.size());
    }
    // The column names come from kTextFields and the fixed list above, never from the request.
    return s.Query("UPDATE purchase_checks SET " + sets +
                       " WHERE id = $1 AND version = $2 AND status IN ('draft', 'returned')",
                   params)
               .affected() == 1;
}

void RequireComplete(store::Session& s, std::int64_t id, bool required) {
    if (!required) return;
    store::Rows rows = s.Query("SELECT quotes, why_not_existing, key_specs FROM purchase_checks WHERE id = $1", {id});
    FieldErrors errors;
    json::value quotes = json::parse(rows[0].Text(0));
    if (static_cast<std::int64_t>(quotes.as_array().size()) < kQuotesRequired) {
        errors.Add("quotes", "预算达到查重门槛的购置须有三家报价",
                   "A purchase at or above the threshold needs three quotes");
    }
    if (rows[0].Text(1).empty()) {
        errors.Add("why_not_existing", "须说明现有仪器为何不能满足需要", "Say why existing instruments do not serve");
    }
    if (rows[0].Text(2).empty()) errors.Add("key_specs", "须填写主要技术指标", "The key specifications are required");
    errors.ThrowIfAny();
}

}  // namespace keyuan::purchase_checks
