#include "modules/catalog/bases.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::catalog {
namespace json = boost::json;
using http::Request;

namespace {

// Counts only what the public sees: approved labs and finance products.
constexpr std::string_view kSelect =
    "SELECT b.id, b.name, b.kind, b.org_id, COALESCE(o.name, ''), b.domain, b.description, b.finance_product_target, "
    "b.version, b.created_at, b.updated_at, "
    "(SELECT COUNT(*) FROM labs l WHERE l.base_id = b.id AND l.status = 'approved'), "
    "(SELECT COUNT(*) FROM finance_products f WHERE f.base_id = b.id AND f.status = 'approved') "
    "FROM bases b LEFT JOIN organizations o ON o.id = b.org_id";

json::object BaseJson(const store::Row& r) {
    std::int64_t target = r.Int(7), finance_count = r.Int(12);
    return json::object{
        {"id", std::to_string(r.Int(0))},
        {"name", r.Text(1)},
        {"kind", r.Text(2)},
        {"org_id", r.IsNull(3) ? json::value(nullptr) : json::value(std::to_string(r.Int(3)))},
        {"org_name", r.Text(4)},
        {"domain", r.Text(5)},
        {"description", r.Text(6)},
        {"finance_product_target", target},
        {"version", r.Int(8)},
        {"created_at", r.Text(9)},
        {"updated_at", r.Text(10)},
        {"lab_count", r.Int(11)},
        {"finance_product_count", finance_count},
        // A base without a target has nothing to meet.
        {"finance_target_met", target > 0 ? json::value(finance_count >= target) : json::value(nullptr)}};
}

/// A base's scope is its host organisation's: its administrator works on it.
access::ObjectScope ScopeOf(const json::object& base) {
    std::optional<std::int64_t> host;
    if (base.at("org_id").is_string()) host = ParseId(base.at("org_id").as_string());
    return access::ObjectScope{.org_id = host};
}

std::optional<json::object> Load(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(std::string(kSelect) + " WHERE b.id = $1", {id});
    if (rows.empty()) return std::nullopt;
    return BaseJson(rows.front());
}

struct BaseInput {
    std::optional<std::string> name, kind, domain, description;
    std::optional<std::int64_t> org_id;
    bool org_given = false;  // "org_id": null detaches the base from its host
    std::optional<std::int64_t> target;
};

BaseInput Read(store::Session& s, const json::object& body, bool creating) {
    http::JsonReader reader(body);
    BaseInput in;
    in.name = http::ReadString(reader, creating ? base_fields::kName : http::Optional(base_fields::kName));
    in.kind = http::ReadEnum(reader, creating ? base_fields::kKind : http::Optional(base_fields::kKind));
    in.domain = http::ReadString(reader, base_fields::kDomain);
    in.description = http::ReadString(reader, base_fields::kDescription);
    in.target = http::ReadInt(reader, base_fields::kFinanceTarget);
    reader.Raw("version");
    reader.Raw("org_id");  // a known field; the reader takes null for absent, and null detaches
    if (const json::value* org = body.if_contains("org_id")) {
        in.org_given = true;
        if (org->is_string()) {
            const json::string& text = org->as_string();
            in.org_id = ParseId(text);
        }
        if (!org->is_null() && !in.org_id) {
            reader.errors().Add("org_id", "须为有效的单位编号", "Must be a valid organization id");
        } else if (in.org_id && s.Query("SELECT 1 FROM organizations WHERE id = $1", {*in.org_id}).empty()) {
            reader.errors().Add("org_id", "单位不存在", "No such organization");
        }
    }
    reader.Finish();
    return in;
}

void AddReadRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    context.router.Get("/api/v1/bases", [&db](Request& r) {
        http::Paging paging = http::ParsePaging(r, 50);
        std::vector<store::Param> params;
        std::string where = " WHERE 1=1";
        FieldErrors errors;
        if (auto kind = r.Query("kind")) {
            if (*kind != "base" && *kind != "domain_centre")
                errors.Add("kind", "须为 base 或 domain_centre", "Must be base or domain_centre");
            params.emplace_back(*kind);
            where += " AND b.kind = $" + std::to_string(params.size());
        }
        if (auto org = http::QueryId(r, "org_id", errors)) {
            params.emplace_back(*org);
            where += " AND b.org_id = $" + std::to_string(params.size());
        }
        if (auto domain = r.Query("domain")) {
            params.emplace_back(*domain);
            where += " AND b.domain = $" + std::to_string(params.size());
        }
        if (auto q = r.Query("q")) {
            params.emplace_back(http::LikeContains(q->substr(0, 100)));
            where += " AND LOWER(b.name) LIKE $" + std::to_string(params.size()) + std::string(http::kLikeEscape);
        }
        errors.ThrowIfAny();
        json::array items;
        std::int64_t total = 0;
        db.Read([&](store::Session& s) {
            total = s.Query("SELECT COUNT(*) FROM bases b" + where, params).front().Int(0);
            params.emplace_back(paging.page_size);
            params.emplace_back((paging.page - 1) * paging.page_size);
            store::Rows rows =
                s.Query(std::string(kSelect) + where + " ORDER BY b.kind DESC, b.id LIMIT $" +
                            std::to_string(params.size() - 1) + " OFFSET $" + std::to_string(params.size()),
                        params);
            for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(BaseJson(rows[i]));
        });
        return http::JsonResponse(200, http::PageEnvelope(std::move(items), total, paging));
    });
    context.router.Get("/api/v1/bases/{id}", [&db](Request& r) {
        std::int64_t id = http::PathId(r);
        std::optional<json::object> base;
        db.Read([&](store::Session& s) { base = Load(s, id); });
        if (!base) throw ApiError(Error::NotFound());
        http::Response response = http::JsonResponse(200, *base);
        response.SetHeader("etag", "\"" + std::to_string(base->at("version").as_int64()) + "\"");
        return response;
    });
}

void AddWriteRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Post("/api/v1/bases", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "base.create");
        json::object body = http::ParseJsonObject(r);
        json::object created;
        db.Write([&](store::Session& s) {
            BaseInput in = Read(s, body, true);
            std::string now = clock::NowUtc();
            std::int64_t id = s.InsertReturningId(
                "INSERT INTO bases (name, kind, org_id, domain, description, finance_product_target, created_at, "
                "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
                {*in.name, *in.kind, in.org_id ? store::Param(*in.org_id) : store::Param(nullptr),
                 in.domain.value_or(""), in.description.value_or(""), in.target.value_or(0), now});
            created = *Load(s, id);
            changes::Record(s, r.ToActor(),
                            {.object_type = "base",
                             .object_id = id,
                             .event = "created",
                             .snapshot = &created,
                             .version = created.at("version").as_int64()});
        });
        return http::JsonResponse(201, created);
    });
    context.router.Patch("/api/v1/bases/{id}", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "base.update");
        json::object body = http::ParseJsonObject(r);
        std::optional<std::int64_t> expected = http::ExpectedVersion(r, body);
        json::object after;
        db.Write([&](store::Session& s) {
            std::optional<json::object> before = Load(s, id);
            if (!before || !policy.Allows(r.caller.get(), "base.update", ScopeOf(*before))) {
                throw ApiError(Error::NotFound());
            }
            BaseInput in = Read(s, body, false);
            // Only the operator moves a base to another host or changes what it is.
            bool operator_only = in.org_given || in.kind || in.target;
            if (operator_only && !policy.Allows(r.caller.get(), "base.create", {})) throw ApiError(Error::Forbidden());
            if (expected && *expected != before->at("version").as_int64()) {
                throw ApiError(Error::Conflict("该对象已被他人修改，请刷新后重试",
                                               "Changed by someone else since you read it; reload and retry"));
            }
            store::UpdateGuarded(
                s, {.table = "bases", .id = id, .version = before->at("version").as_int64()},
                "name = COALESCE($1, name), kind = COALESCE($2, kind), org_id = CASE WHEN $3 = 1 THEN $4 ELSE org_id "
                "END, domain = COALESCE($5, domain), description = COALESCE($6, description), finance_product_target = "
                "COALESCE($7, finance_product_target), updated_at = $8",
                {in.name, in.kind, in.org_given ? 1 : 0, in.org_id ? store::Param(*in.org_id) : store::Param(nullptr),
                 in.domain, in.description, in.target, clock::NowUtc()});
            after = *Load(s, id);
            changes::Record(s, r.ToActor(),
                            {.object_type = "base",
                             .object_id = id,
                             .event = "updated",
                             .before_json = json::serialize(*before),
                             .snapshot = &after,
                             .version = after.at("version").as_int64()});
        });
        return http::JsonResponse(200, after);
    });
    context.router.Get("/api/v1/bases/{id}/history", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "base.update");
        json::object history;
        db.Read([&](store::Session& s) {
            // Only within the caller's scope: a base administrator reads its own base's history.
            std::optional<json::object> base = Load(s, id);
            if (!base || !policy.Allows(r.caller.get(), "base.update", ScopeOf(*base)))
                throw ApiError(Error::NotFound());
            history = changes::History(s, "base", id);
        });
        return http::JsonResponse(200, history);
    });
}

}  // namespace

void RegisterBases(modules::ModuleContext& context) {
    access::Policy& policy = context.policy;
    policy.Allow("base.create", Role::kOperator, access::Scope::kAll);
    policy.Allow("base.update", Role::kOperator, access::Scope::kAll);
    policy.Allow("base.update", Role::kBaseAdmin, access::Scope::kOrganization);
    AddReadRoutes(context);
    AddWriteRoutes(context);
}

}  // namespace keyuan::catalog
