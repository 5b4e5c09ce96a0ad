#include "modules/notifications/mail_outbox.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "modules/notifications/mail_text.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::notifications {
namespace {

// ON CONFLICT: two servers may queue the same notification at once; one row wins, quietly.
constexpr const char* kQueue =
    "INSERT INTO mail_outbox (notification_id, user_id, address, status, next_attempt_at, queued_at) "
    "SELECT n.id, n.user_id, u.email, 'pending', $1, $1 FROM notifications n JOIN users u ON u.id = n.user_id "
    "WHERE n.created_at >= $2 AND u.email <> '' AND u.disabled = 0 "
    "AND NOT EXISTS (SELECT 1 FROM mail_outbox m WHERE m.notification_id = n.id) "
    "ON CONFLICT (notification_id) DO NOTHING";

constexpr const char* kDue =
    "SELECT o.id, o.version, o.attempts, o.address, n.kind, n.params FROM mail_outbox o "
    "JOIN notifications n ON n.id = o.notification_id "
    "WHERE o.next_attempt_at <= $1 AND o.status IN ('pending', 'sending') ORDER BY o.next_attempt_at, o.id LIMIT $2";

}  // namespace

int QueueNewNotifications(store::Session& s, std::int64_t now) {
    return static_cast<int>(s.Execute(kQueue, {clock::FormatUtc(now), clock::FormatUtc(now - kPickUpWindowSeconds)}));
}

std::vector<OutboxItem> DueMail(store::Session& s, std::int64_t now, int limit) {
    store::Rows rows = s.Query(kDue, {clock::FormatUtc(now), static_cast<std::int64_t>(limit)});
    std::vector<OutboxItem> out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out.push_back(OutboxItem{.id = rows[i].Int(0),
                                 .version = rows[i].Int(1),
                                 .attempts = static_cast<int>(rows[i].Int(2)),
                                 .address = std::string(rows[i].Text(3)),
                                 .kind = std::string(rows[i].Text(4)),
                                 .params = std::string(rows[i].Text(5))});
    }
    return out;
}

void ClaimMail(store::Session& s, const OutboxItem& item, std::int64_t lease_until) {
    store::UpdateGuarded(s, {.table = "mail_outbox", .id = item.id, .version = item.version},
                         "status = 'sending', attempts = attempts + 1, next_attempt_at = $1",
                         {clock::FormatUtc(lease_until)});
}

void RecordSent(store::Session& s, std::int64_t id, std::int64_t version, std::int64_t now) {
    store::UpdateGuarded(s, {.table = "mail_outbox", .id = id, .version = version, .status = "sending"},
                         "status = 'sent', sent_at = $1, next_attempt_at = NULL, last_error = ''",
                         {clock::FormatUtc(now)});
}

void RecordFailure(store::Session& s, std::int64_t id, std::int64_t version, int attempts, const std::string& error,
                   bool final, std::int64_t now) {
    std::optional<std::string> next;
    if (!final) next = clock::FormatUtc(now + RetryDelaySeconds(attempts));
    store::UpdateGuarded(s, {.table = "mail_outbox", .id = id, .version = version, .status = "sending"},
                         "status = $1, next_attempt_at = $2, last_error = $3",
                         {final ? "failed" : "pending", next, CleanText(error, 500)});
}

std::int64_t RetryDelaySeconds(int attempts) {
    int doublings = std::clamp(attempts - 1, 0, 6);  // 60 s · 2^6 > 3600 s
    return std::min<std::int64_t>(60LL << doublings, 3600);
}

}  // namespace keyuan::notifications
