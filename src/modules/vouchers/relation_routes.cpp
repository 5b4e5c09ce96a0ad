// /api/v1/organization-relations: the operator records that two organisations are related (a
// parent and its subsidiary, a shareholder, the same legal representative), so that no provider
// redeems vouchers from a related client (spending.cpp reads them in both directions).
//   GET    /api/v1/organization-relations?org_id=      (overseers)
//   POST   /api/v1/organization-relations {org_a, org_b, kind, note?}   (operator)
//   DELETE /api/v1/organization-relations/{id}         (operator; a relation that ended)
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/vouchers/fields.hpp"
#include "modules/vouchers/module_parts.hpp"

namespace keyuan::vouchers {
namespace json = boost::json;
using http::Request;

namespace {

constexpr const char* kRelationsBase = "/api/v1/organization-relations";

json::array Relations(store::Session& s, std::optional<std::int64_t> org_id) {
    std::string sql =
        "SELECT r.id, r.org_a, a.name, r.org_b, b.name, r.kind, r.note, r.created_at FROM organization_relations r "
        "JOIN organizations a ON a.id = r.org_a JOIN organizations b ON b.id = r.org_b";
    std::vector<store::Param> params;
    if (org_id) {
        sql += " WHERE r.org_a = $1 OR r.org_b = $1";
        params.emplace_back(*org_id);
    }
    store::Rows rows = s.Query(sql + " ORDER BY r.id LIMIT 500", params);
    json::array out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out.push_back(json::object{{"id", std::to_string(rows[i].Int(0))},
                                   {"org_a", std::to_string(rows[i].Int(1))},
                                   {"org_a_name", rows[i].Text(2)},
                                   {"org_b", std::to_string(rows[i].Int(3))},
                                   {"org_b_name", rows[i].Text(4)},
                                   {"kind", rows[i].Text(5)},
                                   {"note", rows[i].Text(6)},
                                   {"created_at", rows[i].Text(7)}});
    }
    return out;
}

}  // namespace

void RegisterRelationRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;

    context.router.Get(kRelationsBase, [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "voucher.oversee");
        FieldErrors errors;
        std::optional<std::int64_t> org = http::QueryId(r, "org_id", errors);
        errors.ThrowIfAny();
        json::array items;
        db.Read([&](store::Session& s) { items = Relations(s, org); });
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });

    context.router.Post(kRelationsBase, [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "voucher.manage");
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        std::optional<std::string> a = http::ReadString(reader, relation::kOrgA);
        std::optional<std::string> b = http::ReadString(reader, relation::kOrgB);
        std::string kind = http::ReadEnum(reader, relation::kKind).value_or("");
        std::string note = http::ReadString(reader, relation::kNote).value_or("");
        std::optional<std::int64_t> org_a = a ? ParseId(*a) : std::nullopt, org_b = b ? ParseId(*b) : std::nullopt;
        if (a && !org_a) reader.errors().Add("org_a", "编号无效", "Not an id");
        if (b && !org_b) reader.errors().Add("org_b", "编号无效", "Not an id");
        if (org_a && org_b && *org_a == *org_b)
            reader.errors().Add("org_b", "不能与本单位关联", "Must be another organization");
        reader.Finish();
        json::object created;
        db.Write([&](store::Session& s) {
            FieldErrors missing;
            for (auto [field, id] : {std::pair{"org_a", *org_a}, std::pair{"org_b", *org_b}}) {
                if (s.Query("SELECT 1 FROM organizations WHERE id = $1", {id}).empty()) {
                    missing.Add(field, "单位不存在", "No such organization");
                }
            }
            missing.ThrowIfAny();
            if (!s.Query("SELECT 1 FROM organization_relations WHERE kind = $1 AND ((org_a = $2 AND org_b = $3) OR "
                         "(org_a = $3 AND org_b = $2))",
                         {kind, *org_a, *org_b})
                     .empty()) {
                throw ApiError(Error::Conflict("该关联关系已登记", "This relation is recorded already"));
            }
            std::int64_t id = s.InsertReturningId(
                "INSERT INTO organization_relations (org_a, org_b, kind, note, created_by, created_at) "
                "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                {*org_a, *org_b, kind, note, r.caller->user_id, clock::NowUtc()});
            for (const json::value& v : Relations(s, *org_a)) {
                if (v.as_object().at("id").as_string() == std::to_string(id)) created = v.as_object();
            }
            changes::Record(s, r.ToActor(),
                            {.object_type = "organization_relation",
                             .object_id = id,
                             .event = "created",
                             .after_json = json::serialize(created)});
        });
        return http::JsonResponse(201, created);
    });

    context.router.Delete(std::string(kRelationsBase) + "/{id}", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "voucher.manage");
        std::int64_t id = http::PathId(r);
        db.Write([&](store::Session& s) {
            store::Rows before = s.Query("SELECT org_a, org_b, kind FROM organization_relations WHERE id = $1", {id});
            if (before.empty()) throw ApiError(Error::NotFound());
            json::object gone{{"org_a", std::to_string(before[0].Int(0))},
                              {"org_b", std::to_string(before[0].Int(1))},
                              {"kind", before[0].Text(2)}};
            s.Execute("DELETE FROM organization_relations WHERE id = $1", {id});
            changes::Record(s, r.ToActor(),
                            {.object_type = "organization_relation",
                             .object_id = id,
                             .event = "deleted",
                             .before_json = json::serialize(gone)});
        });
        http::Response response;
        response.status = 204;
        return response;
    });
}

}  // namespace keyuan::vouchers
