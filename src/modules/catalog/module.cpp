#include "modules/catalog/module.hpp"

#include <boost/json/object.hpp>

#include "http/json.hpp"
#include "modules/catalog/bases.hpp"
#include "modules/catalog/industries.hpp"
#include "modules/catalog/organizations.hpp"
#include "modules/catalog/specs.hpp"
#include "registry/routes.hpp"

namespace keyuan::catalog {
namespace {

constexpr int kFinanceProductTarget = 20;  // seed 000: the finance domain centre lists at least 20

}  // namespace

std::vector<std::unique_ptr<registry::ResourceEngine>> Register(modules::ModuleContext& context,
                                                                std::size_t cache_bytes_per_kind) {
    RegisterOrganizations(context);
    RegisterBases(context);
    // Literal routes such as /instruments/registration-report before the resources' /{id}.
    RegisterIndustries(context);
    std::vector<std::unique_ptr<registry::ResourceEngine>> engines;
    // The finance summary is a literal route, registered before the resource's /{id} routes.
    store::Database& db = context.db;
    context.router.Get("/api/v1/finance-products/summary", [&db](http::Request&) {
        std::int64_t approved = 0;
        db.Read([&](store::Session& s) {
            approved = s.Query("SELECT COUNT(*) FROM finance_products WHERE status = 'approved'").front().Int(0);
        });
        return http::JsonResponse(200, boost::json::object{{"approved_count", approved},
                                                           {"target", kFinanceProductTarget},
                                                           {"target_met", approved >= kFinanceProductTarget}});
    });
    for (registry::ResourceSpec spec : {LabSpec(), InstrumentSpec(), ServiceSpec(), FinanceProductSpec()}) {
        engines.push_back(registry::RegisterResource(context, std::move(spec), cache_bytes_per_kind));
    }
    return engines;
}

}  // namespace keyuan::catalog
