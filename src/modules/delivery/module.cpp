// POST /api/v1/ratings/{id}/reply   the provider answers a rating, once
// GET  /api/v1/ratings?resource_kind=instrument&resource_id=…   public: {items, total, page,
//      page_size, count, average} (clients are not named)
// GET  /api/v1/usage   usage statistics and their export (usage_routes.cpp)
#include "modules/delivery/module.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/delivery/fields.hpp"
#include "modules/delivery/usage_routes.hpp"
#include "modules/delivery/views.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::delivery {
namespace json = boost::json;
using http::Request;

namespace {

json::object LoadRating(store::Session& s, std::int64_t id, std::int64_t& provider_org) {
    store::Rows rows = s.Query(std::string(kRatingSelect) + " WHERE r.id = $1", {id});
    if (rows.empty()) throw ApiError(Error::NotFound());
    provider_org = rows[0].Int(10);
    return RatingJson(rows[0]);
}

}  // namespace

/// The OpenAPI descriptions of the ratings' and the usage figures' routes (route_docs.cpp).
void DescribeRatingRoutes(http::Router& router);
void DescribeUsageRoutes(http::Router& router);

void Register(modules::ModuleContext& context) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;
    policy.Allow("rating.reply", Role::kUnitAdmin, access::Scope::kOrganization);

    context.router.Post("/api/v1/ratings/{id}/reply", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "rating.reply");
        json::object after;
        db.Write([&](store::Session& s) {
            std::int64_t provider_org = 0;
            json::object before = LoadRating(s, id, provider_org);
            policy.Authorize(r.caller.get(), "rating.reply", access::ObjectScope{.org_id = provider_org});
            json::object body = http::ParseJsonObject(r);
            http::JsonReader reader(body);
            std::string reply = http::ReadString(reader, kReplyField).value_or("");
            reader.Finish();
            if (!before.at("reply").is_null()) throw ApiError(Error::Conflict("已回复", "Replied already"));
            store::UpdateGuarded(s, {.table = "ratings", .id = id, .version = before.at("version").as_int64()},
                                 "reply = $1, replied_by = $2, replied_at = $3",
                                 {reply, r.caller->user_id, clock::NowUtc()});
            after = LoadRating(s, id, provider_org);
            changes::Record(s, r.ToActor(),
                            {.object_type = "rating",
                             .object_id = id,
                             .event = "replied",
                             .before_json = json::serialize(before),
                             .after_json = json::serialize(after)});
        });
        return http::JsonResponse(200, after);
    });

    context.router.Get("/api/v1/ratings", [&db](Request& r) {
        http::Paging paging = http::ParsePaging(r);
        FieldErrors errors;
        std::string kind = r.Query("resource_kind").value_or("");
        if (kind != "instrument" && kind != "service") {
            errors.Add("resource_kind", "须为 instrument 或 service", "resource_kind: instrument or service");
        }
        std::optional<std::int64_t> resource = http::QueryId(r, "resource_id", errors);
        if (!resource && errors.empty()) errors.Add("resource_id", "必填", "resource_id: required");
        errors.ThrowIfAny();
        json::object answer;
        db.Read([&](store::Session& s) {
            store::Rows totals = s.Query(
                "SELECT rating_count, score_sum FROM rating_totals WHERE resource_kind = $1 AND resource_id = $2",
                {kind, *resource});
            std::int64_t count = totals.empty() ? 0 : totals[0].Int(0);
            std::int64_t sum = totals.empty() ? 0 : totals[0].Int(1);
            json::array items;
            store::Rows rows = s.Query(
                std::string(kRatingSelect) +
                    " WHERE r.resource_kind = $1 AND r.resource_id = $2 ORDER BY r.id DESC "
                    "LIMIT $3 OFFSET $4",
                {kind, *resource, paging.page_size, static_cast<std::int64_t>(paging.page - 1) * paging.page_size});
            for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(RatingJson(rows[i]));
            answer = http::PageEnvelope(std::move(items), count, paging);
            answer["count"] = count;
            // One decimal, as people read it; null before the first rating.
            answer["average"] = count == 0 ? json::value(nullptr)
                                           : json::value(static_cast<double>((sum * 10 + count / 2) / count) / 10.0);
        });
        return http::JsonResponse(200, answer);
    });

    RegisterUsageRoutes(context);
    DescribeRatingRoutes(context.router);
    DescribeUsageRoutes(context.router);
}

}  // namespace keyuan::delivery
