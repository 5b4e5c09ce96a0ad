// What the demand's side does with a suggestion: save it, dismiss it (gone from the list until
// asked for), take the mark back, or contact the provider (a message to its unit administrators'
// inboxes). Each is one conditional write with its audit record: a first mark is an insert that the
// unique (demand, target) lets one of concurrent requests make; a change names the version it saw.
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/matching/demand_subject.hpp"
#include "modules/matching/module_parts.hpp"
#include "modules/notifications/service.hpp"

namespace keyuan::matching {
namespace json = boost::json;
using http::Request;

namespace {

constexpr const char* kTarget = "/api/v1/tech-demands/{id}/matches/{type}/{target_id}";

struct Target {
    std::string type;
    std::int64_t id = 0;
    search::SimilarHit hit;
};

/// The suggestion named by the path: a public document of a matched type, or 404.
Target ReadTarget(const Request& r, search::Indexer& indexer) {
    Target t;
    t.type = std::string(r.PathParam("type"));
    std::optional<std::int64_t> id = ParseId(r.PathParam("target_id"));
    bool known = std::find(kTargetTypes.begin(), kTargetTypes.end(), t.type) != kTargetTypes.end();
    std::optional<search::SimilarHit> hit = known && id ? indexer.index()->Find(t.type, *id) : std::nullopt;
    if (!hit) throw ApiError(Error::NotFound());
    t.id = *id;
    t.hit = std::move(*hit);
    return t;
}

struct CurrentMark {
    std::string mark;
    std::int64_t version = 0;
};

std::optional<CurrentMark> MarkOf(store::Session& s, std::int64_t demand, const Target& t) {
    store::Rows rows = s.Query(
        "SELECT mark, version FROM tech_demand_match_marks WHERE demand_id = $1 AND target_type = $2 AND target_id = "
        "$3",
        {demand, t.type, t.id});
    if (rows.empty()) return std::nullopt;
    return CurrentMark{std::string(rows[0].Text(0)), rows[0].Int(1)};
}

json::object MarkJson(std::int64_t demand, const Target& t, const std::string& mark, std::int64_t version) {
    return json::object{{"demand_id", std::to_string(demand)},
                        {"type", t.type},
                        {"id", std::to_string(t.id)},
                        {"title", t.hit.title},
                        {"mark", mark.empty() ? json::value(nullptr) : json::value(mark)},
                        {"version", version}};
}

Error StaleMark() {
    return Error::Conflict("该推荐的标记已被他人更改，请刷新后重试",
                           "The suggestion's mark changed meanwhile: reload and retry");
}

/// Sets the mark: inserts the first one, or moves an existing one from the version the caller saw
/// (`expected`; required then). Returns the new version.
std::int64_t WriteMark(store::Session& s, std::int64_t demand, const Target& t, const std::string& mark,
                       const std::string& note, std::optional<std::int64_t> expected, std::int64_t user) {
    std::string now = clock::NowUtc();
    std::optional<CurrentMark> current = MarkOf(s, demand, t);
    if (!current) {
        std::int64_t inserted = s.Execute(
            "INSERT INTO tech_demand_match_marks (demand_id, target_type, target_id, target_org_id, mark, note, "
            "marked_by, marked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING",
            {demand, t.type, t.id, t.hit.org_id, mark, note, user, now});
        if (inserted == 0) throw ApiError(StaleMark());
        return 1;
    }
    if (!expected) {
        throw ApiError(Error::Validation({{"version",
                                           {"已有标记：请给出所见的版本（version 或 If-Match）",
                                            "A mark exists: give the version you saw (version or If-Match)"}}}));
    }
    std::int64_t changed = s.Execute(
        "UPDATE tech_demand_match_marks SET mark = $4, note = $5, marked_by = $6, marked_at = $7, version = version + "
        "1 "
        "WHERE demand_id = $1 AND target_type = $2 AND target_id = $3 AND version = $8",
        {demand, t.type, t.id, mark, note, user, now, *expected});
    if (changed == 0) throw ApiError(StaleMark());
    return *expected + 1;
}

void Audit(store::Session& s, const Request& r, std::int64_t demand, const Target& t, const std::string& event,
           const std::string& detail) {
    json::object after{{"type", t.type}, {"id", std::to_string(t.id)}, {"detail", detail}};
    changes::Record(s, r.ToActor(),
                    {.object_type = "tech_demand",
                     .object_id = demand,
                     .event = event,
                     .after_json = json::serialize(after),
                     .detail = t.type + " " + std::to_string(t.id)});
}

}  // namespace

void RegisterMarkRoutes(modules::ModuleContext& context, search::Indexer& indexer) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;

