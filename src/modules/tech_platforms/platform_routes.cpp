// /api/v1/tech-platforms: the operating unit's applications (docs/design/tech-platforms.md).
//   POST  /api/v1/tech-platforms            the plan (+ previous_id for a renewal) → 201, a draft
//   GET   /api/v1/tech-platforms?view=mine|district|all&status=&field_id=&page=&page_size=
//   GET   /api/v1/tech-platforms/{id}       with allowed_actions
//   PATCH /api/v1/tech-platforms/{id}       the whole plan, If-Match; in draft, returned, site_checked
//                                           (after the site check: a new plan version)
//   GET   /api/v1/tech-platforms/{id}/plans every submitted plan version
#include <boost/json/array.hpp>

#include <algorithm>

#include "changes/change_record.hpp"
#include "core/id.hpp"
#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/panels/service.hpp"
#include "modules/tech_platforms/lifecycle.hpp"
#include "modules/tech_platforms/module_parts.hpp"
#include "workflow/queues.hpp"

namespace keyuan::tech_platforms {
namespace json = boost::json;
using http::Request;

namespace {

/// The unit's district (the one that recommends); 422 when the unit has none on record.
std::string DistrictOf(store::Session& s, std::int64_t org_id) {
    store::Rows rows = s.Query("SELECT COALESCE(district_code, '') FROM organizations WHERE id = $1", {org_id});
    std::string district = rows.empty() ? "" : std::string(rows[0].Text(0));
    if (district.empty()) {
        throw ApiError(Error::Validation(
            {{"district_code", {"本单位未登记所在区，无法由区推荐", "Your unit has no district to recommend it"}}}));
    }
    return district;
}

/// A renewal renews an admitted platform of the same unit, once at a time.
std::optional<std::int64_t> ReadPrevious(store::Session& s, const json::object& body, std::int64_t org_id) {
    const json::value* v = body.if_contains("previous_id");
    if (!v || v->is_null()) return std::nullopt;
    std::optional<std::int64_t> id = v->is_string() ? ParseId(v->as_string()) : std::nullopt;
    std::optional<Platform> previous = id ? LoadPlatform(s, *id) : std::nullopt;
    if (!previous || previous->org_id != org_id || previous->status != "admitted") {
        throw ApiError(Error::Validation(
            {{"previous_id", {"须为本单位已纳入的平台", "Must be an admitted platform of your unit"}}}));
    }
    if (!s.Query("SELECT 1 FROM tech_platforms WHERE previous_id = $1 AND status NOT IN ('rejected', 'admitted')",
                 {*id})
             .empty()) {
        throw ApiError(Error::Conflict("该平台已有在办的重新申请", "A renewal of this platform is already under way"));
    }
    return id;
}

void ReadView(const Request& r, const access::Policy& policy, workflow::Conditions& where, FieldErrors& errors) {
    const Caller* caller = r.caller.get();
    std::vector<access::Scope> scopes = policy.ScopesFor(caller, "tech_platform.read");
    auto has = [&](access::Scope sc) { return std::find(scopes.begin(), scopes.end(), sc) != scopes.end(); };
    // Each role's own list when none is asked for: an expert's is what they are assigned.
    std::string fallback = has(access::Scope::kAll)            ? "all"
                           : has(access::Scope::kDistrict)     ? "district"
                           : has(access::Scope::kOrganization) ? "mine"
                           : has(access::Scope::kAssigned)     ? "assigned"
                                                               : "mine";
    std::string view = r.Query("view").value_or(fallback);
    if (view == "all") {
        if (!has(access::Scope::kAll)) throw ApiError(Error::Forbidden());
    } else if (view == "district") {
        if (!has(access::Scope::kDistrict) || caller->district_code.empty()) throw ApiError(Error::Forbidden());
        where.And("p.district_code = " + where.Param(caller->district_code));
    } else if (view == "mine") {
        if (!has(access::Scope::kOrganization) || !caller->org_id) throw ApiError(Error::Forbidden());
        where.And("p.org_id = " + where.Param(*caller->org_id));
    } else if (view == "assigned") {
        // An expert's: the platforms whose panel they sit on.
        if (!has(access::Scope::kAssigned)) throw ApiError(Error::Forbidden());
        where.And(panels::AssignedCondition(kKind, "p.id", where.Param(caller->user_id)));
    } else {
        errors.Add("view", "view 须为 mine、district、assigned 或 all", "view: mine, district, assigned or all");
    }
}

json::object ListPlatforms(store::Database& db, const access::Policy& policy, const workflow::Workflow& lifecycle,
                           const Request& r) {
    http::Paging paging = http::ParsePaging(r);
    FieldErrors errors;
    workflow::Conditions where;
    ReadView(r, policy, where, errors);
    if (auto status = r.Query("status")) {
        if (!lifecycle.definition().FindState(*status)) {
            errors.Add("status", "未知的状态", "status: unknown state");
        } else {
            where.And("p.status = " + where.Param(*status));
        }
    }
    if (auto field = http::QueryId(r, "field_id", errors)) where.And("p.field_id = " + where.Param(*field));
    errors.ThrowIfAny();
    json::array items;
    std::int64_t total = 0;
    db.Read([&](store::Session& s) {
        total = s.Query("SELECT COUNT(*) FROM tech_platforms p" + where.where(), where.params()).front().Int(0);
        std::string page = " ORDER BY p.id DESC LIMIT " + where.Param(paging.page_size) + " OFFSET " +
                           where.Param(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
        // The page in three queries (platforms, their experts, their instruments), not three a row.
        std::vector<Platform> platforms = LoadPlatforms(s, where.where() + page, where.params());
        std::vector<json::object> shown = PlatformsJson(s, platforms);
        for (std::size_t i = 0; i < platforms.size(); ++i) {
            const Platform& p = platforms[i];
            items.push_back(WithActions(lifecycle, r.caller.get(), std::move(shown[i]),
                                        {.id = p.id, .state = p.status, .version = p.version, .scope = ScopeOf(p)}));
        }
    });
    return http::PageEnvelope(std::move(items), total, paging);
}

bool Editable(const std::string& status) {
    return status == "draft" || status == "returned" || status == "site_checked";
}

}  // namespace

Platform AuthorizedPlatform(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                            std::string_view action) {
    policy.RequireAction(caller, action);
    std::optional<Platform> p = LoadPlatform(s, id);
    if (!p) throw ApiError(Error::NotFound());
    policy.Authorize(caller, action, ScopeOf(*p));
    return *p;
}

json::object WithActions(const workflow::Workflow& lifecycle, const Caller* caller, json::object out,
                         const workflow::Subject& subject) {
    json::array actions;
    for (const std::string& a : lifecycle.AllowedActions(caller, subject)) actions.push_back(json::string(a));
    out["allowed_actions"] = std::move(actions);
    return out;
}

void RegisterPlatformRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;

