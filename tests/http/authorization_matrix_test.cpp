// The authorization matrix (issue 11): every route the server publishes in its OpenAPI
// document, as every role and as a visitor, on an object inside and one outside the caller's
// scope, against the expectations in tests/http/authz/matrix.tsv. A route without a line there
// fails the test: a new route cannot ship without its policy being written down. Runs once
// per database engine. KEYUAN_AUTHZ_RECORD=FILE writes what the server answered in the file's
// format (to review and commit when routes or grants change on purpose).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "http/authz/matrix_objects.hpp"
#include "support/catalog_fixture.hpp"
#include "support/workbook.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

/// Every role, and the visitor; accounts of the roles that have a scope are inside org_a's
/// (北京示范大学: 海淀区 110108, department edu).
const std::vector<std::pair<std::string, std::vector<std::string>>> kRoles = {
    {"visitor", {}},
    {"enterprise", {"--org", "A"}},
    {"unit_admin", {"--org", "A"}},
    {"base_admin", {"--org", "A"}},
    {"department_reviewer", {"--department", "edu"}},
    {"district_officer", {"--district", "110108"}},
    {"operator", {}},
    {"finance_reviewer", {}},
    {"expert", {}},
    {"financial_institution", {"--org", "A"}},
    {"evaluation_agency", {}},
    {"broker", {}},
    {"system_admin", {}},
    {"security_admin", {}},
    {"audit_admin", {}},
};

/// What a status means for authorization: the request got past the policy ("ok": 2xx, or a
/// refusal of its body or of the object's state), or it was stopped (401, 403, 404).
std::string Outcome(int status) {
    if (status == 401 || status == 403 || status == 404) return std::to_string(status);
    if (status >= 500 || status == 0) return "ERROR" + std::to_string(status);
    return "ok";
}

/// tests/http/authz/matrix.tsv: "METHOD PATH<TAB>*=IN/OUT role=IN/OUT …"; '#' starts a comment.
using Expectations = std::map<std::string, std::map<std::string, std::string>>;

Expectations ReadMatrix(const std::string& path) {
    Expectations out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        std::istringstream cells(line.substr(tab + 1));
        std::string cell;
        while (cells >> cell) {
            std::size_t eq = cell.find('=');
            if (eq != std::string::npos) out[line.substr(0, tab)][cell.substr(0, eq)] = cell.substr(eq + 1);
        }
    }
    return out;
}

