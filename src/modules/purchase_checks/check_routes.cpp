// The check as a record:
//   POST  /api/v1/purchase-checks            a unit's draft (unit admin; org_id is the caller's)
//   GET   /api/v1/purchase-checks?status=&required=&class_code=&q=&page=&page_size=   the caller's scope:
//         the unit its own, a department its units', an expert what is assigned, the operator all
//   GET   /api/v1/purchase-checks/{id}       with allowed_actions
//   PATCH /api/v1/purchase-checks/{id}       If-Match; the unit, in draft or returned
//   GET   /api/v1/purchase-checks/{id}/similar   live before submission, the frozen list after
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/panels/service.hpp"
#include "modules/purchase_checks/check_form.hpp"
#include "modules/purchase_checks/module_parts.hpp"
#include "modules/purchase_checks/similar.hpp"
#include "workflow/queues.hpp"

namespace keyuan::purchase_checks {
namespace json = boost::json;
using http::Request;

namespace {

void Filter(const Request& r, workflow::Conditions& where) {
    FieldErrors errors;
    if (auto status = r.Query("status")) {
        if (status->size() > 40)
            errors.Add("status", "过长", "Too long");
        else
            where.And("c.status = " + where.Param(*status));
    }
    if (auto required = r.Query("required")) {
        if (*required != "true" && *required != "false")
            errors.Add("required", "须为 true 或 false", "true or false");
        else
            where.And(std::string("c.required = ") + (*required == "true" ? "1" : "0"));
    }
    if (auto code = r.Query("class_code")) {
        if (code->size() > 20)
            errors.Add("class_code", "过长", "Too long");
        else
            where.And("c.class_code = " + where.Param(*code));
    }
    if (auto q = r.Query("q")) {
        if (q->size() > 100)
            errors.Add("q", "最多 100 个字符", "At most 100 characters");
        else {
            std::string like = where.Param(http::LikeContains(*q));
            where.And("(LOWER(c.name) LIKE " + like + std::string(http::kLikeEscape) + " OR LOWER(c.model) LIKE " +
                      like + std::string(http::kLikeEscape) + ")");
        }
    }
    errors.ThrowIfAny();
}

json::object ListItem(const store::Row& r) {
    return json::object{{"id", std::to_string(r.Int(0))},
                        {"name", r.Text(1)},
                        {"org_id", std::to_string(r.Int(2))},
                        {"org_name", r.Text(3)},
                        {"class_code", r.Text(4)},
                        {"budget_fen", r.Int(5)},
                        {"status", r.Text(6)},
                        {"required", r.Int(7) != 0},
                        {"version", r.Int(8)},
                        {"submitted_at", r.IsNull(9) ? json::value(nullptr) : json::value(r.Text(9))},
                        {"updated_at", r.Text(10)}};
}

}  // namespace

void RegisterCheckRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;

