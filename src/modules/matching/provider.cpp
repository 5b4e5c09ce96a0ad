// The provider's side of matching: the open demands that what the caller's unit registered could
// answer. The unit's public resources (the newest 40 in the index) make one profile — their titles
// and the start of their texts, their industry codes, the unit's district — matched against the
// approved demands whose deadline has not passed, with the same scoring as the demand's side.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <set>

#include "core/clock.hpp"
#include "http/json.hpp"
#include "modules/matching/module_parts.hpp"
#include "modules/matching/scoring.hpp"

namespace keyuan::matching {
namespace json = boost::json;
using http::Request;

namespace {

constexpr int kProfileResources = 40;
constexpr std::size_t kProfileChars = 240;  // of each resource's text: its opening says what it is

DemandProfile UnitProfile(const std::vector<search::SimilarHit>& resources, const std::string& district) {
    DemandProfile p;
    p.district_code = district;
    std::set<std::string> codes;
    for (const search::SimilarHit& r : resources) {
        p.text += r.title + "\n";
        // Cut on a character boundary: never inside a UTF-8 sequence.
        std::size_t cut = std::min(r.body.size(), kProfileChars);
        while (cut < r.body.size() && (static_cast<unsigned char>(r.body[cut]) & 0xC0) == 0x80) ++cut;
        p.text += r.body.substr(0, cut) + "\n";
        codes.insert(r.industry_codes.begin(), r.industry_codes.end());
    }
    p.industry_codes.assign(codes.begin(), codes.end());
    return p;
}

}  // namespace

void RegisterProviderRoutes(modules::ModuleContext& context, search::Indexer& indexer) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;

    context.router.Get("/api/v1/tech-market/matching-demands", [&db, &policy, &indexer](Request& r) {
        policy.RequireAction(r.caller.get(), kProviderAction);
        int limit = Limit(r, 20);
        std::optional<std::int64_t> org = r.caller->org_id;
        if (!org) return http::JsonResponse(200, json::object{{"items", json::array{}}, {"resources", 0}});
        std::string district;
        db.ReadStatement([&](store::Session& s) {
            store::Rows rows = s.Query("SELECT district_code FROM organizations WHERE id = $1", {*org});
            if (!rows.empty()) district = rows[0].OptText(0).value_or("");
        });
        std::vector<search::SimilarHit> resources =
            indexer.index()->OfOrganization(*org, {kTargetTypes.begin(), kTargetTypes.end()}, kProfileResources);
        if (resources.empty()) return http::JsonResponse(200, json::object{{"items", json::array{}}, {"resources", 0}});
        DemandProfile profile = UnitProfile(resources, district);
        search::SimilarQuery q{.text = profile.text,
                               .types = {"tech_demand"},
                               .industry_codes = profile.industry_codes,
                               .open_on = clock::TodayShanghai(),
                               .limit = kCandidates,
                               .terms = 60};
        std::vector<search::SimilarHit> candidates = indexer.index()->Similar(q);
        // The index leaves out a demand past its deadline; the database has the last word (a demand
        // closed or withdrawn a moment ago, whose removal the indexer has not applied yet).
        std::set<std::int64_t> open;
        if (!candidates.empty()) {
            std::vector<store::Param> params{clock::TodayShanghai()};
            for (const search::SimilarHit& c : candidates) params.emplace_back(c.id);
            std::string ids = store::Placeholders(2, candidates.size());
            db.ReadStatement([&](store::Session& s) {
                store::Rows found =
                    s.Query("SELECT id FROM tech_demands WHERE status = 'approved' AND deadline >= $1 AND org_id <> " +
                                std::to_string(*org) + " AND id IN (" + ids + ")",
                            params);
                for (std::size_t i = 0; i < found.size(); ++i) {
                    store::Row row = found[i];
                    open.insert(row.Int(0));
                }
            });
        }
        std::erase_if(candidates, [&open](const search::SimilarHit& c) { return !open.contains(c.id); });
        json::array items;
        for (const Suggestion& s : Rank(candidates, profile, nullptr, limit)) {
            items.push_back(json::object{{"type", s.hit.type},
                                         {"id", std::to_string(s.hit.id)},
                                         {"title", s.hit.title},
                                         {"score", static_cast<std::int64_t>(s.score * 100 + 0.5)},
                                         {"reasons", ReasonsJson(s.reasons)},
                                         {"org_id", std::to_string(s.hit.org_id)},
                                         {"district_code", s.hit.district_code}});
        }
        return http::JsonResponse(200, json::object{{"items", items}, {"resources", resources.size()}});
    });
}

}  // namespace keyuan::matching