    context.router.Post(kBase, [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "tech_platform.create");
        if (!r.caller->org_id) throw ApiError(Error::Forbidden());
        json::object body = http::ParseJsonObject(r);
        json::object created;
        db.Write([&](store::Session& s) {
            std::int64_t org = *r.caller->org_id;
            Plan plan = ReadPlan(s, body, org, true);
            std::string district = DistrictOf(s, org);
            std::optional<std::int64_t> previous = ReadPrevious(s, body, org);
            std::int64_t id = InsertPlatform(s, plan, org, district, previous, r.caller->user_id);
            created = PlatformJson(s, *LoadPlatform(s, id));
            changes::Record(
                s, r.ToActor(),
                {.object_type = kKind, .object_id = id, .event = "created", .snapshot = &created, .version = 1});
        });
        return http::JsonResponse(201, created);
    });

    context.router.Get(kBase, [&db, &policy, &lifecycle](Request& r) {
        policy.RequireAction(r.caller.get(), "tech_platform.read");
        return http::JsonResponse(200, ListPlatforms(db, policy, lifecycle, r));
    });

    context.router.Get(std::string(kBase) + "/{id}", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) {
            Platform p = AuthorizedPlatform(s, policy, r.caller.get(), id, "tech_platform.read");
            answer = WithActions(lifecycle, r.caller.get(), PlatformJson(s, p),
                                 {.id = p.id, .state = p.status, .version = p.version, .scope = ScopeOf(p)});
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Patch(std::string(kBase) + "/{id}", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        std::optional<std::int64_t> expected = http::IfMatchVersion(r);
        json::object body = http::ParseJsonObject(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            Platform before = AuthorizedPlatform(s, policy, r.caller.get(), id, "tech_platform.update");
            if (!Editable(before.status)) throw ApiError(workflow::WrongState(before.status));
            if (expected && *expected != before.version) {
                throw ApiError(Error::Conflict("申请已被他人修改，请刷新", "Changed by someone else; reload"));
            }
            UpdatePlan(s, before, ReadPlan(s, body, before.org_id, false));
            // After the site check the unit revises the plan as the findings ask: a new version.
            bool revision = before.status == "site_checked";
            if (revision) SavePlanVersion(s, id, r.caller->user_id);
            Platform after = *LoadPlatform(s, id);
            answer = PlatformJson(s, after);
            changes::Record(s, r.ToActor(),
                            {.object_type = kKind,
                             .object_id = id,
                             .event = revision ? "plan_revised" : "updated",
                             .snapshot = &answer,
                             .version = after.version});
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Get(std::string(kBase) + "/{id}/plans", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        json::array items;
        db.Read([&](store::Session& s) {
            AuthorizedPlatform(s, policy, r.caller.get(), id, "tech_platform.read");
            items = PlanVersions(s, id);
        });
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });
}

}  // namespace keyuan::tech_platforms
