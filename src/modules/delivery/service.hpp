#pragma once
// What other modules use of delivery: recording the delivery of a completed booking or order
// (the national platform's service record) and the client's rating of it, inside the caller's
// transaction. The owning module (bookings, orders) decides who may do it; this module keeps the
// record, its rules and its counters.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/caller.hpp"
#include "core/money.hpp"
#include "store/database.hpp"

namespace keyuan::delivery {

/// What the provider records: the time or samples actually used, the fee, how it was served.
struct Fields {
    std::int64_t minutes_used = 0;
    std::int64_t samples = 0;
    Fen fee;
    std::string service_mode;  // occupancy | technical | commissioned | remote
    std::optional<std::string> client_industry_code;
    std::string note;
};

/// Reads a delivery body; throws ApiError(validation_failed) naming every bad field.
Fields ReadFields(const boost::json::object& body);

/// The booking or order delivered, as its module knows it.
struct Source {
    std::string kind;  // booking | order
    std::int64_t id = 0;
    std::string resource_kind;  // instrument | service
    std::int64_t resource_id = 0;
    std::int64_t provider_org_id = 0;
    std::optional<std::int64_t> client_org_id;
    std::int64_t client_user_id = 0;
};

/// Records the delivery inside `s` with its audit; throws ApiError 409 when the source has one
/// already, 422 for an unknown industry code. Returns the record as the API shows it.
boost::json::object Record(store::Session& s, const Actor& actor, const Source& source, const Fields& fields);

/// The source's delivery and rating as the API shows them (null when none).
boost::json::value DeliveryOf(store::Session& s, std::string_view kind, std::int64_t id);
boost::json::value RatingOf(store::Session& s, std::string_view kind, std::int64_t id);
/// The same for many sources of one kind (a list page), by source id, in one query each.
std::map<std::int64_t, boost::json::object> DeliveriesOf(store::Session& s, std::string_view kind,
                                                         const std::vector<std::int64_t>& ids);
std::map<std::int64_t, boost::json::object> RatingsOf(store::Session& s, std::string_view kind,
                                                      const std::vector<std::int64_t>& ids);

/// Reads a rating body {score 1–5, comment ≤ 500}; throws ApiError(validation_failed).
std::pair<int, std::string> ReadRating(const boost::json::object& body);

/// Rates the source's delivery (the caller checked that `actor` is its client); throws ApiError
/// 409 when it was not delivered or is rated already. Keeps the resource's totals.
boost::json::object Rate(store::Session& s, const Actor& actor, std::string_view kind, std::int64_t id, int score,
                         const std::string& comment);

}  // namespace keyuan::delivery