    context.router.Put(kTarget, [&db, &policy, &indexer](Request& r) {
        std::int64_t demand = http::PathId(r);
        db.Read([&](store::Session& s) { AuthorizedDemand(s, policy, r.caller.get(), demand, kMarkAction); });
        Target t = ReadTarget(r, indexer);
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        std::optional<std::string> mark = http::ReadEnum(reader, kMarkField);
        http::ReadInt(reader, kMarkVersionField);
        reader.Finish();
        std::optional<std::int64_t> expected = http::ExpectedVersion(r, body);
        json::object answer;
        db.Write([&](store::Session& s) {
            AuthorizedDemand(s, policy, r.caller.get(), demand, kMarkAction);
            std::int64_t version = WriteMark(s, demand, t, *mark, "", expected, r.caller->user_id);
            Audit(s, r, demand, t, "match_" + *mark, "");
            answer = MarkJson(demand, t, *mark, version);
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Delete(kTarget, [&db, &policy, &indexer](Request& r) {
        std::int64_t demand = http::PathId(r);
        db.Read([&](store::Session& s) { AuthorizedDemand(s, policy, r.caller.get(), demand, kMarkAction); });
        Target t = ReadTarget(r, indexer);
        std::optional<std::int64_t> expected = http::IfMatchVersion(r);
        if (!expected) {
            throw ApiError(Error::Validation({{"If-Match", {"须给出所见的版本", "Give the version you saw"}}}));
        }
        db.Write([&](store::Session& s) {
            AuthorizedDemand(s, policy, r.caller.get(), demand, kMarkAction);
            std::optional<CurrentMark> current = MarkOf(s, demand, t);
            if (!current) throw ApiError(Error::NotFound());
            // A contact happened: it stays on record.
            if (current->mark == "contacted") {
                throw ApiError(Error::Conflict("已联系的推荐不能撤销标记", "A contacted suggestion keeps its mark"));
            }
            std::int64_t removed = s.Execute(
                "DELETE FROM tech_demand_match_marks WHERE demand_id = $1 AND target_type = $2 AND target_id = $3 "
                "AND version = $4",
                {demand, t.type, t.id, *expected});
            if (removed == 0) throw ApiError(StaleMark());
            Audit(s, r, demand, t, "match_unmarked", current->mark);
        });
        return http::JsonResponse(200, MarkJson(demand, t, "", 0));
    });

    context.router.Post(std::string(kTarget) + "/contact", [&db, &policy, &indexer](Request& r) {
        std::int64_t demand = http::PathId(r);
        db.Read([&](store::Session& s) { AuthorizedDemand(s, policy, r.caller.get(), demand, kMarkAction); });
        Target t = ReadTarget(r, indexer);
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        std::optional<std::string> message = http::ReadString(reader, kContactMessageField);
        reader.Finish();
        json::object answer;
        db.Write([&](store::Session& s) {
            AuthorizedDemand(s, policy, r.caller.get(), demand, kMarkAction);
            std::optional<CurrentMark> current = MarkOf(s, demand, t);
            if (current && current->mark == "contacted") {
                throw ApiError(Error::Conflict("已联系过该提供方", "This provider was contacted already"));
            }
            std::optional<std::int64_t> expected;
            if (current) expected = current->version;
            std::int64_t version = WriteMark(s, demand, t, "contacted", *message, expected, r.caller->user_id);
            store::Rows title = s.Query("SELECT title FROM tech_demands WHERE id = $1", {demand});
            notifications::NotifyUnit(s, t.hit.org_id, "match_contact",
                                      json::object{{"demand_id", std::to_string(demand)},
                                                   {"demand_title", std::string(title[0].Text(0))},
                                                   {"target_type", t.type},
                                                   {"target_id", std::to_string(t.id)},
                                                   {"title", t.hit.title},
                                                   {"message", *message}});
            Audit(s, r, demand, t, "match_contacted", *message);
            answer = MarkJson(demand, t, "contacted", version);
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::matching
