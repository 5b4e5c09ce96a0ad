#include "workflow/workflow.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "store/guarded_update.hpp"
#include "workflow/deadlines.hpp"

namespace keyuan::workflow {
namespace json = boost::json;

Error WrongState(std::string_view state) {
    return Error::Conflict("当前状态（" + std::string(state) + "）下不能执行此操作",
                           "Not possible while the status is " + std::string(state));
}

namespace {

json::value StatusJson(std::string_view state) {
    return json::object{{"status", state}};
}

json::array Strings(const std::vector<std::string>& items) {
    json::array out;
    for (const std::string& s : items) out.push_back(json::string(s));
    return out;
}

}  // namespace

Workflow::Workflow(Definition definition, access::Policy& policy)
    : definition_(std::move(definition)), policy_(policy) {
    Validate(definition_);
    for (const Transition& t : definition_.transitions) {
        for (const Grant& g : t.who) policy.Allow(PolicyAction(t), g.role, g.scope);
    }
}

json::object Workflow::Run(store::Database& db, const Caller* caller, std::int64_t id, std::string_view action,
                           const std::string& reason, const Actor& actor) const {
    const Transition* t = definition_.FindTransition(action);
    if (!t) throw ApiError(Error::NotFound());
    // Before any database work: a role without the grant is told so (401/403) at once.
    policy_.RequireAction(caller, PolicyAction(*t));
    json::object out;
    db.Write([&](store::Session& s) { out = Apply(s, caller, id, action, reason, actor); });
    return out;
}

json::object Workflow::Apply(store::Session& s, const Caller* caller, std::int64_t id, std::string_view action,
                             const std::string& reason, const Actor& actor) const {
    const Definition& d = definition_;
    const Transition* t = d.FindTransition(action);
    if (!t) throw ApiError(Error::NotFound());
    std::string permission = PolicyAction(*t);
    policy_.RequireAction(caller, permission);
    std::optional<Subject> before = d.load(s, id);
    if (!before || !policy_.Allows(caller, permission, before->scope)) throw ApiError(Error::NotFound());
    // After the scope check, so that nobody learns anything of objects outside their scope.
    if (t->reason_required && reason.empty()) {
        throw ApiError(Error::Validation({{"reason", {"须说明理由", "A reason is required"}}}));
    }
    if (std::find(t->from.begin(), t->from.end(), before->state) == t->from.end()) {
        throw ApiError(WrongState(before->state));
    }
    std::int64_t now_unix = clock::NowUnix();
    std::string now = clock::FormatUtc(now_unix);
    std::string sets = "status = $1, updated_at = $2";
    std::vector<store::Param> params = {t->to, now};
    if (!d.reason_column.empty()) {
        sets += ", " + d.reason_column + " = $3";
        params.emplace_back(t->keeps_reason ? reason : std::string());
    }
    store::UpdateGuarded(s, {.table = d.table, .id = id, .version = before->version, .status = before->state}, sets,
                         std::move(params));
    s.Execute(
        "INSERT INTO workflow_steps (object_type, object_id, action, from_state, to_state, actor_user_id, reason, at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        {d.kind, id, t->action, before->state, t->to,
         caller ? store::Param(static_cast<long long>(caller->user_id)) : store::Param(nullptr), reason, now});
    Date today = *Date::Parse(clock::DateShanghai(now_unix));
    SetDeadline(s, d.kind, id, t->to, d.FindState(t->to)->due_working_days, today);
    if (t->effect) {
        StepContext context{s, actor, *before, *t, reason};
        t->effect(context);
    }
    std::int64_t version = before->version + 1;
    json::object out = d.present ? d.present(s, id)
                                 : json::object{{"id", std::to_string(id)}, {"status", t->to}, {"version", version}};
    changes::Record(s, actor,
                    {.object_type = d.kind,
                     .object_id = id,
                     .event = t->Event(),
                     .before_json = json::serialize(StatusJson(before->state)),
                     .after_json = json::serialize(StatusJson(t->to)),
                     .snapshot = d.present ? &out : nullptr,
                     .version = version,
                     .index = d.index,
                     .detail = reason});
    return out;
}

std::vector<std::string> Workflow::AllowedActions(const Caller* caller, const Subject& subject) const {
    std::vector<std::string> out;
    for (const Transition& t : definition_.transitions) {
        if (std::find(t.from.begin(), t.from.end(), subject.state) == t.from.end()) continue;
        if (policy_.Allows(caller, PolicyAction(t), subject.scope)) out.push_back(t.action);
    }
    return out;
}

json::array Workflow::Steps(store::Session& s, std::int64_t id) const {
    store::Rows rows = s.Query(
        "SELECT action, from_state, to_state, actor_user_id, reason, at FROM workflow_steps WHERE object_type = $1 "
        "AND object_id = $2 ORDER BY id",
        {definition_.kind, id});
    json::array out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out.push_back(json::object{
            {"action", rows[i].Text(0)},
            {"from", rows[i].Text(1)},
            {"to", rows[i].Text(2)},
            {"actor_user_id", rows[i].IsNull(3) ? json::value(nullptr) : json::value(std::to_string(rows[i].Int(3)))},
            {"reason", rows[i].Text(4)},
            {"at", rows[i].Text(5)}});
    }
    return out;
}

json::object Workflow::Describe() const {
    json::array states;
    json::object due;
    for (const State& s : definition_.states) {
        states.push_back(json::string(s.name));
        if (s.due_working_days) due[s.name] = *s.due_working_days;
    }
    json::array actions;
    for (const Transition& t : definition_.transitions) {
        actions.push_back(json::object{
            {"action", t.action}, {"from", Strings(t.from)}, {"to", t.to}, {"reason_required", t.reason_required}});
    }
    return json::object{{"initial", definition_.initial},
                        {"states", std::move(states)},
                        {"due_working_days", std::move(due)},
                        {"actions", std::move(actions)}};
}

}  // namespace keyuan::workflow
