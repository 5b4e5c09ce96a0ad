// Who sits on a subject's panel, decided by its deciders ("<kind>.assign_experts"):
//   POST   {route}/{id}/experts            {expert_user_ids: ["12", …]}
//   DELETE {route}/{id}/experts/{user_id}  an expert who has not scored yet (declined, fell ill)
//   GET    {route}/{id}/eligible-experts?q=  active experts not of the applying organisation
// The scope is checked before the body is read: outside it the subject is not there (404).
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

#include "changes/audit.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/body_fields.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/notifications/service.hpp"
#include "modules/panels/panel_parts.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::panels {
namespace json = boost::json;
using http::Request;

namespace {

/// The experts asked for, each an active user with the expert role, not of the applying
/// organisation (a conflict of interest), not on the panel already; 422 naming every bad one.
std::vector<std::int64_t> CheckExperts(store::Session& s, const PanelSpec& spec, const PanelSubject& p,
                                       const std::vector<std::string>& asked) {
    std::vector<std::int64_t> on_panel;
    for (const Assignment& a : AssignmentsOf(s, spec.kind, p.subject.id)) {
        if (a.status != "withdrawn") on_panel.push_back(a.expert_user_id);
    }
    std::string bad, conflicted, rivals, already;
    std::vector<std::int64_t> ids = ParseIdList(
        asked,
        [&](std::int64_t id) {
            store::Rows rows = s.Query(
                "SELECT u.org_id, u.display_name FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = "
                "'expert' WHERE u.id = $1 AND u.disabled = 0",
                {id});
            if (rows.empty()) return false;
            std::string text = std::to_string(id);
            std::optional<std::int64_t> org = rows[0].IsNull(0) ? std::nullopt : std::optional(rows[0].Int(0));
            if (org && *org == p.applicant_org_id) {
                conflicted += (conflicted.empty() ? "" : ", ") + text;
            } else if (org &&
                       std::find(p.rival_org_ids.begin(), p.rival_org_ids.end(), *org) != p.rival_org_ids.end()) {
                rivals += (rivals.empty() ? "" : ", ") + std::string(rows[0].Text(1)) + " (" + text + ")";
            } else if (std::find(on_panel.begin(), on_panel.end(), id) != on_panel.end()) {
                already += (already.empty() ? "" : ", ") + text;
            }
            return true;
        },
        bad);
    FieldErrors errors;
    if (!bad.empty())
        errors.Add("expert_user_ids", "须为有效的专家用户且不重复：" + bad,
                   "Active users with the expert role, each once: " + bad);
    if (!conflicted.empty()) {
        errors.Add("expert_user_ids", "专家与申请单位存在利益关系（同一单位），须回避：" + conflicted,
                   "Experts of the applying organisation have a conflict of interest: " + conflicted);
    }
    if (!rivals.empty()) {
        errors.Add("expert_user_ids", "专家所在单位是同一事项的其他申请单位，须回避：" + rivals,
                   "Experts of another applicant for the same thing have a conflict of interest: " + rivals);
    }
    if (!already.empty()) errors.Add("expert_user_ids", "已在评审组中：" + already, "Already on the panel: " + already);
    if (on_panel.size() + ids.size() > static_cast<std::size_t>(spec.max_experts)) {
        errors.Add("expert_user_ids", "评审组最多 " + std::to_string(spec.max_experts) + " 位专家",
                   "At most " + std::to_string(spec.max_experts) + " experts on a panel");
    }
    errors.ThrowIfAny();
    return ids;
}

/// The subject for a decider, in a state where the panel may change; 404 outside the scope.
PanelSubject ForDecider(store::Session& s, const access::Policy& policy, const Caller* caller, const PanelSpec& spec,
                        std::int64_t id) {
    PanelSubject p = LoadSubject(s, spec, id);
    policy.Authorize(caller, spec.kind + ".assign_experts", p.subject.scope);
    return p;
}

void RequireAssignState(const PanelSpec& spec, const PanelSubject& p) {
    if (!InStates(spec.assign_states, p.subject.state)) throw ApiError(workflow::WrongState(p.subject.state));
}

json::object AddedAssignmentJson(std::int64_t expert, const std::string& at) {
    return json::object{{"expert_user_id", std::to_string(expert)}, {"status", "assigned"}, {"assigned_at", at}};
}

}  // namespace

