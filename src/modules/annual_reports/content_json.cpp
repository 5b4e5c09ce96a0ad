#include "modules/annual_reports/content_json.hpp"

#include <boost/json/array.hpp>

#include <set>
#include <string>

#include "core/id.hpp"
#include "core/utf8.hpp"
#include "modules/annual_reports/rules.hpp"

namespace keyuan::annual_reports {
namespace json = boost::json;

namespace {

/// Reads the fields of one JSON object under `path`, collecting problems by full path.
class Fields {
public:
    Fields(const json::object& object, std::string path, FieldErrors& errors)
        : object_(object), path_(std::move(path)), errors_(errors) {}

    std::string At(std::string_view key) const {
        return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
    }

    const json::value* Take(std::string_view key) {
        seen_.insert(std::string(key));
        const json::value* v = object_.if_contains(key);
        return v && !v->is_null() ? v : nullptr;
    }

    std::int64_t Int(std::string_view key, std::int64_t max) {
        const json::value* v = Take(key);
        if (!v) return 0;
        if (!v->is_int64() && !v->is_uint64()) {
            errors_.Add(At(key), "须为整数", "Must be a whole number");
            return 0;
        }
        std::int64_t n = v->is_int64() ? v->as_int64() : -1;
        if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(max))
            n = static_cast<std::int64_t>(v->as_uint64());
        if (n < 0) {
            errors_.Add(At(key), v->is_uint64() ? "数值过大" : "不能为负数",
                        v->is_uint64() ? "Too large" : "Must not be negative");
            return 0;
        }
        if (n > max) {
            errors_.Add(At(key), "不能超过 " + std::to_string(max), "At most " + std::to_string(max));
            return 0;
        }
        return n;
    }

    std::string Text(std::string_view key, std::size_t max_chars, bool required = false) {
        const json::value* v = Take(key);
        if (!v) {
            if (required) errors_.Add(At(key), "必填", "Required");
            return "";
        }
        if (!v->is_string()) {
            errors_.Add(At(key), "须为文本", "Must be text");
            return "";
        }
        std::string text(v->as_string());
        bool multiline = max_chars > 200;
        if (!utf8::IsCleanText(text, multiline ? utf8::Controls::kLineBreaks : utf8::Controls::kNone)) {
            errors_.Add(At(key), "含有不允许的字符", "Holds characters that are not allowed");
            return "";
        }
        std::size_t chars = 0;
        for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
        if (chars > max_chars) {
            errors_.Add(At(key), "不能超过 " + std::to_string(max_chars) + " 个字",
                        "At most " + std::to_string(max_chars) + " characters");
            return "";
        }
        if (required && text.empty()) errors_.Add(At(key), "必填", "Required");
        return text;
    }

    bool Bool(std::string_view key) {
        const json::value* v = Take(key);
        if (!v) return false;
        if (!v->is_bool()) errors_.Add(At(key), "须为 true 或 false", "Must be true or false");
        return v->is_bool() && v->as_bool();
    }

    std::optional<std::string> Enum(std::string_view key, std::initializer_list<std::string_view> allowed,
                                    bool required) {
        const json::value* v = Take(key);
        if (!v) {
            if (required) errors_.Add(At(key), "必填", "Required");
            return std::nullopt;
        }
        for (std::string_view a : allowed) {
            if (v->is_string() && v->as_string() == a) return std::string(a);
        }
        std::string list;
        for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        errors_.Add(At(key), "须为 " + list + " 之一", "One of " + list);
        return std::nullopt;
    }

    /// A nested object, or nullptr (absent or not an object, the latter reported).
    const json::object* Object(std::string_view key) {
        const json::value* v = Take(key);
        if (v && !v->is_object()) errors_.Add(At(key), "须为对象", "Must be an object");
        return v && v->is_object() ? &v->as_object() : nullptr;
    }

    const json::array* Array(std::string_view key, std::size_t max_items) {
        const json::value* v = Take(key);
        if (!v) return nullptr;
        if (!v->is_array()) {
            errors_.Add(At(key), "须为列表", "Must be a list");
            return nullptr;
        }
        if (v->as_array().size() > max_items) {
            errors_.Add(At(key), "最多 " + std::to_string(max_items) + " 行",
                        "At most " + std::to_string(max_items) + " rows");
            return nullptr;
        }
        return &v->as_array();
    }

    /// Reports every field nobody asked for.
    void Finish() {
        for (const auto& [key, value] : object_) {
            if (!seen_.contains(std::string(key))) errors_.Add(At(key), "未知字段", "Unknown field");
        }
    }

    FieldErrors& errors() { return errors_; }

private:
    const json::object& object_;
    std::string path_;
    FieldErrors& errors_;
    std::set<std::string> seen_;
};

/// Calls `read(fields)` for each element of a list of objects under `path[i]`.
template <typename Read>
void EachObject(const json::array* list, const std::string& path, FieldErrors& errors, Read read) {
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
        std::string at = path + "[" + std::to_string(i) + "]";
        if (!(*list)[i].is_object()) {
            errors.Add(at, "须为对象", "Must be an object");
            continue;
        }
        Fields row((*list)[i].as_object(), at, errors);
        read(row);
        row.Finish();
    }
}

