#include "modules/evaluations/request_store.hpp"

#include <boost/json/array.hpp>

#include "core/clock.hpp"
#include "http/json.hpp"

namespace keyuan::evaluations {
namespace json = boost::json;

namespace {

constexpr const char* kSelectRequest =
    "SELECT r.id, r.subject, r.achievement_id, COALESCE(a.name, r.title), r.abstract, r.org_id, o.name, r.class, "
    "r.method, r.status, r.version, r.reason, r.conclusion, r.score, r.level, r.requested_by, r.created_at, "
    "r.updated_at, r.completed_at FROM evaluation_requests r JOIN organizations o ON o.id = r.org_id "
    "LEFT JOIN achievements a ON a.id = r.achievement_id WHERE r.id = $1";

constexpr const char* kSelectAssignees =
    "SELECT e.id, e.user_id, CASE WHEN u.display_name = '' THEN u.username ELSE u.display_name END, e.kind, "
    "e.scored, e.scored_at, e.version FROM evaluation_assignees e JOIN users u ON u.id = e.user_id "
    "WHERE e.request_id = $1 ORDER BY e.id";

EvaluationRequest FromRow(const store::Row& row) {
    return EvaluationRequest{.id = row.Int(0),
                             .subject = std::string(row.Text(1)),
                             .achievement_id = row.OptInt(2),
                             .title = std::string(row.Text(3)),
                             .abstract = std::string(row.Text(4)),
                             .org_id = row.Int(5),
                             .org_name = std::string(row.Text(6)),
                             .evaluation_class = std::string(row.Text(7)),
                             .method = std::string(row.Text(8)),
                             .status = std::string(row.Text(9)),
                             .version = row.Int(10),
                             .reason = std::string(row.Text(11)),
                             .conclusion = std::string(row.Text(12)),
                             .score = row.OptInt(13),
                             .level = row.OptText(14),
                             .requested_by = row.Int(15),
                             .created_at = std::string(row.Text(16)),
                             .updated_at = std::string(row.Text(17)),
                             .completed_at = row.OptText(18)};
}

json::array CriteriaJson(const std::vector<Criterion>& criteria) {
    json::array out;
    for (const Criterion& c : criteria) {
        out.push_back(
            json::object{{"code", c.code}, {"weight", c.weight}, {"name_zh", c.name_zh}, {"name_en", c.name_en}});
    }
    return out;
}

json::array ScoresJson(store::Session& s, std::int64_t request_id) {
    store::Rows rows = s.Query(
        "SELECT e.user_id, sc.criterion, sc.score, sc.comment FROM evaluation_scores sc "
        "JOIN evaluation_assignees e ON e.id = sc.assignee_id WHERE sc.request_id = $1 ORDER BY e.id, sc.id",
        {request_id});
    json::array out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out.push_back(json::object{{"user_id", std::to_string(rows[i].Int(0))},
                                   {"criterion", rows[i].Text(1)},
                                   {"score", rows[i].Int(2)},
                                   {"comment", rows[i].Text(3)}});
    }
    return out;
}

}  // namespace

std::int64_t InsertRequest(store::Session& s, const NewRequest& r) {
    std::string now = clock::NowUtc();
    return s.InsertReturningId(
        "INSERT INTO evaluation_requests (subject, achievement_id, title, abstract, org_id, class, method, "
        "requested_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
        {r.subject, r.achievement_id ? store::Param(*r.achievement_id) : store::Param(nullptr), r.title, r.abstract,
         r.org_id, r.evaluation_class, r.method, r.requested_by, now});
}

std::optional<EvaluationRequest> LoadRequest(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(kSelectRequest, {id});
    if (rows.empty()) return std::nullopt;
    EvaluationRequest r = FromRow(rows[0]);
    store::Rows assignees = s.Query(kSelectAssignees, {id});
    for (std::size_t i = 0; i < assignees.size(); ++i) {
        const store::Row& a = assignees[i];
        r.assignees.push_back(Assignee{.id = a.Int(0),
                                       .user_id = a.Int(1),
                                       .name = std::string(a.Text(2)),
                                       .kind = std::string(a.Text(3)),
                                       .scored = a.Int(4) != 0,
                                       .scored_at = a.OptText(5),
                                       .version = a.Int(6)});
    }
    return r;
}

