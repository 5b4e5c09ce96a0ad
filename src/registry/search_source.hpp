#pragma once
// A kind's search source derived from its spec's SearchSpec: which columns to read and how
// a row becomes a document, by field name.

#include "registry/spec.hpp"
#include "search/sources.hpp"

namespace keyuan::registry {

/// The source of `spec.kind`; `spec.search` must be set.
search::Source SearchSourceOf(const ResourceSpec& spec);

}  // namespace keyuan::registry
