// /api/v1/tech-brokers: brokers' profiles (docs/design/tech-demands.md).
//   POST  /api/v1/tech-brokers        a broker user's profile → 201, pending
//   GET   /api/v1/tech-brokers/me     the caller's own profile
//   PATCH /api/v1/tech-brokers/me     the whole profile, If-Match; a changed qualification → pending
//   GET   /api/v1/tech-brokers?industry=&district_code=&level=&q=&status=&page=&page_size=
//                                     active ones with a valid qualification; the operator any status
//   GET   /api/v1/tech-brokers/{id}   an active one for everyone; others for themselves and the operator
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/tech_demands/module_parts.hpp"
#include "modules/tech_demands/vocabulary.hpp"
#include "workflow/queues.hpp"

namespace keyuan::tech_demands {
namespace json = boost::json;
using http::Request;

namespace {

void RecordBroker(store::Session& s, const Actor& actor, const Broker& after, const char* event,
                  std::optional<std::string> before) {
    json::object shown = BrokerJson(after, true);
    changes::Record(s, actor,
                    {.object_type = std::string(kBrokerKind),
                     .object_id = after.id,
                     .event = event,
                     .before_json = std::move(before),
                     .snapshot = &shown,
                     .version = after.version});
}

/// The public list's conditions; the operator may ask for any status (default: active).
void ReadFilters(const Request& r, const access::Policy& policy, workflow::Conditions& where, FieldErrors& errors) {
    std::string status = r.Query("status").value_or("active");
    bool all_statuses = !policy.ScopesFor(r.caller.get(), "tech_broker.review").empty();
    if (status != "active" && !all_statuses) {
        errors.Add("status", "只能查看已启用的经纪人", "Only active brokers are listed");
    } else if (status == "active") {
        // Active, and qualified today: a lapsed certificate leaves the public list by itself.
        where.And("b.status = 'active' AND b.valid_until >= " + where.Param(clock::TodayShanghai()));
    } else if (status == "pending" || status == "suspended") {
        where.And("b.status = " + where.Param(status));
    } else if (status != "all") {
        errors.Add("status", "状态须为 active、pending、suspended 或 all", "status: active, pending, suspended or all");
    }
    if (auto industry = r.Query("industry")) {
        std::string prefix = industry->substr(0, 4);
        where.And("b.id IN (SELECT x.broker_id FROM tech_broker_industries x WHERE x.code >= " + where.Param(prefix) +
                  " AND x.code < " + where.Param(prefix + "~") + ")");
    }
    if (auto district = r.Query("district_code")) {
        where.And("b.id IN (SELECT x.broker_id FROM tech_broker_districts x WHERE x.district_code = " +
                  where.Param(*district) + ")");
    }
    if (auto level = r.Query("level")) {
        if (std::find(kBrokerLevels.begin(), kBrokerLevels.end(), *level) == kBrokerLevels.end()) {
            errors.Add("level", "级别须为 junior、intermediate 或 senior", "level: junior, intermediate or senior");
        } else {
            where.And("b.level = " + where.Param(*level));
        }
    }
    if (auto q = r.Query("q"); q && !q->empty()) {
        std::string like = where.Param(http::LikeContains(q->substr(0, 200)));
        where.And("(LOWER(b.name) LIKE " + like + " ESCAPE '\\' OR LOWER(b.introduction) LIKE " + like +
                  " ESCAPE '\\')");
    }
}

json::object ListBrokers(store::Database& db, const access::Policy& policy, const Request& r) {
    http::Paging paging = http::ParsePaging(r);
    FieldErrors errors;
    workflow::Conditions where;
    ReadFilters(r, policy, where, errors);
    errors.ThrowIfAny();
    json::array items;
    std::int64_t total = 0;
    db.Read([&](store::Session& s) {
        total = s.Query("SELECT COUNT(*) FROM tech_brokers b" + where.where(), where.params()).front().Int(0);
        std::string page = " ORDER BY b.id DESC LIMIT " + where.Param(paging.page_size) + " OFFSET " +
                           where.Param(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
        store::Rows rows = s.Query("SELECT b.id FROM tech_brokers b" + where.where() + page, where.params());
        std::vector<std::int64_t> ids;
        for (std::size_t i = 0; i < rows.size(); ++i) ids.push_back(rows[i].Int(0));
        for (const Broker& b : LoadBrokers(s, ids)) items.push_back(BrokerJson(b, r.caller != nullptr));
    });
    return http::PageEnvelope(std::move(items), total, paging);
}

Broker OwnBroker(store::Session& s, const Caller* caller) {
    std::optional<Broker> b = caller ? LoadBrokerOfUser(s, caller->user_id) : std::nullopt;
    if (!b) throw ApiError(Error::NotFound());
    return *b;
}

bool QualificationChanged(const Broker& b, const BrokerInput& in) {
    return b.certificate_no != in.certificate_no || b.level != in.level || b.issuing_body != in.issuing_body ||
           b.valid_until != in.valid_until;
}

}  // namespace

void RegisterBrokerRoutes(modules::ModuleContext& context, const workflow::Workflow& brokers) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Post(kBrokerBase, [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "tech_broker.register");
        json::object body = http::ParseJsonObject(r);
        json::object out;
        db.Write([&](store::Session& s) {
            if (LoadBrokerOfUser(s, r.caller->user_id)) {
                throw ApiError(
                    Error::Conflict("您已登记经纪人信息，请修改现有信息", "You have a profile already; edit it"));
            }
            BrokerInput in = ReadBrokerInput(s, body, true);
            Broker b = *LoadBroker(s, SaveBroker(s, 0, r.caller->user_id, in, std::nullopt, false));
            RecordBroker(s, r.ToActor(), b, "created", std::nullopt);
            out = BrokerJson(b, true);
        });
        return http::JsonResponse(201, out);
    });
    context.router.Get(std::string(kBrokerBase) + "/me", [&db, &policy, &brokers](Request& r) {
        policy.RequireAction(r.caller.get(), "tech_broker.read");
        json::object out;
        db.Read([&](store::Session& s) {
            Broker b = OwnBroker(s, r.caller.get());
            out = BrokerJson(b, true);
            json::array actions;
            workflow::Subject subject{.id = b.id, .state = b.status, .version = b.version, .scope = ScopeOf(b)};
            for (const std::string& a : brokers.AllowedActions(r.caller.get(), subject))
                actions.push_back(json::string(a));
            out["allowed_actions"] = std::move(actions);
        });
        return http::JsonResponse(200, out);
    });
    context.router.Patch(std::string(kBrokerBase) + "/me", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "tech_broker.update");
        json::object body = http::ParseJsonObject(r);
        std::optional<std::int64_t> expected = http::ExpectedVersion(r, body);
        json::object out;
        db.Write([&](store::Session& s) {
            Broker before = OwnBroker(s, r.caller.get());
            if (expected && *expected != before.version) {
                throw ApiError(
                    Error::Conflict("数据已被他人修改，请刷新后重试", "Changed by someone else; reload and retry"));
            }
            BrokerInput in = ReadBrokerInput(s, body, false);
            bool back = before.status == "active" && QualificationChanged(before, in);
            SaveBroker(s, before.id, before.user_id, in, before.version, back);
            Broker after = *LoadBroker(s, before.id);
            RecordBroker(s, r.ToActor(), after, "updated", json::serialize(BrokerJson(before, true)));
            out = BrokerJson(after, true);
        });
        return http::JsonResponse(200, out);
    });
    context.router.Get(kBrokerBase,
                       [&db, &policy](Request& r) { return http::JsonResponse(200, ListBrokers(db, policy, r)); });
    context.router.Get(std::string(kBrokerBase) + "/{id}", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        std::optional<Broker> b;
        db.Read([&](store::Session& s) { b = LoadBroker(s, id); });
        bool visible = b && (MayHandleDemands(*b, clock::TodayShanghai()) ||
                             policy.Allows(r.caller.get(), "tech_broker.read", ScopeOf(*b)));
        if (!visible) throw ApiError(Error::NotFound());
        return http::JsonResponse(200, BrokerJson(*b, r.caller != nullptr));
    });
}

}  // namespace keyuan::tech_demands
