// Paying part of a booking or an order with a voucher: reserve, consume at delivery, release on
// cancellation (service.hpp). Every rule is checked here, inside the step's transaction; the
// balance itself is checked by the ledger's conditional update, not by a read before it.
#include <boost/json/value.hpp>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/json.hpp"
#include "modules/vouchers/ledger.hpp"
#include "modules/vouchers/programme_store.hpp"
#include "modules/vouchers/service.hpp"
#include "modules/vouchers/voucher_store.hpp"
#include "store/guarded_update.hpp"
#include "store/param.hpp"

namespace keyuan::vouchers {
namespace json = boost::json;

namespace {

[[noreturn]] void Refuse(const char* field, std::string zh, std::string en) {
    throw ApiError(Error::Validation({{field, {std::move(zh), std::move(en)}}}));
}

/// Names the relation between the client and the provider, if any (either direction).
std::optional<std::string> RelationBetween(store::Session& s, std::int64_t a, std::int64_t b) {
    if (a == b) return "same_organization";
    store::Rows rows = s.Query(
        "SELECT kind FROM organization_relations WHERE (org_a = $1 AND org_b = $2) OR (org_a = $2 AND org_b = $1) "
        "ORDER BY kind LIMIT 1",
        {a, b});
    if (rows.empty()) return std::nullopt;
    return std::string(rows.front().Text(0));
}

/// A relation's name in Chinese, for the refusal.
std::string RelationName(std::string_view kind) {
    if (kind == "same_organization") return "同一单位";
    if (kind == "parent") return "母子公司";
    if (kind == "shareholder") return "持股关系";
    if (kind == "same_representative") return "同一法定代表人";
    return std::string(kind);
}

struct LiveUse {
    std::int64_t id = 0, voucher_id = 0, programme_id = 0, provider_org_id = 0, amount_fen = 0, version = 0;
    int share_percent = 0;
};

std::optional<LiveUse> ReservedUse(store::Session& s, std::string_view kind, std::int64_t id) {
    store::Rows rows = s.Query(
        "SELECT u.id, u.voucher_id, v.programme_id, u.provider_org_id, u.amount_fen, u.version, p.share_percent "
        "FROM voucher_uses u JOIN vouchers v ON v.id = u.voucher_id JOIN voucher_programmes p ON p.id = v.programme_id "
        "WHERE u.object_kind = $1 AND u.object_id = $2 AND u.status = 'reserved'",
        {kind, id});
    if (rows.empty()) return std::nullopt;
    const store::Row& r = rows.front();
    return LiveUse{.id = r.Int(0),
                   .voucher_id = r.Int(1),
                   .programme_id = r.Int(2),
                   .provider_org_id = r.Int(3),
                   .amount_fen = r.Int(4),
                   .version = r.Int(5),
                   .share_percent = static_cast<int>(r.Int(6))};
}

void Move(store::Session& s, const Actor& actor, const LiveUse& use, std::string to, std::int64_t amount,
          const char* movement) {
    if (amount <= 0) return;
    ledger::Post(s, actor,
                 {.from = ledger::Reserved(use.voucher_id),
                  .to = std::move(to),
                  .amount_fen = amount,
                  .movement = movement,
                  .cause_type = "use",
                  .cause_id = std::to_string(use.id),
                  .programme_id = use.programme_id},
                 Error::Conflict("代金券预留金额不足", "The voucher's reservation does not cover it"));
}

}  // namespace

std::string VoucherNumber(int year, std::int64_t voucher_id) {
    std::string serial = std::to_string(voucher_id);
    return "KY" + std::to_string(year) + std::string(8 - std::min<std::size_t>(8, serial.size()), '0') + serial;
}

std::optional<Payment> ReadPayment(const json::object& body) {
    bool has_id = body.contains("voucher_id"), has_fen = body.contains("voucher_fen");
    if (!has_id && !has_fen) return std::nullopt;
    FieldErrors errors;
    Payment p;
    const json::value* id = body.if_contains("voucher_id");
    std::optional<std::int64_t> voucher = id && id->is_string() ? ParseId(id->as_string()) : std::nullopt;
    if (!voucher)
        errors.Add("voucher_id", "代金券编号无效", "voucher_id: not an id");
    else
        p.voucher_id = *voucher;
    const json::value* fen = body.if_contains("voucher_fen");
    if (!fen || !fen->is_int64() || fen->as_int64() <= 0 || fen->as_int64() > kMaxFen) {
        errors.Add("voucher_fen", "代金券支付金额须为正整数（分）", "voucher_fen: a positive number of fen");
    } else {
        p.amount = Fen(fen->as_int64());
    }
    errors.ThrowIfAny();
    return p;
}

json::object Reserve(store::Session& s, const Actor& actor, const Payment& payment, const Payable& payable) {
    std::optional<Voucher> v = LoadVoucher(s, payment.voucher_id);
    // Another enterprise's voucher is not there for this client.
    if (!v || v->org_id != payable.client_org_id) Refuse("voucher_id", "代金券不存在", "No such voucher");
    if (v->status != "live" || clock::TodayShanghai() > v->use_by) {
        Refuse("voucher_id", "代金券已于 " + v->use_by + " 到期", "The voucher expired on " + v->use_by);
    }
    Programme p = *LoadProgramme(s, v->programme_id);
    if (!p.PaysFor(payable.service_kind)) {
        Refuse("voucher_id", "本方案不支付此类服务（" + payable.service_kind + "）",
               "The programme does not pay for this kind of service (" + payable.service_kind + ")");
    }
    std::optional<Admission> admitted = AdmissionOf(s, p.id, payable.provider_org_id);
    if (!admitted)
        Refuse("voucher_id", "服务单位不在本方案的服务机构名录中", "The provider is not admitted to the programme");
    if (admitted->suspended) {
        Refuse("voucher_id", "服务单位已被暂停：" + admitted->reason, "The provider is suspended: " + admitted->reason);
    }
    if (auto relation = RelationBetween(s, payable.client_org_id, payable.provider_org_id)) {
        Refuse("voucher_id", "服务单位与用券企业存在关联关系（" + RelationName(*relation) + "），不能兑付",
               "The provider is a related party of the client (" + *relation + ")");
    }
    std::int64_t share = payable.fee.Scale(p.share_percent, 100).fen();
    if (payment.amount.fen() > share) {
        Refuse("voucher_fen",
               "超过费用的 " + std::to_string(p.share_percent) + "%（" + Fen(share).ToYuanString() + " 元）",
               "Above " + std::to_string(p.share_percent) + "% of the fee (" + Fen(share).ToYuanString() + " yuan)");
    }
    if (payment.amount.fen() > p.cap_per_order_fen) {
        Refuse("voucher_fen", "超过单笔上限 " + Fen(p.cap_per_order_fen).ToYuanString() + " 元",
               "Above the cap per order, " + Fen(p.cap_per_order_fen).ToYuanString() + " yuan");
    }
    if (!s.Query("SELECT 1 FROM voucher_uses WHERE object_kind = $1 AND object_id = $2 AND status <> 'released'",
                 {payable.kind, payable.id})
             .empty()) {
        throw ApiError(Error::Conflict("已使用代金券支付", "Already paid in part with a voucher"));
    }
    std::string now = clock::NowUtc();
    std::int64_t use_id = s.InsertReturningId(
        "INSERT INTO voucher_uses (voucher_id, object_kind, object_id, provider_org_id, client_org_id, service_kind, "
        "fee_fen, amount_fen, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
        {v->id, payable.kind, payable.id, payable.provider_org_id, payable.client_org_id, payable.service_kind,
         payable.fee.fen(), payment.amount.fen(), now});
    ledger::Post(s, actor,
                 {.from = ledger::Available(v->id),
                  .to = ledger::Reserved(v->id),
                  .amount_fen = payment.amount.fen(),
                  .movement = "reserve",
                  .cause_type = "use",
                  .cause_id = std::to_string(use_id),
                  .programme_id = p.id},
                 Error::Validation({{"voucher_fen", {"超过代金券余额", "Above the voucher's balance"}}}));
    return UseJson(s, use_id);
}

Fen ConsumeOnDelivery(store::Session& s, const Actor& actor, std::string_view kind, std::int64_t id, Fen fee) {
    std::optional<LiveUse> use = ReservedUse(s, kind, id);
    if (!use) return Fen(0);
    std::int64_t paid = std::min(use->amount_fen, fee.Scale(use->share_percent, 100).fen());
    store::UpdateGuarded(s, {.table = "voucher_uses", .id = use->id, .version = use->version, .status = "reserved"},
                         "status = 'consumed', consumed_fen = $1, updated_at = $2", {paid, clock::NowUtc()});
    Move(s, actor, *use, ledger::Earned(use->programme_id, use->provider_org_id), paid, "consume");
    Move(s, actor, *use, ledger::Available(use->voucher_id), use->amount_fen - paid, "release");
    return Fen(paid);
}

void Release(store::Session& s, const Actor& actor, std::string_view kind, std::int64_t id) {
    std::optional<LiveUse> use = ReservedUse(s, kind, id);
    if (!use) return;
    store::UpdateGuarded(s, {.table = "voucher_uses", .id = use->id, .version = use->version, .status = "reserved"},
                         "status = 'released', updated_at = $1", {clock::NowUtc()});
    Move(s, actor, *use, ledger::Available(use->voucher_id), use->amount_fen, "release");
}

std::map<std::int64_t, json::object> UsesOf(store::Session& s, std::string_view kind,
                                            const std::vector<std::int64_t>& ids) {
    std::map<std::int64_t, json::object> out;
    if (ids.empty()) return out;
    std::vector<store::Param> params = {std::string(kind)};
    params.insert(params.end(), ids.begin(), ids.end());
    store::Rows rows = s.Query(
        "SELECT object_id, id FROM voucher_uses WHERE object_kind = $1 AND status <> 'released' "
        "AND object_id IN (" +
            store::Placeholders(2, ids.size()) + ")",
        params);
    for (std::size_t i = 0; i < rows.size(); ++i) out[rows[i].Int(0)] = UseJson(s, rows[i].Int(1));
    return out;
}

json::value UseOf(store::Session& s, std::string_view kind, std::int64_t id) {
    store::Rows rows = s.Query(
        "SELECT id FROM voucher_uses WHERE object_kind = $1 AND object_id = $2 AND status <> 'released'", {kind, id});
    if (rows.empty()) return nullptr;
    return UseJson(s, rows.front().Int(0));
}

}  // namespace keyuan::vouchers
