#include "modules/vouchers/expiry.hpp"

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "modules/vouchers/ledger.hpp"
#include "modules/vouchers/voucher_store.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::vouchers {

std::int64_t ExpireDue(store::Database& db) {
    std::string today = clock::TodayShanghai();
    store::Rows due;
    // Live vouchers past their date, and expired ones whose value came back since (a release).
    db.Read([&](store::Session& s) {
        due = s.Query(
            "SELECT v.id FROM vouchers v WHERE (v.status = 'live' AND v.use_by < $1) OR (v.status = 'expired' AND "
            "EXISTS (SELECT 1 FROM ledger_balances b WHERE b.account = 'voucher:' || CAST(v.id AS TEXT) || "
            "':available' "
            "AND b.balance_fen > 0)) ORDER BY v.id LIMIT 5000",
            {today});
    });
    Actor system{.ip = "", .request_id = "job:vouchers.expire"};
    std::int64_t changed = 0;
    for (std::size_t i = 0; i < due.size(); ++i) {
        std::int64_t id = due[i].Int(0);
        db.Write([&](store::Session& s) {
            Voucher v = *LoadVoucher(s, id);
            if (v.status == "live") {
                if (v.use_by >= today) return;
                store::UpdateGuarded(s, {.table = "vouchers", .id = id, .version = v.version, .status = "live"},
                                     "status = 'expired', updated_at = $1", {clock::NowUtc()});
                changes::Record(s, system, {.object_type = "voucher", .object_id = id, .event = "expired"});
            }
            std::int64_t left = ledger::Balance(s, ledger::Available(id));
            if (left > 0) {
                ledger::Post(s, system,
                             {.from = ledger::Available(id),
                              .to = ledger::Budget(v.programme_id),
                              .amount_fen = left,
                              .movement = "expire",
                              .cause_type = "voucher",
                              .cause_id = std::to_string(id),
                              .programme_id = v.programme_id},
                             Error::Conflict("", ""));
            }
            ++changed;
        });
    }
    return changed;
}

}  // namespace keyuan::vouchers
