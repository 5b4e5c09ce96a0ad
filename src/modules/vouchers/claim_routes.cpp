// Redemption: a provider claims what a delivered use earned it, with the invoice number; the
// operator approves or refuses (the value then returns to the programme's budget); the finance
// bureau settles approved claims in batches with the payment's reference. Each step is a
// conditional write and a movement in the ledger.
//   POST /api/v1/voucher-claims {use_id, invoice_no}            (the provider's unit admin)
//   GET  /api/v1/voucher-claims?status=&page=                   (the provider's, or all for overseers)
//   POST /api/v1/voucher-claims/{id}/approve                    (operator)
//   POST /api/v1/voucher-claims/{id}/refuse {reason}            (operator)
//   POST /api/v1/voucher-settlements {claim_ids, payment_reference}  (finance bureau)
//   GET  /api/v1/voucher-settlements?page=                      (overseers)
#include <boost/json/array.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/notifications/service.hpp"
#include "modules/vouchers/fields.hpp"
#include "modules/vouchers/ledger.hpp"
#include "modules/vouchers/module_parts.hpp"
#include "store/guarded_update.hpp"
#include "workflow/queues.hpp"

namespace keyuan::vouchers {
namespace json = boost::json;
using http::Request;

namespace {

struct Claim {
    std::int64_t id = 0, use_id = 0, programme_id = 0, provider_org_id = 0, amount_fen = 0, version = 0;
    std::string status;
};

std::optional<Claim> LoadClaim(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(
        "SELECT id, use_id, programme_id, provider_org_id, amount_fen, version, status FROM voucher_claims WHERE id = "
        "$1",
        {id});
    if (rows.empty()) return std::nullopt;
    const store::Row& r = rows.front();
    return Claim{r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4), r.Int(5), std::string(r.Text(6))};
}

json::object ClaimJson(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(
        "SELECT c.id, c.use_id, c.programme_id, c.provider_org_id, o.name, c.amount_fen, c.invoice_no, c.status, "
        "c.reason, c.settlement_id, c.version, c.created_at, c.updated_at, u.object_kind, u.object_id, v.number "
        "FROM voucher_claims c JOIN organizations o ON o.id = c.provider_org_id JOIN voucher_uses u ON u.id = c.use_id "
        "JOIN vouchers v ON v.id = u.voucher_id WHERE c.id = $1",
        {id});
    const store::Row& r = rows.front();
    std::optional<std::int64_t> settlement = r.OptInt(9);
    return json::object{{"id", std::to_string(r.Int(0))},
                        {"use_id", std::to_string(r.Int(1))},
                        {"programme_id", std::to_string(r.Int(2))},
                        {"provider_org_id", std::to_string(r.Int(3))},
                        {"provider_name", r.Text(4)},
                        {"amount_fen", r.Int(5)},
                        {"invoice_no", r.Text(6)},
                        {"status", r.Text(7)},
                        {"reason", r.Text(8)},
                        {"settlement_id", settlement ? json::value(std::to_string(*settlement)) : json::value(nullptr)},
                        {"version", r.Int(10)},
                        {"created_at", r.Text(11)},
                        {"updated_at", r.Text(12)},
                        {"object_kind", r.Text(13)},
                        {"object_id", std::to_string(r.Int(14))},
                        {"voucher_number", r.Text(15)}};
}

ledger::Movement ClaimMovement(const Claim& c, std::string from, std::string to, const char* movement,
                               std::string reason = "") {
    return {.from = std::move(from),
            .to = std::move(to),
            .amount_fen = c.amount_fen,
            .movement = movement,
            .cause_type = "claim",
            .cause_id = std::to_string(c.id),
            .programme_id = c.programme_id,
            .reason = std::move(reason)};
}

const Error kShort = Error::Conflict("账户余额与申请不符", "The account does not hold the claim's amount");

json::object CreateClaim(store::Session& s, const Request& r, std::int64_t use_id, const std::string& invoice) {
    store::Rows rows = s.Query(
        "SELECT u.provider_org_id, u.status, u.consumed_fen, v.programme_id, v.redeem_by FROM voucher_uses u "
        "JOIN vouchers v ON v.id = u.voucher_id WHERE u.id = $1",
        {use_id});
    // Another provider's use is not there for this one.
    if (rows.empty() || rows[0].Int(0) != *r.caller->org_id) {
        throw ApiError(Error::Validation({{"use_id", {"代金券使用记录不存在", "No such voucher use"}}}));
    }
    if (rows[0].Text(1) != "consumed" || rows[0].Int(2) == 0) {
        throw ApiError(Error::Validation(
            {{"use_id", {"服务尚未交付完成，不能申请兑付", "Not delivered yet: there is nothing to claim"}}}));
    }
    std::string redeem_by(rows[0].Text(4));
    if (clock::TodayShanghai() > redeem_by) {
        throw ApiError(
            Error::Validation({{"use_id", {"已过兑付期限 " + redeem_by, "The claim period ended on " + redeem_by}}}));
    }
    if (!s.Query("SELECT 1 FROM voucher_claims WHERE use_id = $1", {use_id}).empty()) {
        throw ApiError(Error::Conflict("该交付已申请兑付", "This delivery has been claimed already"));
    }
    std::string now = clock::NowUtc();
    Claim c{.use_id = use_id,
            .programme_id = rows[0].Int(3),
            .provider_org_id = *r.caller->org_id,
            .amount_fen = rows[0].Int(2),
            .status = "claimed"};
    c.id = s.InsertReturningId(
        "INSERT INTO voucher_claims (use_id, programme_id, provider_org_id, amount_fen, invoice_no, claimed_by, "
        "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
        {use_id, c.programme_id, c.provider_org_id, c.amount_fen, invoice, r.caller->user_id, now});
    ledger::Post(s, r.ToActor(),
                 ClaimMovement(c, ledger::Earned(c.programme_id, c.provider_org_id),
                               ledger::Claimed(c.programme_id, c.provider_org_id), "claim"),
                 kShort);
    json::object out = ClaimJson(s, c.id);
    changes::Record(
        s, r.ToActor(),
        {.object_type = "voucher_claim", .object_id = c.id, .event = "created", .snapshot = &out, .version = 1});
    return out;
}

/// approve (claimed → approved) or refuse (claimed | approved → refused, the value back to the budget).
json::object Review(store::Database& db, const access::Policy& policy, Request& r, bool approve) {
    policy.RequireAction(r.caller.get(), "voucher.manage");
    std::int64_t id = http::PathId(r);
    std::string reason;
    if (!approve) {
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        reason = http::ReadString(reader, kReasonField).value_or("");
        reader.Finish();
    }
    json::object answer;
    db.Write([&](store::Session& s) {
        std::optional<Claim> c = LoadClaim(s, id);
        if (!c) throw ApiError(Error::NotFound());
        bool allowed = approve ? c->status == "claimed" : (c->status == "claimed" || c->status == "approved");
        if (!allowed) throw ApiError(Error::Conflict("兑付申请状态为 " + c->status, "The claim is " + c->status));
        store::UpdateGuarded(s, {.table = "voucher_claims", .id = id, .version = c->version, .status = c->status},
                             "status = $1, reason = $2, updated_at = $3",
                             {approve ? "approved" : "refused", reason, clock::NowUtc()});
        if (!approve) {
            ledger::Post(s, r.ToActor(),
                         ClaimMovement(*c, ledger::Claimed(c->programme_id, c->provider_org_id),
                                       ledger::Budget(c->programme_id), "refuse", reason),
                         kShort);
        }
        answer = ClaimJson(s, id);
        changes::Record(s, r.ToActor(),
                        {.object_type = "voucher_claim",
                         .object_id = id,
                         .event = approve ? "approved" : "refused",
                         .snapshot = &answer,
                         .version = c->version + 1,
                         .detail = reason});
        notifications::NotifyUnit(s, c->provider_org_id, approve ? "voucher_claim_approved" : "voucher_claim_refused",
                                  json::object{{"claim_id", std::to_string(id)}, {"reason", reason}});
    });
    return answer;
}

json::object Settle(store::Session& s, const Request& r, const std::vector<std::int64_t>& ids,
                    const std::string& reference) {
    if (!s.Query("SELECT 1 FROM voucher_settlements WHERE payment_reference = $1", {reference}).empty()) {
        throw ApiError(
            Error::Validation({{"payment_reference", {"付款凭证号已使用", "This payment reference is used already"}}}));
    }
    std::vector<Claim> claims;
    std::int64_t total = 0;
    for (std::int64_t id : ids) {
        std::optional<Claim> c = LoadClaim(s, id);
        if (!c || c->status != "approved") {
            throw ApiError(
                Error::Validation({{"claim_ids",
                                    {"兑付申请 " + std::to_string(id) + " 未经审核通过，不能结算",
                                     "Claim " + std::to_string(id) + " is not approved: it cannot be settled"}}}));
        }
        total += c->amount_fen;
        claims.push_back(*c);
    }
    std::string now = clock::NowUtc();
    std::int64_t settlement = s.InsertReturningId(
        "INSERT INTO voucher_settlements (payment_reference, total_fen, claims, settled_by, settled_at) "
        "VALUES ($1, $2, $3, $4, $5) RETURNING id",
        {reference, total, static_cast<std::int64_t>(claims.size()), r.caller->user_id, now});
    for (const Claim& c : claims) {
        store::UpdateGuarded(s, {.table = "voucher_claims", .id = c.id, .version = c.version, .status = "approved"},
                             "status = 'settled', settlement_id = $1, updated_at = $2", {settlement, now});
        ledger::Post(s, r.ToActor(),
                     ClaimMovement(c, ledger::Claimed(c.programme_id, c.provider_org_id),
                                   ledger::Paid(c.programme_id, c.provider_org_id), "settle", reference),
                     kShort);
        notifications::NotifyUnit(s, c.provider_org_id, "voucher_claim_settled",
                                  json::object{{"claim_id", std::to_string(c.id)}, {"payment_reference", reference}});
    }
    json::object out{{"id", std::to_string(settlement)},
                     {"payment_reference", reference},
                     {"total_fen", total},
                     {"claims", static_cast<std::int64_t>(claims.size())},
                     {"settled_at", now}};
    changes::Record(s, r.ToActor(),
                    {.object_type = "voucher_settlement",
                     .object_id = settlement,
                     .event = "created",
                     .snapshot = &out,
                     .version = 1});
    return out;
}

}  // namespace

void RegisterClaimRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;

    context.router.Post("/api/v1/voucher-claims", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "voucher.claim");
        if (!r.caller->org_id) throw ApiError(Error::Forbidden());
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        std::optional<std::string> use = reader.String("use_id", {.required = true, .max_chars = 20});
        std::string invoice =
            reader.String("invoice_no", {.required = true, .max_chars = 40, .min_chars = 4}).value_or("");
        std::optional<std::int64_t> use_id = use ? ParseId(*use) : std::nullopt;
        if (use && !use_id) reader.errors().Add("use_id", "编号无效", "Not an id");
        reader.Finish();
        json::object created;
        db.Write([&](store::Session& s) { created = CreateClaim(s, r, *use_id, invoice); });
        return http::JsonResponse(201, created);
    });

    context.router.Get("/api/v1/voucher-claims", [&db, &policy](Request& r) {
        workflow::Conditions where;
        ScopeToOwnOrganization(policy, r.caller.get(), "voucher.claim", "c.provider_org_id", where);
        http::Paging paging = http::ParsePaging(r);
        if (auto status = r.Query("status")) {
            if (*status != "claimed" && *status != "approved" && *status != "refused" && *status != "settled") {
                throw ApiError(Error::Validation({{"status",
                                                   {"状态须为 claimed、approved、refused 或 settled",
                                                    "status: claimed, approved, refused or settled"}}}));
            }
            where.And("c.status = " + where.Param(*status));
        }
        return http::JsonResponse(200, ListPage(db, "voucher_claims c", where, paging, ClaimJson));
    });

    context.router.Post("/api/v1/voucher-claims/{id}/approve",
                        [&db, &policy](Request& r) { return http::JsonResponse(200, Review(db, policy, r, true)); });
    context.router.Post("/api/v1/voucher-claims/{id}/refuse",
                        [&db, &policy](Request& r) { return http::JsonResponse(200, Review(db, policy, r, false)); });

    context.router.Post("/api/v1/voucher-settlements", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "voucher.settle");
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        std::vector<std::string> given =
            reader.StringList("claim_ids", true, 500, 20).value_or(std::vector<std::string>{});
        std::string reference =
            reader.String("payment_reference", {.required = true, .max_chars = 60, .min_chars = 4}).value_or("");
        std::vector<std::int64_t> ids;
        for (const std::string& g : given) {
            std::optional<std::int64_t> id = ParseId(g);
            if (!id)
                reader.errors().Add("claim_ids", "编号无效：" + g, "Not an id: " + g);
            else if (std::find(ids.begin(), ids.end(), *id) != ids.end())
                reader.errors().Add("claim_ids", "重复的编号", "A repeated id");
            else
                ids.push_back(*id);
        }
        if (reader.Has("claim_ids") && given.empty())
            reader.errors().Add("claim_ids", "至少一项", "At least one claim");
        reader.Finish();
        json::object created;
        db.Write([&](store::Session& s) { created = Settle(s, r, ids, reference); });
        return http::JsonResponse(201, created);
    });

    context.router.Get("/api/v1/voucher-settlements", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "voucher.oversee");
        http::Paging paging = http::ParsePaging(r);
        json::array items;
        std::int64_t total = 0;
        db.Read([&](store::Session& s) {
            total = s.Query("SELECT COUNT(*) FROM voucher_settlements").front().Int(0);
            store::Rows rows = s.Query(
                "SELECT id, payment_reference, total_fen, claims, settled_by, settled_at FROM voucher_settlements "
                "ORDER BY id DESC LIMIT $1 OFFSET $2",
                {paging.page_size, static_cast<std::int64_t>(paging.page - 1) * paging.page_size});
            for (std::size_t i = 0; i < rows.size(); ++i) {
                items.push_back(json::object{{"id", std::to_string(rows[i].Int(0))},
                                             {"payment_reference", rows[i].Text(1)},
                                             {"total_fen", rows[i].Int(2)},
                                             {"claims", rows[i].Int(3)},
                                             {"settled_by", std::to_string(rows[i].Int(4))},
                                             {"settled_at", rows[i].Text(5)}});
            }
        });
        return http::JsonResponse(200, http::PageEnvelope(std::move(items), total, paging));
    });
}

}  // namespace keyuan::vouchers
