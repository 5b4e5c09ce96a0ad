#pragma once
// What bookings tell people, through the notifications inbox: each side hears of the other's
// steps, in the transaction of the step; reminders come from a scheduled job.

#include <cstdint>

#include "core/date.hpp"
#include "modules/bookings/booking_store.hpp"
#include "store/database.hpp"

namespace keyuan::bookings {

/// booking_requested / booking_approved … for the side that did not act: the provider's unit
/// administrators for kinds that ask them something, the client (user and booker) otherwise.
void NoticeToClient(store::Session& s, const Booking& booking, std::string_view kind, const std::string& reason = "");
void NoticeToProvider(store::Session& s, const Booking& booking, std::string_view kind, const std::string& reason = "");

/// Reminds clients of approved bookings that begin on the day after `today` (local), and asks
/// clients of bookings delivered before `today` in the last 30 days to rate them; each once.
/// Returns how many messages were queued.
int SendReminders(store::Database& db, Date today);

}  // namespace keyuan::bookings
