// /api/v1/achievement-packages: the operator (every package) and a department reviewer (its
// department's) assemble lists of public achievements and publish them; everyone reads the
// published ones, their items as they are public now.
//   POST   /api/v1/achievement-packages              {title, field?, description?, department_code? (operator)}
//   GET    /api/v1/achievement-packages?status=      published (default) | all | draft | withdrawn (editors)
//   GET    /api/v1/achievement-packages/{id}
//   PATCH  /api/v1/achievement-packages/{id}         {title?, field?, description?}, If-Match
//   PUT    /api/v1/achievement-packages/{id}/items   {achievement_ids: [...]}, If-Match
//   GET    /api/v1/achievement-packages/{id}/export?format=csv|xlsx
//   POST   …/{id}/publish, …/{id}/withdraw, GET …/{id}/steps, …/{id}/actions (workflow routes)
#include <functional>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "exchange/export_table.hpp"
#include "http/content_disposition.hpp"
#include "http/doc_shapes.hpp"
#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/achievements/packages.hpp"
#include "modules/achievements/vocabulary.hpp"
#include "store/guarded_update.hpp"
#include "workflow/routes.hpp"

namespace keyuan::achievements {
namespace json = boost::json;
using http::Request;

namespace {

/// The class as a reader of the exported sheet knows it.
std::string ClassNameZh(std::string_view code) {
    std::optional<std::size_t> index = ClassIndex(code);
    return std::string(index ? kClassNamesZh[*index] : code);
}

constexpr const char* kBase = "/api/v1/achievement-packages";

/// The package, if the caller may see it: published ones everybody, others their editors in scope.
Package Readable(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id) {
    std::optional<Package> p = LoadPackage(s, id);
    if (!p || (p->status != "published" && !policy.Allows(caller, "achievement_package.read", PackageScope(*p)))) {
        throw ApiError(Error::NotFound());
    }
    return *p;
}

/// The package, if the caller may change it (401/403 without the grant, 404 outside its scope).
Package Editable(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id) {
    std::optional<Package> p = LoadPackage(s, id);
    if (!p) throw ApiError(Error::NotFound());
    policy.Authorize(caller, "achievement_package.update", PackageScope(*p));
    return *p;
}

void Record(store::Session& s, const Actor& actor, const Package& after, const std::string& event) {
    json::object shown = PackageJson(s, after);
    changes::Record(s, actor,
                    {.object_type = "achievement_package",
                     .object_id = after.id,
                     .event = event,
                     .snapshot = &shown,
                     .version = after.version});
}

/// The ids of `achievement_ids`, each checked: approved, not secret, and for a department's package
/// of one of its units. Every bad id is named in one 422.
std::vector<std::int64_t> ReadItems(store::Session& s, const Package& p, const json::object& body) {
    http::JsonReader reader(body);
    auto texts = http::ReadList(reader, package_fields::kItems);
    reader.Finish();
    std::string bad;
    std::vector<std::int64_t> ids = ParseIdList(
        *texts,
        [&](std::int64_t id) {
            store::Rows row = s.Query(
                "SELECT o.department_code FROM achievements a JOIN organizations o ON o.id = a.org_id "
                "WHERE a.id = $1 AND a.status = 'approved' AND a.secret = 0",
                {id});
            return !row.empty() && (!p.department_code || row[0].Text(0) == *p.department_code);
        },
        bad);
    if (!bad.empty()) {
        throw ApiError(Error::Validation({{"achievement_ids",
                                           {"须为已审核通过、非涉密（部门清单须为本部门单位）且不重复的成果：" + bad,
                                            "Approved, non-secret achievements (of the department's units for a "
                                            "department's package), each once: " +
                                                bad}}}));
    }
    return ids;
}

/// A change of a package by its editor: in one transaction, the package read and authorised, the
/// body's expected version (If-Match or "version"; the one read otherwise), `change`, then the change
/// record and the package as it is now.
http::Response ChangePackage(
    store::Database& db, const access::Policy& policy, Request& r, const std::string& event,
    const std::function<void(store::Session&, const Package&, json::object& body, std::int64_t version)>& change) {
    std::int64_t id = http::PathId(r);
    policy.RequireAction(r.caller.get(), "achievement_package.update");
    json::object answer;
    db.Write([&](store::Session& s) {
        Package p = Editable(s, policy, r.caller.get(), id);
        json::object body = http::ParseJsonObject(r);
        std::optional<std::int64_t> expected = http::ExpectedVersion(r, body);
        change(s, p, body, expected.value_or(p.version));
        Package after = *LoadPackage(s, id);
        Record(s, r.ToActor(), after, event);
        answer = PackageJson(s, after);
    });
    return http::JsonResponse(200, answer);
}

void AddWriteRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;

    context.router.Post(kBase, [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "achievement_package.create");
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        auto title = http::ReadString(reader, package_fields::kTitle);
        auto field = http::ReadString(reader, package_fields::kField);
        auto description = http::ReadString(reader, package_fields::kDescription);
        auto department = http::ReadString(reader, package_fields::kDepartment);
        reader.Finish();
        // A department reviewer's package is its department's; the operator names one or none.
        std::optional<std::string> owner = r.caller->Has(Role::kOperator) ? department : r.caller->department_code;
        json::object answer;
        db.Write([&](store::Session& s) {
            if (owner && s.Query("SELECT 1 FROM departments WHERE code = $1", {*owner}).empty()) {
                throw ApiError(Error::Validation({{"department_code", {"主管部门不存在", "No such department"}}}));
            }
            std::string now = clock::NowUtc();
            std::int64_t id = s.InsertReturningId(
                "INSERT INTO achievement_packages (title, field, description, department_code, created_by, "
                "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
                {*title, field.value_or(""), description.value_or(""), owner, r.caller->user_id, now});
            Package p = *LoadPackage(s, id);
            Record(s, r.ToActor(), p, "created");
            answer = PackageJson(s, p);
        });
        return http::JsonResponse(201, answer);
    });