class AuthorizationMatrixTest : public CatalogSuite<AuthorizationMatrixTest> {
public:
    static void CreateUsers() {
        CatalogSuite<AuthorizationMatrixTest>::CreateUsers();
        for (const auto& [role, flags] : kRoles) {
            if (role == "visitor") continue;
            std::vector<std::string> extra = flags;
            for (std::string& f : extra) {
                if (f == "A") f = world_.org_a;
            }
            ids_[role] = CreateReadyUser(Db(), "m_" + role, role, extra);
            sessions_[role] = std::make_unique<Session>(LogIn(Port(), "m_" + role));
        }
        MakeObjects();
    }
    static void ReleaseSessions() {
        sessions_.clear();
        CatalogSuite<AuthorizationMatrixTest>::ReleaseSessions();
    }

protected:
    /// One object inside org_a's scope and one outside (org_b's) for every path parameter.
    static void MakeObjects() {
        Session& op = As("operator");
        auto create = [&](const std::string& collection, json::object body, const std::string& org) {
            body["org_id"] = org;
            return CreateResource(op, collection, body);
        };
        for (auto [collection, body] :
             {std::pair{"instruments", InstrumentBody("矩阵用仪器")}, std::pair{"labs", LabBody("矩阵用实验室")},
              std::pair{"services", ServiceBody("矩阵用服务", 10000)}}) {
            objects_["/api/v1/" + std::string(collection)] = {create(collection, body, world_.org_a),
                                                              create(collection, body, world_.org_b)};
        }
        json::object achievement{{"name", "矩阵用成果"},
                                 {"class", "applied_research"},
                                 {"funding", "fiscal"},
                                 {"statuses", json::array{"1"}},
                                 {"industry_codes", json::array{"3825"}}};
        objects_["/api/v1/achievements"] = {create("achievements", achievement, world_.org_a),
                                            create("achievements", achievement, world_.org_b)};
        // A public achievement (approved, in the search index): the suggestion matching's routes name.
        json::object suggested = achievement;
        suggested["org_id"] = world_.org_b;
        std::string target = CreateApproved(op, op, "achievements", suggested);
        objects_["{target_id}"] = {target, target};
        auto evaluation = [&](Session& unit, const std::string& achievement_id) {
            HttpResponse r = unit.Post("/api/v1/evaluations", Body({{"achievement_id", achievement_id}}));
            EXPECT_EQ(r.status, 201) << r.body;
            return Str(r.Json(), "id");
        };
        objects_["/api/v1/evaluations"] = {evaluation(As("unit_a"), objects_["/api/v1/achievements"].first),
                                           evaluation(As("unit_b"), objects_["/api/v1/achievements"].second)};
        objects_["/api/v1/talents"] = {create("talents", json::object{{"name", "矩阵用人才"}}, world_.org_a),
                                       create("talents", json::object{{"name", "矩阵用人才 B"}}, world_.org_b)};
        objects_["/api/v1/teams"] = {create("teams", json::object{{"name", "矩阵用团队"}}, world_.org_a),
                                     create("teams", json::object{{"name", "矩阵用团队 B"}}, world_.org_b)};
        auto package = [&](Session& as, const char* title) {
            HttpResponse r = as.Post("/api/v1/achievement-packages", Body({{"title", title}}));
            EXPECT_EQ(r.status, 201) << r.body;
            return Str(r.Json(), "id");
        };
        // The department reviewer's own (edu) inside, the operator's outside every department.
        objects_["/api/v1/achievement-packages"] = {package(*sessions_["department_reviewer"], "矩阵用成果包"),
                                                    package(op, "矩阵用成果包 B")};
        objects_["/api/v1/finance-products"] = {
            create("finance-products", FinanceProductBody("矩阵用金融产品"), world_.org_a),
            create("finance-products", FinanceProductBody("矩阵用金融产品 B"), world_.org_b)};
        objects_["/api/v1/organizations"] = {world_.org_a, world_.org_b};
        objects_["/api/v1/users"] = {ids_["enterprise"],
                                     CreateReadyUser(Db(), "m_outside", "enterprise", {"--org", world_.org_b})};
        auto base = [&](const std::string& org, const char* name) {
            HttpResponse r = op.Post("/api/v1/bases", Body({{"name", name}, {"kind", "base"}, {"org_id", org}}));
            EXPECT_EQ(r.status, 201) << r.body;
            return Str(r.Json(), "id");
        };
        objects_["/api/v1/bases"] = {base(world_.org_a, "矩阵基地 A"), base(world_.org_b, "矩阵基地 B")};
        json::value tree = Visitor().Get("/api/v1/industries").Json();
        const json::value& industry = tree.at("items").at(0);
        objects_["/api/v1/industries"] = {Str(industry, "id"), Str(industry, "id")};
        std::string sub = Str(industry.at("subcategories").at(0), "id");
        objects_["/api/v1/industry-subcategories"] = {sub, sub};
        HttpResponse grant = sessions_["security_admin"]->Send("PATCH", "/api/v1/users/" + ids_["broker"],
                                                               Body({{"roles", json::array{"broker", "operator"}}}));
        EXPECT_EQ(grant.status, 202) << grant.body;
        std::string grant_id = Str(grant.Json().at("pending_role_grant"), "id");
        objects_["/api/v1/role-grants"] = {grant_id, grant_id};
        HttpResponse token = op.Post("/api/v1/tokens", R"({"name":"矩阵"})");
        objects_["/api/v1/tokens"] = {Str(token.Json(), "id"), Str(token.Json(), "id")};
        std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
        png += std::string(64, '\0');
        HttpResponse photo = As("unit_a").Send("POST", "/api/v1/media", png, {{"Content-Type", "image/png"}});
        EXPECT_EQ(photo.status, 201) << photo.body;
        std::string url = Str(photo.Json(), "url");
        std::string name = url.substr(url.rfind('/') + 1);
        objects_["/api/v1/media"] = {name, name};
        TradeActors actors{op,
                           *sessions_["enterprise"],
                           As("unit_a"),
                           As("unit_b"),
                           As("company"),
                           world_.org_a,
                           world_.org_b,
                           Db(),
                           ids_["expert"]};
        MakeBookingObjects(actors, objects_);
        MakeOrderObjects(actors, objects_);
        MakeVoucherObjects(actors, objects_);
        MakeAssessmentObjects(actors, objects_);
        MakePurchaseCheckObjects(actors, objects_);
        MakeAnnualReportObjects(actors, objects_);
        MakeTechPlatformObjects(actors, objects_);
        MakeTechDemandObjects(actors, *sessions_["broker"], objects_);
        MakeChallengeObjects(actors, objects_);
        MakeTechContractObjects(actors, objects_);
        // Imports (issue 19): a run of each unit (org_a's inside), templates by kind.
        auto run = [](Session& unit, const std::string& label) {
            std::string file = MakeXlsx({{"仪器名称", "分类编码", "原值（万元）", "验收日期", "所在区", "开放状态"},
                                         {label, "1001", "1", "2025-06-30", "海淀区", "开放"}});
            HttpResponse r = unit.Send("POST", "/api/v1/imports?kind=instrument&dry_run=true", file);
            EXPECT_EQ(r.status, 200) << r.body;
            return std::to_string(r.Json().at("id").as_int64());
        };
        objects_["/api/v1/imports"] = {run(As("unit_a"), "矩阵导入甲"), run(As("unit_b"), "矩阵导入乙")};
        objects_["/api/v1/imports/templates"] = {"instrument", "instrument"};
    }

