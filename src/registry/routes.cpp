#include "registry/routes.hpp"

#include <boost/json/serialize.hpp>

#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "registry/describe.hpp"
#include "registry/export.hpp"
#include "registry/kinds.hpp"
#include "registry/search_source.hpp"
#include "workflow/routes.hpp"

namespace keyuan::registry {
namespace json = boost::json;
using http::Request;

namespace {

/// One resource, with its version as the ETag (for If-Match on the next change).
http::Response ResourceResponse(const CachedAnswer& answer) {
    http::Response response = http::Response::Json(200, answer.body);
    response.SetHeader("etag", "\"" + std::to_string(answer.version) + "\"");
    return response;
}

}  // namespace

std::unique_ptr<ResourceEngine> RegisterResource(modules::ModuleContext& context, ResourceSpec spec,
                                                 std::size_t cache_bytes) {
    auto engine = std::make_unique<ResourceEngine>(std::move(spec), context.db, context.policy, cache_bytes);
    ResourceEngine& e = *engine;
    if (e.spec().search) search::AddSource(SearchSourceOf(e.spec()));
    auto* registered = context.services.Find<RegisteredKinds>();
    if (!registered) {
        registered = &context.Keep(std::make_unique<RegisteredKinds>());
        context.services.Offer(*registered);
    }
    registered->specs.push_back(&e.spec());
    std::string base = "/api/v1/" + e.spec().collection;
    // The description never changes while the server runs: built once, served from memory.
    context.router.Get("/api/v1/kinds/" + e.spec().kind,
                       [described = json::serialize(DescribeKind(e))](Request&) {
                           http::Response response = http::Response::Json(200, described);
                           response.SetHeader("cache-control", "public, max-age=300");
                           return response;
                       },
                       {.blocking = false});
    context.router.Post(base, [&e](Request& r) {
        return http::JsonResponse(201, e.Create(r.caller.get(), http::ParseJsonObject(r), r.ToActor()));
    });
    // format=xlsx|csv answers the same list as a file (export.hpp); json or none the page.
    context.router.Get(base,
                       [&e, &db = context.db, &policy = context.policy](Request& r) {
                           if (std::optional<ExportForm> form = ExportFormOf(r)) {
                               return ExportList(e, db, policy, r.caller.get(), r, *form);
                           }
                           return http::Response::Json(200, e.List(r.caller.get(), r)->body);
                       },
                       {.from_memory = [&e](const Request& r) -> std::optional<http::Response> {
                           std::shared_ptr<const CachedAnswer> page = e.CachedPage(r);
                           if (!page) return std::nullopt;
                           return http::Response::Json(200, page->body);
                       }});
    context.router.Get(base + "/{id}",
                       [&e](Request& r) { return ResourceResponse(*e.Get(r.caller.get(), http::PathId(r))); },
                       {.from_memory = [&e](const Request& r) -> std::optional<http::Response> {
                           std::shared_ptr<const CachedAnswer> answer = e.CachedResource(r);
                           if (!answer) return std::nullopt;
                           return ResourceResponse(*answer);
                       }});
    context.router.Patch(base + "/{id}", [&e](Request& r) {
        json::object body = http::ParseJsonObject(r);
        return http::JsonResponse(
            200, e.Update(r.caller.get(), http::PathId(r), body, http::ExpectedVersion(r, body), r.ToActor()));
    });
    // DELETE withdraws: a registration is never erased, its history stays.
    context.router.Delete(base + "/{id}", [&e, &db = context.db](Request& r) {
        std::int64_t id = http::PathId(r);
        return http::JsonResponse(200, e.review().Run(db, r.caller.get(), id, "withdraw", "", r.ToActor()));
    });
    workflow::RegisterRoutes(
        context.router, context.db, e.review(), context.policy, base,
        {.visible = [&e](const Caller* caller, const workflow::Subject& s) { return e.Visible(caller, s); },
         .extra_actions = [&e](const Caller* caller,
                               const workflow::Subject& s) { return e.AllowedActions(caller, s); },
         .object_schema = http::SchemaRef(SchemaName(e.spec().kind)),
         .extra_action_names = {"update"}});
    context.router.Get(base + "/{id}/history", [&e](Request& r) {
        return http::JsonResponse(200, e.History(r.caller.get(), http::PathId(r)));
    });
    DescribeRoutes(context.router, e);  // the OpenAPI document's, from the spec (describe_openapi.cpp)
    return engine;
}

}  // namespace keyuan::registry
