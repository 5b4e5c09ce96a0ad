#include "support/catalog_fixture.hpp"

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <ctime>

namespace keyuan::testing {
namespace json = boost::json;

namespace {

/// Creates an organisation as the operator; returns its id.
std::string CreateOrganization(Session& op, const json::object& body) {
    HttpResponse r = op.Post("/api/v1/organizations", Body(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Str(r.Json(), "id") : "";
}

void AddSession(CatalogWorld& world, std::uint16_t port, const std::string& username) {
    Session s = LogIn(port, username);
    EXPECT_EQ(s.login.status, 200) << username << ": " << s.login.body;
    world.sessions.emplace(username, std::move(s));
}

}  // namespace

void BuildCatalogWorld(const std::string& db_url, std::uint16_t port, CatalogWorld& world) {
    CreateReadyUser(db_url, "operator", "operator");
    AddSession(world, port, "operator");
    Session& op = world["operator"];
    world.org_a = CreateOrganization(op, {{"name", "北京示范大学"},
                                          {"credit_code", "121100004000000014"},
                                          {"kind", "university"},
                                          {"district_code", "110108"},
                                          {"department_code", "edu"},
                                          {"is_sme", false}});
    world.org_b = CreateOrganization(op, {{"name", "朝阳医学研究所"},
                                          {"credit_code", "121100004000000027"},
                                          {"kind", "research_institute"},
                                          {"district_code", "110105"},
                                          {"department_code", "health"},
                                          {"is_sme", false}});
    world.org_fin = CreateOrganization(op, {{"name", "京科银行"},
                                            {"credit_code", "91110108MA0000001D"},
                                            {"kind", "financial_institution"},
                                            {"district_code", "110108"},
                                            {"is_sme", false}});
    CreateReadyUser(db_url, "unit_a", "unit_admin", {"--org", world.org_a});
    CreateReadyUser(db_url, "unit_b", "unit_admin", {"--org", world.org_b});
    CreateReadyUser(db_url, "reviewer_edu", "department_reviewer", {"--department", "edu"});
    CreateReadyUser(db_url, "reviewer_health", "department_reviewer", {"--department", "health"});
    CreateReadyUser(db_url, "officer_haidian", "district_officer", {"--district", "110108"});
    CreateReadyUser(db_url, "finance", "financial_institution", {"--org", world.org_fin});
    CreateReadyUser(db_url, "base", "base_admin", {"--org", world.org_b});
    CreateReadyUser(db_url, "auditor", "audit_admin");
    CreateReadyUser(db_url, "company", "enterprise", {"--org", world.org_b});
    for (const char* name : {"unit_a", "unit_b", "reviewer_edu", "reviewer_health", "officer_haidian", "finance",
                             "base", "auditor", "company"}) {
        AddSession(world, port, name);
    }
}

std::string ShanghaiDate(int days) {
    std::time_t t = std::time(nullptr) + 8 * 3600 + static_cast<std::time_t>(days) * 86400;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

json::object With(json::object base, const json::object& changes) {
    for (const auto& [key, value] : changes) {
        if (value.is_null()) {
            base.erase(key);
        } else {
            base[key] = value;
        }
    }
    return base;
}

json::object InstrumentBody(const std::string& name) {
    return json::object{{"name", name},
                        {"class_code", "0102"},
                        {"model", "Orbitrap Exploris 480"},
                        {"manufacturer", "Thermo Fisher Scientific"},
                        {"original_value_fen", 450000000},
                        {"purchase_date", "2026-03-01"},
                        {"acceptance_date", "2026-04-01"},
                        {"district_code", "110108"},
                        {"open_status", "open"},
                        {"industry_codes", json::array{"2710"}}};
}

json::object ServiceBody(const std::string& name, std::int64_t price_fen) {
    return json::object{{"name", name},
                        {"kind", "test"},
                        {"field", "化学分析"},
                        {"price_fen", price_fen},
                        {"price_unit", "per_sample"},
                        {"district_code", "110108"}};
}

json::object LabBody(const std::string& name) {
    return json::object{{"name", name}, {"kind", "key_lab"}, {"district_code", "110108"}, {"open_status", "open"}};
}

json::object FinanceProductBody(const std::string& name) {
    return json::object{{"name", name},
                        {"kind", "loan"},
                        {"features", "面向科技型中小企业的信用贷款"},
                        {"amount_min_fen", 10000000},
                        {"amount_max_fen", 1000000000}};
}

std::string CreateResource(Session& session, const std::string& collection, const json::object& body) {
    HttpResponse r = session.Post("/api/v1/" + collection, Body(body));
    EXPECT_EQ(r.status, 201) << collection << ": " << r.body;
    return r.status == 201 ? Str(r.Json(), "id") : "";
}

HttpResponse Act(Session& session, const std::string& collection, const std::string& id, const std::string& action,
                 const std::string& body) {
    return session.Post("/api/v1/" + collection + "/" + id + "/" + action, body);
}

std::string CreateApproved(Session& owner, Session& reviewer, const std::string& collection, const json::object& body) {
    std::string id = CreateResource(owner, collection, body);
    if (id.empty()) return id;
    HttpResponse submitted = Act(owner, collection, id, "submit");
    EXPECT_EQ(submitted.status, 200) << submitted.body;
    HttpResponse approved = Act(reviewer, collection, id, "approve");
    EXPECT_EQ(approved.status, 200) << approved.body;
    return id;
}

std::vector<std::string> ListIds(const HttpResponse& r) {
    std::vector<std::string> ids;
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) return ids;
    json::value body = r.Json();
    for (const json::value& item : body.at("items").as_array()) ids.push_back(Str(item, "id"));
    return ids;
}

bool HasId(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::map<std::string, std::int64_t> FacetCounts(const boost::json::value& found, const std::string& name) {
    std::map<std::string, std::int64_t> out;
    if (!found.at("facets").as_object().contains(name)) return out;
    for (const boost::json::value& v : found.at("facets").at(name).as_array()) {
        out[Str(v, "value")] = v.at("count").as_int64();
    }
    return out;
}

}  // namespace keyuan::testing
