#include "modules/catalog/organizations.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "access/masking.hpp"
#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/catalog/organization_input.hpp"
#include "search/outbox.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::catalog {
namespace json = boost::json;
using http::Request;

namespace {

constexpr std::string_view kColumns =
    "o.id, o.name, o.credit_code, o.kind, COALESCE(o.district_code, ''), COALESCE(o.department_code, ''), o.is_sme, "
    "o.contacts, o.address, o.version, o.created_at, o.updated_at";

json::object OrganizationJson(const store::Row& r, bool show_contacts) {
    json::value contacts = json::parse(r.Text(7));
    if (!show_contacts && contacts.is_array()) {
        for (json::value& c : contacts.as_array()) {
            if (!c.is_object()) continue;
            json::object& o = c.as_object();
            if (auto* p = o.if_contains("phone"); p && p->is_string()) *p = access::MaskPhone(p->as_string());
            if (auto* e = o.if_contains("email"); e && e->is_string()) *e = access::MaskEmail(e->as_string());
        }
    }
    return json::object{{"id", std::to_string(r.Int(0))},
                        {"name", r.Text(1)},
                        {"credit_code", r.Text(2)},
                        {"kind", r.Text(3)},
                        {"district_code", r.Text(4)},
                        {"department_code", r.Text(5)},
                        {"is_sme", r.Bool(6)},
                        {"contacts", contacts},
                        {"address", r.Text(8)},
                        {"version", r.Int(9)},
                        {"created_at", r.Text(10)},
                        {"updated_at", r.Text(11)}};
}

/// Reads and validates an organisation; `partial` for PATCH (nothing required).
OrgInput ReadOrg(const Request& r, store::Database& db, bool partial) {
    json::object body = http::ParseJsonObject(r);
    OrgInput in;
    db.Read([&](store::Session& s) { in = ReadOrgInput(body, s, partial); });
    return in;
}

std::optional<json::object> LoadOrg(store::Session& s, std::int64_t id, bool show_contacts) {
    store::Rows rows = s.Query("SELECT " + std::string(kColumns) + " FROM organizations o WHERE o.id = $1", {id});
    if (rows.empty()) return std::nullopt;
    return OrganizationJson(rows.front(), show_contacts);
}

/// A unit edits only how it describes itself. What it is (kind, credit code, SME status) and
/// where it belongs (district, supervising department) decide who reviews it and what it may
/// claim, so they are the operator's: otherwise a unit could choose its own reviewer.
/// A form that sends such a field back unchanged is fine.
void RequireDescriptiveOnly(const OrgInput& in, const json::object& before) {
    static const Text kOperatorOnly{"只有运营管理员可以修改此项", "Only the operator may change this"};
    std::vector<FieldError> fields;
    auto refuse = [&](const std::optional<std::string>& given, const char* name) {
        if (given && *given != before.at(name).as_string()) fields.push_back({name, kOperatorOnly});
    };
    refuse(in.credit_code, "credit_code");
    refuse(in.kind, "kind");
    refuse(in.district_code, "district_code");
    refuse(in.department_code, "department_code");
    if (in.is_sme && *in.is_sme != before.at("is_sme").as_bool()) fields.push_back({"is_sme", kOperatorOnly});
    if (fields.empty()) return;
    Error error = Error::Forbidden();
    error.fields = std::move(fields);
    throw ApiError(std::move(error));
}

bool SeesContacts(const Caller* caller, std::int64_t org_id) {
    return caller && (caller->Has(Role::kOperator) || (caller->org_id && *caller->org_id == org_id));
}

}  // namespace

