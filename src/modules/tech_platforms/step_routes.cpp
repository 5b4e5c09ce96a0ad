// The application's steps that carry data or a check of their own (seed 001 四(二)、(三)):
//   POST /api/v1/tech-platforms/{id}/site-check   {result: pass | fail, findings} (operator): the
//        findings kept on the platform; pass → site_checked (the unit revises its plan), fail → rejected
//   POST /api/v1/tech-platforms/{id}/start_panel  (operator): only after the district's recommendation
//        and the site check; earlier, a 422 naming district_recommendation or site_check
#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/tech_platforms/lifecycle.hpp"
#include "modules/tech_platforms/module_parts.hpp"

namespace keyuan::tech_platforms {
namespace json = boost::json;
using http::Request;

namespace {

void AddSiteCheck(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Post(std::string(kBase) + "/{id}/site-check", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "tech_platform.site_check");
        json::object body = http::ParseJsonObject(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            AuthorizedPlatform(s, policy, r.caller.get(), id, "tech_platform.site_check");
            http::JsonReader reader(body);
            auto result = reader.Enum("result", true, {"pass", "fail"});
            auto findings = reader.String("findings", {.required = true, .max_chars = 4000, .min_chars = 1});
            reader.Finish();
            s.Execute(
                "UPDATE tech_platforms SET site_check_result = $1, site_check_findings = $2, site_checked_at = $3 "
                "WHERE id = $4",
                {*result, *findings, clock::NowUtc(), id});
            // The transition's conditional write decides between concurrent checks; a fail's
            // findings are its reason, kept on the application.
            bool pass = *result == "pass";
            answer = lifecycle.Apply(s, r.caller.get(), id, pass ? "site_pass" : "site_fail", pass ? "" : *findings,
                                     r.ToActor());
        });
        return http::JsonResponse(200, answer);
    });
}

void AddStartPanel(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Post(std::string(kBase) + "/{id}/start_panel", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            Platform p = AuthorizedPlatform(s, policy, r.caller.get(), id, "tech_platform.start_panel");
            // Seed 001 四(一): the plan reaches the commission only through the district.
            if (p.status == "draft" || p.status == "submitted" || p.status == "returned") {
                throw ApiError(Error::Validation({{"district_recommendation",
                                                   {"尚未经所在区推荐，不能进入专家论证",
                                                    "Not recommended by the district: no expert panel yet"}}}));
            }
            if (p.status == "district_recommended") {
                throw ApiError(Error::Validation(
                    {{"site_check", {"尚未完成现场核查", "The on-site check has not been passed yet"}}}));
            }
            answer = lifecycle.Apply(s, r.caller.get(), id, "start_panel", "", r.ToActor());
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace

void RegisterStepRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    AddSiteCheck(context, lifecycle);
    AddStartPanel(context, lifecycle);
}

}  // namespace keyuan::tech_platforms
