// Reports themselves: a unit admin creates its unit's report for a year that has ended (pre-filled from
// the platform's records unless asked not to), edits it while it is a draft or returned, and submits it
// through the workflow's routes.
//   GET  /api/v1/annual-reports?year=&status=&org_id=      POST /api/v1/annual-reports {year, prefill?}
//   GET  /api/v1/annual-reports/prefill?org_id=&year=      GET|PUT /api/v1/annual-reports/{id} (If-Match)
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <array>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/annual_reports/content_json.hpp"
#include "modules/annual_reports/module_parts.hpp"
#include "modules/annual_reports/report_store.hpp"
#include "modules/annual_reports/rules.hpp"
#include "modules/attachments/service.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::annual_reports {
namespace json = boost::json;
using http::Request;

namespace {

constexpr std::array<std::string_view, 5> kStatuses = {"draft", "submitted", "accepted", "returned", "forwarded"};

json::object Present(store::Session& s, const access::Policy& policy, const workflow::Workflow& lifecycle,
                     const Caller* caller, std::int64_t id) {
    Report r = *LoadReport(s, id);
    json::array actions;
    workflow::Subject subject{.id = id, .state = r.status, .version = r.version, .scope = r.scope()};
    for (const std::string& a : lifecycle.AllowedActions(caller, subject)) actions.push_back(json::value(a));
    if ((r.status == "draft" || r.status == "returned") && policy.Allows(caller, "annual_report.file", r.scope())) {
        actions.push_back(json::value("update"));
    }
    json::object answer = ReportJson(r, actions);
    answer["files"] = attachments::FilesOf(s, "annual_report", id);
    return answer;
}

/// The organisation a unit files for: the caller's, approved and of a kind that files.
std::int64_t FilingOrg(store::Session& s, const Caller* caller, FieldErrors& errors) {
    store::Rows org = s.Query("SELECT kind, status FROM organizations WHERE id = $1", {caller->org_id.value_or(0)});
    if (org.empty() || !ShouldFile(org.front().Text(0)) || org.front().Text(1) != "approved") {
        errors.Add("org_id", "仅高等学校、科研院所和医疗机构填报年度报告",
                   "Only universities, research institutes and hospitals file annual reports");
    }
    return caller->org_id.value_or(0);
}

}  // namespace

std::optional<std::int64_t> QueryYear(const Request& r, std::string_view name, bool required, FieldErrors& errors) {
    std::optional<std::string> text = r.Query(name);
    if (!text) {
        if (required) errors.Add(std::string(name), "必填", "Required");
        return std::nullopt;
    }
    std::optional<std::int64_t> year = ParseInt64(*text);
    if (!year || *year < 2000 || *year > 2100) {
        errors.Add(std::string(name), "年度须为 2000–2100", "A year from 2000 to 2100");
        return std::nullopt;
    }
    return year;
}

void RegisterReportRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    const workflow::Workflow& l = lifecycle;

    context.router.Get(kReportsBase, [&db, &policy, &l](Request& r) {
        http::Paging paging = http::ParsePaging(r, 50);
        FieldErrors errors;
        workflow::Conditions where;
        workflow::ScopeList(policy, r.caller.get(), "annual_report.read",
                            {.department = "r.department_code", .org = "r.org_id"}, where);
        if (auto year = QueryYear(r, "year", false, errors)) where.And("r.year = " + where.Param(*year));
        if (auto org = http::QueryId(r, "org_id", errors)) where.And("r.org_id = " + where.Param(*org));
        if (auto status = r.Query("status")) {
            if (std::find(kStatuses.begin(), kStatuses.end(), *status) == kStatuses.end()) {
                errors.Add("status", "状态须为 draft、submitted、accepted、returned 或 forwarded",
                           "status: draft, submitted, accepted, returned or forwarded");
            }
            where.And("r.status = " + where.Param(*status));
        }
        errors.ThrowIfAny();
        json::array items;
        std::int64_t total = 0;
        db.Read([&](store::Session& s) {
            total = s.Query("SELECT COUNT(*) FROM annual_reports r" + where.where(), where.params()).front().Int(0);
            std::string page = " ORDER BY r.year DESC, r.id DESC LIMIT " + where.Param(paging.page_size) + " OFFSET " +
                               where.Param(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
            store::Rows ids = s.Query("SELECT r.id FROM annual_reports r" + where.where() + page, where.params());
            for (std::size_t i = 0; i < ids.size(); ++i)
                items.push_back(Present(s, policy, l, r.caller.get(), ids[i].Int(0)));
        });
        return http::JsonResponse(200, http::PageEnvelope(std::move(items), total, paging));
    });

    context.router.Post(kReportsBase, [&db, &policy, &l](Request& r) {
        policy.RequireAction(r.caller.get(), "annual_report.file");
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        std::optional<std::int64_t> year = reader.Int("year", true, 0, 9999);
        bool prefill = reader.Bool("prefill", false).value_or(true);
        FieldErrors& errors = reader.errors();
        if (year) {
            if (auto problem = YearProblem(*year, *Date::Parse(clock::TodayShanghai()))) {
                errors.Add("year", problem->zh, problem->en);
            }
        }
        json::object answer;
        db.Write([&](store::Session& s) {
            std::int64_t org_id = FilingOrg(s, r.caller.get(), errors);
            reader.Finish();
            if (!s.Query("SELECT 1 FROM annual_reports WHERE org_id = $1 AND year = $2", {org_id, *year}).empty()) {
                throw ApiError(Error::Validation(
                    {{"year", {"本单位该年度的报告已存在", "The unit has a report for this year already"}}}));
            }
            std::string now = clock::NowUtc();
            std::optional<std::string> department =
                s.Query("SELECT department_code FROM organizations WHERE id = $1", {org_id}).front().OptText(0);
            std::int64_t id = s.InsertReturningId(
                "INSERT INTO annual_reports (org_id, department_code, year, content, created_by, created_at, "
                "updated_at) "
                "VALUES ($1, $2, $3, '{}', $4, $5, $5) RETURNING id",
                {org_id, department ? store::Param(*department) : store::Param(nullptr), *year, r.caller->user_id,
                 now});
            WriteContent(s, id, org_id, prefill ? Prefill(s, org_id, *year) : Content{});
            answer = Present(s, policy, l, r.caller.get(), id);
            changes::Record(s, r.ToActor(),
                            {.object_type = "annual_report",
                             .object_id = id,
                             .event = "created",
                             .snapshot = &answer,
                             .version = 1});
        });
        return http::JsonResponse(201, answer);
    });

    context.router.Get(std::string(kReportsBase) + "/prefill", [&db, &policy](Request& r) {
        FieldErrors errors;
        std::optional<std::int64_t> org = http::QueryId(r, "org_id", errors);
        std::optional<std::int64_t> year = QueryYear(r, "year", true, errors);
        if (!r.Query("org_id")) errors.Add("org_id", "必填", "Required");
        policy.RequireAction(r.caller.get(), "annual_report.read");
        errors.ThrowIfAny();
        json::object answer;
        db.Read([&](store::Session& s) {
            store::Rows o = s.Query("SELECT COALESCE(department_code, '') FROM organizations WHERE id = $1", {*org});
            if (o.empty()) throw ApiError(Error::NotFound());
            policy.Authorize(r.caller.get(), "annual_report.read",
                             {.org_id = *org, .department_code = std::string(o.front().Text(0))});
            answer = ContentJson(Prefill(s, *org, *year));
            answer["sources"] = json::array{"achievements"};  // technology contracts: issue 18, not yet kept
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Get(std::string(kReportsBase) + "/{id}", [&db, &policy, &l](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) {
            ReportFor(s, policy, r.caller.get(), id, "annual_report.read");
            answer = Present(s, policy, l, r.caller.get(), id);
        });
        return http::JsonResponse(200, answer);
    });

    // The whole contents at once (the form saves them all); a stale If-Match or a report no longer
    // editable is 409. If-Match is required (428 without it): a save replaces everything, so one
    // made without knowing the version would silently undo another user's save.
    context.router.Put(std::string(kReportsBase) + "/{id}", [&db, &policy, &l](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object body = http::ParseJsonObject(r);
        std::optional<std::int64_t> expected = http::IfMatchVersion(r);
        json::object answer;
        bool unversioned = false;
        db.Write([&](store::Session& s) {
            Report before = ReportFor(s, policy, r.caller.get(), id, "annual_report.file");
            if (before.status != "draft" && before.status != "returned")
                throw ApiError(workflow::WrongState(before.status));
            if (!expected) {  // after the permission checks: outside the caller's scope it stays 404
                unversioned = true;
                return;
            }
            FieldErrors errors;
            Content content = ReadContent(body, errors);
            errors.ThrowIfAny();
            store::UpdateGuarded(s,
                                 {.table = "annual_reports", .id = id, .version = *expected, .status = before.status},
                                 "updated_at = $1", {clock::NowUtc()});
            WriteContent(s, id, before.org_id, content);
            answer = Present(s, policy, l, r.caller.get(), id);
            changes::Record(s, r.ToActor(),
                            {.object_type = "annual_report",
                             .object_id = id,
                             .event = "updated",
                             .before_json = json::serialize(ContentJson(before.content)),
                             .snapshot = &answer,
                             .version = before.version + 1});
        });
        if (unversioned) {
            // 428 Precondition Required (RFC 6585), under the code of its kin 412.
            http::Response refused =
                http::ErrorResponse(Error::Make(ErrorCode::kPreconditionFailed, "请在 If-Match 中给出所见的版本",
                                                "Give the version you saw in If-Match"),
                                    r.lang);
            refused.status = 428;
            return refused;
        }
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::annual_reports
