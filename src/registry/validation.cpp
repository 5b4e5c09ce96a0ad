// Reading and validating a resource from a request body.
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

#include "core/id.hpp"
#include "http/json.hpp"
#include "registry/engine.hpp"
#include "registry/reference_checks.hpp"

namespace keyuan::registry {
namespace json = boost::json;

namespace {

/// Reads one field by its type; returns nullopt when absent or invalid (errors recorded).
std::optional<store::Param> ReadField(http::JsonReader& reader, const FieldSpec& f, bool required) {
    switch (f.type) {
        case FieldType::kText:
        case FieldType::kLongText:
        case FieldType::kCode:
            // A required field may be left out of a PATCH, but never emptied.
            if (auto v = reader.String(
                    f.name, {.required = required, .max_chars = f.max_chars, .min_chars = f.required ? 1u : 0u})) {
                return store::Param(*v);
            }
            return std::nullopt;
        case FieldType::kInt:
            if (auto v = reader.Int(f.name, required, 0, INT32_MAX)) return store::Param(static_cast<long long>(*v));
            return std::nullopt;
        case FieldType::kMoney:
            if (auto v = reader.Int(f.name, required, 0, kMaxMoneyFen)) return store::Param(static_cast<long long>(*v));
            return std::nullopt;
        case FieldType::kBool:
            if (auto v = reader.Bool(f.name, required)) return store::Param(*v);
            return std::nullopt;
        case FieldType::kDate:
            if (auto v = reader.Date(f.name, required)) return store::Param(*v);
            return std::nullopt;
        case FieldType::kEnum:
            if (auto v = reader.Enum(f.name, required, f.choices)) return store::Param(*v);
            return std::nullopt;
        case FieldType::kRef:
            if (auto v = reader.String(f.name, {.required = required, .max_chars = 20})) {
                if (auto id = ParseId(*v)) return store::Param(static_cast<long long>(*id));
                reader.errors().Add(f.name, "须为有效的编号", "Must be a valid id");
            }
            return std::nullopt;
        case FieldType::kEnumList:
        case FieldType::kStringList: {
            auto list = reader.StringList(f.name, required, 20, f.max_chars);
            if (!list) return std::nullopt;
            json::array out;
            for (const std::string& item : *list) {
                bool ok = f.type == FieldType::kStringList ||
                          std::find(f.choices.begin(), f.choices.end(), item) != f.choices.end();
                if (!ok) {
                    std::string allowed;
                    for (auto c : f.choices) allowed += (allowed.empty() ? "" : ", ") + std::string(c);
                    reader.errors().Add(f.name, "取值须为：" + allowed, "Items must be among: " + allowed);
                    return std::nullopt;
                }
                out.emplace_back(item);
            }
            return store::Param(json::serialize(out));
        }
    }
    return std::nullopt;
}

}  // namespace

Values ResourceEngine::ReadValues(store::Session& s, const json::object& body, bool creating,
                                  const StoredResource* existing, Links* links, std::optional<std::int64_t>* org_id,
                                  const Caller* caller) const {
    http::JsonReader reader(body);
    Values given;
    for (const FieldSpec& f : spec_.fields) {
        if (f.derived) continue;
        if (auto v = ReadField(reader, f, creating && f.required)) given.emplace(f.name, std::move(*v));
    }
    std::map<std::string, std::string> link_keys;  // link name → the key it was given under
    ReadLinks(reader, spec_, *links, link_keys);
    reader.Raw("version");
    if (creating) {
        if (auto org = reader.String("org_id", {.max_chars = 20})) {
            *org_id = ParseId(*org);
            if (!*org_id) reader.errors().Add("org_id", "须为有效的编号", "Must be a valid id");
        }
        bool is_operator = caller && caller->Has(Role::kOperator);
        if (!*org_id && caller && caller->org_id && !is_operator) *org_id = caller->org_id;
        if (!*org_id) {
            reader.errors().Add("org_id", "须指定所属单位", "The owning organization is required");
        } else if (!is_operator && (!caller || caller->org_id != *org_id)) {
            reader.errors().Add("org_id", "只能为本单位登记", "You can only register for your own organization");
        } else if (!ReferenceExists(s, "SELECT 1 FROM organizations WHERE id = $1", {**org_id})) {
            reader.errors().Add("org_id", "单位不存在", "No such organization");
        }
    }
    // References must exist; a lab must belong to the same organisation (a base or domain
    // centre groups labs of many organisations).
    std::int64_t owner = existing ? existing->org_id : org_id->value_or(0);
    for (const FieldSpec& f : spec_.fields) {
        auto it = given.find(f.name);
        if (it == given.end() || it->second.kind() == store::Param::Kind::kNull) continue;
        if (f.type == FieldType::kCode &&
            !ReferenceExists(s, "SELECT 1 FROM " + f.ref_table + " WHERE code = $1", {it->second})) {
            reader.errors().Add(f.name, "代码不存在：" + it->second.text_value(),
                                "Unknown code: " + it->second.text_value());
        }
        if (f.type == FieldType::kRef && f.ref_any_owner &&
            !ReferenceExists(s, "SELECT 1 FROM " + f.ref_table + " WHERE id = $1", {it->second})) {
            reader.errors().Add(f.name, "不存在", "Does not exist");
        } else if (f.type == FieldType::kRef && !f.ref_any_owner &&
                   !ReferenceExists(s, "SELECT 1 FROM " + f.ref_table + " WHERE id = $1 AND org_id = $2",
                                    {it->second, owner})) {
            reader.errors().Add(f.name, "不存在或不属于本单位", "Does not exist or belongs to another organization");
        }
    }
    CheckLinks(s, spec_, reader.errors(), existing ? &existing->links : nullptr, link_keys, *links);
    Values merged = existing ? existing->values : Values{};
    for (auto& [k, v] : given) merged.insert_or_assign(k, v);
    if (spec_.check) {
        Values stored = existing ? existing->values : Values{};
        CheckContext context{stored, s};
        spec_.check(merged, reader.errors(), context);
    }
    reader.Finish();
    // The caller's values plus every derived field the check filled in.
    for (const FieldSpec& f : spec_.fields) {
        if (f.derived && merged.count(f.name)) given.insert_or_assign(f.name, merged.at(f.name));
    }
    return given;
}

Values ResourceEngine::CheckCreate(store::Session& s, const json::object& body) const {
    static const Caller kOperator{.username = "operator", .roles = {Role::kOperator}};
    Links links;
    std::optional<std::int64_t> org_id;
    return ReadValues(s, body, true, nullptr, &links, &org_id, &kOperator);
}

}  // namespace keyuan::registry
