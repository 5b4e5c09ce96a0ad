#include "modules/orders/notices.hpp"

#include "modules/notifications/service.hpp"

namespace keyuan::orders {
namespace json = boost::json;

namespace {

json::object Params(const Order& o, const std::string& reason) {
    json::object params{{"order_id", std::to_string(o.id)},
                        {"service_id", std::to_string(o.service_id)},
                        {"service_name", o.service_name}};
    if (o.quote_fen) params["quote_fen"] = *o.quote_fen;
    if (!reason.empty()) params["reason"] = reason;
    return params;
}

}  // namespace

void NoticeToClient(store::Session& s, const Order& order, std::string_view kind, const std::string& reason) {
    notifications::Notify(s, order.user_id, kind, Params(order, reason));
}

void NoticeToProvider(store::Session& s, const Order& order, std::string_view kind, const std::string& reason) {
    notifications::NotifyUnit(s, order.org_id, kind, Params(order, reason));
}

int AskForRatings(store::Database& db, Date today) {
    int queued = 0;
    db.Write([&](store::Session& s) {
        queued = 0;
        std::vector<Order> unrated = SelectOrders(
            s,
            " WHERE o.id IN (SELECT d.source_id FROM deliveries d LEFT JOIN ratings r ON r.delivery_id = d.id "
            "WHERE d.source_kind = 'order' AND r.id IS NULL AND d.delivered_on < $1 AND d.delivered_on >= $2) "
            "ORDER BY o.id",
            {today.ToString(), today.AddDays(-30).ToString()});
        for (const Order& o : unrated) {
            std::string key = "please_rate:order:" + std::to_string(o.id);
            if (notifications::Notify(s, o.user_id, "order_please_rate", Params(o, ""), key)) ++queued;
        }
    });
    return queued;
}

}  // namespace keyuan::orders
