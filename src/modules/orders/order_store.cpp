#include "modules/orders/order_store.hpp"

#include "core/clock.hpp"

namespace keyuan::orders {
namespace json = boost::json;

namespace {

const std::string kSelect =
    "SELECT o.id, o.service_id, v.name, o.org_id, o.client_org_id, o.user_id, o.status, o.version, o.requirements, "
    "o.samples, o.sample_description, o.quote_fen, o.quote_days, o.quote_note, o.reason, o.created_at, o.updated_at, "
    "p.name, c.name FROM service_orders o JOIN services v ON v.id = o.service_id "
    "JOIN organizations p ON p.id = o.org_id LEFT JOIN organizations c ON c.id = o.client_org_id ";

Order FromRow(const store::Row& r) {
    Order order{.id = r.Int(0),
                .service_id = r.Int(1),
                .service_name = std::string(r.Text(2)),
                .org_id = r.Int(3),
                .client_org_id = r.OptInt(4),
                .user_id = r.Int(5),
                .status = std::string(r.Text(6)),
                .version = r.Int(7),
                .requirements = std::string(r.Text(8)),
                .samples = r.Int(9),
                .sample_description = std::string(r.Text(10)),
                .quote_fen = r.OptInt(11),
                .quote_days = r.OptInt(12),
                .quote_note = std::string(r.Text(13)),
                .reason = std::string(r.Text(14)),
                .created_at = std::string(r.Text(15)),
                .updated_at = std::string(r.Text(16))};
    order.org_name = std::string(r.Text(17));
    order.client_org_name = std::string(r.Text(18));
    return order;
}

json::value Opt(const std::optional<std::int64_t>& v) {
    return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

std::int64_t InsertOrder(store::Session& s, const NewOrder& o) {
    std::string now = clock::NowUtc();
    return s.InsertReturningId(
        "INSERT INTO service_orders (service_id, org_id, client_org_id, user_id, status, requirements, samples, "
        "sample_description, created_at, updated_at) VALUES ($1, $2, $3, $4, 'requested', $5, $6, $7, $8, $8) "
        "RETURNING id",
        {o.service_id, o.org_id, o.client_org_id, o.user_id, o.requirements, o.samples, o.sample_description, now});
}

std::optional<Order> LoadOrder(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(kSelect + "WHERE o.id = $1", {id});
    if (rows.empty()) return std::nullopt;
    return FromRow(rows[0]);
}

std::vector<Order> SelectOrders(store::Session& s, const std::string& where, const std::vector<store::Param>& params) {
    store::Rows rows = s.Query(kSelect + where, params);
    std::vector<Order> out;
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(FromRow(rows[i]));
    return out;
}

json::object OrderJson(const Order& o) {
    return json::object{
        {"id", std::to_string(o.id)},
        {"service_id", std::to_string(o.service_id)},
        {"service_name", o.service_name},
        {"org_id", std::to_string(o.org_id)},
        {"org_name", o.org_name},
        {"client_org_id", o.client_org_id ? json::value(std::to_string(*o.client_org_id)) : json::value(nullptr)},
        {"client_org_name", o.client_org_name},
        {"user_id", std::to_string(o.user_id)},
        {"status", o.status},
        {"version", o.version},
        {"requirements", o.requirements},
        {"samples", o.samples},
        {"sample_description", o.sample_description},
        {"quote_fen", Opt(o.quote_fen)},
        {"quote_days", Opt(o.quote_days)},
        {"quote_note", o.quote_note},
        {"reason", o.reason},
        {"created_at", o.created_at},
        {"updated_at", o.updated_at}};
}

std::optional<ServiceRef> LoadPublishedService(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query("SELECT id, org_id, name FROM services WHERE id = $1 AND status = 'approved'", {id});
    if (rows.empty()) return std::nullopt;
    return ServiceRef{.id = rows[0].Int(0), .org_id = rows[0].Int(1), .name = std::string(rows[0].Text(2))};
}

}  // namespace keyuan::orders
