// Real answers of the voucher programmes, providers, report, ledger, claims' reviews,
// settlements, uses and relations against the OpenAPI document (decision 13 of
// docs/design/data-exchange.md): a programme set up, opened, closed; a provider admitted and
// suspended; a use delivered, claimed, approved or refused and settled; with the refusals (401,
// 403, 404, 409, 422) and the report as JSON, CSV and XLSX.
#include "http/openapi/openapi_walk.hpp"
#include "http/vouchers/vouchers_fixture.hpp"

namespace keyuan::testing {
namespace {

class OpenApiVouchersWalkTest : public VoucherSuite<OpenApiVouchersWalkTest> {
protected:
    /// A use of `voucher` delivered a week ago at the fixture's instrument: its id.
    static std::string DeliveredUse(const std::string& voucher, const std::string& from, const std::string& to) {
        HttpResponse booked = BookWith(voucher, 10000, 5, from, to);
        EXPECT_EQ(booked.status, 201) << booked.body;
        std::string booking = Str(booked.Json(), "id");
        CommandResult moved = RunSql(Db(),
                                     "UPDATE bookings SET start_minute = start_minute - 20160, end_minute = "
                                     "end_minute - 20160 WHERE id = " +
                                         booking);
        EXPECT_EQ(moved.exit_code, 0) << moved.err;
        HttpResponse delivered =
            As("unit_a").Post("/api/v1/bookings/" + booking + "/delivery",
                              Body({{"minutes_used", 120}, {"fee_fen", 60000}, {"service_mode", "occupancy"}}));
        EXPECT_EQ(delivered.status, 200) << delivered.body;
        return Str(booked.Json().at("voucher_use"), "id");
    }
};

TEST_F(OpenApiVouchersWalkTest, ProgrammesLedgerClaimsAndRelationsAnswerAsTheDocumentSays) {
    const json::value document = Visitor().Get("/api/v1/openapi.json").Json();
    auto check = [&](const std::string& method, const std::string& pattern, const HttpResponse& r, int status) {
        EXPECT_TRUE(AnswersWith(document, method, pattern, r, status));
    };
    Session& op = As("operator");
    const std::string base = "/api/v1/voucher-programmes", one = base + "/{id}";
    check("POST", base, Visitor().Post(base, Body(ProgrammeBody("访客方案"))), 401);
    check("POST", base, op.Post(base, Body(With(ProgrammeBody("x"), {{"kinds", json::array{"art"}}}))), 422);
    HttpResponse created = op.Post(base, Body(ProgrammeBody("文档核对方案")));
    ASSERT_EQ(created.status, 201) << created.body;
    check("POST", base, created, 201);
    check("POST", base, op.Post(base, Body(ProgrammeBody("文档核对方案"))), 422);  // the name again
    std::string id = Str(created.Json(), "id"), at = base + "/" + id;
    check("GET", one, op.Get(at), 200);
    check("GET", one, Visitor().Get(at), 404);  // a draft
    check("GET", base, Visitor().Get(base + "?year=2026"), 200);
    check("GET", base, op.Get(base + "?status=draft&page_size=5"), 200);
    check("GET", base, op.Get(base + "?status=paused"), 422);
    check("POST", one + "/close", op.Post(at + "/close", ""), 409);  // a draft
    check("POST", one + "/open", As("company").Post(at + "/open", ""), 403);
    check("POST", one + "/open", op.Post(at + "/open", ""), 200);
    check("POST", one + "/providers", op.Post(at + "/providers", Body({{"org_id", world_.org_a}})), 201);
    check("POST", one + "/providers", op.Post(at + "/providers", Body({{"org_id", world_.org_a}})), 409);
    check("POST", one + "/providers", op.Post(at + "/providers", Body({{"org_id", "x"}})), 422);
    check("GET", one + "/providers", Visitor().Get(at + "/providers"), 200);
    const std::string suspend = one + "/providers/{org_id}/suspend";
    check("POST", suspend, op.Post(at + "/providers/" + world_.org_a + "/suspend", Body({{"reason", "暂停受理"}})),
          200);
    check("POST", suspend, op.Post(at + "/providers/" + world_.org_a + "/suspend", Body({{"reason", "暂停受理"}})),
          409);
    check("POST", suspend, op.Post(at + "/providers/" + world_.org_b + "/suspend", Body({{"reason", "x"}})), 422);
    check("POST", one + "/close", op.Post(at + "/close", ""), 200);
    check("POST", one + "/close", op.Post(at + "/close", ""), 409);

    // A use claimed and approved, another refused; the approved one settled.
    std::string voucher = IssuedVoucher(100'000);
    std::string approved_use = DeliveredUse(voucher, "09:00", "11:00");
    std::string refused_use = DeliveredUse(voucher, "13:00", "15:00");
    auto claim = [&](const std::string& use, const std::string& invoice) {
        HttpResponse r = As("unit_a").Post("/api/v1/voucher-claims", Body({{"use_id", use}, {"invoice_no", invoice}}));
        EXPECT_EQ(r.status, 201) << r.body;
        return Str(r.Json(), "id");
    };
    std::string good = claim(approved_use, "INV-DOC-1"), bad = claim(refused_use, "INV-DOC-2");
    const std::string claims = "/api/v1/voucher-claims/{id}";
    check("POST", claims + "/approve", As("bureau_1").Post("/api/v1/voucher-claims/" + good + "/approve", ""), 403);
    check("POST", claims + "/approve", op.Post("/api/v1/voucher-claims/" + good + "/approve", ""), 200);
    check("POST", claims + "/approve", op.Post("/api/v1/voucher-claims/" + good + "/approve", ""), 409);
    check("POST", claims + "/approve", op.Post("/api/v1/voucher-claims/999999999/approve", ""), 404);
    check("POST", claims + "/refuse", op.Post("/api/v1/voucher-claims/" + bad + "/refuse", "{}"), 422);
    check("POST", claims + "/refuse",
          op.Post("/api/v1/voucher-claims/" + bad + "/refuse", Body({{"reason", "发票有误"}})), 200);
    check("GET", "/api/v1/voucher-claims", As("unit_a").Get("/api/v1/voucher-claims?status=refused"), 200);
    HttpResponse settled = As("bureau_1")
                               .Post("/api/v1/voucher-settlements",
                                     Body({{"claim_ids", json::array{good}}, {"payment_reference", "PAY-DOC-1"}}));
    ASSERT_EQ(settled.status, 201) << settled.body;
    check("GET", "/api/v1/voucher-settlements", As("bureau_1").Get("/api/v1/voucher-settlements?page_size=5"), 200);
    check("GET", "/api/v1/voucher-settlements", As("company").Get("/api/v1/voucher-settlements"), 403);
    const std::string uses = "/api/v1/voucher-uses";
    check("GET", uses, As("company").Get(uses), 200);
    check("GET", uses, As("unit_a").Get(uses + "?view=provider&status=consumed"), 200);
    check("GET", uses, op.Get(uses + "?view=all"), 200);
    check("GET", uses, As("company").Get(uses + "?view=all"), 403);
    check("GET", uses, As("company").Get(uses + "?status=spent"), 422);
    check("GET", uses, Visitor().Get(uses), 401);

    // The programme's report, the ledger, a correction and the verification.
    const std::string report = one + "/report", fixture_report = base + "/" + programme_ + "/report";
    check("GET", report, As("bureau_1").Get(fixture_report), 200);
    check("GET", report, As("bureau_1").Get(fixture_report + "?format=csv"), 200);
    check("GET", report, As("bureau_1").Get(fixture_report + "?format=xlsx"), 200);
    check("GET", report, As("bureau_1").Get(fixture_report + "?format=pdf"), 422);
    check("GET", report, As("bureau_1").Get(base + "/999999999/report"), 404);
    check("GET", report, As("company").Get(fixture_report), 403);
    const std::string ledger = "/api/v1/voucher-ledger";
    check("GET", ledger, As("bureau_1").Get(ledger + "?programme_id=" + programme_ + "&page_size=10"), 200);
    check("GET", ledger, As("bureau_1").Get(ledger + "?account=voucher:" + voucher + ":available"), 200);
    check("GET", ledger, As("bureau_1").Get(ledger + "?account=" + std::string(101, 'a')), 422);
    json::object move{{"programme_id", programme_},
                      {"from", "voucher:" + voucher + ":available"},
                      {"to", "programme:" + programme_ + ":budget"},
                      {"amount_fen", 1'000},
                      {"reason", "发放金额有误，退回预算"}};
    check("POST", ledger + "/corrections", op.Post(ledger + "/corrections", Body(move)), 201);
    check("POST", ledger + "/corrections",
          op.Post(ledger + "/corrections", Body(With(move, {{"from", "funding:city"}}))), 422);
    check("GET", ledger + "/verify", As("bureau_1").Get(ledger + "/verify"), 200);
    check("GET", ledger + "/verify", Visitor().Get(ledger + "/verify"), 401);

    // Relations between organisations.
    const std::string relations = "/api/v1/organization-relations";
    json::object relation{{"org_a", world_.org_a}, {"org_b", world_.org_fin}, {"kind", "parent"}, {"note", "母公司"}};
    HttpResponse related = op.Post(relations, Body(relation));
    ASSERT_EQ(related.status, 201) << related.body;
    check("POST", relations, related, 201);
    check("POST", relations, op.Post(relations, Body(relation)), 409);
    check("POST", relations, op.Post(relations, Body(With(relation, {{"org_b", world_.org_a}}))), 422);
    check("GET", relations, As("bureau_1").Get(relations + "?org_id=" + world_.org_fin), 200);
    check("GET", relations, As("bureau_1").Get(relations + "?org_id=x"), 422);
    const std::string gone = relations + "/" + Str(related.Json(), "id");
    check("DELETE", relations + "/{id}", op.Send("DELETE", gone), 204);
    check("DELETE", relations + "/{id}", op.Send("DELETE", gone), 404);
}

}  // namespace
}  // namespace keyuan::testing
