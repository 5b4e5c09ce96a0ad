// Storage and JSON of registered resources.
#include "registry/engine.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_to.hpp>

#include <algorithm>
#include <map>

#include "changes/change_record.hpp"
#include "registry/review.hpp"

namespace keyuan::registry {
namespace json = boost::json;

bool IsListType(FieldType t) {
    return t == FieldType::kEnumList || t == FieldType::kStringList;
}

std::string ResourceEngine::PublicCondition() const {
    return spec_.is_public.empty() ? "(1 = 1)" : "(" + spec_.is_public + ")";
}

bool IsIntType(FieldType t) {
    return t == FieldType::kInt || t == FieldType::kMoney || t == FieldType::kBool || t == FieldType::kRef;
}

const FieldSpec* FindField(const ResourceSpec& spec, std::string_view name) {
    for (const FieldSpec& f : spec.fields) {
        if (f.name == name) return &f;
    }
    return nullptr;
}

ResourceEngine::ResourceEngine(ResourceSpec spec, store::Database& db, access::Policy& policy, std::size_t cache_bytes)
    // A change made through another server reaches cached pages within a quarter second
    // (search takes up to a second); one made through this server, at once.
    : spec_(std::move(spec)),
      db_(db),
      policy_(policy),
      cache_(cache_bytes),
      watch_(db, std::chrono::milliseconds(250)) {
    CheckVisibility(spec_);
    columns_ =
        "SELECT t.id, t.org_id, t.status, t.review_reason, t.version, t.created_at, t.updated_at, o.name, "
        "COALESCE(o.department_code, ''), COALESCE(o.district_code, '')";
    for (const FieldSpec& f : spec_.fields) columns_ += ", t." + f.name;
    columns_ += LinkColumns(spec_, db.engine() == store::Engine::kPostgres);
    columns_ += ", CASE WHEN t.status = 'approved' AND " + PublicCondition() + " THEN 1 ELSE 0 END";
    from_ = " FROM " + spec_.table + " t JOIN organizations o ON o.id = t.org_id";
    DeclarePermissions(spec_, policy);
    review_ = std::make_unique<workflow::Workflow>(ReviewDefinition(*this), policy);
}

std::vector<std::string> ResourceEngine::AllowedActions(const Caller* caller, const workflow::Subject& subject) const {
    std::vector<std::string> out;
    bool editable = subject.state != "submitted" && subject.state != "withdrawn";
    if (editable && policy_.Allows(caller, Action("update"), subject.scope)) out.emplace_back("update");
    return out;
}

bool ResourceEngine::MayActOnKind(const Caller* caller) const {
    if (!caller) return false;
    if (!policy_.ScopesFor(caller, Action("update")).empty()) return true;
    for (const workflow::Transition& t : review_->definition().transitions) {
        if (!policy_.ScopesFor(caller, review_->PolicyAction(t)).empty()) return true;
    }
    return false;
}

json::array ResourceEngine::ActionsOn(const Caller* caller, const StoredResource& r) const {
    workflow::Subject subject{.id = r.id, .state = r.status, .version = r.version, .scope = ScopeOf(r)};
    json::array out;
    for (const std::string& a : AllowedActions(caller, subject)) out.push_back(json::string(a));
    for (const std::string& a : review_->AllowedActions(caller, subject)) out.push_back(json::string(a));
    return out;
}

bool ResourceEngine::Visible(const Caller* caller, const workflow::Subject& subject) const {
    return subject.is_public || policy_.Allows(caller, Action("read"), subject.scope);
}

void ResourceEngine::DeclarePermissions(const ResourceSpec& spec, access::Policy& policy) {
    auto action = [&spec](std::string_view verb) { return spec.kind + "." + std::string(verb); };
    for (Role role : spec.owner_roles) {
        // submit, withdraw and review are the review workflow's grants (review.cpp).
        for (const char* verb : {"create", "update", "read"}) {
            policy.Allow(action(verb), role, access::Scope::kOrganization);
        }
    }
    for (const auto& [role, scope] : spec.reviewer_roles) {
        policy.Allow(action("read"), role, scope);
    }
    for (const char* verb : {"create", "update", "read"}) {
        policy.Allow(action(verb), Role::kOperator, access::Scope::kAll);
    }
    for (const auto& [role, scope] : spec.reader_roles) {
        policy.Allow(action("read"), role, scope);
    }
}

access::ObjectScope ResourceEngine::ScopeOf(const StoredResource& r) const {
    return access::ObjectScope{
        .org_id = r.org_id, .department_code = r.org_department, .district_code = r.org_district};
}

std::optional<StoredResource> ResourceEngine::Load(store::Session& s, std::int64_t id) const {
    std::vector<StoredResource> found = LoadMany(s, {id});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::vector<StoredResource> ResourceEngine::LoadMany(store::Session& s, const std::vector<std::int64_t>& ids,
                                                     std::int64_t* generation) const {
    if (ids.empty()) return {};
    std::vector<store::Param> params(ids.begin(), ids.end());
    std::string in = store::Placeholders(1, ids.size());
    std::string generation_col = generation ? std::string(", ") + search::kChangeGenerationSubquery : "";
    store::Rows rows = s.Query(columns_ + generation_col + from_ + " WHERE t.id IN (" + in + ")", params);
    std::map<std::int64_t, StoredResource> by_id;
    const std::size_t links_col = 10 + spec_.fields.size();
    const std::size_t public_col = links_col + spec_.links.size();
    if (generation && !rows.empty()) {
        *generation = rows[0].IsNull(public_col + 1) ? 0 : rows[0].Int(public_col + 1);
    }
    for (std::size_t k = 0; k < rows.size(); ++k) {
        store::Row row = rows[k];
        StoredResource r;
        r.id = row.Int(0);
        r.org_id = row.Int(1);
        r.status = row.Text(2);
        r.is_public = row.Int(public_col) != 0;
        r.review_reason = row.Text(3);
        r.version = row.Int(4);
        r.created_at = row.Text(5);
        r.updated_at = row.Text(6);
        r.org_name = row.Text(7);
        r.org_department = row.Text(8);
        r.org_district = row.Text(9);
        for (std::size_t i = 0; i < spec_.fields.size(); ++i) {
            const FieldSpec& f = spec_.fields[i];
            std::size_t col = 10 + i;
            if (row.IsNull(col)) {
                r.values.emplace(f.name, nullptr);
            } else if (IsIntType(f.type)) {
                r.values.emplace(f.name, static_cast<long long>(row.Int(col)));
            } else {
                r.values.emplace(f.name, std::string(row.Text(col)));
            }
        }
        ParseLinks(spec_, row, links_col, r.links);
        by_id.emplace(r.id, std::move(r));
    }
    std::vector<StoredResource> out;
    out.reserve(by_id.size());
    for (std::int64_t id : ids) {
        auto it = by_id.find(id);
        if (it == by_id.end()) continue;  // missing, or given twice
        out.push_back(std::move(it->second));
        by_id.erase(it);
    }
    return out;
}

json::object ResourceEngine::ToJson(const StoredResource& r) const {
    json::object out{
        {"id", std::to_string(r.id)}, {"org_id", std::to_string(r.org_id)}, {"org_name", r.org_name},
        {"status", r.status},         {"review_reason", r.review_reason},   {"version", r.version},
        {"created_at", r.created_at}, {"updated_at", r.updated_at},         {"district_code", r.org_district}};
    for (const FieldSpec& f : spec_.fields) {
        const store::Param& v = r.values.at(f.name);
        if (v.kind() == store::Param::Kind::kNull) {
            out[f.name] = IsListType(f.type) ? json::value(json::array()) : json::value(nullptr);
        } else if (f.type == FieldType::kBool) {
            out[f.name] = v.int_value() != 0;
        } else if (f.type == FieldType::kRef) {
            out[f.name] = std::to_string(v.int_value());
        } else if (IsIntType(f.type)) {
            out[f.name] = v.int_value();
        } else if (IsListType(f.type)) {
            std::error_code ec;
            json::value list = json::parse(v.text_value(), ec);
            out[f.name] = ec ? json::value(json::array()) : list;
        } else {
            out[f.name] = v.text_value();
        }
    }
    LinksToJson(spec_, r.links, out);
    if (spec_.decorate) {
        std::map<std::string, std::string> texts;
        std::map<std::string, bool> flags;
        spec_.decorate(r.values, texts, flags);
        for (auto& [k, v] : texts) out[k] = v;
        for (auto& [k, v] : flags) out[k] = v;
    }
    return out;
}

void ResourceEngine::RecordChange(store::Session& s, const Actor& actor, const std::string& event,
                                  const StoredResource& after, const json::object& shown,
                                  std::optional<std::string> before_json) const {
    changes::Record(s, actor,
                    {.object_type = spec_.kind,
                     .object_id = after.id,
                     .event = event,
                     .before_json = std::move(before_json),
                     .snapshot = &shown,
                     .version = after.version,
                     .index = true});
}

}  // namespace keyuan::registry