    context.router.Patch(std::string(kBase) + "/{id}", [&db, &policy](Request& r) {
        return ChangePackage(db, policy, r, "updated",
                             [](store::Session& s, const Package& p, json::object& body, std::int64_t version) {
                                 http::JsonReader reader(body);
                                 auto title = http::ReadString(reader, http::Optional(package_fields::kTitle));
                                 auto field = http::ReadString(reader, package_fields::kField);
                                 auto description = http::ReadString(reader, package_fields::kDescription);
                                 reader.Raw("version");
                                 reader.Finish();
                                 store::UpdateGuarded(s,
                                                      {.table = "achievement_packages", .id = p.id, .version = version},
                                                      "title = $1, field = $2, description = $3, updated_at = $4",
                                                      {title.value_or(p.title), field.value_or(p.field),
                                                       description.value_or(p.description), clock::NowUtc()});
                             });
    });

    context.router.Put(std::string(kBase) + "/{id}/items", [&db, &policy](Request& r) {
        return ChangePackage(db, policy, r, "items_changed",
                             [](store::Session& s, const Package& p, json::object& body, std::int64_t version) {
                                 body.erase("version");
                                 std::vector<std::int64_t> ids = ReadItems(s, p, body);
                                 store::UpdateGuarded(s,
                                                      {.table = "achievement_packages", .id = p.id, .version = version},
                                                      "updated_at = $1", {clock::NowUtc()});
                                 s.Execute("DELETE FROM achievement_package_items WHERE package_id = $1", {p.id});
                                 for (std::size_t i = 0; i < ids.size(); ++i) {
                                     s.Execute(
                                         "INSERT INTO achievement_package_items (package_id, achievement_id, "
                                         "position) VALUES ($1, $2, $3)",
                                         {p.id, ids[i], static_cast<std::int64_t>(i)});
                                 }
                             });
    });
}

void AddReadRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;

    context.router.Get(kBase, [&db, &policy](Request& r) {
        http::Paging paging = http::ParsePaging(r);
        std::string status = r.Query("status").value_or("published");
        std::string where = " WHERE 1 = 1";
        std::vector<store::Param> params;
        if (status != "published") {
            if (status != "all" && status != "draft" && status != "withdrawn") {
                throw ApiError(Error::Validation({{"status", {"未知状态：" + status, "Unknown status: " + status}}}));
            }
            policy.RequireAction(r.caller.get(), "achievement_package.read");
            if (!r.caller->Has(Role::kOperator)) {
                params.emplace_back(r.caller->department_code);
                where += " AND department_code = $" + std::to_string(params.size());
            }
        }
        if (status != "all") {
            params.emplace_back(status);
            where += " AND status = $" + std::to_string(params.size());
        }
        json::array items;
        std::int64_t total = 0;
        db.Read([&](store::Session& s) {
            total = s.Query("SELECT COUNT(*) FROM achievement_packages" + where, params).front().Int(0);
            std::vector<store::Param> page = params;
            page.emplace_back(static_cast<std::int64_t>(paging.page_size));
            page.emplace_back(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
            store::Rows rows = s.Query("SELECT id FROM achievement_packages" + where + " ORDER BY id DESC LIMIT $" +
                                           std::to_string(page.size() - 1) + " OFFSET $" + std::to_string(page.size()),
                                       page);
            for (std::size_t i = 0; i < rows.size(); ++i)
                items.push_back(PackageJson(s, *LoadPackage(s, rows[i].Int(0))));
        });
        return http::JsonResponse(200, http::PageEnvelope(std::move(items), total, paging));
    });

    context.router.Get(std::string(kBase) + "/{id}", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) { answer = PackageJson(s, Readable(s, policy, r.caller.get(), id)); });
        return http::JsonResponse(200, answer);
    });

    context.router.Get(std::string(kBase) + "/{id}/export", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        std::string format = r.Query("format").value_or("xlsx");
        if (format != "csv" && format != "xlsx") {
            throw ApiError(Error::Validation({{"format", {"须为 csv 或 xlsx", "format: csv or xlsx"}}}));
        }
        exchange::ExportSheet sheet{.name = "成果清单", .header = {"序号", "成果名称", "类别", "完成单位", "登记号"}};
        std::string title;
        db.Read([&](store::Session& s) {
            json::object shown = PackageJson(s, Readable(s, policy, r.caller.get(), id));
            title = std::string(shown.at("title").as_string());
            int n = 0;
            for (const json::value& item : shown.at("items").as_array()) {
                const json::object& o = item.as_object();
                sheet.rows.push_back({exchange::ExportCell::Number(++n),
                                      exchange::ExportCell::Text(std::string(o.at("name").as_string())),
                                      exchange::ExportCell::Text(ClassNameZh(o.at("class").as_string())),
                                      exchange::ExportCell::Text(std::string(o.at("org_name").as_string())),
                                      exchange::ExportCell::Text(std::string(o.at("registration_no").as_string()))});
            }
        });
        http::Response response;
        response.content_type = format == "csv" ? "text/csv; charset=utf-8" : http::doc::kXlsxType;
        response.body = format == "csv" ? exchange::ToCsv(sheet) : exchange::ToXlsx(sheet);
        response.SetHeader("content-disposition", http::AttachmentDisposition(title + "." + format));
        return response;
    });
}

}  // namespace

void RegisterPackageRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    AddWriteRoutes(context);
    AddReadRoutes(context);
    workflow::RegisterRoutes(context.router, context.db, lifecycle, context.policy, kBase);
}

}  // namespace keyuan::achievements
