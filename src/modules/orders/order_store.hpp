#pragma once
// Service orders as stored, and as the API shows them.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace keyuan::orders {

struct Order {
    std::int64_t id = 0;
    std::int64_t service_id = 0;
    std::string service_name;
    std::int64_t org_id = 0;  // the provider
    std::string org_name;
    std::optional<std::int64_t> client_org_id;
    std::string client_org_name;
    std::int64_t user_id = 0;
    std::string status;
    std::int64_t version = 0;
    std::string requirements;
    std::int64_t samples = 0;
    std::string sample_description;
    std::optional<std::int64_t> quote_fen;
    std::optional<std::int64_t> quote_days;
    std::string quote_note;
    std::string reason;
    std::string created_at;
    std::string updated_at;
};

/// What a new order holds; it starts `requested`.
struct NewOrder {
    std::int64_t service_id = 0;
    std::int64_t org_id = 0;
    std::optional<std::int64_t> client_org_id;
    std::int64_t user_id = 0;
    std::string requirements;
    std::int64_t samples = 0;
    std::string sample_description;
};
std::int64_t InsertOrder(store::Session& s, const NewOrder& order);

std::optional<Order> LoadOrder(store::Session& s, std::int64_t id);
/// Orders by a condition on alias o (with ORDER BY / LIMIT), in one query.
std::vector<Order> SelectOrders(store::Session& s, const std::string& where, const std::vector<store::Param>& params);
boost::json::object OrderJson(const Order& order);

/// The service an order is for, as orders need it; nullopt unless it is published.
struct ServiceRef {
    std::int64_t id = 0;
    std::int64_t org_id = 0;
    std::string name;
};
std::optional<ServiceRef> LoadPublishedService(store::Session& s, std::int64_t id);

}  // namespace keyuan::orders
