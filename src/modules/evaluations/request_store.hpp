#pragma once
// Evaluation requests as stored (evaluation_requests, evaluation_assignees, evaluation_scores),
// the class's method and criteria (data in evaluation_methods / evaluation_criteria), and a
// request as the API shows it.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "modules/evaluations/rules.hpp"
#include "store/database.hpp"

namespace keyuan::evaluations {

struct Assignee {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string name;  // display name, or the username
    std::string kind;  // agency | expert
    bool scored = false;
    std::optional<std::string> scored_at;
    std::int64_t version = 1;
};

struct EvaluationRequest {
    std::int64_t id = 0;
    std::string subject;  // achievement | invention_disclosure
    std::optional<std::int64_t> achievement_id;
    std::string title;  // the achievement's name, or the disclosure's title
    std::string abstract;
    std::int64_t org_id = 0;
    std::string org_name;
    std::string evaluation_class, method, status;
    std::int64_t version = 1;
    std::string reason, conclusion;
    std::optional<std::int64_t> score;
    std::optional<std::string> level;
    std::int64_t requested_by = 0;
    std::string created_at, updated_at;
    std::optional<std::string> completed_at;
    std::vector<Assignee> assignees;
};

/// A new request; it starts `requested`.
struct NewRequest {
    std::string subject;
    std::optional<std::int64_t> achievement_id;
    std::string title, abstract;
    std::int64_t org_id = 0;
    std::string evaluation_class, method;
    std::int64_t requested_by = 0;
};
std::int64_t InsertRequest(store::Session& s, const NewRequest& request);

std::optional<EvaluationRequest> LoadRequest(store::Session& s, std::int64_t id);
/// Whose a request is, for the policy: the asking unit, its assignees.
access::ObjectScope ScopeOf(const EvaluationRequest& r);

/// The method of a class ("" for an unknown class).
std::string MethodOf(store::Session& s, const std::string& evaluation_class);
/// The criteria of a class, in their order.
std::vector<Criterion> CriteriaOf(store::Session& s, const std::string& evaluation_class);
/// Every assignee's scoring of a request, in the order of the assignees.
std::vector<std::vector<CriterionScore>> ScoringsOf(store::Session& s, std::int64_t request_id);

/// A request as the API shows it: with its assignees, the class's criteria, and once every
/// assignee has scored (scored, completed) the scores.
boost::json::object RequestJson(store::Session& s, const EvaluationRequest& r);

}  // namespace keyuan::evaluations
