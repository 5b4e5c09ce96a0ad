// Create, read, list, update and review of registered resources.
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "http/paging.hpp"
#include "registry/engine.hpp"
#include "search/outbox.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::registry {
namespace json = boost::json;

namespace {

/// The cache key of one published resource. Today is part of it, as for pages: what a
/// resource shows may follow the date (an accreditation that expired overnight).
std::string ResourceKey(const std::string& tier, std::int64_t id) {
    return "id|" + tier + "|" + clock::TodayShanghai() + "|" + std::to_string(id);
}

}  // namespace

json::object ResourceEngine::Create(const Caller* caller, const json::object& body, const Actor& actor) {
    policy_.RequireAction(caller, Action("create"));
    json::object out;
    db_.Write([&](store::Session& s) { out = CreateIn(s, caller, body, actor); });
    return out;
}

json::object ResourceEngine::CreateIn(store::Session& s, const Caller* caller, const json::object& body,
                                      const Actor& actor) {
    policy_.RequireAction(caller, Action("create"));
    json::object out;
    {
        Links links;
        std::optional<std::int64_t> org_id;
        Values values = ReadValues(s, body, true, nullptr, &links, &org_id, caller);
        if (!policy_.Allows(caller, Action("create"), access::ObjectScope{.org_id = org_id})) {
            throw ApiError(Error::Forbidden());
        }
        std::string now = clock::NowUtc();
        std::string columns = "org_id, status, version, created_by, created_at, updated_at";
        std::string placeholders = "$1, 'draft', 1, $2, $3, $3";
        std::vector<store::Param> params = {
            *org_id, caller && caller->user_id > 0 ? store::Param(static_cast<long long>(caller->user_id)) : nullptr,
            now};  // a command (keyuan import) acts with no user
        for (auto& [name, value] : values) {
            params.push_back(value);
            columns += ", " + name;
            placeholders += ", $" + std::to_string(params.size());
        }
        store::Rows rows = s.Query(
            "INSERT INTO " + spec_.table + " (" + columns + ") VALUES (" + placeholders + ") RETURNING id", params);
        std::int64_t id = rows.front().Int(0);
        SaveLinks(s, spec_, id, links);
        StoredResource stored = *Load(s, id);
        out = ToJson(stored);
        RecordChange(s, actor, "created", stored, out, std::nullopt);
    }
    return out;
}

std::shared_ptr<const CachedAnswer> ResourceEngine::CachedResource(const http::Request& request) noexcept {
    try {
        if (!cache_.enabled()) return nullptr;
        std::optional<std::int64_t> id = http::FindPathId(request);
        if (!id) return nullptr;
        std::optional<std::int64_t> generation = watch_.Current();
        std::optional<std::string> tier = CacheTier(nullptr);  // only visitors are answered from memory
        return generation ? cache_.Find(ResourceKey(*tier, *id), *generation) : nullptr;
    } catch (const std::exception&) {  // out of memory: the usual path will answer
        return nullptr;
    }
}

std::shared_ptr<const CachedAnswer> ResourceEngine::Get(const Caller* caller, std::int64_t id) {
    // One statement reads the resource and the change counter of its snapshot: on PostgreSQL
    // one round trip. A published resource is then kept for public readers (CachedResource).
    std::optional<StoredResource> r;
    std::optional<std::int64_t> generation;
    search::ChangeWatch::Mark mark = watch_.Before();
    db_.ReadStatement([&](store::Session& s) {
        std::int64_t read = 0;
        std::vector<StoredResource> found = LoadMany(s, {id}, cache_.enabled() ? &read : nullptr);
        if (found.empty()) return;
        r = std::move(found.front());
        if (cache_.enabled()) generation = read;
    });
    if (generation) watch_.Note(mark, *generation);
    if (!r) throw ApiError(Error::NotFound());
    // Approved resources are public; anything else only within the reader's scope.
    if (!r->is_public && !policy_.Allows(caller, Action("read"), ScopeOf(*r))) {
        throw ApiError(Error::NotFound());
    }
    auto answer =
        std::make_shared<const CachedAnswer>(CachedAnswer{json::serialize(ToJsonFor(caller, *r)), r->version});
    std::optional<std::string> tier = CacheTier(caller);
    if (generation && tier && r->is_public) cache_.Store(ResourceKey(*tier, id), *generation, answer);
    return answer;
}

json::object ResourceEngine::Update(const Caller* caller, std::int64_t id, const json::object& body,
                                    std::optional<std::int64_t> expected_version, const Actor& actor) {
    policy_.RequireAction(caller, Action("update"));
    json::object out;
    db_.Write([&](store::Session& s) { out = UpdateIn(s, caller, id, body, expected_version, actor); });
    return out;
}

json::object ResourceEngine::UpdateIn(store::Session& s, const Caller* caller, std::int64_t id,
                                      const json::object& body, std::optional<std::int64_t> expected_version,
                                      const Actor& actor) {
    policy_.RequireAction(caller, Action("update"));
    json::object out;
    {
        std::optional<StoredResource> before = Load(s, id);
        if (!before || !policy_.Allows(caller, Action("update"), ScopeOf(*before))) throw ApiError(Error::NotFound());
        if (expected_version && *expected_version != before->version) {
            throw ApiError(
                Error::Conflict("数据已被他人修改，请刷新后重试", "Changed by someone else; reload and retry"));
        }
        // Under review, withdrawn, or in a state of the kind's own (a closed demand): not edited.
        if (before->status != "draft" && before->status != "returned" && before->status != "approved")
            throw ApiError(workflow::WrongState(before->status));
        Links links;
        std::optional<std::int64_t> org_id;
        Values values = ReadValues(s, body, false, &*before, &links, &org_id, caller);
        // A change to a published resource takes it back to draft: it is reviewed again.
        std::string status = before->status == "approved" ? "draft" : before->status;
        if (before->status == "approved" && spec_.on_unpublish) spec_.on_unpublish(s, id);
        std::vector<store::Param> params = {status, clock::NowUtc()};
        std::string sets = "status = $1, updated_at = $2";
        for (auto& [name, value] : values) {
            params.push_back(value);
            sets += ", " + name + " = $" + std::to_string(params.size());
        }
        store::UpdateGuarded(s, {.table = spec_.table, .id = id, .version = before->version}, sets, std::move(params));
        SaveLinks(s, spec_, id, links);
        StoredResource after = *Load(s, id);
        out = ToJson(after);
        RecordChange(s, actor, "updated", after, out, json::serialize(ToJson(*before)));
    }
    return out;
}

json::object ResourceEngine::History(const Caller* caller, std::int64_t id) {
    // A role that may never read this kind is told so (403); within the action, scope decides (404).
    policy_.RequireAction(caller, Action("read"));
    json::object out;
    db_.Read([&](store::Session& s) {
        std::optional<StoredResource> r = Load(s, id);
        if (!r || !policy_.Allows(caller, Action("read"), ScopeOf(*r))) throw ApiError(Error::NotFound());
        out = changes::History(s, spec_.kind, id);
    });
    return out;
}

}  // namespace keyuan::registry
