#pragma once
// Technology contracts as stored (tech_contracts with its parties, instalments and IP types) and as the API
// shows them (docs/design/tech-contracts.md).

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "store/database.hpp"

namespace keyuan::tech_contracts {

struct Party {
    std::string role, name, credit_code, entity_type, country_code, division_code;
};

struct Instalment {
    std::string due_on;
    std::int64_t amount_fen = 0;
};

/// What the seller writes: the fields of form JJ-001 (contract_input.cpp reads and checks them).
struct ContractInput {
    std::string project_name, type, subtype, signed_on, field_code;
    std::int64_t contract_type_id = 0;
    std::optional<std::string> valid_from, valid_until, industry_code;
    std::int64_t total_fen = 0, tech_amount_fen = 0;
    bool government_plan = false;
    std::string plan_name;
    std::optional<std::int64_t> expected_investment_fen, expected_output_fen, achievement_id, demand_id, broker_id;
    std::vector<std::string> ip_types;
    std::vector<Party> parties;
    std::vector<Instalment> instalments;
};

struct Contract {
    std::int64_t id = 0, org_id = 0, version = 1, created_by = 0;
    std::string org_name, district_code, district_name, field_name, status, reason, created_at, updated_at;
    std::string demand_title, broker_name;  // the linked demand's title and the broker's name ("" when none)
    ContractInput input;
    std::optional<std::string> submitted_on, decision_due_on, registration_no, registered_on;
    std::optional<std::int64_t> approved_income_fen, registered_by;
};

std::optional<Contract> LoadContract(store::Session& s, std::int64_t id);
/// Whose a contract is, for the policy: the seller organisation, its district, and who filed it (a broker
/// reads and submits what they filed).
access::ObjectScope ScopeOf(const Contract& c);

/// Inserts a draft for the seller organisation; returns its id.
std::int64_t InsertContract(store::Session& s, const ContractInput& in, std::int64_t org_id,
                            const std::string& district, std::int64_t user_id);
/// Writes the input over the contract (conditional on the version and status read).
void UpdateContract(store::Session& s, const Contract& before, const ContractInput& in);

/// The contract as the API shows it.
boost::json::object ContractJson(const Contract& c);

}  // namespace keyuan::tech_contracts