ContractRow ReadContract(Fields& f) {
    ContractRow row;
    row.mode = f.Enum("mode", {"transfer", "license", "investment"}, false);
    std::string achievement = f.Text("achievement_id", 20);
    if (!achievement.empty()) {
        row.achievement_id = ParseId(achievement);
        if (!row.achievement_id) f.errors().Add(f.At("achievement_id"), "编号无效", "Not an id");
    }
    row.counterpart = f.Text("counterpart", 200);
    row.amount_fen = f.Int("amount_fen", kMaxFen);
    row.received_fen = f.Int("received_fen", kMaxFen);
    row.equity_bp = f.Int("equity_bp", 10000);
    row.source = f.Enum("source", {"platform", "manual"}, false).value_or("manual");
    const json::value* confirmed = f.Take("confirmed");
    row.confirmed = true;
    if (confirmed && !confirmed->is_bool())
        f.errors().Add(f.At("confirmed"), "须为 true 或 false", "Must be true or false");
    if (confirmed && confirmed->is_bool()) row.confirmed = confirmed->as_bool();
    if (row.mode && *row.mode != "investment" && row.equity_bp != 0) {
        f.errors().Add(f.At("equity_bp"), "仅作价投资填写股权比例", "An equity share only for an investment");
    }
    return row;
}

TechTotal ReadTotal(const json::object* object, const std::string& path, FieldErrors& errors) {
    if (!object) return {};
    Fields f(*object, path, errors);
    TechTotal total{.count = f.Int("count", kMaxCount), .amount_fen = f.Int("amount_fen", kMaxFen)};
    f.Finish();
    return total;
}

}  // namespace

Content ReadContent(const json::object& body, FieldErrors& errors) {
    Content c;
    Fields top(body, "", errors);
    EachObject(top.Array("contracts", kMaxContracts), "contracts", errors,
               [&](Fields& f) { c.contracts.push_back(ReadContract(f)); });
    if (const json::object* tech = top.Object("tech_contracts")) {
        Fields f(*tech, "tech_contracts", errors);
        c.development = ReadTotal(f.Object("development"), "tech_contracts.development", errors);
        c.consulting = ReadTotal(f.Object("consulting"), "tech_contracts.consulting", errors);
        c.service = ReadTotal(f.Object("service"), "tech_contracts.service", errors);
        f.Finish();
    }
    if (const json::object* income = top.Object("income")) {
        Fields f(*income, "income", errors);
        c.income_unit_fen = f.Int("unit_fen", kMaxFen);
        c.income_staff_fen = f.Int("staff_fen", kMaxFen);
        f.Finish();
    }
    if (const json::object* rewards = top.Object("rewards")) {
        Fields f(*rewards, "rewards", errors);
        c.reward_cash_fen = f.Int("cash_fen", kMaxFen);
        c.reward_equity_fen = f.Int("equity_fen", kMaxFen);
        c.reward_headcount = f.Int("headcount", kMaxCount);
        f.Finish();
    }
    EachObject(top.Array("spinoffs", kMaxSpinoffs), "spinoffs", errors, [&](Fields& f) {
        c.spinoffs.push_back({.name = f.Text("name", 200, true), .credit_code = f.Text("credit_code", 18)});
    });
    EachObject(top.Array("offices", kMaxOffices), "offices", errors, [&](Fields& f) {
        c.offices.push_back({.name = f.Text("name", 200, true),
                             .kind = f.Enum("kind", {"office", "platform"}, true).value_or("office")});
    });
    if (const json::object* narrative = top.Object("narrative")) {
        Fields f(*narrative, "narrative", errors);
        c.work_done = f.Text("work_done", kMaxNarrative);
        c.problems = f.Text("problems", kMaxNarrative);
        c.policy = f.Text("policy", kMaxNarrative);
        f.Finish();
    }
    c.pledge = top.Bool("pledge");
    top.Finish();
    return c;
}

json::object ContentJson(const Content& c) {
    json::array contracts;
    for (const ContractRow& r : c.contracts) {
        contracts.push_back(
            json::object{{"mode", r.mode ? json::value(*r.mode) : json::value(nullptr)},
                         {"achievement_id",
                          r.achievement_id ? json::value(std::to_string(*r.achievement_id)) : json::value(nullptr)},
                         {"counterpart", r.counterpart},
                         {"amount_fen", r.amount_fen},
                         {"received_fen", r.received_fen},
                         {"equity_bp", r.equity_bp},
                         {"source", r.source},
                         {"confirmed", r.confirmed}});
    }
    auto total = [](const TechTotal& t) { return json::object{{"count", t.count}, {"amount_fen", t.amount_fen}}; };
    json::array spinoffs, offices;
    for (const Spinoff& s : c.spinoffs)
        spinoffs.push_back(json::object{{"name", s.name}, {"credit_code", s.credit_code}});
    for (const Office& o : c.offices) offices.push_back(json::object{{"name", o.name}, {"kind", o.kind}});
    return json::object{
        {"contracts", std::move(contracts)},
        {"tech_contracts", json::object{{"development", total(c.development)},
                                        {"consulting", total(c.consulting)},
                                        {"service", total(c.service)}}},
        {"income", json::object{{"unit_fen", c.income_unit_fen}, {"staff_fen", c.income_staff_fen}}},
        {"rewards",
         json::object{
             {"cash_fen", c.reward_cash_fen}, {"equity_fen", c.reward_equity_fen}, {"headcount", c.reward_headcount}}},
        {"spinoffs", std::move(spinoffs)},
        {"offices", std::move(offices)},
        {"narrative", json::object{{"work_done", c.work_done}, {"problems", c.problems}, {"policy", c.policy}}},
        {"pledge", c.pledge}};
}

}  // namespace keyuan::annual_reports
