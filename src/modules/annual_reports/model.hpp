#pragma once
// A report's contents as values (no I/O): what a unit files for one year.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace keyuan::annual_reports {

/// One transfer, licence or equity-investment contract (转让/许可/作价投资).
struct ContractRow {
    std::optional<std::string> mode;  // transfer | license | investment; empty: pre-filled, not chosen yet
    std::optional<std::int64_t> achievement_id;
    std::string counterpart;
    std::int64_t amount_fen = 0;    // the contract's amount
    std::int64_t received_fen = 0;  // received in the report's year
    std::int64_t equity_bp = 0;     // equity share in basis points (investment), 0–10000
    std::string source = "manual";  // platform | manual
    bool confirmed = true;          // a pre-filled row is confirmed by the unit
};

/// Count and amount of one kind of technology development, consulting or service contracts.
struct TechTotal {
    std::int64_t count = 0;
    std::int64_t amount_fen = 0;
};

struct Spinoff {
    std::string name;
    std::string credit_code;
};

struct Office {
    std::string name;
    std::string kind;  // office | platform
};

struct Content {
    std::vector<ContractRow> contracts;
    TechTotal development, consulting, service;
    std::int64_t income_unit_fen = 0;   // income kept by the unit
    std::int64_t income_staff_fen = 0;  // income given to staff
    std::int64_t reward_cash_fen = 0;
    std::int64_t reward_equity_fen = 0;
    std::int64_t reward_headcount = 0;
    std::vector<Spinoff> spinoffs;
    std::vector<Office> offices;
    std::string work_done, problems, policy;  // the narrative
    bool pledge = false;                      // the integrity pledge (承诺), ticked
};

/// The two due dates of a year as set (before moving off a holiday).
struct Deadlines {
    std::string unit_due_on;        // YYYY-MM-DD
    std::string department_due_on;  // YYYY-MM-DD
    bool configured = false;        // set by the operator, not the default
};

}  // namespace keyuan::annual_reports
