#pragma once
// Files that travel with a service order (sample descriptions, test reports), kept in the
// database beside it: one backup holds everything, and a file is gone only with its order.
// Limits: kMaxBytes each, kMaxPerOrder per order, and only the types below, recognised by their
// content (the name and the declared Content-Type are not trusted).

#include <boost/json/array.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/caller.hpp"
#include "modules/attachments/service.hpp"
#include "store/database.hpp"

namespace keyuan::orders {

inline constexpr std::size_t kMaxAttachmentBytes = attachments::kMaxFileBytes;
inline constexpr std::int64_t kMaxAttachmentsPerOrder = 10;

/// Stores a file of an order (checked by the caller: who may, type, size); throws ApiError 409
/// when the order has kMaxAttachmentsPerOrder files already. Returns its JSON.
boost::json::object StoreAttachment(store::Session& s, const Actor& actor, std::int64_t order_id,
                                    const std::string& file_name, std::string_view content_type,
                                    const std::string& bytes);

/// The files of orders, without their content, by order id (one query).
std::map<std::int64_t, boost::json::array> AttachmentsOf(store::Session& s, const std::vector<std::int64_t>& order_ids);

struct AttachmentFile {
    std::string file_name;
    std::string content_type;
    std::string sha256;
    std::string bytes;
};
std::optional<AttachmentFile> LoadAttachment(store::Session& s, std::int64_t order_id, std::int64_t attachment_id);

}  // namespace keyuan::orders
