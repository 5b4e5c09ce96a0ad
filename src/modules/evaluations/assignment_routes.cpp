// The steps of an evaluation that carry data, each written with its transition in one transaction:
//   POST /api/v1/evaluations/{id}/assign    {agency_user_id} | {expert_user_ids: [≥ 3]}   (operator)
//   POST /api/v1/evaluations/{id}/scores    {scores: [{criterion, score 0–100, comment?}]}: every
//                                           criterion of the class once; each assignee scores once
//   POST /api/v1/evaluations/{id}/complete  {conclusion}  (operator, or the assigned agency)
// The scope is checked before the body is read: outside it a request is not there (404).
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/evaluations/module_parts.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::evaluations {
namespace json = boost::json;
using http::Request;

namespace {

/// Who is to evaluate: one agency, or experts.
struct Assignment {
    std::string kind;  // agency | expert
    std::string field;
    std::vector<std::string> user_ids;
};

Assignment ReadAssignment(const json::object& body) {
    http::JsonReader reader(body);
    auto agency = http::ReadString(reader, kAgencyField);
    auto experts = http::ReadList(reader, kExpertsField);
    std::vector<FieldError> problems = reader.Collect();
    FieldErrors errors;
    for (FieldError& e : problems) errors.Add(e.field, e.message.zh, e.message.en);
    if (problems.empty() && agency.has_value() == experts.has_value()) {
        errors.Add("expert_user_ids", "须指定一个评价机构（agency_user_id）或至少三位专家（expert_user_ids）",
                   "Either one agency (agency_user_id) or at least three experts (expert_user_ids)");
    }
    if (problems.empty() && experts && experts->size() < static_cast<std::size_t>(kMinExperts)) {
        errors.Add("expert_user_ids", "专家评价须至少三位专家", "At least three experts");
    }
    errors.ThrowIfAny();
    if (agency) return Assignment{.kind = "agency", .field = "agency_user_id", .user_ids = {*agency}};
    return Assignment{.kind = "expert", .field = "expert_user_ids", .user_ids = *experts};
}

/// The assignees' ids, each an active user with the role (evaluation_agency, expert), not of the
/// asking unit (no one evaluates their own unit's work), each once; 422 naming every bad one.
std::vector<std::int64_t> CheckAssignees(store::Session& s, const EvaluationRequest& r, const Assignment& a) {
    std::string role = a.kind == "agency" ? "evaluation_agency" : "expert";
    std::string bad;
    std::vector<std::int64_t> ids = ParseIdList(
        a.user_ids,
        [&](std::int64_t id) {
            store::Rows rows = s.Query(
                "SELECT u.org_id FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = $2 "
                "WHERE u.id = $1 AND u.disabled = 0",
                {id, role});
            return !rows.empty() && (rows[0].IsNull(0) || rows[0].Int(0) != r.org_id);
        },
        bad);
    if (!bad.empty()) {
        throw ApiError(Error::Validation(
            {{a.field,
              {"须为角色 " + role + " 的有效用户、不属于申请单位、且不重复：" + bad,
               "Active users with the role " + role + ", not of the asking unit, each once: " + bad}}}));
    }
    return ids;
}

/// A scoring as given; problems are named "scores.<criterion>" (or "scores[i]" without one).
std::vector<CriterionScore> ReadScores(const json::object& body, FieldErrors& errors) {
    http::JsonReader reader(body);
    const json::value* raw = reader.Raw("scores");
    for (FieldError& e : reader.Collect()) errors.Add(e.field, e.message.zh, e.message.en);
    std::vector<CriterionScore> out;
    if (!raw || !raw->is_array() || raw->as_array().size() > kMostScores) {
        errors.Add("scores", "须为评分数组（每项 criterion、score、comment）",
                   "An array of {criterion, score, comment}");
        return out;
    }
    const json::array& items = raw->as_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::string name = "scores[" + std::to_string(i) + "]";
        if (!items[i].is_object()) {
            errors.Add(name, "须为对象", "Must be an object");
            continue;
        }
        http::JsonReader item(items[i].as_object());
        auto criterion = http::ReadString(item, kScoreFields[0]);
        auto score = http::ReadInt(item, kScoreFields[1]);
        auto comment = http::ReadString(item, kScoreFields[2]);
        if (criterion) name = "scores." + *criterion;
        for (FieldError& e : item.Collect())
            errors.Add(name, e.field + ": " + e.message.zh, e.field + ": " + e.message.en);
        // Kept even when its score is bad, so that it is not also reported missing.
        if (criterion) out.push_back({*criterion, static_cast<int>(score.value_or(0)), comment.value_or("")});
    }
    return out;
}

void AddAssign(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Post(std::string(kBase) + "/{id}/assign", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "evaluation.assign");
        json::object answer;
        db.Write([&](store::Session& s) {
            EvaluationRequest request = Authorized(s, policy, r.caller.get(), id, "evaluation.assign");
            Assignment assignment = ReadAssignment(http::ParseJsonObject(r));
            std::vector<std::int64_t> users = CheckAssignees(s, request, assignment);
            if (request.status != "requested") throw ApiError(workflow::WrongState(request.status));
            // Of concurrent assignments one wins here; the others find the version changed (409).
            store::UpdateGuarded(
                s, {.table = "evaluation_requests", .id = id, .version = request.version, .status = "requested"},
                "updated_at = $1", {clock::NowUtc()});
            for (std::int64_t user : users) {
                s.Execute("INSERT INTO evaluation_assignees (request_id, user_id, kind) VALUES ($1, $2, $3)",
                          {id, user, assignment.kind});
            }
            answer = lifecycle.Apply(s, r.caller.get(), id, "assign", "", r.ToActor());
        });
        return http::JsonResponse(200, answer);
    });
}

