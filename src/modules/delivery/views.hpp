#pragma once
// Deliveries and ratings as the API shows them (internal to the module).

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

#include "store/database.hpp"

namespace keyuan::delivery {

inline constexpr std::string_view kDeliverySelect =
    "SELECT d.id, d.source_kind, d.source_id, d.resource_kind, d.resource_id, d.provider_org_id, d.client_org_id, "
    "d.client_user_id, d.client_industry_code, d.client_district_code, d.internal, d.service_mode, d.minutes_used, "
    "d.samples, d.fee_fen, d.voucher_fen, d.note, d.delivered_on, d.recorded_at FROM deliveries d";
boost::json::object DeliveryJson(const store::Row& row);

#define KEYUAN_RATING_COLUMNS                                                                                      \
    "r.id, r.delivery_id, r.resource_kind, r.resource_id, r.score, r.comment, r.rated_at, r.reply, r.replied_at, " \
    "r.version, r.provider_org_id"
inline constexpr std::string_view kRatingSelect = "SELECT " KEYUAN_RATING_COLUMNS " FROM ratings r";
/// The same with the rated delivery's source id last (column 11).
inline constexpr std::string_view kRatingBySourceSelect =
    "SELECT " KEYUAN_RATING_COLUMNS ", d.source_id FROM ratings r JOIN deliveries d ON d.id = r.delivery_id";
#undef KEYUAN_RATING_COLUMNS
boost::json::object RatingJson(const store::Row& row);

/// The national platform's five levels: 5 very_satisfied, 4 satisfied, 3 fair, 2 dissatisfied, 1 very_poor.
std::string_view LevelName(int score);

}  // namespace keyuan::delivery