access::ObjectScope ScopeOf(const EvaluationRequest& r) {
    access::ObjectScope scope{.owner_user_id = r.requested_by, .org_id = r.org_id};
    for (const Assignee& a : r.assignees) scope.assigned_user_ids.push_back(a.user_id);
    return scope;
}

std::string MethodOf(store::Session& s, const std::string& evaluation_class) {
    store::Rows rows = s.Query("SELECT method FROM evaluation_methods WHERE class = $1", {evaluation_class});
    return rows.empty() ? "" : std::string(rows[0].Text(0));
}

std::vector<Criterion> CriteriaOf(store::Session& s, const std::string& evaluation_class) {
    store::Rows rows =
        s.Query("SELECT code, weight, name_zh, name_en FROM evaluation_criteria WHERE class = $1 ORDER BY position",
                {evaluation_class});
    std::vector<Criterion> out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out.push_back(Criterion{.code = std::string(rows[i].Text(0)),
                                .weight = static_cast<int>(rows[i].Int(1)),
                                .name_zh = std::string(rows[i].Text(2)),
                                .name_en = std::string(rows[i].Text(3))});
    }
    return out;
}

std::vector<std::vector<CriterionScore>> ScoringsOf(store::Session& s, std::int64_t request_id) {
    store::Rows rows = s.Query(
        "SELECT assignee_id, criterion, score, comment FROM evaluation_scores WHERE request_id = $1 "
        "ORDER BY assignee_id, id",
        {request_id});
    std::vector<std::vector<CriterionScore>> out;
    std::int64_t current = -1;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].Int(0) != current) {
            current = rows[i].Int(0);
            out.emplace_back();
        }
        out.back().push_back(CriterionScore{.criterion = std::string(rows[i].Text(1)),
                                            .score = static_cast<int>(rows[i].Int(2)),
                                            .comment = std::string(rows[i].Text(3))});
    }
    return out;
}

json::object RequestJson(store::Session& s, const EvaluationRequest& r) {
    json::array assignees;
    for (const Assignee& a : r.assignees) {
        assignees.push_back(json::object{{"user_id", std::to_string(a.user_id)},
                                         {"name", a.name},
                                         {"kind", a.kind},
                                         {"scored", a.scored},
                                         {"scored_at", http::TextOrNull(a.scored_at)}});
    }
    json::object out{{"id", std::to_string(r.id)},
                     {"subject", r.subject},
                     {"achievement_id", r.achievement_id ? json::value(std::to_string(*r.achievement_id)) : nullptr},
                     {"title", r.title},
                     {"abstract", r.abstract},
                     {"org_id", std::to_string(r.org_id)},
                     {"org_name", r.org_name},
                     {"class", r.evaluation_class},
                     {"method", r.method},
                     {"status", r.status},
                     {"version", r.version},
                     {"reason", r.reason},
                     {"score", r.score ? json::value(*r.score) : nullptr},
                     {"level", http::TextOrNull(r.level)},
                     {"conclusion", r.conclusion},
                     {"requested_by", std::to_string(r.requested_by)},
                     {"created_at", r.created_at},
                     {"updated_at", r.updated_at},
                     {"completed_at", http::TextOrNull(r.completed_at)},
                     {"criteria", CriteriaJson(CriteriaOf(s, r.evaluation_class))},
                     {"assignees", std::move(assignees)}};
    // Each assignee scores alone: the scores are shown once all of them have.
    if (r.status == "scored" || r.status == "completed") out["scores"] = ScoresJson(s, r.id);
    return out;
}

}  // namespace keyuan::evaluations
