#include "workflow/service_sides.hpp"

namespace keyuan::workflow {

std::vector<Grant> ProviderGrants() {
    return {{Role::kUnitAdmin, access::Scope::kOrganization}, {Role::kOperator, access::Scope::kAll}};
}

std::vector<Grant> ClientGrants(const std::vector<Role>& roles, bool assigned) {
    std::vector<Grant> out;
    for (Role role : roles) {
        out.push_back({role, access::Scope::kOwn});
        if (assigned) out.push_back({role, access::Scope::kAssigned});
    }
    return out;
}

std::function<void(StepContext&)> Tell(Teller teller, Side side, const char* kind,
                                       std::function<void(StepContext&)> check) {
    return [teller, side, kind, check = std::move(check)](StepContext& step) {
        if (check) check(step);
        teller(step, side, kind);
    };
}

}  // namespace keyuan::workflow
