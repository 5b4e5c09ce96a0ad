#pragma once
// What other modules use of notifications: queue a message to a user's inbox inside their own
// transaction, so that a write that rolls back notifies no one.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace keyuan::notifications {

/// Queues `kind` with its `params` for `user_id`. With a `dedupe_key` the message is queued once
/// per user and key (reminders that a job may try again); a repeat is skipped. Returns whether
/// the message was queued.
bool Notify(store::Session& s, std::int64_t user_id, std::string_view kind, const boost::json::object& params,
            const std::optional<std::string>& dedupe_key = std::nullopt);

/// The same for every unit administrator of an organisation (the provider's side).
void NotifyUnit(store::Session& s, std::int64_t org_id, std::string_view kind, const boost::json::object& params);

}  // namespace keyuan::notifications
