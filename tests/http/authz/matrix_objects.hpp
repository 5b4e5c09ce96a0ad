#pragma once
// Objects of the trading modules (bookings, ratings, notifications, feeds, service orders and
// their files) for the authorization matrix: one inside org_a's scope, used by the matrix's
// enterprise account of org_a, and one outside, org_b's.

#include <map>
#include <string>
#include <utility>

#include "support/catalog_fixture.hpp"

namespace keyuan::testing {

/// The accounts that make them. `enterprise` is the matrix's own account inside org_a; `company`
/// is org_b's enterprise user, whom the matrix does not play.
struct TradeActors {
    Session& op;
    Session& enterprise;
    Session& unit_a;
    Session& unit_b;
    Session& company;
    std::string org_a, org_b, db;
    std::string expert_id;  // the matrix's expert account, for panels
};

/// Path prefix ("/api/v1/bookings") → (inside id, outside id).
using MatrixObjects = std::map<std::string, std::pair<std::string, std::string>>;

/// The created object's id when the answer has `status` ("" and a test failure otherwise).
std::string CreatedId(const HttpResponse& r, int status);

void MakeBookingObjects(const TradeActors& actors, MatrixObjects& objects);

/// Adds "/api/v1/orders" and, for the file's own parameter, "{attachment_id}".
void MakeOrderObjects(const TradeActors& actors, MatrixObjects& objects);

/// Vouchers (voucher_objects.cpp): an open programme with org_a and org_b admitted, applications
/// and vouchers of the enterprise account (org_a, inside) and of company (org_b, outside), a
/// claim of each provider (unit_a's inside: company booked org_a's instrument with its voucher;
/// unit_b's outside: the other way round), a relation; "{org_id}" is org_a.
void MakeVoucherObjects(const TradeActors& actors, MatrixObjects& objects);

/// The assessment (assessment_objects.cpp): an open cycle with results of org_a (inside) and org_b
/// (outside), a published one with a subsidy plan, and a rectification of each organisation.
void MakeAssessmentObjects(const TradeActors& actors, MatrixObjects& objects);

/// Purchase checks (purchase_check_objects.cpp): a submitted check of unit_a (inside, with the
/// matrix's expert on its panel) and of unit_b (outside), a file of each ("<collection> {attachment_id}").
void MakePurchaseCheckObjects(const TradeActors& actors, MatrixObjects& objects);

/// Annual reports (annual_report_objects.cpp): a 2024 draft of org_a (inside) and of org_b (outside), a
/// stamped PDF of each ("<collection> {attachment_id}");
/// the year 2024 for the deadlines.
void MakeAnnualReportObjects(const TradeActors& actors, MatrixObjects& objects);

/// Common technology platforms (tech_platform_objects.cpp): an admitted platform of each unit with a
/// valid label (org_a's inside) and its 2025 assessment.
void MakeTechPlatformObjects(const TradeActors& actors, MatrixObjects& objects);

/// Technology demands (tech_demand_objects.cpp): an approved demand of each unit (org_a's inside), the
/// matrix's broker active with an accepted assignment on the one inside, another broker asked for the
/// one outside.
void MakeTechDemandObjects(const TradeActors& actors, Session& broker, MatrixObjects& objects);

/// Open challenges (challenge_objects.cpp): a published challenge of department edu (inside) and of
/// health (outside), in review, each with an application (org_a's inside, with the matrix's expert on
/// its panel; org_b's outside), a proposal file and a milestone.
void MakeChallengeObjects(const TradeActors& actors, MatrixObjects& objects);
/// Technology contracts (tech_contract_objects.cpp): a draft of unit_a (inside, 海淀区) and of unit_b
/// (outside, 朝阳区), with a written text each ("<collection> {attachment_id}").
void MakeTechContractObjects(const TradeActors& actors, MatrixObjects& objects);

}  // namespace keyuan::testing
