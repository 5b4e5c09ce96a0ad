// Challenges in the common search (type `challenge`): every state but draft (a closed or awarded
// challenge is still worth finding: who took it, what it asked), with its status and industry codes
// as facets (`status=`, `industry=`) and the reward and deadline on the result card.
#include <boost/json/serialize.hpp>

#include "modules/challenges/lifecycle.hpp"
#include "modules/challenges/module_parts.hpp"

namespace keyuan::challenges {
namespace json = boost::json;

namespace {

std::optional<search::SearchDocument> Document(store::Session& s, std::int64_t id) {
    std::optional<Challenge> c = LoadChallenge(s, id);
    if (!c || !IsPublic(*c)) return std::nullopt;
    search::SearchDocument d{.type = kKind, .id = c->id, .title = c->in.title};
    d.body = c->in.problem;
    for (const std::string& r : c->in.requirements) d.body += "\n" + r;
    d.industry_codes = c->in.industry_codes;
    d.org_id = c->publisher_org_id.value_or(0);
    d.statuses = {c->status};
    d.updated_at = c->updated_at;
    d.display_json = json::serialize(json::object{{"status", c->status},
                                                  {"reward_fen", c->in.reward_fen},
                                                  {"application_deadline", c->in.application_deadline},
                                                  {"delivery_months", c->in.delivery_months}});
    return d;
}

}  // namespace

search::Source ChallengeSource() {
    return search::Source{
        .type = kKind,
        .load = Document,
        .load_after =
            [](store::Session& s, std::int64_t after_id, int limit) {
                store::Rows rows =
                    s.Query("SELECT id FROM challenges WHERE id > $1 AND status <> 'draft' ORDER BY id LIMIT $2",
                            {after_id, static_cast<std::int64_t>(limit)});
                std::vector<search::SearchDocument> out;
                for (std::size_t i = 0; i < rows.size(); ++i) {
                    if (auto d = Document(s, rows[i].Int(0))) out.push_back(std::move(*d));
                }
                return out;
            },
        .owned_by = [](store::Session&, std::int64_t) { return std::vector<std::int64_t>{}; }};
}

}  // namespace keyuan::challenges
