#pragma once
// Booking rules and trained users as stored (booking_rules, instrument_trained_users), and the
// rules' JSON in the API. An instrument without a rules row is not bookable online.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>

#include "http/json.hpp"
#include "modules/bookings/rules.hpp"
#include "store/database.hpp"

namespace keyuan::bookings {

struct StoredRules {
    BookingRules rules;
    std::int64_t version = 0;
};

/// The instrument a booking concerns, as bookings need it.
struct InstrumentRef {
    std::int64_t id = 0;
    std::int64_t org_id = 0;
    std::string name;
    std::string status;       // its registration's review state
    std::string open_status;  // open, partially_open, internal_only, not_open
};

std::optional<InstrumentRef> LoadInstrument(store::Session& s, std::int64_t id);
std::optional<StoredRules> LoadRules(store::Session& s, std::int64_t instrument_id);
/// Both of the above in one query (a booking needs both): the instrument, and its rules into
/// `rules` (nullopt when it has none, or when there is no such instrument). For writers of
/// bookings only: on PostgreSQL it locks the instrument's row until the transaction ends, so the
/// bookings of one instrument are written in turn (see the .cpp).
std::optional<InstrumentRef> LoadInstrumentAndRules(store::Session& s, std::int64_t id,
                                                    std::optional<StoredRules>& rules);
/// Inserts or replaces the rules; returns the new version. The caller checked the expected version.
std::int64_t SaveRules(store::Session& s, std::int64_t instrument_id, const BookingRules& rules,
                       std::optional<std::int64_t> read_version);

/// Reads a PUT body: every field optional, absent ones take the defaults of BookingRules.
/// Throws ApiError(validation_failed) naming every bad field.
BookingRules ReadRules(const boost::json::object& body);
boost::json::object RulesJson(const StoredRules& stored);

bool IsTrained(store::Session& s, std::int64_t instrument_id, std::int64_t user_id);

}  // namespace keyuan::bookings
