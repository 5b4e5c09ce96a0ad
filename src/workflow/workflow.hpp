#pragma once
// The workflow engine: runs a declared lifecycle (definition.hpp). Apply is one conditional
// write (store::UpdateGuarded on id, version and status: of any number of concurrent
// requests for the same object exactly one wins, on both engines), one step record (who,
// when, from, to, reason), the state's deadline, the transition's side effects and the
// change record (audit, version, search outbox), all in the caller's transaction.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "access/policy.hpp"
#include "core/error.hpp"
#include "store/database.hpp"
#include "workflow/definition.hpp"

namespace keyuan::workflow {

/// The 409 for an action the object's current state does not allow (also for edits a kind
/// refuses in some states, e.g. a registration under review).
Error WrongState(std::string_view state);

class Workflow {
public:
    /// Validates the definition (throws std::logic_error) and adds its grants to `policy`.
    Workflow(Definition definition, access::Policy& policy);

    const Definition& definition() const { return definition_; }
    /// kind.permission, the policy action of a transition.
    std::string PolicyAction(const Transition& t) const { return definition_.kind + "." + t.Permission(); }

    /// Runs `action` on object `id` in its own write transaction; returns the object as
    /// presented after the change. Throws ApiError: 401/403 without the grant, 404 for an
    /// unknown object or one outside the caller's scope, 422 without a required reason, 409
    /// when the object's state does not allow the action or a concurrent change won.
    boost::json::object Run(store::Database& db, const Caller* caller, std::int64_t id, std::string_view action,
                            const std::string& reason, const Actor& actor) const;
    /// The same inside an open transaction (for a use case that changes more than the object).
    boost::json::object Apply(store::Session& s, const Caller* caller, std::int64_t id, std::string_view action,
                              const std::string& reason, const Actor& actor) const;

    /// The actions the caller may perform on the subject now (state, grant and scope), in
    /// declaration order: what the UI offers as buttons.
    std::vector<std::string> AllowedActions(const Caller* caller, const Subject& subject) const;

    /// The recorded steps of one object, oldest first:
    /// [{action, from, to, actor_user_id, reason, at}].
    boost::json::array Steps(store::Session& s, std::int64_t id) const;

    /// The declaration as the API describes it:
    /// {initial, states: [name], due_working_days: {state: n}, actions: [{action, from, to, reason_required}]}.
    boost::json::object Describe() const;

private:
    Definition definition_;
    const access::Policy& policy_;
};

}  // namespace keyuan::workflow
