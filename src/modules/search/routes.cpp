#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "core/utf8.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/search/module.hpp"
#include "search/sources.hpp"
#include "search/text_fold.hpp"

namespace keyuan::search {
namespace json = boost::json;
using http::Request;

namespace {

constexpr std::size_t kMaxQueryBytes = 1000;

std::string CheckedText(const Request& r, const char* name, FieldErrors& errors) {
    std::string text = r.Query(name).value_or("");
    if (text.size() > kMaxQueryBytes) {
        errors.Add(name, "检索词不能超过 1000 字节", "At most 1000 bytes");
    } else if (!utf8::IsValid(text)) {
        errors.Add(name, "检索词须为 UTF-8 文本", "Must be UTF-8 text");
    }
    return text;
}

SearchQuery ReadQuery(const Request& r) {
    FieldErrors errors;
    SearchQuery q;
    q.text = CheckedText(r, "q", errors);
    for (const auto& [name, value] : r.QueryParams()) {
        if (name != "type") continue;
        for (std::size_t start = 0; start <= value.size();) {
            std::size_t comma = std::min(value.find(',', start), value.size());
            std::string type = value.substr(start, comma - start);
            const auto& known = IndexedTypes();
            if (std::find(known.begin(), known.end(), type) == known.end()) {
                errors.Add("type", "未知类型：" + type, "Unknown type: " + type);
            } else {
                q.types.push_back(type);
            }
            start = comma + 1;
        }
    }
    q.industry = r.Query("industry").value_or("");
    q.district_code = r.Query("district").value_or(r.Query("district_code").value_or(""));
    q.class_code = r.Query("class_code").value_or("");
    q.open_status = r.Query("open_status").value_or("");
    q.status = r.Query("status").value_or("");
    if (q.status.size() > 20) errors.Add("status", "状态过长", "Status too long");
    q.accreditation = r.Query("accreditation").value_or("");
    if (!q.accreditation.empty() && q.accreditation != "cnas" && q.accreditation != "cma" && q.accreditation != "any") {
        errors.Add("accreditation", "须为 cnas、cma 或 any", "Must be cnas, cma or any");
    }
    for (const auto& [name, target] : {std::pair{"org_id", &q.org_id}, std::pair{"price_min", &q.price_min_fen},
                                       std::pair{"price_max", &q.price_max_fen}}) {
        if (auto v = r.Query(name)) {
            *target = ParseInt64(*v);
            if (!*target) errors.Add(name, "须为整数", "Must be an integer");
        }
    }
    q.sort = r.Query("sort").value_or("relevance");
    // A demand past its deadline is no longer offered, from the day after (docs/design/tech-demands.md).
    q.open_on = clock::TodayShanghai();
    if (q.sort != "relevance" && q.sort != "newest" && q.sort != "price" && q.sort != "-price") {
        errors.Add("sort", "须为 relevance、newest、price 或 -price", "Must be relevance, newest, price or -price");
    }
    http::Paging paging{};
    try {
        paging = http::ParsePaging(r);
    } catch (const ApiError& e) {
        for (const FieldError& f : e.error().fields) errors.Add(f.field, f.message.zh, f.message.en);
    }
    errors.ThrowIfAny();
    q.offset = (paging.page - 1) * paging.page_size;
    q.limit = paging.page_size;
    return q;
}

json::object ResultJson(const SearchResult& result, const SearchQuery& q) {
    json::array items;
    for (const SearchHit& hit : result.items) {
        std::error_code ec;
        json::value display = json::parse(hit.display_json, ec);
        json::object item = !ec && display.is_object() ? display.as_object() : json::object();
        item["type"] = hit.type;
        item["id"] = std::to_string(hit.id);
        item["title"] = hit.title;
        item["snippet"] = hit.snippet;
        item["score"] = hit.score;
        items.push_back(std::move(item));
    }
    json::object facets;
    for (const auto& [name, counts] : result.facets) {
        json::array values;
        for (const auto& [value, count] : counts) values.push_back(json::object{{"value", value}, {"count", count}});
        facets[name] = std::move(values);
    }
    json::object out{{"items", std::move(items)},          {"total", result.total}, {"total_exact", result.total_exact},
                     {"page", q.offset / q.limit + 1},     {"page_size", q.limit},  {"facets", std::move(facets)},
                     {"facets_exact", result.facets_exact}};
    out["did_you_mean"] = result.did_you_mean ? json::value(*result.did_you_mean) : json::value(nullptr);
    return out;
}

/// The OpenAPI descriptions of the routes below: the parameters ReadQuery reads.
void DescribeRoutes(http::Router& router) {
    json::object text{{"type", "string"}, {"description", "at most 1000 bytes of UTF-8"}};
    auto integer = [] { return json::object{{"type", "integer"}}; };
    router.AddSchema("SearchResult", http::Schema(R"({"type": "object",
        "required": ["items", "total", "page", "page_size", "facets"], "properties": {
        "items": {"type": "array", "items": {"type": "object", "required": ["type", "id", "title"], "properties": {
            "type": {"type": "string"}, "id": {"type": "string", "pattern": "^[0-9]+$"}, "title": {"type": "string"},
            "snippet": {"type": "string"}, "score": {"type": "number"}}}},
        "total": {"type": "integer", "description": "matches, counted exactly up to 10000"},
        "total_exact": {"type": "boolean", "description": "false: more than `total` (10000) match"},
        "page": {"type": "integer"}, "page_size": {"type": "integer"}, "facets": {"type": "object"},
        "facets_exact": {"type": "boolean",
            "description": "false: the counts are a sample, the first 10001 matches in index order"},
        "did_you_mean": {"type": "string", "nullable": true}}})"));
    router.Describe(
        http::Method::kGet, "/api/v1/search",
        {.summary = "Search approved resources of every indexed type, with facets",
         .tags = {"search"},
         .params = {{.name = "q", .schema = text},
                    {.name = "type",
                     .schema = {{"type", "string"}},
                     .description = "comma-separated, each one of the indexed types"},
                    {.name = "industry"},
                    {.name = "district"},
                    {.name = "class_code"},
                    {.name = "open_status"},
                    {.name = "status", .schema = {{"type", "string"}, {"maxLength", 20}}},
                    {.name = "accreditation", .schema = {{"type", "string"}, {"enum", {"cnas", "cma", "any"}}}},
                    {.name = "org_id", .schema = integer()},
                    {.name = "price_min", .schema = integer(), .description = "fen"},
                    {.name = "price_max", .schema = integer(), .description = "fen"},
                    {.name = "sort",
                     .schema = {{"type", "string"}, {"enum", {"relevance", "newest", "price", "-price"}}}},
                    {.name = "page", .schema = integer()},
                    {.name = "page_size", .schema = integer()}},
         .response = http::SchemaRef("SearchResult"),
         .errors = {422, 503}});
    router.Describe(http::Method::kGet, "/api/v1/search/suggest",
                    {.summary = "Titles completing what was typed (at most 8)",
                     .tags = {"search"},
                     .params = {{.name = "q", .schema = text}},
                     .response = http::Schema(R"({"type": "object", "required": ["items"], "properties": {
                         "items": {"type": "array", "items": {"type": "string"}}}})"),
                     .errors = {422, 503}});
    router.Describe(http::Method::kGet, "/api/v1/industries/suggest",
                    {.summary = "Industry codes (GB/T 4754) that a text describes, with their high-tech industries",
                     .tags = {"search"},
                     .params = {{.name = "text", .schema = text, .required = true}},
                     .response = http::Schema(R"({"type": "object", "required": ["items"], "properties": {
                         "items": {"type": "array", "items": {"type": "object", "required": ["code", "name"],
                         "properties": {"code": {"type": "string"}, "name": {"type": "string"},
                         "score": {"type": "number"},
                         "hitech_industries": {"type": "array", "items": {"type": "string"}}}}}}})"),
                     .errors = {422}});
    router.Describe(http::Method::kPost, "/api/v1/search/rebuild",
                    {.summary = "Rebuild the search index from the database (operator)",
                     .tags = {"search"},
                     .response = http::Schema(R"({"type": "object", "required": ["documents"],
                         "properties": {"documents": {"type": "integer"}}})"),
                     .status = 200,
                     .errors = {401, 403}});
}

