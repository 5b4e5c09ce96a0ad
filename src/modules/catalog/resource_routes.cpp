#include "modules/catalog/resource_routes.hpp"

#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"

namespace keyuan::catalog {
namespace json = boost::json;
using http::Request;

namespace {

std::string ReadReason(const Request& r) {
    if (r.body.empty()) return "";
    json::object body = http::ParseJsonObject(r);
    http::JsonReader reader(body);
    std::string reason = reader.String("reason", {.max_chars = 500}).value_or("");
    reader.Finish();
    return reason;
}

/// One resource, with its version as the ETag (for If-Match on the next change).
http::Response ResourceResponse(const CachedAnswer& answer) {
    http::Response response = http::Response::Json(200, answer.body);
    response.SetHeader("etag", "\"" + std::to_string(answer.version) + "\"");
    return response;
}

}  // namespace

std::unique_ptr<ResourceEngine> RegisterResource(modules::ModuleContext& context, ResourceSpec spec,
                                                 std::size_t cache_bytes) {
    ResourceEngine::DeclarePermissions(spec, context.policy);
    auto engine = std::make_unique<ResourceEngine>(std::move(spec), context.db, context.policy, cache_bytes);
    ResourceEngine& e = *engine;
    std::string base = "/api/v1/" + e.spec().collection;
    context.router.Post(base, [&e](Request& r) {
        return http::JsonResponse(201, e.Create(r.caller.get(), http::ParseJsonObject(r), r.ToActor()));
    });
    context.router.Get(base, [&e](Request& r) { return http::Response::Json(200, e.List(r.caller.get(), r)->body); },
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
    context.router.Delete(base + "/{id}", [&e](Request& r) {
        return http::JsonResponse(200,
                                  e.Apply(r.caller.get(), http::PathId(r), Transition::kWithdraw, "", r.ToActor()));
    });
    const std::pair<const char*, Transition> kActions[] = {
        {"/submit", Transition::kSubmit}, {"/approve", Transition::kApprove}, {"/return", Transition::kReturn}};
    for (const auto& [suffix, transition] : kActions) {
        Transition t = transition;
        context.router.Post(base + "/{id}" + suffix, [&e, t](Request& r) {
            return http::JsonResponse(200, e.Apply(r.caller.get(), http::PathId(r), t, ReadReason(r), r.ToActor()));
        });
    }
    context.router.Get(base + "/{id}/history", [&e](Request& r) {
        return http::JsonResponse(200, e.History(r.caller.get(), http::PathId(r)));
    });
    return engine;
}

}  // namespace keyuan::catalog
