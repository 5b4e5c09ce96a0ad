#pragma once
// The resource kinds of the catalog (C1, C2), described as data.

#include "registry/spec.hpp"

namespace keyuan::catalog {

registry::ResourceSpec LabSpec();
registry::ResourceSpec InstrumentSpec();
registry::ResourceSpec ServiceSpec();
registry::ResourceSpec FinanceProductSpec();

}  // namespace keyuan::catalog
