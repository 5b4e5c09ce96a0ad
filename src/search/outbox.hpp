#pragma once
// The search outbox and the change counter: how a write tells the index (and any cache of
// public answers) that something it shows has changed. Call within the write's transaction.

#include <cstdint>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace keyuan::search {

/// Records that object (`type`, `id`) changed: bumps the change counter, then queues the
/// object for the indexers.
void RecordChange(store::Session& s, std::string_view type, std::int64_t id);

/// Records that the high-tech catalog's mapping of national industry `code` changed: every
/// lab, instrument and service with that code is queued, as their high-tech industries (a
/// search filter) follow the mapping.
void RecordIndustryCodeChange(store::Session& s, const std::string& code);

/// The change counter as of the session's view: equal values mean nothing public changed.
std::int64_t ChangeGeneration(store::Session& s);

}  // namespace keyuan::search
