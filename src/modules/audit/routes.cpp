#include <boost/json/array.hpp>

#include "changes/audit.hpp"
#include "changes/audit_sealer.hpp"
#include "core/clock.hpp"
#include "exchange/export_cell.hpp"
#include "http/doc_shapes.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/audit/module.hpp"

namespace keyuan::audit {
namespace json = boost::json;

namespace {

constexpr int kExportLimit = 100000;

json::object EventToJson(const Event& e) {
    return json::object{{"id", std::to_string(e.id)},
                        {"at", e.at},
                        {"actor_user_id", e.actor_user_id ? json::value(std::to_string(*e.actor_user_id)) : nullptr},
                        {"actor_username", e.actor_username},
                        {"actor_role", e.actor_role},
                        {"ip", e.ip},
                        {"request_id", e.request_id},
                        {"event_type", e.event_type},
                        {"object_type", e.object_type},
                        {"object_id", e.object_id},
                        {"result", e.result},
                        {"before", http::TextOrNull(e.before_json)},
                        {"after", http::TextOrNull(e.after_json)},
                        {"detail", e.detail},
                        {"sealed", e.sealed}};
}

EventFilter ReadFilter(const http::Request& r) {
    EventFilter f;
    FieldErrors errors;
    for (const char* name : {"from", "to"}) {
        if (auto v = r.Query(name)) {
            if (!clock::ParseUtc(*v)) {
                errors.Add(name, "须为 UTC 时间，如 2026-01-31T00:00:00Z",
                           "Must be a UTC time like 2026-01-31T00:00:00Z");
            }
            (std::string_view(name) == "from" ? f.from : f.to) = *v;
        }
    }
    errors.ThrowIfAny();
    f.event_type = r.Query("event_type");
    f.object_type = r.Query("object_type");
    f.object_id = r.Query("object_id");
    f.username = r.Query("username");
    f.result = r.Query("result");
    return f;
}

}  // namespace

void Register(modules::ModuleContext& context) {
    // On PostgreSQL the server's records are chained by this thread, not in the writers'
    // transactions (changes/audit_sealer.hpp); one-shot commands keep sealing inline.
    if (context.settings.background_work) context.Keep(std::make_unique<Sealer>(context.db)).Start();
    context.policy.Allow("audit.read", Role::kAuditAdmin, access::Scope::kAll);
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Get("/api/v1/audit-events", [&db, &policy](http::Request& r) {
        policy.RequireAction(r.caller.get(), "audit.read");
        http::Paging paging = http::ParsePaging(r, 50);
        EventFilter filter = ReadFilter(r);
        filter.page = paging.page;
        filter.page_size = paging.page_size;
        EventPage page = List(db, filter);
        json::array items;
        for (const Event& e : page.items) items.push_back(EventToJson(e));
        return http::JsonResponse(200, json::object{{"items", std::move(items)},
                                                    {"total", page.total},
                                                    {"page", paging.page},
                                                    {"page_size", paging.page_size}});
    });
    context.router.Get("/api/v1/audit-events/export", [&db, &policy](http::Request& r) {
        policy.RequireAction(r.caller.get(), "audit.read");
        EventFilter filter = ReadFilter(r);
        filter.page_size = kExportLimit;
        EventPage page = List(db, filter);
        RecordAlone(db, r.ToActor(),
                    {.event_type = "audit.exported",
                     .object_type = "audit_events",
                     .detail = std::to_string(page.items.size()) + " records"});
        std::string csv =
            "\xEF\xBB\xBF"
            "id,at,actor_user_id,actor_username,actor_role,ip,request_id,event_type,object_type,"
            "object_id,result,detail\r\n";
        for (const Event& e : page.items) {
            csv += std::to_string(e.id) + "," + e.at + "," + (e.actor_user_id ? std::to_string(*e.actor_user_id) : "") +
                   "," + exchange::CsvCell(e.actor_username) + "," + exchange::CsvCell(e.actor_role) + "," +
                   exchange::CsvCell(e.ip) + "," + exchange::CsvCell(e.request_id) + "," +
                   exchange::CsvCell(e.event_type) + "," + exchange::CsvCell(e.object_type) + "," +
                   exchange::CsvCell(e.object_id) + "," + exchange::CsvCell(e.result) + "," +
                   exchange::CsvCell(e.detail) + "\r\n";
        }
        http::Response response;
        response.content_type = "text/csv; charset=utf-8";
        response.SetHeader("content-disposition", "attachment; filename=\"audit-events.csv\"");
        response.body = std::move(csv);
        return response;
    });
    // The chain checked from the browser, as `keyuan audit verify` does from the terminal. The
    // check itself is an audit administrator's act: it is recorded (and sealed after it).
    context.router.Get("/api/v1/audit-events/chain", [&db, &policy](http::Request& r) {
        policy.RequireAction(r.caller.get(), "audit.read");
        VerifyReport report = Verify(db);
        RecordAlone(db, r.ToActor(),
                    {.event_type = "audit.chain_verified",
                     .object_type = "audit_events",
                     .result = report.ok() ? "ok" : "failed",
                     .detail = std::to_string(report.checked) + " records" +
                               (report.ok() ? "" : ", broken at " + std::to_string(*report.first_bad_id))});
        return http::JsonResponse(
            200, json::object{{"ok", report.ok()},
                              {"checked", report.checked},
                              {"last_hash", report.last_hash},
                              {"first_bad_id", report.first_bad_id ? json::value(std::to_string(*report.first_bad_id))
                                                                   : json::value(nullptr)},
                              {"reason", report.reason},
                              {"unsealed", report.unsealed},
                              {"oldest_unsealed_seconds", report.oldest_unsealed_seconds},
                              {"stale", report.stale()}});
    });
    // The OpenAPI descriptions (decision 13 of docs/design/data-exchange.md).
    using namespace http::doc;
    context.router.AddSchema("AuditEvent", Object({{"id", Id()},
                                                   {"at", Str()},
                                                   {"actor_user_id", Nullable(Id())},
                                                   {"actor_username", Str()},
                                                   {"actor_role", Str()},
                                                   {"ip", Str()},
                                                   {"request_id", Str()},
                                                   {"event_type", Str()},
                                                   {"object_type", Str()},
                                                   {"object_id", Str()},
                                                   {"result", Str()},
                                                   {"before", Nullable(Str())},
                                                   {"after", Nullable(Str())},
                                                   {"detail", Str()},
                                                   {"sealed", Boolean()}},
                                                  {"id", "at", "actor_user_id", "event_type", "object_type",
                                                   "object_id", "result", "before", "after", "sealed"}));
    std::vector<http::ParamDoc> filters{QueryParam("from", Str(), "UTC time, 2026-01-31T00:00:00Z"),
                                        QueryParam("to", Str(), "UTC time"),
                                        QueryParam("event_type"),
                                        QueryParam("object_type"),
                                        QueryParam("object_id"),
                                        QueryParam("username"),
                                        QueryParam("result")};
    context.router.Describe(http::Method::kGet, "/api/v1/audit-events",
                            {.summary = "The audit trail, newest first (audit administrators)",
                             .tags = {"audit"},
                             .params = Paged(filters),
                             .response = PageOf(http::SchemaRef("AuditEvent")),
                             .errors = {401, 403, 422}});
    context.router.Describe(
        http::Method::kGet, "/api/v1/audit-events/chain",
        {.summary = "Verify the audit log's hash chain (audit administrators; the check is audited)",
         .tags = {"audit"},
         .response = Object(
             {{"ok", Boolean()},
              {"checked", Integer()},
              {"last_hash", Str()},
              {"first_bad_id", Nullable(Id())},
              {"reason", Str()},
              {"unsealed", Integer()},
              {"oldest_unsealed_seconds", Integer()},
              {"stale", Boolean()}},
             {"ok", "checked", "last_hash", "first_bad_id", "reason", "unsealed", "oldest_unsealed_seconds", "stale"}),
         .errors = {401, 403}});
    context.router.Describe(http::Method::kGet, "/api/v1/audit-events/export",
                            {.summary = "The filtered trail as CSV (UTF-8 with BOM, at most " +
                                        std::to_string(kExportLimit) + " records; the export is audited)",
                             .tags = {"audit"},
                             .params = filters,
                             .response = json::object{{"type", "string"}},
                             .response_type = "text/csv",
                             .errors = {401, 403, 422}});
}

}  // namespace keyuan::audit
