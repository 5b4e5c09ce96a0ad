#pragma once
// The outbox table (migration 0020) as the mail job uses it. Every change is a conditional
// write (store::UpdateGuarded on the row's version), so that of several servers sharing one
// database exactly one takes a row, and a server whose lease ran out cannot overwrite what
// another recorded since.

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace keyuan::notifications {

/// Notifications this old or newer that are not in the outbox yet get queued. A day: a server
/// that was down for hours still mails what happened meanwhile; turning mail on mails at most a
/// day of older notifications.
inline constexpr std::int64_t kPickUpWindowSeconds = 24 * 3600;

/// A row due for sending, with the notification it carries.
struct OutboxItem {
    std::int64_t id = 0;
    std::int64_t version = 0;
    int attempts = 0;
    std::string address;
    std::string kind;
    std::string params;  // JSON object
};

/// Queues one row for each notification created since `now` − kPickUpWindowSeconds whose user
/// is enabled and has an e-mail address and which has no row yet. Returns how many.
int QueueNewNotifications(store::Session& s, std::int64_t now);

/// Rows whose time has come (pending, or sending with a lease run out), oldest first.
std::vector<OutboxItem> DueMail(store::Session& s, std::int64_t now, int limit);

/// Takes `item` for one attempt until `lease_until`: status sending, attempts + 1. Throws
/// ApiError (409) when another server took or changed it first.
void ClaimMail(store::Session& s, const OutboxItem& item, std::int64_t lease_until);

/// Records the outcome of the attempt on a claimed row (`version` as ClaimMail left it): sent;
/// or failed with `error`, to be tried again after RetryDelaySeconds(attempts), or given up
/// when `final`. Throws ApiError (409) when the row changed since the claim.
void RecordSent(store::Session& s, std::int64_t id, std::int64_t version, std::int64_t now);
void RecordFailure(store::Session& s, std::int64_t id, std::int64_t version, int attempts, const std::string& error,
                   bool final, std::int64_t now);

/// One minute after the first failure, doubling each time, at most an hour.
std::int64_t RetryDelaySeconds(int attempts);

}  // namespace keyuan::notifications
