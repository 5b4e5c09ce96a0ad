// What a broker does for a demand assigned to them (docs/design/tech-demands.md).
//   POST /api/v1/tech-demands/{id}/work-logs {work_date, kind, note}  the broker of an accepted assignment → 201
//   GET  /api/v1/tech-demands/{id}/work-logs                          that broker, owners, reviewers, the operator
//   GET  /api/v1/tech-demands/{id}/contact                            the demand's phone and e-mail, for that broker
// Any other broker gets 404: a demand not assigned to them is, to them, not there.
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "changes/audit.hpp"
#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/tech_demands/assignment_store.hpp"
#include "modules/tech_demands/fields.hpp"
#include "modules/tech_demands/module_parts.hpp"
#include "modules/tech_demands/rules.hpp"
#include "modules/tech_demands/vocabulary.hpp"
#include "registry/common_fields.hpp"

namespace keyuan::tech_demands {
namespace json = boost::json;
using http::Request;

namespace {

const std::string kRecordWork = std::string(kDemandKind) + ".record_work";

/// The caller's accepted assignment on the demand; 404 (as for a demand that is not there) otherwise.
Assignment OwnAssignment(store::Session& s, const registry::ResourceEngine& demands, const access::Policy& policy,
                         const Request& r, std::int64_t demand_id) {
    policy.RequireAction(r.caller.get(), kRecordWork);
    std::optional<registry::StoredResource> d = demands.Load(s, demand_id);
    if (!d) throw ApiError(Error::NotFound());
    policy.Authorize(r.caller.get(), kRecordWork, DemandScope(s, demands, *d));
    return *AcceptedAssignment(s, demand_id, r.caller->user_id);
}

json::object LogJson(const store::Row& row) {
    return json::object{{"id", std::to_string(row.Int(0))},
                        {"assignment_id", std::to_string(row.Int(1))},
                        {"broker_id", std::to_string(row.Int(2))},
                        {"broker_name", row.Text(3)},
                        {"work_date", row.Text(4)},
                        {"kind", row.Text(5)},
                        {"note", row.Text(6)},
                        {"created_at", row.Text(7)}};
}

constexpr const char* kLogSelect =
    "SELECT w.id, w.assignment_id, w.broker_id, b.name, w.work_date, w.kind, w.note, w.created_at "
    "FROM tech_broker_work_logs w JOIN tech_brokers b ON b.id = w.broker_id ";

json::object RecordWork(store::Session& s, const Assignment& a, const json::object& body, const Request& r) {
    http::JsonReader reader(body);
    std::optional<std::string> date = http::ReadDate(reader, work_log::kWorkDate);
    std::optional<std::string> kind = http::ReadEnum(reader, work_log::kKind);
    std::string note = http::ReadString(reader, work_log::kNote).value_or("");
    if (date) CheckWorkDate(*date, a.created_at, clock::TodayShanghai(), reader.errors());
    reader.Finish();
    std::int64_t id = s.Query(
                           "INSERT INTO tech_broker_work_logs (assignment_id, demand_id, broker_id, work_date, "
                           "kind, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                           "RETURNING id",
                           {a.id, a.demand_id, a.broker_id, *date, *kind, note, r.caller->user_id, clock::NowUtc()})
                          .front()
                          .Int(0);
    json::object out = LogJson(s.Query(std::string(kLogSelect) + "WHERE w.id = $1", {id})[0]);
    changes::Record(s, r.ToActor(),
                    {.object_type = "tech_broker_work_log",
                     .object_id = id,
                     .event = "created",
                     .after_json = json::serialize(out)});
    return out;
}

}  // namespace

void RegisterWorkRoutes(modules::ModuleContext& context, const registry::ResourceEngine& demands) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    std::string logs = std::string(kDemandBase) + "/{id}/work-logs";
    context.router.Post(logs, [&db, &policy, &demands](Request& r) {
        policy.RequireAction(r.caller.get(), kRecordWork);  // who may, before what was sent
        std::int64_t id = http::PathId(r);
        json::object body = http::ParseJsonObject(r);
        json::object out;
        db.Write([&](store::Session& s) { out = RecordWork(s, OwnAssignment(s, demands, policy, r, id), body, r); });
        return http::JsonResponse(201, out);
    });
    context.router.Get(logs, [&db, &policy, &demands](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "tech_demand.read_work");
        json::array items;
        db.Read([&](store::Session& s) {
            std::optional<registry::StoredResource> d = demands.Load(s, id);
            if (!d) throw ApiError(Error::NotFound());
            policy.Authorize(r.caller.get(), "tech_demand.read_work", DemandScope(s, demands, *d));
            store::Rows rows =
                s.Query(std::string(kLogSelect) + "WHERE w.demand_id = $1 ORDER BY w.work_date DESC, w.id DESC", {id});
            for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(LogJson(rows[i]));
        });
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });
    context.router.Get(std::string(kDemandBase) + "/{id}/contact", [&db, &policy, &demands](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "tech_demand.reveal_contact");
        std::optional<registry::StoredResource> d;
        db.Read([&](store::Session& s) {
            d = demands.Load(s, id);
            if (!d) throw ApiError(Error::NotFound());
            policy.Authorize(r.caller.get(), "tech_demand.reveal_contact", DemandScope(s, demands, *d));
        });
        audit::RecordAlone(db, r.ToActor(),
                           {.event_type = "tech_demand.contact_revealed",
                            .object_type = std::string(kDemandKind),
                            .object_id = std::to_string(id)});
        auto text = [&](const char* name) { return registry::TextOf(d->values, name).value_or(""); };
        return http::JsonResponse(200, json::object{{"id", std::to_string(id)},
                                                    {"contact_name", text("contact_name")},
                                                    {"contact_phone", text("contact_phone")},
                                                    {"contact_email", text("contact_email")}});
    });
}

}  // namespace keyuan::tech_demands
