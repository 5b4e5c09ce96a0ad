// Matching's routes (docs/design/matching.md):
//   GET    /api/v1/tech-demands/{id}/matches?type=&limit=&include_dismissed=   ranked suggestions, why
//   PUT    /api/v1/tech-demands/{id}/matches/{type}/{target_id}  {mark: saved|dismissed, version?}
//   DELETE /api/v1/tech-demands/{id}/matches/{type}/{target_id}  (If-Match) the mark taken back
//   POST   /api/v1/tech-demands/{id}/matches/{type}/{target_id}/contact  {message}: the provider's inbox
//   GET    /api/v1/tech-market/matching-demands?limit=   the caller's unit: open demands it could answer
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <map>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/matching/demand_subject.hpp"
#include "modules/matching/module_parts.hpp"
#include "modules/matching/provider_records.hpp"
#include "modules/notifications/service.hpp"

namespace keyuan::matching {
namespace json = boost::json;
using http::Request;

namespace {

/// The types asked for with ?type=a,b (each one of kTargetTypes), every one by default.
std::vector<std::string> AskedTypes(const Request& r) {
    std::string asked(r.Query("type").value_or(""));
    if (asked.empty()) return {kTargetTypes.begin(), kTargetTypes.end()};
    std::vector<std::string> types;
    for (std::size_t start = 0; start <= asked.size();) {
        std::size_t comma = std::min(asked.find(',', start), asked.size());
        std::string type = asked.substr(start, comma - start);
        if (std::find(kTargetTypes.begin(), kTargetTypes.end(), type) == kTargetTypes.end()) {
            throw ApiError(
                Error::Validation({{"type",
                                    {"须为 achievement、service、instrument、lab、talent 之一或以逗号分隔的几项",
                                     "One or more of achievement, service, instrument, lab, talent"}}}));
        }
        types.push_back(type);
        start = comma + 1;
    }
    return types;
}

json::object SuggestionJson(const Suggestion& s, const std::string& mark) {
    json::object out{{"type", s.hit.type},
                     {"id", std::to_string(s.hit.id)},
                     {"title", s.hit.title},
                     {"score", static_cast<std::int64_t>(s.score * 100 + 0.5)},
                     {"reasons", ReasonsJson(s.reasons)},
                     {"provider_org_id", std::to_string(s.hit.org_id)},
                     {"district_code", s.hit.district_code},
                     {"mark", mark.empty() ? json::value(nullptr) : json::value(mark)}};
    return out;
}

/// The demand's marks: (type, id) → (mark, version).
std::map<std::pair<std::string, std::int64_t>, std::pair<std::string, std::int64_t>> Marks(store::Session& s,
                                                                                           std::int64_t demand) {
    std::map<std::pair<std::string, std::int64_t>, std::pair<std::string, std::int64_t>> out;
    store::Rows rows = s.Query(
        "SELECT target_type, target_id, mark, version FROM tech_demand_match_marks WHERE demand_id = $1", {demand});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        store::Row row = rows[i];
        out[{std::string(row.Text(0)), row.Int(1)}] = {std::string(row.Text(2)), row.Int(3)};
    }
    return out;
}

}  // namespace

json::array ReasonsJson(const std::vector<Reason>& reasons) {
    json::array out;
    for (const Reason& reason : reasons) {
        json::array values;
        for (const std::string& v : reason.values) values.emplace_back(v);
        out.push_back(json::object{{"code", reason.code}, {"values", values}});
    }
    return out;
}

void RegisterMatchRoutes(modules::ModuleContext& context, search::Indexer& indexer) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;

    context.router.Get("/api/v1/tech-demands/{id}/matches", [&db, &policy, &indexer](Request& r) {
        std::int64_t id = http::PathId(r);
        std::vector<std::string> types = AskedTypes(r);
        int limit = Limit(r, 20);
        bool include_dismissed = r.Query("include_dismissed").value_or("") == "true";
        DemandSubject demand;
        db.Read([&](store::Session& s) { demand = AuthorizedDemand(s, policy, r.caller.get(), id, kMatchAction); });
        search::SimilarQuery q{.text = demand.profile.text,
                               .types = types,
                               .industry_codes = demand.profile.industry_codes,
                               .limit = kCandidates};
        std::vector<search::SimilarHit> candidates = indexer.index()->Similar(q);
        json::array items;
        db.Read([&](store::Session& s) {
            ProviderRecords records = ProviderRecords::Read(s, candidates);
            auto marks = Marks(s, id);
            std::vector<Suggestion> ranked = Rank(
                candidates, demand.profile, [&records](const search::SimilarHit& h) { return records.Of(h); },
                static_cast<int>(candidates.size()));
            for (const Suggestion& suggestion : ranked) {
                auto mark = marks.find({suggestion.hit.type, suggestion.hit.id});
                std::string m = mark == marks.end() ? "" : mark->second.first;
                if (m == "dismissed" && !include_dismissed) continue;
                json::object item = SuggestionJson(suggestion, m);
                item["mark_version"] = mark == marks.end() ? json::value(nullptr) : json::value(mark->second.second);
                items.push_back(std::move(item));
                if (items.size() >= static_cast<std::size_t>(limit)) break;
            }
        });
        // Whether the caller may save, dismiss and contact: the page shows the buttons only then.
        bool can_mark = policy.Allows(r.caller.get(), kMarkAction, demand.scope);
        return http::JsonResponse(
            200, json::object{{"demand_id", std::to_string(id)}, {"items", items}, {"can_mark", can_mark}});
    });

    RegisterMarkRoutes(context, indexer);
    RegisterProviderRoutes(context, indexer);
}

}  // namespace keyuan::matching
