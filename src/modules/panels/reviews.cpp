// The panel's opinions:
//   GET  {route}/{id}/reviews  deciders ("<kind>.read_reviews"): every assignment with its scores,
//                              opinion and the summary; an assigned expert: their own; the applicant
//                              ("<kind>.read"), once the subject is decided: the opinions, unnamed
//   POST {route}/{id}/reviews  {scores: {criterion: points}, recommendation?, opinion}: the assigned
//                              expert, once (a conditional write), while the subject is in review
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "changes/audit.hpp"
#include "core/clock.hpp"
#include "http/body_fields.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/panels/panel_parts.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::panels {
namespace json = boost::json;
using http::Request;

namespace {

struct Scoring {
    json::object scores;
    std::int64_t total = 0;
    std::optional<std::string> recommendation;
    std::string opinion;
};

/// The scoring as given: every criterion once, whole points from 0 to its maximum, nothing else;
/// problems named "scores.<criterion>".
Scoring ReadScoring(const PanelSpec& spec, const json::object& body) {
    http::JsonReader reader(body);
    const json::value* raw = reader.Raw("scores");
    Scoring out;
    if (!spec.recommendations.empty()) out.recommendation = http::ReadEnum(reader, RecommendationField(spec));
    out.opinion = http::ReadString(reader, kOpinionField).value_or("");
    std::vector<FieldError> problems = reader.Collect();
    FieldErrors errors;
    for (FieldError& e : problems) errors.Add(e.field, e.message.zh, e.message.en);
    if (!raw || !raw->is_object()) {
        errors.Add("scores", "须为各评审项的分数，如 {\"" + spec.criteria.front().key + "\": 80}",
                   "An object of points by criterion");
        errors.ThrowIfAny();
    }
    const json::object& given = raw->as_object();
    for (const json::key_value_pair& entry : given) {
        std::string_view key = entry.key();
        bool known =
            std::any_of(spec.criteria.begin(), spec.criteria.end(), [key](const Criterion& c) { return c.key == key; });
        if (!known) errors.Add("scores." + std::string(key), "没有这一评审项", "Not a criterion of this review");
    }
    for (const Criterion& c : spec.criteria) {
        const json::value* v = given.if_contains(c.key);
        std::string field = "scores." + c.key;
        std::string range = "0–" + std::to_string(c.max_points);
        if (!v) {
            errors.Add(field, "须为「" + c.name_zh + "」打分（" + range + "）",
                       "Score " + c.name_en + " (" + range + ")");
        } else if (!v->is_int64() || v->as_int64() < 0 || v->as_int64() > c.max_points) {
            errors.Add(field, "须为 " + range + " 的整数", "A whole number " + range);
        } else {
            out.scores[c.key] = v->as_int64();
            out.total += v->as_int64();
        }
    }
    errors.ThrowIfAny();
    return out;
}

/// One opinion as its reader may see it: the experts' names for deciders and the expert, a
/// number ("专家 2") for the applicant.
json::object ReviewedAssignmentJson(const Assignment& a, bool named, std::size_t number) {
    json::object o{{"status", a.status}, {"assigned_at", a.assigned_at}};
    if (named) {
        o["expert_user_id"] = std::to_string(a.expert_user_id);
        o["expert_name"] = a.expert_name;
        o["expert_org_name"] = a.expert_org_name;
    } else {
        o["expert_number"] = static_cast<std::int64_t>(number);
    }
    o["scores"] = a.scores_json ? json::parse(*a.scores_json) : json::value(nullptr);
    o["total"] = a.total ? json::value(*a.total) : json::value(nullptr);
    o["recommendation"] = a.recommendation ? json::value(*a.recommendation) : json::value(nullptr);
    o["opinion"] = a.opinion ? json::value(*a.opinion) : json::value(nullptr);
    o["scored_at"] = a.scored_at ? json::value(*a.scored_at) : json::value(nullptr);
    return o;
}

json::array CriteriaJson(const PanelSpec& spec) {
    json::array out;
    for (const Criterion& c : spec.criteria)
        out.push_back(
            json::object{{"key", c.key}, {"name_zh", c.name_zh}, {"name_en", c.name_en}, {"max_points", c.max_points}});
    return out;
}

json::value Average(std::int64_t sum, std::int64_t count) {
    if (count == 0) return nullptr;
    return std::round(static_cast<double>(sum) * 10.0 / static_cast<double>(count)) / 10.0;
}

}  // namespace

