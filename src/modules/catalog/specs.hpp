#pragma once
// The resource kinds of the catalog (C1, C2), described as data.

#include "modules/catalog/resource_spec.hpp"

namespace keyuan::catalog {

ResourceSpec LabSpec();
ResourceSpec InstrumentSpec();
ResourceSpec ServiceSpec();
ResourceSpec FinanceProductSpec();

}  // namespace keyuan::catalog
