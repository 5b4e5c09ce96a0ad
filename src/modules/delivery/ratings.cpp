#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "http/json.hpp"
#include "modules/delivery/fields.hpp"
#include "modules/delivery/service.hpp"
#include "modules/delivery/views.hpp"

namespace keyuan::delivery {
namespace json = boost::json;

std::pair<int, std::string> ReadRating(const json::object& body) {
    http::JsonReader reader(body);
    int score = static_cast<int>(http::ReadInt(reader, kRatingFields[0]).value_or(0));
    std::string comment = http::ReadString(reader, kRatingFields[1]).value_or("");
    reader.Finish();
    return {score, comment};
}

json::value RatingOf(store::Session& s, std::string_view kind, std::int64_t id) {
    std::map<std::int64_t, json::object> found = RatingsOf(s, kind, {id});
    return found.empty() ? json::value(nullptr) : json::value(std::move(found.begin()->second));
}

std::map<std::int64_t, json::object> RatingsOf(store::Session& s, std::string_view kind,
                                               const std::vector<std::int64_t>& ids) {
    std::map<std::int64_t, json::object> out;
    if (ids.empty()) return out;
    std::vector<store::Param> params = {std::string(kind)};
    params.insert(params.end(), ids.begin(), ids.end());
    store::Rows rows = s.Query(std::string(kRatingBySourceSelect) + " WHERE d.source_kind = $1 AND d.source_id IN (" +
                                   store::Placeholders(2, ids.size()) + ")",
                               params);
    for (std::size_t i = 0; i < rows.size(); ++i) out.emplace(rows[i].Int(11), RatingJson(rows[i]));
    return out;
}

json::object Rate(store::Session& s, const Actor& actor, std::string_view kind, std::int64_t id, int score,
                  const std::string& comment) {
    store::Rows delivery = s.Query(
        "SELECT id, resource_kind, resource_id, provider_org_id FROM deliveries WHERE source_kind = $1 AND "
        "source_id = $2",
        {std::string(kind), id});
    if (delivery.empty()) {
        throw ApiError(Error::Conflict("服务完成后方可评价", "Only a delivered service can be rated"));
    }
    std::int64_t delivery_id = delivery[0].Int(0);
    std::string resource_kind(delivery[0].Text(1));
    std::int64_t resource_id = delivery[0].Int(2);
    if (!s.Query("SELECT 1 FROM ratings WHERE delivery_id = $1", {delivery_id}).empty()) {
        throw ApiError(Error::Conflict("已评价，不能重复评价", "Rated already"));
    }
    // The UNIQUE delivery_id refuses a concurrent second rating (409 through the unique constraint).
    std::int64_t rating_id = s.InsertReturningId(
        "INSERT INTO ratings (delivery_id, resource_kind, resource_id, provider_org_id, score, comment, rated_by, "
        "rated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        {delivery_id, resource_kind, resource_id, delivery[0].Int(3), score, comment,
         actor.caller ? actor.caller->user_id : 0, clock::NowUtc()});
    // An upsert, so that two first ratings of one resource at once both count (both engines).
    s.Execute(
        "INSERT INTO rating_totals (resource_kind, resource_id, rating_count, score_sum) VALUES ($1, $2, 1, $3) "
        "ON CONFLICT (resource_kind, resource_id) DO UPDATE SET rating_count = rating_totals.rating_count + 1, "
        "score_sum = rating_totals.score_sum + excluded.score_sum",
        {resource_kind, resource_id, score});
    json::object rating = RatingOf(s, kind, id).as_object();
    changes::Record(
        s, actor,
        {.object_type = "rating", .object_id = rating_id, .event = "created", .after_json = json::serialize(rating)});
    return rating;
}

}  // namespace keyuan::delivery
