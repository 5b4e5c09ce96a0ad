// The one list of modules: a new module adds its line here and nothing else in the core.
#include "app/modules.hpp"

#include "modules/accounts/module.hpp"
#include "modules/achievements/module.hpp"
#include "modules/annual_reports/module.hpp"
#include "modules/assessment/module.hpp"
#include "modules/audit/module.hpp"
#include "modules/backup/module.hpp"
#include "modules/bookings/module.hpp"
#include "modules/catalog/module.hpp"
#include "modules/challenges/module.hpp"
#include "modules/dashboards/module.hpp"
#include "modules/delivery/module.hpp"
#include "modules/evaluations/module.hpp"
#include "modules/imports/module.hpp"
#include "modules/matching/module.hpp"
#include "modules/media/module.hpp"
#include "modules/metrics/module.hpp"
#include "modules/national_report/module.hpp"
#include "modules/notifications/module.hpp"
#include "modules/orders/module.hpp"
#include "modules/panels/module.hpp"
#include "modules/purchase_checks/module.hpp"
#include "modules/search/module.hpp"
#include "modules/system/module.hpp"
#include "modules/tech_contracts/module.hpp"
#include "modules/tech_demands/module.hpp"
#include "modules/tech_platforms/module.hpp"
#include "modules/vouchers/module.hpp"

namespace keyuan::app {

std::span<const modules::Module> AllModules() {
    // clang-format off: one module a line, in registration order
    static const modules::Module kModules[] = {
        {"system", system::Register},
        {"metrics", metrics::Register, metrics::Declare},  // before accounts: its guard reads the token first
        {"accounts", accounts::Register, accounts::Declare},
        {"audit", audit::Register, audit::Declare},
        {"media", media::Register, media::Declare},
        {"backup", nullptr, backup::Declare},  // commands only
        {"catalog", catalog::Register, catalog::Declare},
        {"notifications", notifications::Register, notifications::Declare},
        {"panels", panels::Register},
        {"delivery", delivery::Register},
        {"bookings", bookings::Register},
        {"orders", orders::Register},
        {"achievements", achievements::Register, achievements::Declare},
        {"evaluations", evaluations::Register},
        {"vouchers", vouchers::Register, vouchers::Declare},
        {"assessment", assessment::Register, assessment::Declare},
        {"purchase_checks", purchase_checks::Register},
        {"annual_reports", annual_reports::Register},
        {"tech_platforms", tech_platforms::Register},
        {"tech_demands", tech_demands::Register, tech_demands::Declare},
        {"challenges", challenges::Register, challenges::Declare},
        {"tech_contracts", tech_contracts::Register, tech_contracts::Declare},
        {"imports", imports::Register, imports::Declare},  // after the kinds' modules: it imports them
        {"search", search::Register, search::Declare},
        {"matching", matching::Register},  // after search: it reads the index search offers
        {"national_report", national_report::Register, national_report::Declare},
        {"dashboards", dashboards::Register},  // after every kind's module: it counts them all
        {"idempotency", system::RegisterIdempotency},
        {"openapi", system::RegisterOpenApi},
    };
    // clang-format on
    return kModules;
}

const modules::Declarations& AllDeclarations() {
    static const modules::Declarations kDeclarations = [] {
        modules::Declarations declarations;
        for (const modules::Module& module : AllModules()) {
            if (module.declare) module.declare(declarations);
        }
        return declarations;
    }();
    return kDeclarations;
}

}  // namespace keyuan::app
