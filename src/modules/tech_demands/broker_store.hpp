#pragma once
// A broker's profile as stored (tech_brokers with its fields and districts served), read by id or
// by user, and shown as JSON (internal to the module).

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "store/database.hpp"

namespace keyuan::tech_demands {

struct Broker {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::optional<std::int64_t> org_id;
    std::string org_name;
    std::string name, certificate_no, level, issuing_body, valid_until, introduction, phone, email;
    std::string status;
    std::string reason;
    std::int64_t version = 1;
    std::string created_at, updated_at;
    std::vector<std::string> industry_codes;
    std::vector<std::string> district_codes;
};

/// What a broker writes of their profile (POST /tech-brokers, PATCH /tech-brokers/me).
struct BrokerInput {
    std::optional<std::int64_t> org_id;
    std::string name, certificate_no, level, issuing_body, valid_until, introduction, phone, email;
    std::vector<std::string> industry_codes;
    std::vector<std::string> district_codes;
};

std::optional<Broker> LoadBroker(store::Session& s, std::int64_t id);
std::optional<Broker> LoadBrokerOfUser(store::Session& s, std::int64_t user_id);
/// The brokers with these ids, in the order given (a list page in two statements).
std::vector<Broker> LoadBrokers(store::Session& s, const std::vector<std::int64_t>& ids);

/// The broker's own: the profile's user.
access::ObjectScope ScopeOf(const Broker& b);

/// Writes the profile's columns and replaces its fields and districts; a new profile when id is 0
/// (answers its id).
std::int64_t SaveBroker(store::Session& s, std::int64_t id, std::int64_t user_id, const BrokerInput& in,
                        std::optional<std::int64_t> version, bool back_to_pending);

/// The profile as the API shows it; phone and e-mail masked unless `whole` (the broker, the
/// operator, signed-in users).
boost::json::object BrokerJson(const Broker& b, bool whole);

/// Whether the broker may take demands on `today`: active, qualification valid.
bool MayHandleDemands(const Broker& b, const std::string& today);

}  // namespace keyuan::tech_demands
