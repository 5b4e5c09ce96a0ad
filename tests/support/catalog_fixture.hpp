#pragma once
// Helpers for the HTTP tests of the resource catalog: a small world of organisations and
// accounts (made with the CLI and the operator's API), valid request bodies for each kind of
// resource, and short forms of the review workflow's requests.

#include <gtest/gtest.h>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "support/accounts_fixture.hpp"

namespace keyuan::testing {

/// The organisations and logged-in accounts every catalog test can use.
///
///   org_a   北京示范大学, university, 海淀区 110108, department edu
///   org_b   朝阳医学研究所, research institute, 朝阳区 110105, department health
///   org_fin 京科银行, financial institution, 海淀区 110108, no department
///
/// Sessions by username: "operator"; "unit_a" and "unit_b" (unit_admin of org_a / org_b);
/// "reviewer_edu" and "reviewer_health" (department_reviewer); "officer_haidian"
/// (district_officer of 110108); "finance" (financial_institution of org_fin); "base"
/// (base_admin of org_b); "auditor" (audit_admin); "company" (enterprise of org_b, no catalog grants).
struct CatalogWorld {
    std::string org_a, org_b, org_fin;
    std::map<std::string, Session> sessions;

    Session& operator[](const std::string& username) { return sessions.at(username); }
};

/// Builds the world on a running server (the operator's account first, then the
/// organisations through POST /api/v1/organizations, then the other accounts). Failures are
/// test failures of the suite's set-up.
void BuildCatalogWorld(const std::string& db_url, std::uint16_t port, CatalogWorld& world);

/// Today (offset by `days`) as YYYY-MM-DD in the platform's zone, Asia/Shanghai (UTC+8).
std::string ShanghaiDate(int days = 0);

/// `base` with `changes` applied; a change to null removes the field.
boost::json::object With(boost::json::object base, const boost::json::object& changes);

/// Valid creation bodies (no org_id: a unit admin registers for their own organisation).
boost::json::object InstrumentBody(const std::string& name);
boost::json::object ServiceBody(const std::string& name, std::int64_t price_fen);
boost::json::object LabBody(const std::string& name);
boost::json::object FinanceProductBody(const std::string& name);

/// POSTs `body` to /api/v1/{collection} and returns the new id ("" and a test failure unless 201).
std::string CreateResource(Session& session, const std::string& collection, const boost::json::object& body);

/// POST /api/v1/{collection}/{id}/{action} ("submit", "approve", "return") with an optional body.
HttpResponse Act(Session& session, const std::string& collection, const std::string& id, const std::string& action,
                 const std::string& body = "");

/// Creates, submits and approves (by `reviewer`); returns the id.
std::string CreateApproved(Session& owner, Session& reviewer, const std::string& collection,
                           const boost::json::object& body);

/// The ids of a list answer's items, in order (a test failure unless 200).
std::vector<std::string> ListIds(const HttpResponse& r);

/// Whether `ids` holds `id`.
bool HasId(const std::vector<std::string>& ids, const std::string& id);

/// A search answer's facet `name` as value → count (empty when the answer has none).
std::map<std::string, std::int64_t> FacetCounts(const boost::json::value& found, const std::string& name);

/// One server and one catalog world per test suite.
template <typename Suite>
class CatalogSuite : public ServerSuite<Suite> {
public:
    static std::string Config() { return SecurityConfig(); }
    static void CreateUsers() { BuildCatalogWorld(ServerSuite<Suite>::Db(), ServerSuite<Suite>::Port(), world_); }
    static void ReleaseSessions() { world_ = CatalogWorld{}; }

protected:
    static Session& As(const std::string& username) { return world_[username]; }
    static HttpClient Visitor() { return HttpClient(ServerSuite<Suite>::Port()); }

    static inline CatalogWorld world_;
};

}  // namespace keyuan::testing
