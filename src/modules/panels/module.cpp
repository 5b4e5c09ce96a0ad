// Expert panels: the expert's own list across kinds, and the pieces every kind's panel shares.
//   GET /api/v1/expert-assignments?status=assigned|scored|all&page=&page_size=
#include "modules/panels/module.hpp"

#include <boost/json/array.hpp>

#include <algorithm>

#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/panels/panel_parts.hpp"

namespace keyuan::panels {
namespace json = boost::json;
using http::Request;

bool InStates(const std::vector<std::string>& states, const std::string& state) {
    return std::find(states.begin(), states.end(), state) != states.end();
}

std::vector<Assignment> AssignmentsOf(store::Session& s, std::string_view kind, std::int64_t id) {
    store::Rows rows = s.Query(
        "SELECT a.id, a.expert_user_id, u.display_name, COALESCE(o.name, ''), a.status, a.scores, a.total, "
        "a.recommendation, a.opinion, a.assigned_at, a.scored_at FROM expert_assignments a "
        "JOIN users u ON u.id = a.expert_user_id LEFT JOIN organizations o ON o.id = u.org_id "
        "WHERE a.subject_kind = $1 AND a.subject_id = $2 ORDER BY a.id",
        {std::string(kind), id});
    std::vector<Assignment> out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        store::Row r = rows[i];
        Assignment a{.id = r.Int(0),
                     .expert_user_id = r.Int(1),
                     .expert_name = std::string(r.Text(2)),
                     .expert_org_name = std::string(r.Text(3)),
                     .status = std::string(r.Text(4)),
                     .assigned_at = std::string(r.Text(9))};
        if (!r.IsNull(5)) a.scores_json = std::string(r.Text(5));
        if (!r.IsNull(6)) a.total = r.Int(6);
        if (!r.IsNull(7)) a.recommendation = std::string(r.Text(7));
        if (!r.IsNull(8)) a.opinion = std::string(r.Text(8));
        if (!r.IsNull(10)) a.scored_at = std::string(r.Text(10));
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<std::int64_t> AssignedExperts(store::Session& s, std::string_view kind, std::int64_t id) {
    store::Rows rows = s.Query(
        "SELECT expert_user_id FROM expert_assignments WHERE subject_kind = $1 AND subject_id = $2 "
        "AND status <> 'withdrawn' ORDER BY expert_user_id",
        {std::string(kind), id});
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows[i].Int(0));
    return out;
}

std::map<std::int64_t, std::vector<std::int64_t>> AssignedExperts(store::Session& s, std::string_view kind,
                                                                  const std::vector<std::int64_t>& ids) {
    std::map<std::int64_t, std::vector<std::int64_t>> out;
    if (ids.empty()) return out;
    std::vector<store::Param> params = {std::string(kind)};
    for (std::int64_t id : ids) params.emplace_back(id);
    store::Rows rows = s.Query(
        "SELECT subject_id, expert_user_id FROM expert_assignments WHERE subject_kind = $1 AND subject_id IN (" +
            store::Placeholders(2, ids.size()) + ") AND status <> 'withdrawn' ORDER BY subject_id, expert_user_id",
        params);
    for (std::size_t i = 0; i < rows.size(); ++i) out[rows[i].Int(0)].push_back(rows[i].Int(1));
    return out;
}

std::string AssignedCondition(std::string_view kind, std::string_view id_column, std::string_view user_placeholder) {
    // The kind is a name the code declares, never a request's text.
    return "EXISTS (SELECT 1 FROM expert_assignments ea WHERE ea.subject_kind = '" + std::string(kind) +
           "' AND ea.subject_id = " + std::string(id_column) +
           " AND ea.expert_user_id = " + std::string(user_placeholder) + " AND ea.status <> 'withdrawn')";
}

PanelSubject LoadSubject(store::Session& s, const PanelSpec& spec, std::int64_t id) {
    std::optional<PanelSubject> p = spec.load(s, id);
    if (!p) throw ApiError(Error::NotFound());
    p->subject.scope.assigned_user_ids = AssignedExperts(s, spec.kind, id);
    return *p;
}

void RegisterPanel(modules::ModuleContext& context, PanelSpec spec) {
    if (spec.criteria.empty() || !spec.load || spec.route.empty())
        throw std::logic_error("panels: " + spec.kind + " needs criteria, a route and load");
    const PanelSpec& kept = context.Keep(std::make_unique<PanelSpec>(std::move(spec)));
    RegisterAssignmentRoutes(context, kept);
    RegisterReviewRoutes(context, kept);
    DescribePanelRoutes(context.router, kept);
}

void Register(modules::ModuleContext& context) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;
    // The list is the caller's own, whatever the kind: an expert sees only what is assigned to them.
    policy.Allow("expert_assignment.list", Role::kExpert, access::Scope::kOwn);

    context.router.Get("/api/v1/expert-assignments", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "expert_assignment.list");
        std::string status = r.Query("status").value_or("assigned");
        if (status != "assigned" && status != "scored" && status != "all") {
            throw ApiError(
                Error::Validation({{"status", {"须为 assigned、scored 或 all", "assigned, scored or all"}}}));
        }
        http::Paging paging = http::ParsePaging(r);
        std::string where = " WHERE expert_user_id = $1" +
                            std::string(status == "all" ? " AND status <> 'withdrawn'" : " AND status = $2");
        std::vector<store::Param> params{r.caller->user_id};
        if (status != "all") params.emplace_back(status);
        json::array items;
        std::int64_t total = 0;
        db.Read([&](store::Session& s) {
            total = s.Query("SELECT COUNT(*) FROM expert_assignments" + where, params)[0].Int(0);
            params.emplace_back(static_cast<std::int64_t>(paging.page_size));
            params.emplace_back(static_cast<std::int64_t>((paging.page - 1) * paging.page_size));
            std::string n = std::to_string(params.size());
            store::Rows rows = s.Query(
                "SELECT subject_kind, subject_id, subject_title, status, total, assigned_at, scored_at "
                "FROM expert_assignments" +
                    where + " ORDER BY id DESC LIMIT $" + std::to_string(params.size() - 1) + " OFFSET $" + n,
                params);
            for (std::size_t i = 0; i < rows.size(); ++i) {
                store::Row row = rows[i];
                items.push_back(
                    json::object{{"kind", row.Text(0)},
                                 {"subject_id", std::to_string(row.Int(1))},
                                 {"title", row.Text(2)},
                                 {"status", row.Text(3)},
                                 {"total", row.IsNull(4) ? json::value(nullptr) : json::value(row.Int(4))},
                                 {"assigned_at", row.Text(5)},
                                 {"scored_at", row.IsNull(6) ? json::value(nullptr) : json::value(row.Text(6))}});
            }
        });
        return http::JsonResponse(200, http::PageEnvelope(std::move(items), total, paging));
    });
    DescribeExpertAssignments(context.router);
}

}  // namespace keyuan::panels
