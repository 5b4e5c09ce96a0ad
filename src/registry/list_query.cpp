// Listing registered resources: filters, scope, sorting, paging.
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "registry/engine.hpp"
#include "registry/list_filter.hpp"
#include "search/outbox.hpp"

namespace keyuan::registry {
namespace json = boost::json;

namespace {

// Counting stops here: 50 pages of 20 is as far as people page; beyond, they narrow the
// filters. An exact count of a city's catalog costs far more than the page itself.
constexpr std::int64_t kCountLimit = 1000;

const std::vector<std::string_view> kStatuses = {"draft", "submitted", "approved", "returned", "withdrawn", "all"};

struct Query {
    std::string where = " WHERE 1=1";
    bool needs_org = false;  // a condition reads the organisation (alias o)
    std::vector<store::Param> params;
    std::string Bind(store::Param p) {
        params.push_back(std::move(p));
        return "$" + std::to_string(params.size());
    }
};

/// Restricts to what the caller may read unpublished (all statuses): their scope.
void AddScope(Query& q, const std::vector<access::Scope>& scopes, const Caller& caller) {
    if (std::find(scopes.begin(), scopes.end(), access::Scope::kAll) != scopes.end()) return;
    std::string any = "1=0";
    for (access::Scope scope : scopes) {
        if (scope == access::Scope::kOrganization && caller.org_id) any += " OR t.org_id = " + q.Bind(*caller.org_id);
        if (scope == access::Scope::kDepartment) any += " OR o.department_code = " + q.Bind(caller.department_code);
        if (scope == access::Scope::kDistrict) any += " OR o.district_code = " + q.Bind(caller.district_code);
        q.needs_org = q.needs_org || scope == access::Scope::kDepartment || scope == access::Scope::kDistrict;
    }
    q.where += " AND (" + any + ")";
}

std::string OrderBy(const ResourceSpec& spec, const http::Request& r) {
    std::optional<std::string> sort = r.Query("sort");
    if (!sort || sort->empty()) return " ORDER BY t.id DESC";
    bool descending = (*sort)[0] == '-';
    std::string name = descending ? sort->substr(1) : *sort;
    const FieldSpec* f = FindField(spec, name);
    bool ok = (f && f->sort) || name == "created_at" || name == "updated_at" || name == "id";
    if (!ok) throw ApiError(Error::Validation({{"sort", {"不支持按此字段排序：" + name, "Cannot sort by " + name}}}));
    // Empty values last in both directions, the same on SQLite and PostgreSQL.
    return " ORDER BY (t." + name + " IS NULL), t." + name + (descending ? " DESC" : " ASC") + ", t.id DESC";
}

/// Published pages are the same for every reader: they are kept until something public
/// changes, and for the day, as flags such as accreditation follow the date.
std::string PageKey(const std::string& tier, const http::Request& r) {
    std::vector<std::pair<std::string, std::string>> params = r.QueryParams();
    std::sort(params.begin(), params.end());
    std::string key = "list|" + tier + "|" + clock::TodayShanghai();
    for (const auto& [name, value] : params) key += "|" + name + "=" + value;
    return key;
}

}  // namespace

std::shared_ptr<const CachedAnswer> ResourceEngine::CachedPage(const http::Request& r) noexcept {
    try {
        if (!cache_.enabled()) return nullptr;
        std::optional<std::string> status = r.Query("status");
        if (status && *status != "approved") return nullptr;
        std::optional<std::int64_t> generation = watch_.Current();
        // Only visitors are answered from memory.
        return generation ? cache_.Find(PageKey(*CacheTier(nullptr), r), *generation) : nullptr;
    } catch (const std::exception&) {  // out of memory: the usual path will answer
        return nullptr;
    }
}

ListFilter ReadListFilter(const ResourceSpec& spec, const access::Policy& policy, const Caller* caller,
                          const http::Request& r) {
    std::string read = spec.kind + ".read";
    std::string public_condition = spec.is_public.empty() ? "(1 = 1)" : "(" + spec.is_public + ")";
    Query q;
    std::string status = r.Query("status").value_or("approved");
    bool extra = std::any_of(spec.extra_states.begin(), spec.extra_states.end(),
                             [&](const workflow::State& st) { return st.name == status; });
    if (!extra && std::find(kStatuses.begin(), kStatuses.end(), status) == kStatuses.end()) {
        throw ApiError(Error::Validation({{"status", {"未知状态：" + status, "Unknown status: " + status}}}));
    }
    if (status != "approved") {
        // Unpublished resources only within the reader's scope.
        policy.RequireAction(caller, read);
        AddScope(q, policy.ScopesFor(caller, read), *caller);
    }
    if (status != "all") q.where += " AND t.status = " + q.Bind(status);
    // The public list: approved objects that the kind says are public (a secret one is not).
    if (status == "approved") q.where += " AND " + public_condition;
    FieldErrors errors;
    for (const auto& [name, value] : r.QueryParams()) {
        if (name == "status" || name == "page" || name == "page_size" || name == "sort" || name == "format" ||
            name == "charset") {
            continue;  // paging and the answer's form (format: routes.cpp), not filters
        }
        if (name == "org_id") {
            auto id = ParseId(value);
            if (!id) {
                errors.Add(name, "须为有效的编号", "Must be a valid id");
                continue;
            }
            q.where += " AND t.org_id = " + q.Bind(*id);
        } else if (name == "district_code") {
            // A resource with a location of its own is found where it is, not where its owner sits.
            std::string column = FindField(spec, "district_code") ? "t.district_code" : "o.district_code";
            q.needs_org = q.needs_org || column == "o.district_code";
            q.where += " AND " + column + " = " + q.Bind(value);
        } else if (name == "department_code") {
            q.where += " AND o.department_code = " + q.Bind(value);
            q.needs_org = true;
        } else if (name == "q" && !spec.text_columns.empty()) {
            // LOWER on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
            std::string like = q.Bind(http::LikeContains(value.substr(0, 200)));
            std::string any = "1=0";
            for (const std::string& c : spec.text_columns) {
                any += " OR LOWER(t." + c + ") LIKE " + like + " ESCAPE '\\'";
            }
            q.where += " AND (" + any + ")";
        } else if (const LinkSpec* link = FindLink(spec, "industry_codes"); name == "industry" && link) {
            // A code or code prefix (39, 392, 3921), or a catalog industry "hitech:ID". The
            // matching ids come from the link table's (code, id) index, a range for a prefix,
            // instead of probing the link table for every published row.
            std::string ids = "t.id IN (SELECT x." + link->owner_column + " FROM " + link->table + " x WHERE ";
            if (value.starts_with("hitech:")) {
                std::optional<std::int64_t> industry = ParseId(std::string_view(value).substr(7));
                if (!industry) {
                    errors.Add(name, "须为行业代码或 hitech:编号", "Must be an industry code or hitech:ID");
                    continue;
                }
                q.where += " AND " + ids +
                           "x.code IN (SELECT code FROM hitech_subcategories WHERE industry_id = " + q.Bind(*industry) +
                           "))";
            } else {
                std::string prefix = value.substr(0, 4);
                q.where +=
                    " AND " + ids + "x.code >= " + q.Bind(prefix) + " AND x.code < " + q.Bind(prefix + "~") + ")";
            }
        } else if (const FieldSpec* f = FindField(spec, name); f && f->filter) {
            store::Param p =
                f->type == FieldType::kBool ? store::Param(value == "true" || value == "1") : store::Param(value);
            if (f->type == FieldType::kRef) {
                auto id = ParseId(value);
                if (!id) {
                    errors.Add(name, "须为有效的编号", "Must be a valid id");
                    continue;
                }
                p = store::Param(*id);
            }
            q.where += " AND t." + name + " = " + q.Bind(std::move(p));
        } else if (name.ends_with("_min") || name.ends_with("_max")) {
            std::string field = name.substr(0, name.size() - 4);
            const FieldSpec* ranged = FindField(spec, field);
            if (!ranged || !ranged->range) {
                errors.Add(name, "不支持的筛选条件", "Unknown filter");
                continue;
            }
            bool numeric = ranged->type == FieldType::kMoney || ranged->type == FieldType::kInt;
            std::optional<std::int64_t> number = numeric ? ParseInt64(value) : std::nullopt;
            if (numeric && !number) {
                errors.Add(name, "须为整数", "Must be a whole number");
                continue;
            }
            store::Param p = numeric ? store::Param(*number) : store::Param(value);
            q.where += " AND t." + field + (name.ends_with("_min") ? " >= " : " <= ") + q.Bind(std::move(p));
        } else if (spec.extra_filter) {
            std::string clause = spec.extra_filter(name, value, q.params);
            if (clause.empty()) {
                errors.Add(name, "不支持的筛选条件", "Unknown filter");
            } else {
                q.where += " AND " + clause;
            }
        } else {
            errors.Add(name, "不支持的筛选条件", "Unknown filter");
        }
    }
    errors.ThrowIfAny();
    return ListFilter{.status = status,
                      .where = std::move(q.where),
                      .needs_org = q.needs_org,
                      .params = std::move(q.params),
                      .order = OrderBy(spec, r)};
}

std::string ListFilter::From(const std::string& table) const {
    // The organisation is joined only when a condition needs it: most lists filter on
    // the resource alone, and the join would cost a lookup per counted row.
    return " FROM " + table + " t" + (needs_org ? " JOIN organizations o ON o.id = t.org_id" : std::string()) + where;
}

std::shared_ptr<const CachedAnswer> ResourceEngine::List(const Caller* caller, const http::Request& r) {
    http::Paging paging = http::ParsePaging(r);
    ListFilter filter = ReadListFilter(spec_, policy_, caller, r);
    const std::string& status = filter.status;
    // Items carry what the caller may do to them (the web's buttons) when the caller may act on
    // this kind at all; such a page is the caller's own, so it neither comes from nor goes to
    // the public cache. Everyone else shares the cached page of their tier (visitor, signed-in).
    bool with_actions = MayActOnKind(caller);
    std::optional<std::string> tier = CacheTier(caller);
    std::string key =
        status == "approved" && cache_.enabled() && tier && !with_actions ? PageKey(*tier, r) : std::string();
    std::shared_ptr<const CachedAnswer> answer;
    // A public page (approved items, no buttons) may come from a read replica: a moment stale, as
    // any cached page is; the caller's own pages, drafts and all, are read from the primary.
    bool public_page = status == "approved" && tier && !with_actions;
    auto read = [&](store::Session& s) {
        std::int64_t generation = key.empty() ? 0 : watch_.Read(s);
        if (!key.empty() && (answer = cache_.Find(key, generation))) return;
        json::array items;
        std::string from = filter.From(spec_.table);
        // Counting stops at kCountLimit (total_exact false beyond).
        std::int64_t total =
            s.Query("SELECT COUNT(*) FROM (SELECT 1" + from + " LIMIT " + std::to_string(kCountLimit + 1) + ") c",
                    filter.params)
                .front()
                .Int(0);
        std::vector<store::Param> paged = filter.params;
        paged.emplace_back(paging.page_size);
        paged.emplace_back((paging.page - 1) * paging.page_size);
        store::Rows ids = s.Query("SELECT t.id" + from + filter.order + " LIMIT $" + std::to_string(paged.size() - 1) +
                                      " OFFSET $" + std::to_string(paged.size()),
                                  paged);
        std::vector<std::int64_t> page;
        for (std::size_t i = 0; i < ids.size(); ++i) page.push_back(ids[i].Int(0));
        for (const StoredResource& stored : LoadMany(s, page)) {
            json::object item = ToJsonFor(caller, stored);
            if (with_actions) item["allowed_actions"] = ActionsOn(caller, stored);
            items.push_back(std::move(item));
        }
        bool exact = total <= kCountLimit;
        json::object out{{"items", std::move(items)},
                         {"total", exact ? total : kCountLimit},
                         {"total_exact", exact},
                         {"page", paging.page},
                         {"page_size", paging.page_size}};
        answer = std::make_shared<const CachedAnswer>(CachedAnswer{json::serialize(out), 0});
        if (!key.empty()) cache_.Store(key, generation, answer);
    };
    if (public_page) {
        db_.ReadMayLag(read);
    } else {
        db_.Read(read);
    }
    return answer;
}

}  // namespace keyuan::registry
