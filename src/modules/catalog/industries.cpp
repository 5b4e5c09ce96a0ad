#include "modules/catalog/industries.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "changes/audit.hpp"
#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/catalog/hitech_import.hpp"
#include "modules/catalog/subcategories.hpp"
#include "search/outbox.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::catalog {
namespace json = boost::json;
using http::Request;

namespace {

json::object Tree(store::Database& db) {
    json::array industries;
    db.Read([&](store::Session& s) {
        store::Rows top = s.Query("SELECT id, name FROM hitech_industries ORDER BY sort_order, id");
        store::Rows rows = s.Query(std::string(kSubcategorySelect) + " ORDER BY x.industry_id, x.name, x.code");
        for (std::size_t i = 0; i < top.size(); ++i) {
            json::array children;
            for (std::size_t k = 0; k < rows.size(); ++k) {
                if (rows[k].Int(1) == top[i].Int(0)) children.push_back(SubcategoryJson(rows[k]));
            }
            industries.push_back(json::object{{"id", std::to_string(top[i].Int(0))},
                                              {"name", top[i].Text(1)},
                                              {"subcategories", std::move(children)}});
        }
    });
    return json::object{{"items", std::move(industries)}};
}

struct SubcategoryInput {
    std::optional<std::string> name, code, scope;
};

SubcategoryInput ReadSubcategory(store::Session& s, const Request& r, bool required) {
    json::object body = http::ParseJsonObject(r);
    http::JsonReader reader(body);
    SubcategoryInput in;
    in.name =
        http::ReadString(reader, required ? subcategory_fields::kName : http::Optional(subcategory_fields::kName));
    in.code =
        http::ReadString(reader, required ? subcategory_fields::kCode : http::Optional(subcategory_fields::kCode));
    in.scope = http::ReadString(reader, subcategory_fields::kScope);
    reader.Raw("version");
    if (in.code && s.Query("SELECT 1 FROM industry_codes WHERE code = $1 AND level = 4", {*in.code}).empty()) {
        reader.errors().Add("code", "不是 GB/T 4754-2017 的 4 位行业小类代码", "Not a 4-digit GB/T 4754-2017 code");
    }
    reader.Finish();
    return in;
}

void AddCatalogRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Get("/api/v1/industries", [&db](Request&) { return http::JsonResponse(200, Tree(db)); });
    context.router.Post("/api/v1/industries/{id}/subcategories", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "industry_catalog.update");
        std::int64_t industry = http::PathId(r);
        json::object out;
        db.Write([&](store::Session& s) {
            if (s.Query("SELECT 1 FROM hitech_industries WHERE id = $1", {industry}).empty()) {
                throw ApiError(Error::NotFound());
            }
            SubcategoryInput in = ReadSubcategory(s, r, true);
            if (!s.Query("SELECT 1 FROM hitech_subcategories WHERE industry_id = $1 AND name = $2 AND code = $3",
                         {industry, *in.name, *in.code})
                     .empty()) {
                throw ApiError(
                    Error::Conflict("该子类已映射到此代码", "This sub-category is already mapped to that code"));
            }
            std::int64_t id = s.InsertReturningId(
                "INSERT INTO hitech_subcategories (industry_id, name, code, scope, updated_at) VALUES ($1, $2, $3, $4, "
                "$5) RETURNING id",
                {industry, *in.name, *in.code, in.scope.value_or(""), clock::NowUtc()});
            // Resources with this code now belong to the industry: their search documents and lists change.
            search::RecordIndustryCodeChange(s, *in.code);
            out = RecordSubcategoryChange(s, r.ToActor(), id, "created", std::nullopt);
        });
        return http::JsonResponse(201, out);
    });
    context.router.Patch("/api/v1/industry-subcategories/{id}", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "industry_catalog.update");
        std::int64_t id = http::PathId(r);
        json::object out;
        db.Write([&](store::Session& s) {
            store::Rows before = s.Query(std::string(kSubcategorySelect) + " WHERE x.id = $1", {id});
            if (before.empty()) throw ApiError(Error::NotFound());
            SubcategoryInput in = ReadSubcategory(s, r, false);
            std::optional<std::int64_t> expected = http::ExpectedVersion(r, http::ParseJsonObject(r));
            if (expected && *expected != before.front().Int(6)) {
                throw ApiError(Error::Conflict("该子类已被他人修改，请刷新后重试",
                                               "Changed by someone else since you read it; reload and retry"));
            }
            store::UpdateGuarded(s, {.table = "hitech_subcategories", .id = id, .version = before.front().Int(6)},
                                 "name = COALESCE($1, name), code = COALESCE($2, code), scope = COALESCE($3, scope), "
                                 "updated_at = $4",
                                 {in.name, in.code, in.scope, clock::NowUtc()});
            search::RecordIndustryCodeChange(s, std::string(before.front().Text(3)));
            if (in.code && *in.code != before.front().Text(3)) search::RecordIndustryCodeChange(s, *in.code);
            out = RecordSubcategoryChange(s, r.ToActor(), id, "updated",
                                          json::serialize(SubcategoryJson(before.front())));
        });
        return http::JsonResponse(200, out);
    });
    context.router.Get("/api/v1/industry-subcategories/{id}/history", [&db](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object history;
        db.Read([&](store::Session& s) {
            // Published reference data: the catalog and its history are public (authorization matrix).
            if (s.Query("SELECT 1 FROM hitech_subcategories WHERE id = $1", {id}).empty())
                throw ApiError(Error::NotFound());
            history = changes::History(s, "hitech_subcategory", id);
        });
        return http::JsonResponse(200, history);
    });
    context.router.Get("/api/v1/instrument-classes", [&db](Request&) {
        json::array items;
        db.Read([&](store::Session& s) {
            store::Rows rows = s.Query(
                "SELECT code, name, level, COALESCE(parent_code, ''), name_en FROM instrument_classes ORDER BY code");
            for (std::size_t i = 0; i < rows.size(); ++i) {
                items.push_back(json::object{{"code", rows[i].Text(0)},
                                             {"name", rows[i].Text(1)},
                                             {"name_en", rows[i].Text(4)},
                                             {"level", rows[i].Int(2)},
                                             {"parent", rows[i].Text(3)}});
            }
        });
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });
    context.router.Get("/api/v1/industry-codes", [&db](Request& r) {
        std::string parent = r.Query("parent").value_or("");
        std::string q = r.Query("q").value_or("");
        json::array items;
        db.Read([&](store::Session& s) {
            store::Rows rows =
                q.empty() ? s.Query(
                                "SELECT code, name, level, COALESCE(parent_code, '') FROM industry_codes WHERE "
                                "COALESCE(parent_code, '') = $1 ORDER BY code",
                                {parent})
                          : s.Query(
                                "SELECT code, name, level, COALESCE(parent_code, '') FROM industry_codes WHERE "
                                "code LIKE $1 OR name LIKE $2 ORDER BY code LIMIT 50",
                                {q.substr(0, 4) + "%", "%" + q.substr(0, 60) + "%"});
            for (std::size_t i = 0; i < rows.size(); ++i) {
                items.push_back(json::object{{"code", rows[i].Text(0)},
                                             {"name", rows[i].Text(1)},
                                             {"level", rows[i].Int(2)},
                                             {"parent", rows[i].Text(3)}});
            }
        });
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });
}

void AddCalendarRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Get("/api/v1/calendar-days", [&db](Request& r) {
        std::string year = r.Query("year").value_or(clock::TodayShanghai().substr(0, 4)).substr(0, 4);
        json::array items;
        db.Read([&](store::Session& s) {
            store::Rows rows =
                s.Query("SELECT day, kind, name FROM calendar_days WHERE day LIKE $1 ORDER BY day", {year + "-%"});
            for (std::size_t i = 0; i < rows.size(); ++i) {
                items.push_back(
                    json::object{{"day", rows[i].Text(0)}, {"kind", rows[i].Text(1)}, {"name", rows[i].Text(2)}});
            }
        });
        return http::JsonResponse(200, json::object{{"year", year}, {"items", std::move(items)}});
    });
    // The State Council publishes each next year's holidays in the autumn; the operator
    // enters them here: {"days":[{"day":"2027-01-01","kind":"holiday","name":"元旦"}, …]}.
    context.router.Post("/api/v1/calendar-days", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "calendar.update");
        json::object body = http::ParseJsonObject(r);
        const json::value* days = body.if_contains("days");
        FieldErrors errors;
        if (body.size() != 1 || !days || !days->is_array() || days->as_array().empty() ||
            days->as_array().size() > 400) {
            errors.Add("days", "须为 1–400 项的数组", "Must be an array of 1–400 days");
            errors.ThrowIfAny();
        }
        std::vector<std::tuple<std::string, std::string, std::string>> rows;
        for (std::size_t i = 0; i < days->as_array().size(); ++i) {
            const json::value& d = days->as_array()[i];
            std::string at = "days." + std::to_string(i);
            const json::object* o = d.if_object();
            const json::value* day = o ? o->if_contains("day") : nullptr;
            const json::value* kind = o ? o->if_contains("kind") : nullptr;
            const json::value* name = o ? o->if_contains("name") : nullptr;
            bool ok = day && day->is_string() && Date::Parse(day->as_string()) && kind && kind->is_string() &&
                      (kind->as_string() == "holiday" || kind->as_string() == "workday") &&
                      (!name || (name->is_string() && name->as_string().size() <= 60));
            if (!ok) {
                errors.Add(at, "须为 {day: YYYY-MM-DD, kind: holiday|workday, name}", "Must be {day, kind, name}");
                continue;
            }
            rows.emplace_back(std::string(day->as_string()), std::string(kind->as_string()),
                              name ? std::string(name->as_string()) : "");
        }
        errors.ThrowIfAny();
        db.Write([&](store::Session& s) {
            for (const auto& [day, kind, name] : rows) {
                s.Execute(
                    "INSERT INTO calendar_days (day, kind, name) VALUES ($1, $2, $3) ON CONFLICT (day) DO UPDATE SET "
                    "kind = excluded.kind, name = excluded.name",
                    {day, kind, name});
            }
            audit::Record(s, r.ToActor(),
                          {.event_type = "calendar.updated",
                           .object_type = "calendar_days",
                           .detail = std::to_string(rows.size()) + " days"});
        });
        return http::JsonResponse(200, json::object{{"saved", static_cast<std::int64_t>(rows.size())}});
    });
}

