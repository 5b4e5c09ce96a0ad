// The import API (docs/design/data-exchange.md, the routes fixed in issue 19's briefing).
#include <boost/json/array.hpp>

#include "core/log.hpp"

#include "exchange/export_table.hpp"
#include "exchange/import_door.hpp"
#include "exchange/xlsx_template.hpp"
#include "http/content_disposition.hpp"
#include "http/doc_shapes.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/imports/import.hpp"
#include "modules/imports/module.hpp"
#include "modules/imports/runs.hpp"

namespace keyuan::imports {
namespace json = boost::json;
using http::Request;

namespace {

constexpr std::size_t kOtherImportBytes = 1024 * 1024;

bool Flag(const Request& r, const char* name, FieldErrors& errors) {
    std::string value = r.Query(name).value_or("false");
    if (value == "true" || value == "1") return true;
    if (value != "false" && value != "0") errors.Add(name, "须为 true 或 false", "Must be true or false");
    return false;
}

json::object KindJson(const registry::ResourceEngine& e) {
    Text label = KindLabel(e.spec().kind);
    json::array columns;
    for (const exchange::Column& c : e.spec().columns.list) {
        columns.push_back(json::object{{"key", c.key},
                                       {"header_zh", c.zh},
                                       {"header_en", c.en},
                                       {"required", c.required},
                                       {"note_zh", c.note_zh},
                                       {"note_en", c.note_en},
                                       {"example", c.example}});
    }
    return json::object{
        {"kind", e.spec().kind}, {"label_zh", label.zh}, {"label_en", label.en}, {"columns", std::move(columns)}};
}

http::Response XlsxFile(std::string bytes, const std::string& name_zh, const std::string& name_ascii) {
    http::Response response;
    response.content_type = http::doc::kXlsxType;
    response.body = std::move(bytes);
    response.SetHeader("content-disposition", http::AttachmentDisposition(name_zh, name_ascii));
    return response;
}

// The run, when the caller may see it: its organisation's importers and the operator (404 otherwise).
void RequireRun(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id) {
    std::optional<RunOwner> owner = LoadRunOwner(s, id);
    bool own = owner && caller && owner->user_id && *owner->user_id == caller->user_id;
    if (!owner || (!own && !policy.Allows(caller, "import.read", access::ObjectScope{.org_id = owner->org_id}))) {
        throw ApiError(Error::NotFound());
    }
}

// Checked and recorded now; written now (200), or by a background thread when the file has more
// than kJobRows rows (202 with the run, whose GET shows its progress).
http::Response AnswerImport(store::Database& db, ImportKinds& kinds, const ImportRequest& request, const Request& r) {
    std::shared_ptr<PreparedRun> run = PrepareImport(db, kinds, request, r.caller.get());
    bool queued = run->data_rows > kJobRows;
    if (queued) {
        auto caller = r.caller;  // alive while the job runs
        Actor actor = r.ToActor();
        kinds.Launch([&db, run, caller, actor] {
            try {
                ExecuteImport(db, *run, caller.get(), actor);
            } catch (const std::exception& e) {
                log::Error("import failed", {{"run", std::to_string(run->id)}, {"error", e.what()}});
            }
        });
    } else {
        ExecuteImport(db, *run, r.caller.get(), r.ToActor());
    }
    json::object out;
    db.Read([&](store::Session& s) { out = RunJson(s, run->id); });
    return http::JsonResponse(queued ? 202 : 200, out);
}

// The query and headers of POST /api/v1/imports; 422 naming every bad one.
ImportRequest ReadRequest(const Request& r, ImportKinds& kinds) {
    FieldErrors errors;
    std::string kind = r.Query("kind").value_or("");
    if (!kinds.Find(kind)) kinds.AddUnknownKind(errors, "hitech_catalog");  // the catalog's import door
    ImportRequest request{.kind = kind,
                          .dry_run = Flag(r, "dry_run", errors),
                          .all_or_nothing = Flag(r, "all_or_nothing", errors),
                          .org_id = http::QueryId(r, "org_id", errors),
                          .file_name = "",
                          .bytes = r.body};
    std::string_view name = r.HeaderValue("x-file-name");
    if (name.size() > 1000) errors.Add("X-File-Name", "文件名过长", "The file name is too long");
    errors.ThrowIfAny();
    request.file_name = http::PercentDecode(name, false).value_or(std::string(name));
    return request;
}

http::Response PostImport(store::Database& db, const access::Policy& policy, ImportKinds& kinds,
                          const exchange::ImportDoor& door, Request& r) {
    std::string kind = r.Query("kind").value_or("");
    if (auto other = door.handlers.find(kind); other != door.handlers.end()) {
        // The other importers keep the server's usual body limit (the route's is raised for ours).
        if (r.body.size() > kOtherImportBytes) throw ApiError(Error::PayloadTooLarge());
        return other->second(r);
    }
    // Who may import comes before what was sent: a visitor learns nothing about the request.
    policy.RequireAction(r.caller.get(), "import.run");
    ImportRequest request = ReadRequest(r, kinds);
    return AnswerImport(db, kinds, request, r);
}

std::vector<exchange::ReferenceSheet> References(store::Database& db) {
    exchange::ReferenceSheet codes{.name = "行业代码", .header = {"行业代码", "名称"}, .rows = {}};
    db.Read([&](store::Session& s) {
        store::Rows rows = s.Query("SELECT code, name FROM industry_codes WHERE level = 4 ORDER BY code");
        for (std::size_t i = 0; i < rows.size(); ++i) {
            codes.rows.push_back({std::string(rows[i].Text(0)), std::string(rows[i].Text(1))});
        }
    });
    return {codes};
}

}  // namespace

void AddRoutes(modules::ModuleContext& context, ImportKinds& kinds) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    for (Role role : {Role::kUnitAdmin, Role::kFinancialInstitution}) {
        context.policy.Allow("import.run", role, access::Scope::kOrganization);
        context.policy.Allow("import.read", role, access::Scope::kOrganization);
    }
    context.policy.Allow("import.run", Role::kOperator, access::Scope::kAll);
    context.policy.Allow("import.read", Role::kOperator, access::Scope::kAll);

