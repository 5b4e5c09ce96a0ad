#include "workflow/queues.hpp"

#include <algorithm>

namespace keyuan::workflow {

std::string Conditions::Param(store::Param value) {
    params_.push_back(std::move(value));
    return "$" + std::to_string(params_.size());
}

bool ReadQueueView(const http::Request& r, const access::Policy& policy, const Workflow& workflow,
                   const QueueColumns& columns, Conditions& conditions, FieldErrors& errors) {
    const Caller* caller = r.caller.get();
    std::string view = r.Query("view").value_or("mine");
    bool provider = view == "provider";
    if (provider) {
        std::vector<access::Scope> scopes = policy.ScopesFor(caller, workflow.definition().kind + ".decide");
        bool all = std::find(scopes.begin(), scopes.end(), access::Scope::kAll) != scopes.end();
        if (scopes.empty() || (!all && !caller->org_id)) throw ApiError(Error::Forbidden());
        if (!all) conditions.And(std::string(columns.provider_org) + " = " + conditions.Param(*caller->org_id));
    } else if (view == "mine") {
        std::string me = conditions.Param(caller->user_id);
        std::string any;
        for (std::string_view column : columns.client_users) {
            any += (any.empty() ? "" : " OR ") + std::string(column) + " = " + me;
        }
        conditions.And("(" + any + ")");
    } else {
        errors.Add("view", "view 须为 mine 或 provider", "view: mine or provider");
    }
    if (auto status = r.Query("status")) {
        const std::vector<State>& states = workflow.definition().states;
        bool known = std::any_of(states.begin(), states.end(), [&](const State& s) { return s.name == *status; });
        if (!known) {
            errors.Add("status", "未知的状态", "status: unknown state");
        } else {
            conditions.And(std::string(columns.status) + " = " + conditions.Param(*status));
        }
    }
    return provider;
}

void ScopeList(const access::Policy& policy, const Caller* caller, std::string_view action, const ScopeColumns& columns,
               Conditions& where) {
    policy.RequireAction(caller, action);
    std::vector<access::Scope> scopes = policy.ScopesFor(caller, action);
    // Before any parameter is added: an unused one is an error on PostgreSQL.
    if (std::find(scopes.begin(), scopes.end(), access::Scope::kAll) != scopes.end()) return;
    std::vector<std::string> any;
    auto equal = [&](std::string_view column, store::Param value) {
        any.push_back(std::string(column) + " = " + where.Param(std::move(value)));
    };
    for (access::Scope scope : scopes) {
        switch (scope) {
            case access::Scope::kAll: break;
            case access::Scope::kDepartment:
                if (!columns.department.empty() && !caller->department_code.empty())
                    equal(columns.department, caller->department_code);
                break;
            case access::Scope::kDistrict:
                if (!columns.district.empty() && !caller->district_code.empty())
                    equal(columns.district, caller->district_code);
                break;
            case access::Scope::kOrganization:
                if (!columns.org.empty() && caller->org_id) equal(columns.org, *caller->org_id);
                break;
            case access::Scope::kAssigned:
                if (columns.assigned) any.push_back(columns.assigned(where.Param(caller->user_id)));
                break;
            case access::Scope::kOwn:
                if (!columns.owner.empty()) equal(columns.owner, caller->user_id);
                break;
        }
    }
    if (any.empty()) throw ApiError(Error::Forbidden());
    std::string either;
    for (const std::string& condition : any) either += (either.empty() ? "(" : " OR ") + condition;
    where.And(either + ")");
}

}  // namespace keyuan::workflow