/// 503 while the first index is built: "try again shortly", not "nothing found".
http::Response IndexBuilding(const Request& r) {
    http::Response response = http::ErrorResponse(Error::Make(ErrorCode::kUnavailable, "检索索引正在建立，请稍后再试",
                                                              "The search index is being built; try again shortly"),
                                                  r.lang);
    response.SetHeader("retry-after", "30");
    return response;
}

}  // namespace

void Register(modules::ModuleContext& context) {
    SearchModule& module = context.Keep(std::make_unique<SearchModule>());
    module.indexer = std::make_unique<Indexer>(context.db, context.settings.search_index_dir,
                                               context.settings.Of<SearchSettings>().cache_entries);
    module.suggester = std::make_unique<IndustrySuggester>(context.db);
    if (context.settings.background_work) module.indexer->Start();
    context.policy.Allow("search.rebuild", Role::kOperator, access::Scope::kAll);
    Indexer& indexer = *module.indexer;
    context.services.Offer(indexer);  // matching reads the index through it
    IndustrySuggester& suggester = *module.suggester;
    const access::Policy& policy = context.policy;

    context.router.Get("/api/v1/search", [&indexer](Request& r) {
        SearchQuery q = ReadQuery(r);
        if (!indexer.ready()) return IndexBuilding(r);
        return http::JsonResponse(200, ResultJson(*indexer.index()->Search(q), q));
    });
    context.router.Get("/api/v1/search/suggest", [&indexer](Request& r) {
        if (!indexer.ready()) return IndexBuilding(r);
        FieldErrors errors;
        std::string text = CheckedText(r, "q", errors);
        errors.ThrowIfAny();
        json::array items;
        if (!text.empty()) {
            for (const std::string& title : indexer.index()->Suggest(text, 8)) items.emplace_back(title);
        }
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });
    context.router.Get("/api/v1/industries/suggest", [&suggester](Request& r) {
        FieldErrors errors;
        std::string text = CheckedText(r, "text", errors);
        if (text.empty()) errors.Add("text", "必填", "Required");
        errors.ThrowIfAny();
        json::array items;
        for (const IndustrySuggestion& s : suggester.Suggest(text, 5)) {
            json::array hitech;
            for (const std::string& h : s.hitech) hitech.emplace_back(h);
            items.push_back(json::object{
                {"code", s.code}, {"name", s.name}, {"score", s.score}, {"hitech_industries", std::move(hitech)}});
        }
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });
    context.router.Post("/api/v1/search/rebuild", [&indexer, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "search.rebuild");
        std::int64_t count = indexer.Rebuild();
        return http::JsonResponse(200, json::object{{"documents", count}});
    });
    DescribeRoutes(context.router);
}

}  // namespace keyuan::search
