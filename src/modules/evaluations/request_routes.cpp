// /api/v1/evaluations: a unit asks for an evaluation of one of its achievements, or a patent
// pre-filing assessment of an invention disclosure; the unit, the assignees and the operator read it.
//   POST /api/v1/evaluations   {subject?: achievement (default) | invention_disclosure, achievement_id
//                              | title + abstract + class, method?}
//   GET  /api/v1/evaluations?view=mine|assigned|all&status=&achievement_id=&page=&page_size=
//   GET  /api/v1/evaluations/{id}           with allowed_actions
//   GET  /api/v1/evaluations/criteria       public: every class's method and criteria
#include <boost/json/array.hpp>

#include <algorithm>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/achievements/module.hpp"
#include "modules/evaluations/lifecycle.hpp"
#include "modules/evaluations/module_parts.hpp"
#include "workflow/deadlines.hpp"
#include "workflow/queues.hpp"

namespace keyuan::evaluations {
namespace json = boost::json;
using http::Request;

namespace {

/// What the body asks for; the achievement's class and the method are settled in the transaction.
struct Asked {
    std::string subject;
    std::optional<std::string> achievement_id, title, abstract, evaluation_class, method;
};

Asked ReadAsked(const json::object& body) {
    http::JsonReader reader(body);
    Asked a;
    a.subject = http::ReadEnum(reader, kSubjectField).value_or("achievement");
    bool disclosure = a.subject == "invention_disclosure";
    // Which fields are required depends on the subject.
    auto required = [](http::BodyField f, bool yes) {
        f.required = yes;
        return f;
    };
    a.achievement_id = http::ReadString(reader, required(kAchievementField, !disclosure));
    a.title = http::ReadString(reader, required(kTitleField, disclosure));
    a.abstract = http::ReadString(reader, required(kAbstractField, disclosure));
    a.evaluation_class = http::ReadEnum(reader, required(ClassField(), disclosure));
    a.method = http::ReadString(reader, kMethodField);
    std::vector<FieldError> errors = reader.Collect();
    FieldErrors more;
    for (FieldError& e : errors) more.Add(e.field, e.message.zh, e.message.en);
    if (!disclosure) {
        // An achievement brings its own name and class.
        for (const char* given : {"title", "abstract", "class"}) {
            if (body.contains(given)) more.Add(given, "由成果确定，不能填写", "Comes from the achievement");
        }
        if (a.achievement_id && !ParseId(*a.achievement_id)) more.Add("achievement_id", "编号无效", "Not an id");
    } else if (body.contains("achievement_id")) {
        more.Add("achievement_id", "发明披露尚无成果", "A disclosure has no achievement yet");
    }
    more.ThrowIfAny();
    return a;
}

/// The request to insert, checked against the achievement (422 unknown, 404 another unit's) and
/// the class's method (422 `method` when the one asked for does not fit).
NewRequest Settle(store::Session& s, const Caller& caller, const Asked& a) {
    if (!caller.org_id) throw ApiError(Error::Forbidden());  // a unit asks; an account without one cannot
    NewRequest out{.subject = a.subject,
                   .title = a.title.value_or(""),
                   .abstract = a.abstract.value_or(""),
                   .org_id = *caller.org_id,
                   .evaluation_class = a.evaluation_class.value_or(""),
                   .requested_by = caller.user_id};
    if (a.subject == "achievement") {
        std::int64_t id = *ParseId(*a.achievement_id);
        store::Rows rows = s.Query("SELECT org_id, class FROM achievements WHERE id = $1", {id});
        if (rows.empty()) {
            throw ApiError(Error::Validation({{"achievement_id", {"成果不存在", "No such achievement"}}}));
        }
        // Another unit's achievement is not there for this one.
        if (rows[0].Int(0) != *caller.org_id) throw ApiError(Error::NotFound());
        out.achievement_id = id;
        out.evaluation_class = std::string(rows[0].Text(1));
    }
    out.method = MethodOf(s, out.evaluation_class);
    if (a.method && *a.method != out.method) {
        throw ApiError(Error::Validation(
            {{"method", {"评价方法须与成果类别相符：" + out.method, "The method must fit the class: " + out.method}}}));
    }
    return out;
}

json::object WithActions(store::Session& s, const workflow::Workflow& lifecycle, const Caller* caller,
                         const EvaluationRequest& r) {
    json::object out = RequestJson(s, r);
    json::array actions;
    workflow::Subject subject{.id = r.id, .state = r.status, .version = r.version, .scope = ScopeOf(r)};
    for (const std::string& a : lifecycle.AllowedActions(caller, subject)) actions.push_back(json::string(a));
    out["allowed_actions"] = std::move(actions);
    return out;
}

/// The list's rows for the caller's view: mine (the unit's requests), assigned (the caller's to
/// score), all (the operator's). Without ?view= the widest the caller has.
void ReadView(const Request& r, const access::Policy& policy, workflow::Conditions& where, FieldErrors& errors) {
    const Caller* caller = r.caller.get();
    std::vector<access::Scope> scopes = policy.ScopesFor(caller, "evaluation.read");
    auto has = [&](access::Scope sc) { return std::find(scopes.begin(), scopes.end(), sc) != scopes.end(); };
    std::string fallback = has(access::Scope::kAll) ? "all" : has(access::Scope::kOrganization) ? "mine" : "assigned";
    std::string view = r.Query("view").value_or(fallback);
    if (view == "all") {
        if (!has(access::Scope::kAll)) throw ApiError(Error::Forbidden());
    } else if (view == "mine") {
        if (!has(access::Scope::kOrganization) || !caller->org_id) throw ApiError(Error::Forbidden());
        where.And("r.org_id = " + where.Param(*caller->org_id));
    } else if (view == "assigned") {
        if (!has(access::Scope::kAssigned)) throw ApiError(Error::Forbidden());
        where.And("EXISTS (SELECT 1 FROM evaluation_assignees e WHERE e.request_id = r.id AND e.user_id = " +
                  where.Param(caller->user_id) + ")");
    } else {
        errors.Add("view", "view 须为 mine、assigned 或 all", "view: mine, assigned or all");
    }
}

json::object ListRequests(store::Database& db, const access::Policy& policy, const workflow::Workflow& lifecycle,
                          const Request& r) {
    http::Paging paging = http::ParsePaging(r);
    FieldErrors errors;
    workflow::Conditions where;
    ReadView(r, policy, where, errors);
    if (auto status = r.Query("status")) {
        if (!lifecycle.definition().FindState(*status)) {
            errors.Add("status", "未知的状态", "status: unknown state");
        } else {
            where.And("r.status = " + where.Param(*status));
        }
    }
    if (auto achievement = http::QueryId(r, "achievement_id", errors))
        where.And("r.achievement_id = " + where.Param(*achievement));
    errors.ThrowIfAny();
    json::array items;
    std::int64_t total = 0;
    db.Read([&](store::Session& s) {
        total = s.Query("SELECT COUNT(*) FROM evaluation_requests r" + where.where(), where.params()).front().Int(0);
        std::string page = " ORDER BY r.id DESC LIMIT " + where.Param(paging.page_size) + " OFFSET " +
                           where.Param(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
        store::Rows rows = s.Query("SELECT r.id FROM evaluation_requests r" + where.where() + page, where.params());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            items.push_back(WithActions(s, lifecycle, r.caller.get(), *LoadRequest(s, rows[i].Int(0))));
        }
    });
    return http::PageEnvelope(std::move(items), total, paging);
}

json::object CriteriaAnswer(store::Database& db) {
    json::array classes;
    db.Read([&](store::Session& s) {
        store::Rows rows = s.Query("SELECT class, method, name_zh, name_en FROM evaluation_methods ORDER BY class");
        for (std::size_t i = 0; i < rows.size(); ++i) {
            std::string evaluation_class(rows[i].Text(0));
            json::array criteria;
            for (const Criterion& c : CriteriaOf(s, evaluation_class)) {
                criteria.push_back(json::object{
                    {"code", c.code}, {"weight", c.weight}, {"name_zh", c.name_zh}, {"name_en", c.name_en}});
            }
            classes.push_back(json::object{{"class", evaluation_class},
                                           {"method", rows[i].Text(1)},
                                           {"method_name_zh", rows[i].Text(2)},
                                           {"method_name_en", rows[i].Text(3)},
                                           {"criteria", std::move(criteria)}});
        }
    });
    return json::object{{"items", std::move(classes)}};
}

}  // namespace

EvaluationRequest Authorized(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                             std::string_view action) {
    policy.RequireAction(caller, action);
    std::optional<EvaluationRequest> r = LoadRequest(s, id);
    if (!r) throw ApiError(Error::NotFound());
    policy.Authorize(caller, action, ScopeOf(*r));
    return *r;
}

void RegisterRequestRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;

