#include "modules/catalog/module.hpp"

#include "modules/catalog/organizations.hpp"

namespace keyuan::catalog {

void Register(modules::ModuleContext& context) { RegisterOrganizations(context); }

}  // namespace keyuan::catalog
