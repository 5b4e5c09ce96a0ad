#include "modules/vouchers/voucher_store.hpp"

#include "modules/vouchers/ledger.hpp"

namespace keyuan::vouchers {
namespace json = boost::json;

std::optional<Voucher> LoadVoucher(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(
        "SELECT id, number, programme_id, org_id, application_id, face_fen, issued_at, use_by, redeem_by, status, "
        "version FROM vouchers WHERE id = $1",
        {id});
    if (rows.empty()) return std::nullopt;
    const store::Row& r = rows.front();
    return Voucher{.id = r.Int(0),
                   .number = std::string(r.Text(1)),
                   .programme_id = r.Int(2),
                   .org_id = r.Int(3),
                   .application_id = r.Int(4),
                   .face_fen = r.Int(5),
                   .issued_at = std::string(r.Text(6)),
                   .use_by = std::string(r.Text(7)),
                   .redeem_by = std::string(r.Text(8)),
                   .status = std::string(r.Text(9)),
                   .version = r.Int(10)};
}

json::object VoucherJson(store::Session& s, const Voucher& v) {
    auto balances = ledger::Balances(s, {ledger::Available(v.id), ledger::Reserved(v.id)});
    store::Rows paid =
        s.Query("SELECT COALESCE(SUM(consumed_fen), 0) FROM voucher_uses WHERE voucher_id = $1 AND status = 'consumed'",
                {v.id});
    store::Rows names = s.Query(
        "SELECT p.name, p.year, p.share_percent, o.name FROM voucher_programmes p, organizations o WHERE p.id = $1 "
        "AND o.id = $2",
        {v.programme_id, v.org_id});
    json::object out{{"id", std::to_string(v.id)},
                     {"number", v.number},
                     {"programme_id", std::to_string(v.programme_id)},
                     {"org_id", std::to_string(v.org_id)},
                     {"application_id", std::to_string(v.application_id)},
                     {"face_fen", v.face_fen},
                     {"available_fen", balances[ledger::Available(v.id)]},
                     {"reserved_fen", balances[ledger::Reserved(v.id)]},
                     {"paid_fen", paid.front().Int(0)},
                     {"issued_at", v.issued_at},
                     {"use_by", v.use_by},
                     {"redeem_by", v.redeem_by},
                     {"status", v.status},
                     {"version", v.version}};
    if (!names.empty()) {
        out["programme_name"] = names[0].Text(0);
        out["programme_year"] = names[0].Int(1);
        out["share_percent"] = names[0].Int(2);
        out["org_name"] = names[0].Text(3);
    }
    return out;
}

json::object UseJson(store::Session& s, std::int64_t use_id) {
    store::Rows rows = s.Query(
        "SELECT u.id, u.voucher_id, v.number, u.object_kind, u.object_id, u.provider_org_id, o.name, u.client_org_id, "
        "u.service_kind, u.fee_fen, u.amount_fen, u.consumed_fen, u.status, u.created_at, u.updated_at, "
        "(SELECT c.id FROM voucher_claims c WHERE c.use_id = u.id) "
        "FROM voucher_uses u JOIN vouchers v ON v.id = u.voucher_id JOIN organizations o ON o.id = u.provider_org_id "
        "WHERE u.id = $1",
        {use_id});
    const store::Row& r = rows.front();
    std::optional<std::int64_t> claim = r.OptInt(15);
    return json::object{{"id", std::to_string(r.Int(0))},
                        {"voucher_id", std::to_string(r.Int(1))},
                        {"voucher_number", r.Text(2)},
                        {"object_kind", r.Text(3)},
                        {"object_id", std::to_string(r.Int(4))},
                        {"provider_org_id", std::to_string(r.Int(5))},
                        {"provider_name", r.Text(6)},
                        {"client_org_id", std::to_string(r.Int(7))},
                        {"service_kind", r.Text(8)},
                        {"fee_fen", r.Int(9)},
                        {"amount_fen", r.Int(10)},
                        {"consumed_fen", r.Int(11)},
                        {"status", r.Text(12)},
                        {"created_at", r.Text(13)},
                        {"updated_at", r.Text(14)},
                        {"claim_id", claim ? json::value(std::to_string(*claim)) : json::value(nullptr)}};
}

}  // namespace keyuan::vouchers
