#pragma once
// Voucher applications as stored: the enterprise's facts for the programme's criteria, the
// amount asked for, where the review stands, and the voucher issued.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "access/policy.hpp"
#include "store/database.hpp"

namespace keyuan::vouchers {

struct Application {
    std::int64_t id = 0, programme_id = 0, org_id = 0, applicant_user_id = 0;
    std::int64_t amount_fen = 0;
    int staff = 0;
    std::int64_t revenue_fen = 0, registered_capital_fen = 0;
    std::string founded_on;
    bool startup_team = false;
    std::string purpose, status, reason;
    std::optional<std::int64_t> reviewed_by, voucher_id;
    std::int64_t version = 0;
    std::string created_at, updated_at;
};

std::optional<Application> LoadApplication(store::Session& s, std::int64_t id);
std::int64_t InsertApplication(store::Session& s, const Application& a);
boost::json::object ApplicationJson(store::Session& s, const Application& a);
/// The enterprise's own (organisation scope); the applicant as owner.
access::ObjectScope ScopeOf(const Application& a);

}  // namespace keyuan::vouchers
