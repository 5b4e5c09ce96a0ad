#include "modules/orders/attachments.hpp"

#include <boost/json/serialize.hpp>

#include "access/crypto.hpp"
#include "changes/audit.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"

namespace keyuan::orders {
namespace json = boost::json;

json::object StoreAttachment(store::Session& s, const Actor& actor, std::int64_t order_id, const std::string& file_name,
                             std::string_view content_type, const std::string& bytes) {
    // One conditional update takes the place: of many uploads racing for the last one, exactly
    // one changes the row (PostgreSQL re-checks the condition after the row lock; SQLite has one
    // writer), the others are refused.
    std::int64_t taken = s.Execute(
        "UPDATE service_orders SET attachment_count = attachment_count + 1 WHERE id = $1 AND attachment_count < $2",
        {order_id, kMaxAttachmentsPerOrder});
    if (taken == 0) {
        throw ApiError(Error::Conflict("每个订单最多 " + std::to_string(kMaxAttachmentsPerOrder) + " 个附件",
                                       "At most " + std::to_string(kMaxAttachmentsPerOrder) + " files per order"));
    }
    std::string sha = access::Sha256Hex(bytes);
    std::string now = clock::NowUtc();
    std::int64_t user = actor.caller ? actor.caller->user_id : 0;
    std::int64_t id = s.InsertReturningId(
        "INSERT INTO order_attachments (order_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, "
        "uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        {order_id, file_name, std::string(content_type), static_cast<std::int64_t>(bytes.size()), sha,
         store::Param::Bytes(bytes), user, now});
    json::object out{{"id", std::to_string(id)},
                     {"file_name", file_name},
                     {"content_type", std::string(content_type)},
                     {"size_bytes", static_cast<std::int64_t>(bytes.size())},
                     {"sha256", sha},
                     {"uploaded_by", std::to_string(user)},
                     {"uploaded_at", now}};
    audit::Record(s, actor,
                  {.event_type = "service_order.attachment_added",
                   .object_type = "service_order",
                   .object_id = std::to_string(order_id),
                   .after_json = json::serialize(out)});
    return out;
}

std::map<std::int64_t, json::array> AttachmentsOf(store::Session& s, const std::vector<std::int64_t>& order_ids) {
    std::map<std::int64_t, json::array> out;
    if (order_ids.empty()) return out;
    store::Rows rows = s.Query(
        "SELECT order_id, id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at "
        "FROM order_attachments WHERE order_id IN (" +
            store::Placeholders(1, order_ids.size()) + ") ORDER BY order_id, id",
        std::vector<store::Param>(order_ids.begin(), order_ids.end()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        store::Row r = rows[i];
        out[r.Int(0)].push_back(json::object{{"id", std::to_string(r.Int(1))},
                                             {"file_name", r.Text(2)},
                                             {"content_type", r.Text(3)},
                                             {"size_bytes", r.Int(4)},
                                             {"sha256", r.Text(5)},
                                             {"uploaded_by", std::to_string(r.Int(6))},
                                             {"uploaded_at", r.Text(7)}});
    }
    return out;
}

std::optional<AttachmentFile> LoadAttachment(store::Session& s, std::int64_t order_id, std::int64_t attachment_id) {
    store::Rows rows = s.Query(
        "SELECT file_name, content_type, sha256, content FROM order_attachments WHERE id = $1 AND order_id = $2",
        {attachment_id, order_id});
    if (rows.empty()) return std::nullopt;
    return AttachmentFile{.file_name = std::string(rows[0].Text(0)),
                          .content_type = std::string(rows[0].Text(1)),
                          .sha256 = std::string(rows[0].Text(2)),
                          .bytes = std::string(rows[0].Text(3))};
}

}  // namespace keyuan::orders
