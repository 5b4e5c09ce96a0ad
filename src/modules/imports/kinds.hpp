#pragma once
// The kinds that import (their ResourceSpec has columns), each with a registry engine of its own:
// the same spec, validation, audit and versions as the kind's routes, so one set of rules
// (docs/design/data-exchange.md §2). The engines' grants go to a policy of their own, which
// mirrors the kinds' (declared from the same specs), so the import asks the kind's own question:
// may this caller create or update this object?

#include <memory>
#include <string_view>
#include <vector>

#include "access/policy.hpp"
#include "registry/engine.hpp"

namespace keyuan::imports {

class ImportKinds {
public:
    explicit ImportKinds(store::Database& db);

    /// The kind's engine; null for a kind that does not import.
    registry::ResourceEngine* Find(std::string_view kind);
    const std::vector<std::unique_ptr<registry::ResourceEngine>>& all() const { return engines_; }
    const access::Policy& policy() const { return policy_; }

private:
    access::Policy policy_;
    std::vector<std::unique_ptr<registry::ResourceEngine>> engines_;
};

/// The kind's name in the two languages (仪器设备 / Instruments).
Text KindLabel(std::string_view kind);

}  // namespace keyuan::imports
