#pragma once
// A lifecycle declared as data. A kind names its states and its transitions (action,
// from → to, who may do it in which scope, whether a reason is required, side effects); the
// engine (workflow.hpp) runs them, the policy's grants and the HTTP routes are derived from
// the declaration, and Validate refuses a declaration with unreachable states or unknown
// roles at start-up.
//
//     Definition review{.kind = "instrument", .table = "instruments", .initial = "draft",
//         .states = {{"draft"}, {"submitted", .due_working_days = 5}, {"approved"}, …},
//         .transitions = {{.action = "submit", .from = {"draft", "returned"}, .to = "submitted",
//                          .who = {{Role::kUnitAdmin, Scope::kOrganization}}}, …}};
//
// The kind's table has the columns id, status, version and updated_at.

#include <boost/json/object.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "core/caller.hpp"
#include "core/role.hpp"
#include "store/database.hpp"

namespace keyuan::workflow {

/// Who may perform a transition: a role, on objects within a scope.
struct Grant {
    Role role;
    access::Scope scope;
};

struct State {
    std::string name;
    /// Objects in this state are due this many working days (the working-day calendar) after
    /// they entered it; they are listed as overdue afterwards.
    std::optional<int> due_working_days;
};

/// An object as the engine needs to see it: where it is and whose it is.
struct Subject {
    std::int64_t id = 0;
    std::string state;
    std::int64_t version = 0;
    access::ObjectScope scope;
    bool is_public = false;  // seen by everyone (a kind's published objects); set by the kind's load
};

struct Transition;

/// What a side effect sees: it runs inside the transition's transaction, after the state
/// changed and the step was recorded; a throw undoes the whole transition.
struct StepContext {
    store::Session& session;
    const Actor& actor;
    const Subject& before;
    const Transition& transition;
    const std::string& reason;
};

struct Transition {
    std::string action;             // "submit": the route POST …/{id}/submit
    std::vector<std::string> from;  // the states it leaves
    std::string to;
    std::vector<Grant> who;
    /// The policy action is kind.permission; transitions may share one ("approve" and
    /// "return" both need "review"). Empty: the action's name.
    std::string permission;
    bool reason_required = false;
    /// Whether the reason is kept on the object (in Definition::reason_column) until the next
    /// transition, e.g. why a registration was returned.
    bool keeps_reason = false;
    std::string event;  // the audit event's suffix; empty: the target state
    std::function<void(StepContext&)> effect;

    std::string Permission() const { return permission.empty() ? action : permission; }
    std::string Event() const { return event.empty() ? to : event; }
};

struct Definition {
    std::string kind;   // "instrument": policy prefix, audit object type
    std::string table;  // the table with id, status, version, updated_at
    std::string initial;
    std::vector<State> states;
    std::vector<Transition> transitions;
    std::string reason_column;  // where keeps_reason transitions write the reason ("" none)
    /// Reads an object's subject; nullopt when there is none.
    std::function<std::optional<Subject>(store::Session&, std::int64_t id)> load;
    /// Reads the subjects of many objects in one query (the overdue list), in any order,
    /// leaving out those that are gone. Optional: without it, `load` runs once per object.
    std::function<std::vector<Subject>(store::Session&, const std::vector<std::int64_t>& ids)> load_many;
    /// The object as the API shows it: the answer of a transition, and the version saved in
    /// its history. Without it the answer is {id, status, version} and no version is saved.
    std::function<boost::json::object(store::Session&, std::int64_t id)> present;
    bool index = false;  // queue the object for the search index after each transition

    const State* FindState(std::string_view name) const;
    const Transition* FindTransition(std::string_view action) const;
};

/// Throws std::logic_error naming every fault: an unknown state in a transition, a state no
/// transition reaches from the initial one, a transition without grants, a duplicate action.
void Validate(const Definition& definition);

}  // namespace keyuan::workflow
