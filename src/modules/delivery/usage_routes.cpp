// GET /api/v1/usage?group=instrument|lab|unit|client|month&from=YYYY-MM&to=YYYY-MM
//     [&org_id=][&resource_kind=instrument|service][&side=provider|client][&format=json|csv|xlsx]
// Who: a unit admin reads its own organisation, as the provider (side=provider, the default) or
// as the client (side=client: what it consumed from every provider), and may not name another
// organisation (403); operators read all, or one organisation with org_id (unknown: 422).
#include <algorithm>

#include "core/clock.hpp"
#include "http/content_disposition.hpp"
#include "http/doc_shapes.hpp"
#include "http/json.hpp"
#include "modules/delivery/usage_export.hpp"
#include "modules/delivery/usage_routes.hpp"
#include "modules/delivery/usage_store.hpp"

namespace keyuan::delivery {
using http::Request;

namespace {

/// The query with its scope decided: a caller without the all-scope reads its own organisation.
UsageQuery Scoped(const access::Policy& policy, const Caller* caller, UsageQuery query) {
    std::vector<access::Scope> scopes = policy.ScopesFor(caller, "usage.read");
    if (std::find(scopes.begin(), scopes.end(), access::Scope::kAll) != scopes.end()) return query;
    if (!caller->org_id || (query.org_id && *query.org_id != *caller->org_id)) throw ApiError(Error::Forbidden());
    query.org_id = caller->org_id;
    return query;
}

}  // namespace

void RegisterUsageRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;
    policy.Allow("usage.read", Role::kUnitAdmin, access::Scope::kOrganization);
    policy.Allow("usage.read", Role::kOperator, access::Scope::kAll);

    context.router.Get("/api/v1/usage", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "usage.read");
        UsageParams params{.group = r.Query("group"),
                           .from = r.Query("from"),
                           .to = r.Query("to"),
                           .org_id = r.Query("org_id"),
                           .resource_kind = r.Query("resource_kind"),
                           .side = r.Query("side"),
                           .format = r.Query("format")};
        Month this_month = *Month::Parse(clock::TodayShanghai().substr(0, 7));
        UsageQuery query = Scoped(policy, r.caller.get(), ReadUsageQuery(params, this_month));
        UsageReport report;
        db.Read([&](store::Session& s) {
            if (query.org_id && s.Query("SELECT 1 FROM organizations WHERE id = $1", {*query.org_id}).empty()) {
                throw ApiError(Error::Validation({{"org_id", {"单位不存在", "org_id: no such organisation"}}}));
            }
            report = ReadUsage(s, query);
        });
        if (query.format == "json") return http::JsonResponse(200, UsageJson(report));
        http::Response response;
        std::string name = UsageFileName(query);
        if (query.format == "csv") {
            response.content_type = "text/csv; charset=utf-8";
            response.body = exchange::ToCsv(UsageSheet(report));
        } else {
            response.content_type = http::doc::kXlsxType;
            response.body = exchange::ToXlsx(UsageSheet(report));
        }
        // The Chinese name for browsers that read RFC 6266's filename*, the English one for the rest.
        std::string file = name + "." + query.format;
        response.SetHeader("content-disposition",
                           http::AttachmentDisposition("使用统计" + file.substr(file.find('-')), file));
        return response;
    });
}

}  // namespace keyuan::delivery