    // Literal routes before /{id}.
    context.router.Get("/api/v1/imports/kinds", [&policy, &kinds](Request& r) {
        policy.RequireAction(r.caller.get(), "import.run");
        json::array items;
        for (const auto& e : kinds.all()) {
            if (!kinds.policy().ScopesFor(r.caller.get(), e->spec().kind + ".create").empty()) {
                items.push_back(KindJson(*e));
            }
        }
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });
    context.router.Get("/api/v1/imports/templates/{kind}", [&db, &policy, &kinds](Request& r) {
        policy.RequireAction(r.caller.get(), "import.run");
        registry::ResourceEngine* e = kinds.Find(r.PathParam("kind"));
        if (!e) throw ApiError(Error::NotFound());
        Text label = KindLabel(e->spec().kind);
        std::string bytes = exchange::TemplateXlsx(label.zh, e->spec().columns, References(db));
        return XlsxFile(std::move(bytes), label.zh + "导入模板.xlsx", e->spec().kind + "-template.xlsx");
    });
    exchange::ImportDoor& door = exchange::ImportDoorOf(context);
    context.router.Post("/api/v1/imports",
                        [&db, &policy, &kinds, &door](Request& r) { return PostImport(db, policy, kinds, door, r); },
                        {.max_body_bytes = kMaxFileBytes});
    context.router.Get("/api/v1/imports", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "import.read");
        http::Paging paging = http::ParsePaging(r);
        const Caller* caller = r.caller.get();
        bool all = caller->Has(Role::kOperator);
        json::array items;
        std::int64_t total = 0;
        db.Read([&](store::Session& s) {
            std::string where = all ? "1 = 1" : "(org_id = $1 OR user_id = $2)";
            std::vector<store::Param> params;
            if (!all) params = {caller->org_id.value_or(0), caller->user_id};
            total = s.Query("SELECT COUNT(*) FROM import_runs WHERE " + where, params).front().Int(0);
            params.push_back(static_cast<long long>(paging.page_size));
            params.push_back(static_cast<long long>((paging.page - 1) * paging.page_size));
            std::string limit =
                " LIMIT $" + std::to_string(params.size() - 1) + " OFFSET $" + std::to_string(params.size());
            store::Rows ids =
                s.Query("SELECT id FROM import_runs WHERE " + where + " ORDER BY id DESC" + limit, params);
            for (std::size_t i = 0; i < ids.size(); ++i) {
                json::object run = RunJson(s, ids[i].Int(0));
                run.erase("rows");
                run.erase("errors");
                items.push_back(std::move(run));
            }
        });
        return http::JsonResponse(200, http::PageEnvelope(std::move(items), total, paging));
    });
    context.router.Get("/api/v1/imports/{id}", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "import.read");
        std::int64_t id = http::PathId(r);
        json::object out;
        db.Read([&](store::Session& s) {
            RequireRun(s, policy, r.caller.get(), id);
            out = RunJson(s, id);
        });
        return http::JsonResponse(200, out);
    });
    context.router.Get("/api/v1/imports/{id}/report.xlsx", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "import.read");
        std::int64_t id = http::PathId(r);
        RefusedSource source;
        db.Read([&](store::Session& s) {
            RequireRun(s, policy, r.caller.get(), id);
            source = LoadRefused(s, id);
        });
        exchange::ExportSheet sheet{.name = "错误报告", .header = {"错误说明"}, .rows = {}};
        for (const std::string& h : source.header) sheet.header.push_back(h);
        for (auto& [cells, explanation] : source.rows) {
            std::vector<exchange::ExportCell> row = {exchange::ExportCell::Text(explanation)};
            for (std::string& c : cells) row.push_back(exchange::ExportCell::Text(std::move(c)));
            sheet.rows.push_back(std::move(row));
        }
        std::string name = "导入错误报告-" + std::to_string(id) + ".xlsx";
        return XlsxFile(exchange::ToXlsx(sheet), name, "import-report-" + std::to_string(id) + ".xlsx");
    });
}

}  // namespace keyuan::imports
