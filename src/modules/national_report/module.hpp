#pragma once
// The national report (issue 19 §5, docs/design/national-report.md): the platform's large
// instruments and their service records of a year in the data elements of the national
// large-instrument platform, as the XLSX it takes, with a check naming every missing element.

#include "modules/module_context.hpp"

namespace keyuan::national_report {

void Register(modules::ModuleContext& context);
void Declare(modules::Declarations& declarations);
/// The route's OpenAPI description (route_docs.cpp).
void DescribeRoutes(http::Router& router);

}  // namespace keyuan::national_report