    /// The route's path with its parameter filled for the object inside (or outside) the scope.
    static std::optional<std::string> Fill(const std::string& pattern, bool inside, const std::string& method = "") {
        std::size_t open = pattern.find('{');
        if (open == std::string::npos) return pattern;
        std::string collection = pattern.substr(0, open - 1);
        // A route that ends its object for others (a demand withdrawn ends its broker's access) may
        // have objects of its own, keyed by its method and pattern; otherwise the collection's.
        auto it = objects_.find(method + " " + pattern);
        if (it == objects_.end()) it = objects_.find(collection);
        if (it == objects_.end()) return std::nullopt;
        std::size_t close = pattern.find('}', open);
        std::string rest = pattern.substr(close + 1);
        // A second parameter names a user (…/trained-users/{user_id}): the enterprise account.
        if (std::size_t user = rest.find("{user_id}"); user != std::string::npos)
            rest.replace(user, 9, ids_["enterprise"]);
        // …/providers/{org_id}/…: a provider of the programme (org_a).
        if (std::size_t org = rest.find("{org_id}"); org != std::string::npos)
            rest.replace(org, 8, objects_["{org_id}"].first);
        // …/matches/{type}/{target_id}: a suggestion, a public achievement (matching).
        if (std::size_t type = rest.find("{type}"); type != std::string::npos) rest.replace(type, 6, "achievement");
        if (std::size_t target = rest.find("{target_id}"); target != std::string::npos)
            rest.replace(target, 11, objects_["{target_id}"].first);
        // …/attachments/{attachment_id}: the file of the same object (a service order's by default).
        if (std::size_t file = rest.find("{attachment_id}"); file != std::string::npos) {
            auto own = objects_.find(collection + " {attachment_id}");
            const auto& files = own != objects_.end() ? own->second : objects_["{attachment_id}"];
            rest.replace(file, 15, inside ? files.first : files.second);
        }
        return collection + "/" + (inside ? it->second.first : it->second.second) + rest;
    }

