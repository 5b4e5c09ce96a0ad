#pragma once
// The kinds that import (their ResourceSpec has columns), each with a registry engine of its own:
// the same spec, validation, audit and versions as the kind's routes, so one set of rules
// (docs/design/data-exchange.md §2). The engines' grants go to a policy of their own, which
// mirrors the kinds' (declared from the same specs), so the import asks the kind's own question:
// may this caller create or update this object?

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

#include "access/policy.hpp"
#include "registry/engine.hpp"

namespace keyuan::imports {

class ImportKinds {
public:
    explicit ImportKinds(store::Database& db);
    /// Waits for the background imports still running (the database outlives this object).
    ~ImportKinds();
    ImportKinds(const ImportKinds&) = delete;
    ImportKinds& operator=(const ImportKinds&) = delete;

    /// Runs `work` on a thread of its own (an import of more than kJobRows rows); finished
    /// threads are joined as new ones start.
    void Launch(std::function<void()> work);

    /// The kind's engine; null for a kind that does not import.
    registry::ResourceEngine* Find(std::string_view kind);
    const std::vector<std::unique_ptr<registry::ResourceEngine>>& all() const { return engines_; }
    const access::Policy& policy() const { return policy_; }
    /// Adds the error of a `kind` that does not import, naming those that do (after `first`: the
    /// kinds that other modules import through the same door, such as the high-tech catalog).
    void AddUnknownKind(FieldErrors& errors, std::string_view first = {}) const;

private:
    access::Policy policy_;
    std::vector<std::unique_ptr<registry::ResourceEngine>> engines_;
    std::mutex jobs_mutex_;
    std::vector<std::pair<std::thread, std::shared_ptr<std::atomic<bool>>>> jobs_;  // thread, finished
};

/// The kind's name in the two languages (仪器设备 / Instruments).
Text KindLabel(std::string_view kind);

}  // namespace keyuan::imports
