#pragma once
// What service orders tell people, through the notifications inbox, in the transaction of the
// step: the provider's unit administrators hear of the client's steps and the client of the
// provider's. Kinds: order_requested, order_quoted, order_confirmed, order_started,
// order_completed, order_rejected, order_cancelled, order_please_rate.

#include <string>
#include <string_view>

#include "core/date.hpp"
#include "modules/orders/order_store.hpp"
#include "store/database.hpp"

namespace keyuan::orders {

void NoticeToClient(store::Session& s, const Order& order, std::string_view kind, const std::string& reason = "");
void NoticeToProvider(store::Session& s, const Order& order, std::string_view kind, const std::string& reason = "");

/// Asks the clients of orders delivered before `today` in the last 30 days, not yet rated, to
/// rate them; each once. Returns how many messages were queued.
int AskForRatings(store::Database& db, Date today);

}  // namespace keyuan::orders