void AddScores(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Post(std::string(kBase) + "/{id}/scores", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "evaluation.scores");
        json::object answer;
        db.Write([&](store::Session& s) {
            EvaluationRequest request = Authorized(s, policy, r.caller.get(), id, "evaluation.scores");
            FieldErrors errors;
            std::vector<CriterionScore> scores = ReadScores(http::ParseJsonObject(r), errors);
            CheckScoring(CriteriaOf(s, request.evaluation_class), scores, errors);
            errors.ThrowIfAny();
            const Assignee* me = nullptr;
            for (const Assignee& a : request.assignees) me = a.user_id == r.caller->user_id ? &a : me;
            if (request.status != "assigned" || !me) throw ApiError(workflow::WrongState(request.status));
            if (me->scored) throw ApiError(Error::Conflict("已评分，不能再次评分", "Already scored"));
            std::string now = clock::NowUtc();
            // The request's row first: concurrent scorings of a request take turns, so that the last
            // one sees every other and moves the request on.
            if (s.Execute("UPDATE evaluation_requests SET updated_at = $1 WHERE id = $2 AND status = 'assigned'",
                          {now, id}) != 1) {
                throw ApiError(workflow::WrongState("scored"));
            }
            // Each assignee scores once: of concurrent scorings by one assignee one wins (409 for the rest).
            store::UpdateGuarded(s, {.table = "evaluation_assignees", .id = me->id, .version = me->version},
                                 "scored = 1, scored_at = $1", {now});
            json::array given;
            for (const CriterionScore& c : scores) {
                s.Execute(
                    "INSERT INTO evaluation_scores (assignee_id, request_id, criterion, score, comment) "
                    "VALUES ($1, $2, $3, $4, $5)",
                    {me->id, id, c.criterion, c.score, c.comment});
                given.push_back(json::object{{"criterion", c.criterion}, {"score", c.score}, {"comment", c.comment}});
            }
            changes::Record(s, r.ToActor(),
                            {.object_type = "evaluation",
                             .object_id = id,
                             .event = "scores_given",
                             .after_json = json::serialize(json::object{{"scores", std::move(given)}})});
            bool all = s.Query("SELECT 1 FROM evaluation_assignees WHERE request_id = $1 AND scored = 0", {id}).empty();
            answer = all ? lifecycle.Apply(s, r.caller.get(), id, "scores", "", r.ToActor())
                         : RequestJson(s, *LoadRequest(s, id));
        });
        return http::JsonResponse(200, answer);
    });
}

void AddComplete(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Post(std::string(kBase) + "/{id}/complete", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "evaluation.complete");
        json::object answer;
        db.Write([&](store::Session& s) {
            Authorized(s, policy, r.caller.get(), id, "evaluation.complete");
            json::object body = http::ParseJsonObject(r);
            http::JsonReader reader(body);
            auto conclusion = http::ReadString(reader, kConclusionField);
            reader.Finish();
            // The conclusion is the step's reason: the effect writes it with the weighted result.
            answer = lifecycle.Apply(s, r.caller.get(), id, "complete", *conclusion, r.ToActor());
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace

void RegisterAssignmentRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    AddAssign(context, lifecycle);
    AddScores(context, lifecycle);
    AddComplete(context, lifecycle);
}

}  // namespace keyuan::evaluations
