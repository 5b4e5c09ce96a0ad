// /api/v1/challenges: the publisher's challenges and the public list (docs/design/challenges.md).
//   POST  /api/v1/challenges               (operator, department reviewer) → 201, a draft
//   GET   /api/v1/challenges?view=public|manage&status=&industry=&q=&page=&page_size=
//   GET   /api/v1/challenges/{id}          public once published; with allowed_actions and, for a
//                                          unit, its own application (my_application)
//   PATCH /api/v1/challenges/{id}          the whole input, If-Match; drafts only
#include <boost/json/array.hpp>

#include <algorithm>

#include "changes/change_record.hpp"
#include "http/expected_version.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/challenges/lifecycle.hpp"
#include "modules/challenges/module_parts.hpp"
#include "workflow/queues.hpp"

namespace keyuan::challenges {
namespace json = boost::json;
using http::Request;

namespace {

json::object Presented(store::Session& s, const workflow::Workflow& lifecycle, const Caller* caller,
                       const Challenge& c) {
    json::object out = ChallengeJson(s, c);
    json::array actions;
    workflow::Subject subject{.id = c.id, .state = c.status, .version = c.version, .scope = ScopeOf(c)};
    for (const std::string& a : lifecycle.AllowedActions(caller, subject)) actions.push_back(json::string(a));
    out["allowed_actions"] = std::move(actions);
    if (caller && caller->org_id) {
        store::Rows mine =
            s.Query("SELECT id, status FROM challenge_applications WHERE challenge_id = $1 AND org_id = $2",
                    {c.id, *caller->org_id});
        out["my_application"] =
            mine.empty()
                ? json::value(nullptr)
                : json::value(json::object{{"id", std::to_string(mine[0].Int(0))}, {"status", mine[0].Text(1)}});
    }
    return out;
}

void ReadFilters(const Request& r, const access::Policy& policy, workflow::Conditions& where, FieldErrors& errors) {
    const Caller* caller = r.caller.get();
    std::string view = r.Query("view").value_or("public");
    if (view == "public") {
        where.And("c.status <> 'draft'");
    } else if (view == "manage") {
        std::vector<access::Scope> scopes = policy.ScopesFor(caller, "challenge.read");
        if (scopes.empty()) throw ApiError(caller ? Error::Forbidden() : Error::Unauthenticated());
        if (std::find(scopes.begin(), scopes.end(), access::Scope::kAll) == scopes.end()) {
            where.And("c.department_code = " + where.Param(caller->department_code));
        }
    } else {
        errors.Add("view", "view 须为 public 或 manage", "view: public or manage");
    }
    if (auto status = r.Query("status")) {
        if (!ChallengeDefinition().FindState(*status)) {
            errors.Add("status", "未知的状态", "status: unknown state");
        } else {
            where.And("c.status = " + where.Param(*status));
        }
    }
    if (auto industry = r.Query("industry")) {
        if (industry->empty() || industry->size() > 4 ||
            industry->find_first_not_of("0123456789") != std::string::npos) {
            errors.Add("industry", "行业代码为 1–4 位数字", "industry: a code of 1–4 digits");
        } else {
            where.And("EXISTS (SELECT 1 FROM challenge_industries i WHERE i.challenge_id = c.id AND i.code LIKE " +
                      where.Param(*industry + "%") + ")");
        }
    }
    if (auto q = r.Query("q")) {
        if (q->size() > 100) {
            errors.Add("q", "最多 100 个字符", "q: at most 100 characters");
        } else {
            where.And("LOWER(c.title) LIKE " + where.Param(http::LikeContains(*q)) + std::string(http::kLikeEscape));
        }
    }
}

json::object List(store::Database& db, const access::Policy& policy, const workflow::Workflow& lifecycle,
                  const Request& r) {
    http::Paging paging = http::ParsePaging(r);
    FieldErrors errors;
    workflow::Conditions where;
    ReadFilters(r, policy, where, errors);
    errors.ThrowIfAny();
    json::array items;
    std::int64_t total = 0;
    db.Read([&](store::Session& s) {
        total = s.Query("SELECT COUNT(*) FROM challenges c" + where.where(), where.params()).front().Int(0);
        std::string page = " ORDER BY c.id DESC LIMIT " + where.Param(paging.page_size) + " OFFSET " +
                           where.Param(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
        store::Rows rows = s.Query("SELECT c.id FROM challenges c" + where.where() + page, where.params());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            items.push_back(Presented(s, lifecycle, r.caller.get(), *LoadChallenge(s, rows[i].Int(0))));
        }
    });
    return http::PageEnvelope(std::move(items), total, paging);
}

}  // namespace

Challenge VisibleChallenge(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id) {
    std::optional<Challenge> c = LoadChallenge(s, id);
    if (!c || (!IsPublic(*c) && !policy.Allows(caller, "challenge.read", ScopeOf(*c)))) {
        throw ApiError(Error::NotFound());
    }
    return *c;
}

Challenge AuthorizedChallenge(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                              std::string_view action) {
    policy.RequireAction(caller, action);
    std::optional<Challenge> c = LoadChallenge(s, id);
    if (!c) throw ApiError(Error::NotFound());
    policy.Authorize(caller, action, ScopeOf(*c));
    return *c;
}

void RegisterChallengeRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;

    context.router.Post(kBase, [&db, &policy, &lifecycle](Request& r) {
        policy.RequireAction(r.caller.get(), "challenge.create");
        json::object body = http::ParseJsonObject(r);
        json::object created;
        db.Write([&](store::Session& s) {
            ChallengeInput in = ReadChallenge(s, body);
            // A department reviewer publishes for their department; the operator for the platform.
            std::string department = r.caller->Has(Role::kOperator) ? "" : r.caller->department_code;
            std::int64_t id = InsertChallenge(s, in, department, r.caller->org_id, r.caller->user_id);
            Challenge c = *LoadChallenge(s, id);
            created = Presented(s, lifecycle, r.caller.get(), c);
            json::object snapshot = ChallengeJson(s, c);
            changes::Record(
                s, r.ToActor(),
                {.object_type = kKind, .object_id = id, .event = "created", .snapshot = &snapshot, .version = 1});
        });
        return http::JsonResponse(201, created);
    });

    context.router.Get(kBase, [&db, &policy, &lifecycle](Request& r) {
        return http::JsonResponse(200, List(db, policy, lifecycle, r));
    });

    context.router.Get(std::string(kBase) + "/{id}", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) {
            answer = Presented(s, lifecycle, r.caller.get(), VisibleChallenge(s, policy, r.caller.get(), id));
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Patch(std::string(kBase) + "/{id}", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        std::optional<std::int64_t> expected = http::IfMatchVersion(r);
        json::object body = http::ParseJsonObject(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            Challenge before = AuthorizedChallenge(s, policy, r.caller.get(), id, "challenge.update");
            if (before.status != "draft") throw ApiError(workflow::WrongState(before.status));
            if (expected && *expected != before.version) {
                throw ApiError(Error::Conflict("榜单已被他人修改，请刷新", "Changed by someone else; reload"));
            }
            UpdateChallenge(s, before, ReadChallenge(s, body));
            Challenge after = *LoadChallenge(s, id);
            answer = Presented(s, lifecycle, r.caller.get(), after);
            json::object snapshot = ChallengeJson(s, after);
            changes::Record(s, r.ToActor(),
                            {.object_type = kKind,
                             .object_id = id,
                             .event = "updated",
                             .snapshot = &snapshot,
                             .version = after.version});
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::challenges
