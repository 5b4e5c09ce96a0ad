// POST /api/v1/challenges/{id}/award {application_ids: [...], reason} (the publisher): one or more
// submitted applications become the 揭榜方 (chosen), the others not_chosen, in one transaction with
// the transition. The panel of every submitted application must be complete (409 otherwise); of two
// concurrent awards the challenge's conditional write lets exactly one through.
#include <boost/json/array.hpp>

#include <algorithm>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/paging.hpp"
#include "modules/challenges/application_store.hpp"
#include "modules/challenges/lifecycle.hpp"
#include "modules/challenges/module_parts.hpp"
#include "modules/notifications/service.hpp"

namespace keyuan::challenges {
namespace json = boost::json;
using http::Request;

namespace {

/// The chosen ones: submitted applications of this challenge, each once; 422 naming the others.
std::vector<std::int64_t> ReadChosen(store::Session& s, std::int64_t challenge_id,
                                     const std::vector<std::string>& asked) {
    std::vector<std::int64_t> chosen;
    std::string bad;
    for (const std::string& text : asked) {
        std::optional<std::int64_t> id = ParseId(text);
        std::optional<Application> a = id ? LoadApplication(s, *id) : std::nullopt;
        bool ok = a && a->challenge_id == challenge_id && a->status == "submitted" &&
                  std::find(chosen.begin(), chosen.end(), *id) == chosen.end();
        if (ok) {
            chosen.push_back(*id);
        } else {
            bad += (bad.empty() ? "" : ", ") + text;
        }
    }
    if (!bad.empty() || chosen.empty()) {
        throw ApiError(Error::Validation({{"application_ids",
                                           {"须为本榜单在审的揭榜申请，各一次：" + bad,
                                            "Submitted applications of this challenge, each once: " + bad}}}));
    }
    return chosen;
}

}  // namespace

void RegisterAwardRoute(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Post(std::string(kBase) + "/{id}/award", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "challenge.award");
        json::object body = http::ParseJsonObject(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            Challenge c = AuthorizedChallenge(s, policy, r.caller.get(), id, "challenge.award");
            http::JsonReader reader(body);
            auto asked = reader.StringList("application_ids", true, 50, 20);
            auto reason = reader.String("reason", {.required = true, .max_chars = 500, .min_chars = 2});
            reader.Finish();
            if (c.status != "in_review") throw ApiError(workflow::WrongState(c.status));
            // The transition first: its conditional write decides a race (a loser is a 409, not a 422 for
            // applications the winner has just decided), its effect checks the panels. Bad ids then throw and
            // take the transition back with the transaction.
            lifecycle.Apply(s, r.caller.get(), id, "award", *reason, r.ToActor());
            std::vector<std::int64_t> chosen = ReadChosen(s, id, *asked);
            std::string now = clock::NowUtc();
            for (const Application& a : ApplicationsOf(s, id)) {
                if (a.status != "submitted") continue;
                bool won = std::find(chosen.begin(), chosen.end(), a.id) != chosen.end();
                s.Execute(
                    "UPDATE challenge_applications SET status = $1, version = version + 1, updated_at = $2 "
                    "WHERE id = $3 AND status = 'submitted'",
                    {won ? "chosen" : "not_chosen", now, a.id});
                changes::Record(s, r.ToActor(),
                                {.object_type = kApplicationKind,
                                 .object_id = a.id,
                                 .event = won ? "chosen" : "not_chosen",
                                 .detail = *reason});
                notifications::NotifyUnit(s, a.org_id, won ? "challenge_chosen" : "challenge_not_chosen",
                                          json::object{{"challenge_id", std::to_string(id)}, {"title", c.in.title}});
            }
            answer = ChallengeJson(s, *LoadChallenge(s, id));
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::challenges
