#include "modules/tech_contracts/module.hpp"

#include <memory>

#include "modules/attachments/service.hpp"
#include "modules/tech_contracts/lifecycle.hpp"
#include "modules/tech_contracts/module_parts.hpp"
#include "modules/tech_contracts/settings.hpp"
#include "workflow/routes.hpp"

namespace keyuan::tech_contracts {

namespace {

/// The written contract and its annexes (only written contracts are registered): the seller adds them
/// while the contract is with it; the office reads them.
void RegisterFiles(modules::ModuleContext& context) {
    attachments::RegisterAttachments(
        context, {.kind = kKind,
                  .route = kBase,
                  .purposes = {"contract_text", "annex", "other"},
                  .max_files = 20,
                  .upload_states = {"draft", "returned"},
                  .load = [](store::Session& s, std::int64_t id) -> std::optional<workflow::Subject> {
                      std::optional<Contract> c = LoadContract(s, id);
                      if (!c) return std::nullopt;
                      return workflow::Subject{
                          .id = id, .state = c->status, .version = c->version, .scope = ScopeOf(*c)};
                  }});
}

}  // namespace

/// The OpenAPI descriptions of the module's routes (route_docs.cpp).
void DescribeRoutes(http::Router& router, const workflow::Workflow& lifecycle);

void Register(modules::ModuleContext& context) {
    DeclarePermissions(context.policy);
    const workflow::Workflow& contracts = context.Keep(std::make_unique<workflow::Workflow>(
        ContractDefinition(context.settings.Of<TechContractSettings>().number_layout), context.policy));
    RegisterContractRoutes(context, contracts);
    RegisterRegisterRoute(context, contracts);
    // submit, withdraw, return, refuse; steps, actions. register carries the approved income (register_route.cpp).
    workflow::RegisterRoutes(context.router, context.db, contracts, context.policy, kBase,
                             {.own_routes = {"register"}});
    RegisterFiles(context);
    RegisterStatisticsRoutes(context);
    RegisterMonitorRoutes(context);
    DescribeRoutes(context.router, contracts);
}

int RecountCommand(const modules::CommandCall& call);  // commands.cpp

void Declare(modules::Declarations& declarations) {
    declarations.settings.push_back(TechContractSettingsReader());
    declarations.commands.push_back({{"tech-contracts", "recount"},
                                     "count the technology market's statistics again from the registered contracts",
                                     {},
                                     RecountCommand});
}

}  // namespace keyuan::tech_contracts
