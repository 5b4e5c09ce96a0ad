#include "modules/imports/module.hpp"

#include "modules/imports/command.hpp"
#include "modules/imports/kinds.hpp"

namespace keyuan::imports {

void Register(modules::ModuleContext& context) {
    ImportKinds& kinds = context.Keep(std::make_unique<ImportKinds>(context.db));
    AddRoutes(context, kinds);
    DescribeRoutes(context.router);
}

void Declare(modules::Declarations& declarations) {
    declarations.commands.push_back(ImportCommand());
}

}  // namespace keyuan::imports