    /// Sends one request as `role`; requests that end a session use a session of their own.
    static int Send(const std::string& role, const std::string& method, const std::string& path) {
        std::string body = method == "GET" || method == "DELETE" ? "" : "{}";
        if (role == "visitor") return Visitor().Send(method, path, body).status;
        if (path == "/api/v1/auth/logout") {
            Session throwaway = LogIn(Port(), "m_" + role);
            return throwaway.Send(method, path, body).status;
        }
        return sessions_[role]->Send(method, path, body).status;
    }

    static inline std::map<std::string, std::string> ids_;
    static inline std::map<std::string, std::unique_ptr<Session>> sessions_;
    static inline std::map<std::string, std::pair<std::string, std::string>> objects_;
};

TEST_F(AuthorizationMatrixTest, EveryRouteAsEveryRoleInsideAndOutsideItsScope) {
    Expectations expected = ReadMatrix(std::string(KEYUAN_SOURCE_DIR) + "/tests/http/authz/matrix.tsv");
    json::value openapi = Visitor().Get("/api/v1/openapi.json").Json();
    std::vector<std::string> routes;
    for (const auto& [path, item] : openapi.at("paths").as_object()) {
        for (const auto& [method, operation] : item.as_object()) {
            std::string upper(method);
            for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            if (upper == "HEAD" || upper == "OPTIONS" || upper == "PARAMETERS") continue;
            routes.push_back(upper + " " + (std::string(path).starts_with("/api/v1") ? "" : "/api/v1") +
                             std::string(path));
        }
    }
    ASSERT_GT(routes.size(), 60u);
    std::ostringstream recorded;
    recorded << "# METHOD PATH\t*=IN/OUT role=IN/OUT … (ok: past the policy; 401, 403, 404: stopped)\n";
    int requests = 0, mismatches = 0;
    for (const std::string& route : routes) {
        std::string method = route.substr(0, route.find(' '));
        std::string pattern = route.substr(route.find(' ') + 1);
        std::optional<std::string> in = Fill(pattern, true, method), out = Fill(pattern, false, method);
        ASSERT_TRUE(in && out) << route << ": no object for its path parameter; add one in MakeObjects";
        std::map<std::string, std::string> observed;
        for (const auto& [role, flags] : kRoles) {
            std::string in_outcome = Outcome(Send(role, method, *in));
            std::string out_outcome = *in == *out ? in_outcome : Outcome(Send(role, method, *out));
            requests += *in == *out ? 1 : 2;
            observed[role] = in_outcome + "/" + out_outcome;
        }
        // The record: the most frequent answer as the default, the others by role.
        std::map<std::string, int> frequency;
        for (const auto& [role, outcome] : observed) ++frequency[outcome];
        std::string common = std::max_element(frequency.begin(), frequency.end(), [](auto& a, auto& b) {
                                 return a.second < b.second;
                             })->first;
        recorded << route << "\t*=" << common;
        for (const auto& [role, flags] : kRoles) {
            if (observed[role] != common) recorded << " " << role << "=" << observed[role];
        }
        recorded << "\n";

        auto line = expected.find(route);
        if (line == expected.end()) {
            ADD_FAILURE() << route << " has no line in tests/http/authz/matrix.tsv: decide its policy";
            ++mismatches;
            continue;
        }
        for (const auto& [role, outcome] : observed) {
            auto cell = line->second.find(role);
            std::string want = cell != line->second.end() ? cell->second : line->second["*"];
            if (outcome != want) {
                ++mismatches;
                ADD_FAILURE() << route << " as " << role << ": expected " << want << ", got " << outcome;
            }
        }
    }
    if (const char* record = std::getenv("KEYUAN_AUTHZ_RECORD")) std::ofstream(record) << recorded.str();
    std::printf("authorization matrix (%s): %zu routes x %zu roles, %d requests, %d mismatches\n", TestEngine().c_str(),
                routes.size(), kRoles.size(), requests, mismatches);
}

}  // namespace
}  // namespace keyuan::testing
