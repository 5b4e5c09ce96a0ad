#include "modules/catalog/module.hpp"

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "http/json.hpp"
#include "modules/catalog/bases.hpp"
#include "modules/catalog/industries.hpp"
#include "modules/catalog/organizations.hpp"
#include "modules/catalog/settings.hpp"
#include "modules/catalog/specs.hpp"
#include "registry/kinds.hpp"
#include "registry/routes.hpp"
#include "registry/search_source.hpp"
#include "workflow/deadlines.hpp"

namespace keyuan::catalog {
namespace {

constexpr int kFinanceProductTarget = 20;  // seed 000: the finance domain centre lists at least 20

}  // namespace

/// The OpenAPI descriptions of the reference lists (reference_docs.cpp).
void DescribeReferenceRoutes(http::Router& router);
void DescribeCatalogReports(http::Router& router);
/// Of organisations, bases and the industry catalog's upkeep (route_docs.cpp).
void DescribeRoutes(http::Router& router);

void Register(modules::ModuleContext& context) {
    RegisterOrganizations(context);
    RegisterBases(context);
    // Literal routes such as /instruments/registration-report before the resources' /{id}.
    RegisterIndustries(context);
    DescribeReferenceRoutes(context.router);
    DescribeRoutes(context.router);
    std::vector<const registry::ResourceEngine*> engines;
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
    DescribeCatalogReports(context.router);
    for (registry::ResourceSpec spec : {LabSpec(), InstrumentSpec(), ServiceSpec(), FinanceProductSpec()}) {
        engines.push_back(&context.Keep(registry::RegisterResource(
            context, std::move(spec), context.settings.Of<CatalogSettings>().PublicCacheBytes())));
    }
    // A daily reminder in the log: how many registrations wait for review past their deadline.
    context.scheduler.Add({.name = "catalog.overdue-reviews", .every_seconds = 24 * 3600, .run = [&db, engines] {
                               db.Read([&](store::Session& s) {
                                   Date today = *Date::Parse(clock::TodayShanghai());
                                   for (const registry::ResourceEngine* e : engines) {
                                       std::int64_t late = workflow::CountOverdue(s, e->spec().kind, today);
                                       if (late > 0) {
                                           log::Info("registrations overdue for review",
                                                     {{"kind", e->spec().kind}, {"count", std::to_string(late)}});
                                       }
                                   }
                               });
                           }});
}

void Declare(modules::Declarations& declarations) {
    declarations.media_references.push_back({"instruments", "photos"});
    // One-shot commands (`index rebuild`) read the search sources without registering the
    // modules: the kinds' sources are declared here too (Register replaces them in place).
    search::AddSourceFactory([] {
        std::vector<search::Source> sources;
        for (const registry::ResourceSpec& spec : {InstrumentSpec(), LabSpec(), ServiceSpec(), FinanceProductSpec()}) {
            sources.push_back(registry::SearchSourceOf(spec));
        }
        return sources;
    });
    declarations.settings.push_back(CatalogSettingsReader());
    // The spreadsheet import finds the kinds by name (registry/kinds.hpp).
    registry::DeclareKinds([] {
        return std::vector<registry::ResourceSpec>{LabSpec(), InstrumentSpec(), ServiceSpec(), FinanceProductSpec()};
    });
}

}  // namespace keyuan::catalog