void RegisterOrganizations(modules::ModuleContext& context) {
    access::Policy& policy = context.policy;
    policy.Allow("organization.create", Role::kOperator, access::Scope::kAll);
    policy.Allow("organization.update", Role::kOperator, access::Scope::kAll);
    policy.Allow("organization.update", Role::kUnitAdmin, access::Scope::kOrganization);
    // Kind, credit code, SME status, district and department (see RequireDescriptiveOnly).
    policy.Allow("organization.classify", Role::kOperator, access::Scope::kAll);
    store::Database& db = context.db;
    AddOrganizationHistory(context);

    context.router.Post("/api/v1/organizations", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "organization.create");
        OrgInput in = ReadOrg(r, db, false);
        json::object created;
        db.Write([&](store::Session& s) {
            if (!s.Query("SELECT 1 FROM organizations WHERE credit_code = $1", {*in.credit_code}).empty()) {
                throw ApiError(
                    Error::Validation({{"credit_code", {"该统一社会信用代码已登记", "Already registered"}}}));
            }
            std::string now = clock::NowUtc();
            std::int64_t id = s.InsertReturningId(
                "INSERT INTO organizations (name, credit_code, kind, district_code, department_code, is_sme, contacts, "
                "address, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
                {*in.name, *in.credit_code, *in.kind, *in.district_code,
                 in.department_code && !in.department_code->empty() ? store::Param(*in.department_code) : nullptr,
                 in.is_sme.value_or(false), in.contacts_json.value_or("[]"), in.address.value_or(""), now});
            created = *LoadOrg(s, id, true);
            changes::Record(s, r.ToActor(),
                            {.object_type = "organization",
                             .object_id = id,
                             .event = "created",
                             .snapshot = &created,
                             .version = 1});
        });
        return http::JsonResponse(201, created);
    });

    context.router.Get("/api/v1/organizations", [&db](Request& r) {
        http::Paging paging = http::ParsePaging(r);
        std::vector<store::Param> params;
        std::string where = " WHERE 1=1";
        auto filter = [&](const char* name, const char* column) {
            if (auto v = r.Query(name)) {
                params.emplace_back(*v);
                where += std::string(" AND ") + column + " = $" + std::to_string(params.size());
            }
        };
        filter("kind", "o.kind");
        filter("district_code", "o.district_code");
        filter("department_code", "o.department_code");
        filter("credit_code", "o.credit_code");
        if (auto q = r.Query("q")) {
            params.emplace_back(http::LikeContains(q->substr(0, 100)));
            where += " AND LOWER(o.name) LIKE $" + std::to_string(params.size()) + std::string(http::kLikeEscape);
        }
        json::array items;
        std::int64_t total = 0;
        db.Read([&](store::Session& s) {
            total = s.Query("SELECT COUNT(*) FROM organizations o" + where, params).front().Int(0);
            std::vector<store::Param> paged = params;
            paged.emplace_back(paging.page_size);
            paged.emplace_back((paging.page - 1) * paging.page_size);
            store::Rows rows =
                s.Query("SELECT " + std::string(kColumns) + " FROM organizations o" + where + " ORDER BY o.id LIMIT $" +
                            std::to_string(paged.size() - 1) + " OFFSET $" + std::to_string(paged.size()),
                        paged);
            for (std::size_t i = 0; i < rows.size(); ++i) {
                items.push_back(OrganizationJson(rows[i], SeesContacts(r.caller.get(), rows[i].Int(0))));
            }
        });
        return http::JsonResponse(200, http::PageEnvelope(std::move(items), total, paging));
    });

    context.router.Get("/api/v1/organizations/{id}", [&db](Request& r) {
        std::int64_t id = http::PathId(r);
        std::optional<json::object> org;
        db.Read([&](store::Session& s) { org = LoadOrg(s, id, SeesContacts(r.caller.get(), id)); });
        if (!org) throw ApiError(Error::NotFound());
        return http::JsonResponse(200, *org);
    });

    context.router.Patch("/api/v1/organizations/{id}", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "organization.update");
        OrgInput in = ReadOrg(r, db, true);
        std::optional<std::int64_t> expected = http::ExpectedVersion(r, http::ParseJsonObject(r));
        json::object after;
        db.Write([&](store::Session& s) {
            std::optional<json::object> before = LoadOrg(s, id, true);
            if (!before || !policy.Allows(r.caller.get(), "organization.update", access::ObjectScope{.org_id = id})) {
                throw ApiError(Error::NotFound());
            }
            if (!policy.Allows(r.caller.get(), "organization.classify", {})) RequireDescriptiveOnly(in, *before);
            std::int64_t read_version = before->at("version").as_int64();
            if (expected && *expected != read_version) {
                throw ApiError(
                    Error::Conflict("数据已被他人修改，请刷新后重试", "Changed by someone else; reload and retry"));
            }
            if (in.credit_code && *in.credit_code != before->at("credit_code").as_string() &&
                !s.Query("SELECT 1 FROM organizations WHERE credit_code = $1", {*in.credit_code}).empty()) {
                throw ApiError(
                    Error::Validation({{"credit_code", {"该统一社会信用代码已登记", "Already registered"}}}));
            }
            store::UpdateGuarded(
                s, {.table = "organizations", .id = id, .version = read_version},
                "name = COALESCE($1, name), credit_code = COALESCE($2, credit_code), kind = COALESCE($3, kind), "
                "district_code = COALESCE($4, district_code), department_code = COALESCE($5, department_code), "
                "is_sme = COALESCE($6, is_sme), contacts = COALESCE($7, contacts), address = COALESCE($8, address), "
                "updated_at = $9",
                {in.name, in.credit_code, in.kind, in.district_code, in.department_code, in.is_sme, in.contacts_json,
                 in.address, clock::NowUtc()});
            after = *LoadOrg(s, id, true);
            // Indexed: the organisation's name shows on its resources' search results.
            changes::Record(s, r.ToActor(),
                            {.object_type = "organization",
                             .object_id = id,
                             .event = "updated",
                             .before_json = json::serialize(*before),
                             .snapshot = &after,
                             .version = read_version + 1,
                             .index = true});
        });
        return http::JsonResponse(200, after);
    });

    for (auto [path, table] :
         {std::pair{"/api/v1/districts", "districts"}, std::pair{"/api/v1/departments", "departments"}}) {
        std::string sql = std::string("SELECT code, name, name_en FROM ") + table + " ORDER BY code";
        context.router.Get(path, [&db, sql](Request&) {
            json::array items;
            db.Read([&](store::Session& s) {
                store::Rows rows = s.Query(sql);
                for (std::size_t i = 0; i < rows.size(); ++i) {
                    items.push_back(json::object{
                        {"code", rows[i].Text(0)}, {"name", rows[i].Text(1)}, {"name_en", rows[i].Text(2)}});
                }
            });
            return http::JsonResponse(200, json::object{{"items", std::move(items)}});
        });
    }
}

}  // namespace keyuan::catalog
