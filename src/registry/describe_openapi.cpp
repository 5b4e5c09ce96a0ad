// A registered kind's routes described for the OpenAPI document (decision 13 of
// docs/design/data-exchange.md), from the same FieldSpecs that ReadValues validates with and
// the same workflow that runs the transitions: a field's limit changed in the spec changes
// the document, so that the two cannot drift.
#include <boost/json/array.hpp>

#include <cctype>

#include "http/router.hpp"
#include "registry/describe.hpp"

namespace keyuan::registry {
namespace json = boost::json;

namespace {

json::array Strings(const auto& list) {
    json::array out;
    for (const auto& s : list) out.emplace_back(json::string(std::string_view(s)));
    return out;
}

json::object Nullable(json::object schema, bool nullable) {
    if (nullable) schema["nullable"] = true;
    return schema;
}

/// The schema of one field's value, as ReadValues accepts it and ToJson answers it.
json::object FieldSchema(const FieldSpec& f) {
    switch (f.type) {
        case FieldType::kText:
        case FieldType::kLongText:
        case FieldType::kCode: return {{"type", "string"}, {"maxLength", f.max_chars}};
        case FieldType::kInt: return {{"type", "integer"}, {"minimum", 0}, {"maximum", INT32_MAX}};
        case FieldType::kMoney:
            return {{"type", "integer"}, {"minimum", 0}, {"maximum", kMaxMoneyFen}, {"description", "fen"}};
        case FieldType::kDate: return {{"type", "string"}, {"format", "date"}};
        case FieldType::kBool: return {{"type", "boolean"}};
        case FieldType::kEnum: return {{"type", "string"}, {"enum", Strings(f.choices)}};
        case FieldType::kRef: return {{"type", "string"}, {"pattern", "^[0-9]+$"}, {"maxLength", 20}};
        case FieldType::kEnumList:
            return {{"type", "array"}, {"maxItems", 20}, {"items", {{"type", "string"}, {"enum", Strings(f.choices)}}}};
        case FieldType::kStringList:
            return {{"type", "array"}, {"maxItems", 20}, {"items", {{"type", "string"}, {"maxLength", f.max_chars}}}};
    }
    return {{"type", "string"}};
}

void AddLinks(const ResourceSpec& spec, json::object& properties, bool answer) {
    for (const LinkSpec& l : spec.links) {
        properties[l.name] = json::object{{"type", "array"},
                                          {"maxItems", l.max_items},
                                          {"items", {{"type", "string"}, {"maxLength", l.max_target_chars}}}};
        if (l.detail_name.empty()) continue;
        json::object item_props{{l.target_column, {{"type", "string"}, {"maxLength", l.max_target_chars}}}};
        for (const std::string& c : l.extra_columns) {
            item_props[c] = json::object{{"type", "string"}, {"maxLength", l.max_extra_chars}};
        }
        json::object item{{"type", "object"}, {"properties", std::move(item_props)}};
        if (answer) {
            json::array required{json::string(l.target_column)};
            for (const std::string& c : l.extra_columns) required.emplace_back(c);
            item["required"] = std::move(required);
        }
        properties[l.detail_name] =
            json::object{{"type", "array"}, {"maxItems", l.max_items}, {"items", std::move(item)}};
    }
}

/// The object as GET, POST and PATCH answer it (ResourceEngine::ToJson).
json::object AnswerSchema(const ResourceEngine& e) {
    const ResourceSpec& spec = e.spec();
    json::array states;
    for (const workflow::State& s : e.review().definition().states) states.emplace_back(s.name);
    json::object id{{"type", "string"}, {"pattern", "^[0-9]+$"}};
    json::object props{{"id", id},
                       {"org_id", id},
                       {"org_name", {{"type", "string"}}},
                       {"status", {{"type", "string"}, {"enum", states}}},
                       {"review_reason", {{"type", "string"}}},
                       {"version", {{"type", "integer"}, {"minimum", 1}}},
                       {"created_at", {{"type", "string"}}},
                       {"updated_at", {{"type", "string"}}},
                       {"district_code", {{"type", "string"}, {"nullable", true}}},
                       {"allowed_actions", {{"type", "array"}, {"items", {{"type", "string"}}}}}};
    json::array required = Strings(std::vector<std::string_view>{"id", "org_id", "org_name", "status", "review_reason",
                                                                 "version", "created_at", "updated_at"});
    for (const FieldSpec& f : spec.fields) {
        // Hidden fields come back as null to those below their visibility (masked ones as masked
        // text); a required one is otherwise never null, as validation never stores it empty.
        bool hidden = f.visibility != Visibility::kPublic && f.mask == Mask::kNone;
        json::object schema = FieldSchema(f);
        if (f.mask != Mask::kNone) schema.erase("maxLength");
        bool nullable = !IsListType(f.type) && (!f.required || f.derived || hidden);
        props[f.name] = Nullable(std::move(schema), nullable);
        required.emplace_back(f.name);
    }
    for (const LinkSpec& l : spec.links) {
        required.emplace_back(l.name);
        if (!l.detail_name.empty()) required.emplace_back(l.detail_name);
    }
    AddLinks(spec, props, true);
    return json::object{{"type", "object"}, {"required", std::move(required)}, {"properties", std::move(props)}};
}

/// The body of POST (creating) or PATCH (not creating), as ReadValues reads it.
json::object BodySchema(const ResourceSpec& spec, bool creating) {
    json::object props;
    json::array required;
    for (const FieldSpec& f : spec.fields) {
        if (f.derived) continue;
        props[f.name] = Nullable(FieldSchema(f), !f.required);
        if (creating && f.required) required.emplace_back(f.name);
    }
    AddLinks(spec, props, false);
    if (creating) {
        props["org_id"] = json::object{{"type", "string"}, {"pattern", "^[0-9]+$"}, {"maxLength", 20}};
    } else {
        props["version"] = json::object{{"type", "integer"}, {"description", "the version last seen (or If-Match)"}};
    }
    json::object out{{"type", "object"}, {"properties", std::move(props)}};
    if (!required.empty()) out["required"] = std::move(required);
    return out;
}

std::vector<http::ParamDoc> ListParams(const ResourceEngine& e) {
    const ResourceSpec& spec = e.spec();
    json::array statuses;
    for (const workflow::State& s : e.review().definition().states) statuses.emplace_back(s.name);
    statuses.emplace_back("all");
    json::array sorts;
    for (std::string_view s : {"id", "created_at", "updated_at"}) {
        sorts.emplace_back(s);
        sorts.emplace_back("-" + std::string(s));
    }
    std::vector<http::ParamDoc> out = {
        {.name = "page", .schema = {{"type", "integer"}, {"minimum", 1}}},
        {.name = "page_size", .schema = {{"type", "integer"}, {"minimum", 1}, {"maximum", 200}}},
        {.name = "status", .schema = {{"type", "string"}, {"enum", statuses}}, .description = "default approved"},
        {.name = "org_id", .schema = {{"type", "string"}, {"pattern", "^[0-9]+$"}}},
        {.name = "district_code", .schema = {{"type", "string"}}},
        {.name = "department_code", .schema = {{"type", "string"}}},
        // export.cpp: the same rows as a file (the template's headers), at most 100,000.
        {.name = "format",
         .schema = {{"type", "string"}, {"enum", {"json", "xlsx", "csv"}}},
         .description = "xlsx or csv: the list as a file"},
        {.name = "charset",
         .schema = {{"type", "string"}, {"enum", {"utf-8", "gbk"}}},
         .description = "csv only: gbk for old Excel"}};
    if (!spec.text_columns.empty()) out.push_back({.name = "q", .schema = {{"type", "string"}, {"maxLength", 200}}});
    if (FindLink(spec, "industry_codes")) {
        out.push_back({.name = "industry", .description = "industry code or prefix, or hitech:ID"});
    }
    for (const FieldSpec& f : spec.fields) {
        if (f.sort) {
            sorts.emplace_back(f.name);
            sorts.emplace_back("-" + f.name);
        }
        if (f.filter && f.name != "district_code") {
            json::object schema = FieldSchema(f);
            if (f.type == FieldType::kEnumList || f.type == FieldType::kStringList) schema = {{"type", "string"}};
            out.push_back({.name = f.name, .schema = std::move(schema)});
        }
        if (f.range) {
            json::object schema = f.type == FieldType::kDate ? json::object{{"type", "string"}, {"format", "date"}}
                                                             : json::object{{"type", "integer"}};
            out.push_back({.name = f.name + "_min", .schema = schema});
            out.push_back({.name = f.name + "_max", .schema = std::move(schema)});
        }
    }
    out.push_back({.name = "sort", .schema = {{"type", "string"}, {"enum", std::move(sorts)}}});
    return out;
}

}  // namespace

std::string SchemaName(std::string_view kind) {
    std::string out;
    bool upper = true;
    for (char c : kind) {
        if (c == '_') {
            upper = true;
            continue;
        }
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return out;
}

void DescribeRoutes(http::Router& router, const ResourceEngine& e) {
    const ResourceSpec& spec = e.spec();
    std::string name = SchemaName(spec.kind), base = "/api/v1/" + spec.collection;
    router.AddSchema(name, AnswerSchema(e));
    router.AddSchema(name + "Create", BodySchema(spec, true));
    router.AddSchema(name + "Patch", BodySchema(spec, false));
    router.AddSchema(name + "Page", json::object{{"type", "object"},
                                                 {"required", {"items", "total", "page", "page_size"}},
                                                 {"properties",
                                                  {{"items", {{"type", "array"}, {"items", http::SchemaRef(name)}}},
                                                   {"total", {{"type", "integer"}}},
                                                   {"page", {{"type", "integer"}}},
                                                   {"page_size", {{"type", "integer"}}}}}});
    std::vector<std::string> tags = {spec.collection};
    http::ParamDoc id{
        .name = "id", .in = "path", .schema = {{"type", "string"}, {"pattern", "^[0-9]+$"}}, .required = true};
    router.Describe(http::Method::kGet, "/api/v1/kinds/" + spec.kind,
                    {.summary = "The " + spec.kind + " kind's declaration (fields, links, workflow)",
                     .tags = {"kinds"},
                     .response = json::object{{"type", "object"}, {"required", {"kind", "collection", "fields"}}}});
    router.Describe(http::Method::kPost, base,
                    {.summary = "Register a " + spec.kind + " (a draft)",
                     .tags = tags,
                     .request = http::SchemaRef(name + "Create"),
                     .response = http::SchemaRef(name),
                     .errors = {400, 401, 403, 422}});
    router.Describe(http::Method::kGet, base,
                    {.summary = "List " + spec.collection + " (approved and public by default)",
                     .tags = tags,
                     .params = ListParams(e),
                     .response = http::SchemaRef(name + "Page"),
                     .errors = {401, 403, 422}});
    router.Describe(http::Method::kGet, base + "/{id}",
                    {.summary = "One " + spec.kind + " (ETag: its version)",
                     .tags = tags,
                     .params = {id},
                     .response = http::SchemaRef(name),
                     .errors = {404}});
    router.Describe(http::Method::kPatch, base + "/{id}",
                    {.summary = "Change a " + spec.kind + " (If-Match or version; an approved one returns to draft)",
                     .tags = tags,
                     .params = {id, {.name = "If-Match", .in = "header", .description = "the version last seen"}},
                     .request = http::SchemaRef(name + "Patch"),
                     .response = http::SchemaRef(name),
                     .errors = {400, 401, 403, 404, 409, 422}});
    router.Describe(http::Method::kDelete, base + "/{id}",
                    {.summary = "Withdraw a " + spec.kind + " (never erased; its history stays)",
                     .tags = tags,
                     .params = {id},
                     .response = http::SchemaRef(name),
                     .errors = {401, 403, 404, 409}});
    router.Describe(http::Method::kGet, base + "/{id}/history",
                    {.summary = "The " + spec.kind + "'s recorded changes",
                     .tags = tags,
                     .params = {id},
                     .response = json::object{{"type", "object"}},
                     .errors = {401, 403, 404}});
}

}  // namespace keyuan::registry
