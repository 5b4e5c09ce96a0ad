#pragma once
// The engine behind every registered resource kind: storage, JSON, validation, workflow.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "core/caller.hpp"
#include "http/request.hpp"
#include "registry/links.hpp"
#include "registry/public_cache.hpp"
#include "registry/spec.hpp"
#include "search/outbox.hpp"
#include "store/database.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::registry {

/// A resource as stored, with its organisation's placement for scope checks.
struct StoredResource {
    std::int64_t id = 0;
    std::int64_t org_id = 0;
    std::string status;
    bool is_public = true;  // approved and public (ResourceSpec::is_public)
    std::string review_reason;
    std::int64_t version = 1;
    std::string created_at;
    std::string updated_at;
    Values values;
    std::string org_name;
    std::string org_department;
    std::string org_district;
    Links links;  // every link of the spec, its rows sorted
};

class ResourceEngine {
public:
    /// Declares the kind's grants and its review workflow in `policy`. `cache_bytes` bounds
    /// the cache of public answers (0: no cache).
    ResourceEngine(ResourceSpec spec, store::Database& db, access::Policy& policy, std::size_t cache_bytes);

    const ResourceSpec& spec() const { return spec_; }
    /// The review lifecycle (review.hpp) that submit, approve, return and withdraw run.
    const workflow::Workflow& review() const { return *review_; }

    boost::json::object Create(const Caller* caller, const boost::json::object& body, const Actor& actor);
    /// Create within the caller's transaction `s` (an import's savepoint per row): the same
    /// permission checks, validation, audit and version as Create, which wraps it.
    boost::json::object CreateIn(store::Session& s, const Caller* caller, const boost::json::object& body,
                                 const Actor& actor);
    /// The resource as JSON with its version.
    std::shared_ptr<const CachedAnswer> Get(const Caller* caller, std::int64_t id);
    /// A filtered page as JSON; pages of approved resources come from the public cache.
    std::shared_ptr<const CachedAnswer> List(const Caller* caller, const http::Request& request);
    /// The cached page of approved resources that `request` asks for, when it is known to be
    /// current without a database read; null otherwise. Never blocks or throws: it runs on a
    /// network thread.
    std::shared_ptr<const CachedAnswer> CachedPage(const http::Request& request) noexcept;
    /// The published resource that GET …/{id} asks for, if cached and known current; nullptr
    /// otherwise (Get answers then). Never throws.
    std::shared_ptr<const CachedAnswer> CachedResource(const http::Request& request) noexcept;
    boost::json::object Update(const Caller* caller, std::int64_t id, const boost::json::object& body,
                               std::optional<std::int64_t> expected_version, const Actor& actor);
    /// Update within the caller's transaction `s`; Update wraps it.
    boost::json::object UpdateIn(store::Session& s, const Caller* caller, std::int64_t id,
                                 const boost::json::object& body, std::optional<std::int64_t> expected_version,
                                 const Actor& actor);
    /// What the caller may do to the object now: "update" and the review actions allowed.
    std::vector<std::string> AllowedActions(const Caller* caller, const workflow::Subject& subject) const;
    /// Whether the caller holds any grant that could let them act on some object of this kind
    /// (update or a review step); lists carry allowed actions only for such callers.
    bool MayActOnKind(const Caller* caller) const;
    /// Everything the caller may do to the loaded resource now, as GET …/{id}/actions answers
    /// it (update first, then the review's actions): computed from memory, no query.
    boost::json::array ActionsOn(const Caller* caller, const StoredResource& r) const;
    /// Whether the caller may see the object: an approved and public one everybody, others
    /// within scope.
    bool Visible(const Caller* caller, const workflow::Subject& subject) const;
    /// Every saved version, newest first.
    boost::json::object History(const Caller* caller, std::int64_t id);
    /// Checks `body` (with "org_id") as the operator's create does, within `s` (references
    /// must be visible there), and answers the values to store, derived fields included;
    /// throws ApiError (validation_failed, naming the fields) otherwise. For rows written
    /// without the API (demo data), so that they pass the same validation as real data.
    Values CheckCreate(store::Session& s, const boost::json::object& body) const;

    /// The resource as the API shows it, whole (answers to its owners, version snapshots).
    boost::json::object ToJson(const StoredResource& r) const;
    /// The resource as `caller` may see it: fields above the caller's level masked or null.
    boost::json::object ToJsonFor(const Caller* caller, const StoredResource& r) const;
    /// What the caller sees of this object's fields (visibility.cpp).
    Visibility ReaderLevel(const Caller* caller, const StoredResource& r) const;
    /// The shared view the caller's answers belong to, part of the cache keys; nullopt when
    /// they depend on the object (owners, reviewers, the operator) and are never cached.
    std::optional<std::string> CacheTier(const Caller* caller) const;
    std::optional<StoredResource> Load(store::Session& s, std::int64_t id) const;
    /// The resources with these ids, in the order given, each once (missing ids are skipped), in one
    /// statement; with `generation`, the change counter of the same snapshot too (left alone
    /// when no id is found).
    std::vector<StoredResource> LoadMany(store::Session& s, const std::vector<std::int64_t>& ids,
                                         std::int64_t* generation = nullptr) const;

    /// Where the resource belongs, for the policy: its organisation's placement.
    access::ObjectScope ScopeOf(const StoredResource& r) const;

    /// Grants of this kind besides its review: owners create and update their organisation's,
    /// the listed readers see unpublished ones in their scope, the operator everything.
    static void DeclarePermissions(const ResourceSpec& spec, access::Policy& policy);

private:
    std::string Action(std::string_view verb) const { return spec_.kind + "." + std::string(verb); }
    /// Parses the body into values; validates types, limits, references, cross-field rules.
    Values ReadValues(store::Session& s, const boost::json::object& body, bool creating, const StoredResource* existing,
                      Links* links, std::optional<std::int64_t>* org_id, const Caller* caller) const;
    /// The change record of a create or an update (audit, version, search outbox); `shown`
    /// is ToJson(after), which the caller has already built for its answer.
    void RecordChange(store::Session& s, const Actor& actor, const std::string& event, const StoredResource& after,
                      const boost::json::object& shown, std::optional<std::string> before_json) const;

    ResourceSpec spec_;
    store::Database& db_;
    const access::Policy& policy_;
    /// "(condition)" from the spec's is_public, or "(1 = 1)".
    std::string PublicCondition() const;

    std::string columns_;  // SELECT t.id, …, the fields, each link as a JSON array, whether public
    std::string from_;     // FROM table t JOIN organizations o
    PublicCache cache_;
    search::ChangeWatch watch_;  // the change counter the cache's answers are tagged with
    std::unique_ptr<workflow::Workflow> review_;
};

}  // namespace keyuan::registry
