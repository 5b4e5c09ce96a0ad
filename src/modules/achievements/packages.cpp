#include "modules/achievements/packages.hpp"

namespace keyuan::achievements {
namespace json = boost::json;

namespace {

constexpr const char* kSelect =
    "SELECT id, title, field, description, department_code, status, version, created_at, updated_at "
    "FROM achievement_packages ";

Package FromRow(const store::Row& r) {
    return Package{.id = r.Int(0),
                   .title = std::string(r.Text(1)),
                   .field = std::string(r.Text(2)),
                   .description = std::string(r.Text(3)),
                   .department_code = r.OptText(4),
                   .status = std::string(r.Text(5)),
                   .version = r.Int(6),
                   .created_at = std::string(r.Text(7)),
                   .updated_at = std::string(r.Text(8))};
}

std::vector<workflow::Grant> Editors() {
    return {{Role::kOperator, access::Scope::kAll}, {Role::kDepartmentReviewer, access::Scope::kDepartment}};
}

workflow::Subject SubjectOf(const Package& p) {
    return workflow::Subject{.id = p.id,
                             .state = p.status,
                             .version = p.version,
                             .scope = PackageScope(p),
                             .is_public = p.status == "published"};
}

}  // namespace

std::optional<Package> LoadPackage(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(std::string(kSelect) + "WHERE id = $1", {id});
    if (rows.empty()) return std::nullopt;
    return FromRow(rows[0]);
}

access::ObjectScope PackageScope(const Package& p) {
    // A department code that no caller has: the operator's packages are the operator's alone.
    return access::ObjectScope{.department_code = p.department_code.value_or("-")};
}

json::object PackageJson(store::Session& s, const Package& p) {
    json::array items;
    store::Rows rows = s.Query(
        "SELECT a.id, a.name, a.class, o.name, COALESCE(a.registration_no, '') FROM achievement_package_items i "
        "JOIN achievements a ON a.id = i.achievement_id JOIN organizations o ON o.id = a.org_id "
        "WHERE i.package_id = $1 AND a.status = 'approved' AND a.secret = 0 ORDER BY i.position",
        {p.id});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        items.push_back(json::object{{"id", std::to_string(rows[i].Int(0))},
                                     {"name", rows[i].Text(1)},
                                     {"class", rows[i].Text(2)},
                                     {"org_name", rows[i].Text(3)},
                                     {"registration_no", rows[i].Text(4)}});
    }
    return json::object{{"id", std::to_string(p.id)},
                        {"title", p.title},
                        {"field", p.field},
                        {"description", p.description},
                        {"department_code", p.department_code ? json::value(*p.department_code) : nullptr},
                        {"status", p.status},
                        {"version", p.version},
                        {"created_at", p.created_at},
                        {"updated_at", p.updated_at},
                        {"items", std::move(items)}};
}

workflow::Definition PackageDefinition() {
    return workflow::Definition{
        .kind = "achievement_package",
        .table = "achievement_packages",
        .initial = "draft",
        .states = {{"draft"}, {"published"}, {"withdrawn"}},
        .transitions = {{.action = "publish", .from = {"draft", "withdrawn"}, .to = "published", .who = Editors()},
                        {.action = "withdraw", .from = {"published"}, .to = "withdrawn", .who = Editors()}},
        .load = [](store::Session& s, std::int64_t id) -> std::optional<workflow::Subject> {
            std::optional<Package> p = LoadPackage(s, id);
            if (!p) return std::nullopt;
            return SubjectOf(*p);
        },
        .present = [](store::Session& s, std::int64_t id) { return PackageJson(s, *LoadPackage(s, id)); }};
}

void DeclarePackagePermissions(access::Policy& policy) {
    for (const char* verb : {"create", "update", "read"}) {
        std::string action = std::string("achievement_package.") + verb;
        policy.Allow(action, Role::kOperator, access::Scope::kAll);
        policy.Allow(action, Role::kDepartmentReviewer, access::Scope::kDepartment);
    }
}

}  // namespace keyuan::achievements