    context.router.Get(std::string(kBase) + "/criteria",
                       [&db](Request&) { return http::JsonResponse(200, CriteriaAnswer(db)); });

    context.router.Post(kBase, [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "evaluation.create");
        Asked asked = ReadAsked(http::ParseJsonObject(r));
        json::object created;
        db.Write([&](store::Session& s) {
            std::int64_t id = InsertRequest(s, Settle(s, *r.caller, asked));
            workflow::SetDeadline(s, "evaluation", id, "requested", kAssignWorkingDays,
                                  *Date::Parse(clock::TodayShanghai()));
            created = RequestJson(s, *LoadRequest(s, id));
            changes::Record(
                s, r.ToActor(),
                {.object_type = "evaluation", .object_id = id, .event = "created", .snapshot = &created, .version = 1});
        });
        return http::JsonResponse(201, created);
    });

    context.router.Get(kBase, [&db, &policy, &lifecycle](Request& r) {
        policy.RequireAction(r.caller.get(), "evaluation.read");
        return http::JsonResponse(200, ListRequests(db, policy, lifecycle, r));
    });

    context.router.Get(std::string(kBase) + "/{id}", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) {
            EvaluationRequest request = Authorized(s, policy, r.caller.get(), id, "evaluation.read");
            answer = WithActions(s, lifecycle, r.caller.get(), request);
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::evaluations