    context.router.Post(kBase, [&db, &policy, &lifecycle](Request& r) {
        const Caller& caller = r.SignedIn();
        std::string action = std::string(kKind) + ".create";
        policy.RequireAction(&caller, action);
        if (!caller.org_id) throw ApiError(Error::Forbidden());
        policy.Authorize(&caller, action, access::ObjectScope{.org_id = caller.org_id});
        json::object body = http::ParseJsonObject(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            Form form = ReadForm(s, body, false);
            std::int64_t id = InsertCheck(s, form, *caller.org_id, caller.user_id);
            answer = CheckJson(s, id);
            changes::Record(s, r.ToActor(),
                            {.object_type = std::string(kKind),
                             .object_id = id,
                             .event = "created",
                             .snapshot = &answer,
                             .version = 1});
            answer["allowed_actions"] = ActionsJson(s, policy, lifecycle, &caller, id);
        });
        return http::JsonResponse(201, answer);
    });

    context.router.Get(kBase, [&db, &policy](Request& r) {
        http::Paging paging = http::ParsePaging(r);
        workflow::Conditions where;
        workflow::ScopeList(
            policy, r.caller.get(), std::string(kKind) + ".read",
            {.department = "c.department_code",
             .district = "c.district_code",
             .org = "c.org_id",
             .owner = "c.created_by",
             .assigned = [](const std::string& user) { return panels::AssignedCondition(kKind, "c.id", user); }},
            where);
        Filter(r, where);
        json::array items;
        std::int64_t total = 0;
        db.Read([&](store::Session& s) {
            total = s.Query("SELECT COUNT(*) FROM purchase_checks c" + where.where(), where.params())[0].Int(0);
            std::string limit = where.Param(static_cast<std::int64_t>(paging.page_size));
            std::string offset = where.Param(static_cast<std::int64_t>((paging.page - 1) * paging.page_size));
            store::Rows rows = s.Query(
                "SELECT c.id, c.name, c.org_id, o.name, c.class_code, c.budget_fen, c.status, c.required, c.version, "
                "c.submitted_at, c.updated_at FROM purchase_checks c JOIN organizations o ON o.id = c.org_id" +
                    where.where() + " ORDER BY c.id DESC LIMIT " + limit + " OFFSET " + offset,
                where.params());
            for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(ListItem(rows[i]));
        });
        return http::JsonResponse(200, http::PageEnvelope(std::move(items), total, paging));
    });

    context.router.Get(kBase + std::string("/{id}"), [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) {
            Authorized(s, policy, r.caller.get(), id, ".read");
            answer = CheckJson(s, id);
            answer["allowed_actions"] = ActionsJson(s, policy, lifecycle, r.caller.get(), id);
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Patch(kBase + std::string("/{id}"), [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        db.Read([&](store::Session& s) { Authorized(s, policy, r.caller.get(), id, ".update"); });
        json::object body = http::ParseJsonObject(r);
        std::optional<std::int64_t> expected = http::ExpectedVersion(r, body);
        body.erase("version");
        json::object answer;
        db.Write([&](store::Session& s) {
            CheckHead head = Authorized(s, policy, r.caller.get(), id, ".update");
            if (head.status != "draft" && head.status != "returned") throw ApiError(workflow::WrongState(head.status));
            Form form = ReadForm(s, body, true);
            json::object before = CheckJson(s, id);
            // Without If-Match the version just read; with it, the client's: a stale one loses (409).
            if (!UpdateCheck(s, id, expected.value_or(head.version), form)) {
                throw ApiError(Error::Conflict("该记录已被他人修改，请刷新后重试",
                                               "Changed by someone else since you read it; reload and retry"));
            }
            answer = CheckJson(s, id);
            changes::Record(s, r.ToActor(),
                            {.object_type = std::string(kKind),
                             .object_id = id,
                             .event = "updated",
                             .before_json = json::serialize(before),
                             .snapshot = &answer,
                             .version = answer.at("version").as_int64()});
            answer["allowed_actions"] = ActionsJson(s, policy, lifecycle, r.caller.get(), id);
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Get(kBase + std::string("/{id}/similar"), [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) {
            Authorized(s, policy, r.caller.get(), id, ".read");
            store::Rows rows =
                s.Query("SELECT similar_snapshot, submitted_at FROM purchase_checks WHERE id = $1", {id});
            Settings settings = LoadSettings(s);
            if (!rows[0].IsNull(0)) {
                answer = json::object{{"frozen_at", rows[0].Text(1)}, {"items", json::parse(rows[0].Text(0))}};
            } else {
                int last_year = std::stoi(clock::TodayShanghai().substr(0, 4)) - 1;
                answer = json::object{{"frozen_at", nullptr},
                                      {"items", SimilarInstruments(s, PlannedOf(s, id), settings, last_year)}};
            }
            answer["saturation_hours"] = settings.saturation_hours;
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::purchase_checks
