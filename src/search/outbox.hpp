#pragma once
// The search outbox and the change counter: how a write tells the index (and any cache of
// public answers) that something it shows has changed. Call within the write's transaction.

#include <cstdint>
#include <string_view>

#include "store/database.hpp"

namespace keyuan::search {

/// Records that object (`type`, `id`) changed: bumps the change counter, then queues the
/// object for the indexers. A type the index does not hold (e.g. "industry_catalog") only
/// bumps the counter's readers and is skipped by the indexers.
void RecordChange(store::Session& s, std::string_view type, std::int64_t id);

/// The change counter as of the session's view: equal values mean nothing public changed.
std::int64_t ChangeGeneration(store::Session& s);

}  // namespace keyuan::search