void RegisterAssignmentRoutes(modules::ModuleContext& context, const PanelSpec& spec) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;
    std::string assign = spec.kind + ".assign_experts";

    context.router.Post(spec.route + "/{id}/experts", [&db, &policy, &spec, assign](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), assign);
        db.Read([&](store::Session& s) { ForDecider(s, policy, r.caller.get(), spec, id); });
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        auto asked = http::ReadList(reader, ExpertsField(spec));
        reader.Finish();
        if (asked->empty()) {
            throw ApiError(Error::Validation({{"expert_user_ids", {"至少指定一位专家", "At least one expert"}}}));
        }
        json::array added;
        db.Write([&](store::Session& s) {
            PanelSubject p = ForDecider(s, policy, r.caller.get(), spec, id);
            RequireAssignState(spec, p);
            std::vector<std::int64_t> experts = CheckExperts(s, spec, p, *asked);
            std::string now = clock::NowUtc();
            for (std::int64_t expert : experts) {
                // A withdrawn expert may be asked again: the row comes back to "assigned", unscored.
                s.Execute(
                    "INSERT INTO expert_assignments (subject_kind, subject_id, subject_title, expert_user_id, "
                    "assigned_by, assigned_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) "
                    "ON CONFLICT (subject_kind, subject_id, expert_user_id) DO UPDATE SET status = 'assigned', "
                    "scores = NULL, total = NULL, recommendation = NULL, opinion = NULL, scored_at = NULL, "
                    "assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at, "
                    "updated_at = excluded.updated_at, version = expert_assignments.version + 1",
                    {spec.kind, id, p.title, expert, r.caller->user_id, now});
                notifications::Notify(
                    s, expert, "expert_assigned",
                    json::object{{"kind", spec.kind}, {"subject_id", std::to_string(id)}, {"title", p.title}});
                added.push_back(AddedAssignmentJson(expert, now));
            }
            audit::Record(s, r.ToActor(),
                          {.event_type = spec.kind + ".experts_assigned",
                           .object_type = spec.kind,
                           .object_id = std::to_string(id),
                           .after_json = json::serialize(added)});
        });
        return http::JsonResponse(201, json::object{{"items", std::move(added)}});
    });

    context.router.Delete(spec.route + "/{id}/experts/{user_id}", [&db, &policy, &spec, assign](Request& r) {
        std::int64_t id = http::PathId(r);
        std::int64_t expert = http::PathId(r, "user_id");
        policy.RequireAction(r.caller.get(), assign);
        db.Write([&](store::Session& s) {
            PanelSubject p = ForDecider(s, policy, r.caller.get(), spec, id);
            RequireAssignState(spec, p);
            // Conditional: of a withdrawal and the expert's scoring racing, exactly one happens.
            std::int64_t changed = s.Execute(
                "UPDATE expert_assignments SET status = 'withdrawn', version = version + 1, updated_at = $4 "
                "WHERE subject_kind = $1 AND subject_id = $2 AND expert_user_id = $3 AND status = 'assigned'",
                {spec.kind, id, expert, clock::NowUtc()});
            if (changed == 0) {
                throw ApiError(Error::Conflict("该专家不在评审组中，或已提交评审意见",
                                               "The expert is not on the panel, or has scored already"));
            }
            audit::Record(s, r.ToActor(),
                          {.event_type = spec.kind + ".expert_withdrawn",
                           .object_type = spec.kind,
                           .object_id = std::to_string(id),
                           .after_json = json::serialize(json::object{{"expert_user_id", std::to_string(expert)}})});
        });
        http::Response response;
        response.status = 204;
        return response;
    });

    context.router.Get(spec.route + "/{id}/eligible-experts", [&db, &policy, &spec, assign](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), assign);
        std::string q = r.Query("q").value_or("");
        if (q.size() > kEligibleQueryMax)
            throw ApiError(Error::Validation({{"q", {"最多 100 个字符", "At most 100 characters"}}}));
        json::array items;
        db.Read([&](store::Session& s) {
            PanelSubject p = ForDecider(s, policy, r.caller.get(), spec, id);
            // Neither the applicant's experts nor its rivals' (CheckExperts refuses both).
            std::vector<std::int64_t> excluded = p.rival_org_ids;
            excluded.push_back(p.applicant_org_id);
            std::vector<store::Param> params{spec.kind, id, http::LikeContains(q)};
            for (std::int64_t org : excluded) params.emplace_back(org);
            store::Rows rows = s.Query(
                "SELECT u.id, u.display_name, COALESCE(o.name, ''), "
                "(SELECT status FROM expert_assignments a WHERE a.subject_kind = $1 AND a.subject_id = $2 "
                "AND a.expert_user_id = u.id) FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = "
                "'expert' "
                "LEFT JOIN organizations o ON o.id = u.org_id WHERE u.disabled = 0 "
                "AND (u.org_id IS NULL OR u.org_id NOT IN (" +
                    store::Placeholders(4, excluded.size()) + ")) AND (LOWER(u.display_name) LIKE $3" +
                    std::string(http::kLikeEscape) + " OR LOWER(COALESCE(o.name, '')) LIKE $3" +
                    std::string(http::kLikeEscape) + ") ORDER BY u.id LIMIT 200",
                params);
            for (std::size_t i = 0; i < rows.size(); ++i) {
                store::Row row = rows[i];
                bool on_panel = !row.IsNull(3) && row.Text(3) != "withdrawn";
                items.push_back(json::object{{"user_id", std::to_string(row.Int(0))},
                                             {"display_name", row.Text(1)},
                                             {"org_name", row.Text(2)},
                                             {"on_panel", on_panel}});
            }
        });
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });
}

}  // namespace keyuan::panels