void RegisterReviewRoutes(modules::ModuleContext& context, const PanelSpec& spec) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;

    context.router.Get(spec.route + "/{id}/reviews", [&db, &policy, &spec](Request& r) {
        std::int64_t id = http::PathId(r);
        const Caller* caller = r.caller.get();
        if (!caller) throw ApiError(Error::Unauthenticated());
        // A role that reads no panel of the kind is refused as such; the others learn of a subject
        // outside their scope that it is not there.
        bool any = false;
        for (const char* action : {".read_reviews", ".review", ".read"})
            any = any || policy.HasAction(caller, spec.kind + action);
        if (!any) throw ApiError(Error::Forbidden());
        json::object out{{"criteria", CriteriaJson(spec)}, {"min_experts", spec.min_experts}};
        db.Read([&](store::Session& s) {
            PanelSubject p = LoadSubject(s, spec, id);
            const access::ObjectScope& scope = p.subject.scope;
            bool decider = policy.Allows(caller, spec.kind + ".read_reviews", scope);
            bool expert = policy.Allows(caller, spec.kind + ".review", scope);
            bool applicant = policy.Allows(caller, spec.kind + ".read", scope);
            if (!decider && !expert && !applicant) throw ApiError(Error::NotFound());
            bool decided = InStates(spec.decided_states, p.subject.state);
            json::array items;
            std::size_t number = 0;
            for (const Assignment& a : AssignmentsOf(s, spec.kind, id)) {
                if (a.status == "withdrawn" && !decider) continue;
                ++number;
                if (decider) {
                    items.push_back(ReviewedAssignmentJson(a, true, number));
                } else if (expert && a.expert_user_id == caller->user_id) {
                    items.push_back(ReviewedAssignmentJson(a, true, number));
                } else if (!expert && decided && a.status == "scored") {
                    items.push_back(ReviewedAssignmentJson(a, false, number));
                }
            }
            // Until the decision the applicant learns only that the panel is at work.
            out["visible"] = decider ? "all" : (expert ? "own" : (decided ? "opinions" : "none"));
            out["items"] = std::move(items);
            if (decider || decided) out["summary"] = Summary(s, spec.kind, id);
            out["state"] = p.subject.state;
        });
        return http::JsonResponse(200, out);
    });

    context.router.Post(spec.route + "/{id}/reviews", [&db, &policy, &spec](Request& r) {
        std::int64_t id = http::PathId(r);
        std::string permission = spec.kind + ".review";
        policy.RequireAction(r.caller.get(), permission);
        // Not theirs: not there, whatever the body holds.
        db.Read([&](store::Session& s) {
            policy.Authorize(r.caller.get(), permission, LoadSubject(s, spec, id).subject.scope);
        });
        Scoring scoring = ReadScoring(spec, http::ParseJsonObject(r));
        json::object stored;
        db.Write([&](store::Session& s) {
            PanelSubject p = LoadSubject(s, spec, id);
            policy.Authorize(r.caller.get(), permission, p.subject.scope);
            if (!InStates(spec.scoring_states, p.subject.state)) throw ApiError(workflow::WrongState(p.subject.state));
            std::string now = clock::NowUtc();
            std::string scores = json::serialize(scoring.scores);
            std::int64_t changed = s.Execute(
                "UPDATE expert_assignments SET status = 'scored', scores = $4, total = $5, recommendation = $6, "
                "opinion = $7, scored_at = $8, updated_at = $8, version = version + 1 "
                "WHERE subject_kind = $1 AND subject_id = $2 AND expert_user_id = $3 AND status = 'assigned'",
                {spec.kind, id, r.caller->user_id, scores, scoring.total,
                 scoring.recommendation ? store::Param(*scoring.recommendation) : store::Param(nullptr),
                 scoring.opinion, now});
            if (changed == 0)
                throw ApiError(Error::Conflict("评审意见已提交，不能重复提交", "You have scored this already"));
            stored = json::object{{"expert_user_id", std::to_string(r.caller->user_id)},
                                  {"status", "scored"},
                                  {"scores", scoring.scores},
                                  {"total", scoring.total},
                                  {"recommendation", scoring.recommendation ? json::value(*scoring.recommendation)
                                                                            : json::value(nullptr)},
                                  {"opinion", scoring.opinion},
                                  {"scored_at", now}};
            audit::Record(s, r.ToActor(),
                          {.event_type = spec.kind + ".reviewed",
                           .object_type = spec.kind,
                           .object_id = std::to_string(id),
                           .after_json = json::serialize(stored)});
        });
        return http::JsonResponse(201, stored);
    });
}

void RequireComplete(store::Session& s, std::string_view kind, std::int64_t id, int min_experts) {
    std::int64_t assigned = 0, scored = 0;
    for (const Assignment& a : AssignmentsOf(s, kind, id)) {
        if (a.status == "withdrawn") continue;
        ++assigned;
        if (a.status == "scored") ++scored;
    }
    if (scored < min_experts || scored < assigned) {
        std::string counts = std::to_string(scored) + "/" + std::to_string(assigned);
        throw ApiError(Error::Conflict(
            "专家评审未完成（已评 " + counts + "，至少 " + std::to_string(min_experts) + " 位专家全部评审后方可决定）",
            "The panel has not finished (" + counts + " scored; at least " + std::to_string(min_experts) +
                " experts, every one scored, before a decision)"));
    }
}

json::object Summary(store::Session& s, std::string_view kind, std::int64_t id) {
    std::int64_t experts = 0, scored = 0, total = 0;
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_criterion;  // key → (sum, count)
    std::map<std::string, std::int64_t> recommendations;
    for (const Assignment& a : AssignmentsOf(s, kind, id)) {
        if (a.status == "withdrawn") continue;
        ++experts;
        if (a.status != "scored") continue;
        ++scored;
        total += a.total.value_or(0);
        if (a.recommendation) ++recommendations[*a.recommendation];
        if (!a.scores_json) continue;
        json::value scores = json::parse(*a.scores_json);
        for (const auto& [key, value] : scores.as_object()) {
            auto& [sum, count] = by_criterion[std::string(key)];
            sum += value.as_int64();
            ++count;
        }
    }
    json::object criteria, votes;
    for (const auto& [key, sc] : by_criterion) criteria[key] = Average(sc.first, sc.second);
    for (const auto& [value, count] : recommendations) votes[value] = count;
    return json::object{{"experts", experts},
                        {"scored", scored},
                        {"average_total", Average(total, scored)},
                        {"by_criterion", std::move(criteria)},
                        {"recommendations", std::move(votes)}};
}

}  // namespace keyuan::panels