/// Instruments registered after their due date, or still not registered past it, counted
/// per unit; departments see their units, the operator all.
void AddRegistrationReport(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Get("/api/v1/instruments/registration-report", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "instrument.review");
        std::vector<access::Scope> scopes = policy.ScopesFor(r.caller.get(), "instrument.review");
        bool all = std::find(scopes.begin(), scopes.end(), access::Scope::kAll) != scopes.end();
        std::string today = clock::TodayShanghai();
        json::array items;
        db.Read([&](store::Session& s) {
            std::string sql =
                "SELECT o.id, o.name, COALESCE(o.department_code, ''), "
                "SUM(CASE WHEN i.registered_late = 1 THEN 1 ELSE 0 END), "
                "SUM(CASE WHEN i.registered_on IS NULL AND i.registration_due_date < $1 THEN 1 ELSE 0 END), COUNT(*) "
                "FROM instruments i JOIN organizations o ON o.id = i.org_id WHERE i.status <> 'withdrawn'";
            std::vector<store::Param> params = {today};
            if (!all) {
                params.emplace_back(r.caller->department_code);
                sql += " AND o.department_code = $2";
            }
            sql +=
                " GROUP BY o.id, o.name, o.department_code HAVING SUM(CASE WHEN i.registered_late = 1 THEN 1 ELSE 0 "
                "END) > 0 OR SUM(CASE WHEN i.registered_on IS NULL AND i.registration_due_date < $1 THEN 1 ELSE 0 "
                "END) > 0 ORDER BY o.department_code, o.name";
            store::Rows rows = s.Query(sql, params);
            for (std::size_t i = 0; i < rows.size(); ++i) {
                items.push_back(json::object{{"org_id", std::to_string(rows[i].Int(0))},
                                             {"org_name", rows[i].Text(1)},
                                             {"department_code", rows[i].Text(2)},
                                             {"registered_late", rows[i].Int(3)},
                                             {"overdue_unregistered", rows[i].Int(4)},
                                             {"instruments", rows[i].Int(5)}});
            }
        });
        return http::JsonResponse(200, json::object{{"as_of", today}, {"items", std::move(items)}});
    });
}

}  // namespace

void RegisterIndustries(modules::ModuleContext& context) {
    context.policy.Allow("industry_catalog.update", Role::kOperator, access::Scope::kAll);
    context.policy.Allow("calendar.update", Role::kOperator, access::Scope::kAll);
    AddCatalogRoutes(context);
    AddHitechImport(context);
    AddCalendarRoutes(context);
    AddRegistrationReport(context);
}

}  // namespace keyuan::catalog