// Innovation vouchers against the real binary, on each engine (issue 15): an enterprise applies,
// is approved, books an instrument and pays half with a voucher, the lab delivers and claims, the
// operator and the finance bureau settle, and the programme's report and the ledger's
// verification agree to the fen; every rule a spend, an application or a claim can break is
// named; a co-approval needs the finance bureau; a correction is a movement, never an edit.
#include "http/vouchers/vouchers_fixture.hpp"

namespace keyuan::testing {
namespace {

class VouchersTest : public VoucherSuite<VouchersTest> {
protected:
    /// A booking in the past by a week, so that the lab may record its delivery.
    static void MoveIntoThePast(const std::string& booking) {
        CommandResult r = RunSql(Db(),
                                 "UPDATE bookings SET start_minute = start_minute - 20160, end_minute = "
                                 "end_minute - 20160 WHERE id = " +
                                     booking);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    static json::object Report() {
        return As("bureau_1").Get("/api/v1/voucher-programmes/" + programme_ + "/report").Json().as_object();
    }
};

TEST_F(VouchersTest, ApplyBookPayHalfDeliverClaimSettleAndTheReportAgreesWithTheLedger) {
    json::object before = Report();
    std::string voucher = IssuedVoucher(2'000'000);  // 2 万元
    json::object v = Voucher(voucher);
    EXPECT_EQ(v.at("face_fen").as_int64(), 2'000'000);
    EXPECT_EQ(v.at("available_fen").as_int64(), 2'000'000);
    EXPECT_TRUE(Str(v, "number").starts_with("KY2026")) << Str(v, "number");

    // Two hours at 300 元: 600 元, half of it paid with the voucher, reserved at booking.
    HttpResponse booked = BookWith(voucher, 30000, 5, "09:00", "11:00");
    ASSERT_EQ(booked.status, 201) << booked.body;
    std::string booking = Str(booked.Json(), "id");
    EXPECT_EQ(Str(booked.Json().at("voucher_use"), "status"), "reserved");
    bool listed = false;  // the client's list shows the voucher's part too
    json::value list = As("company").Get("/api/v1/bookings?page_size=100").Json();
    for (const json::value& item : list.at("items").as_array()) {
        if (Str(item, "id") == booking) listed = Str(item.at("voucher_use"), "status") == "reserved";
    }
    EXPECT_TRUE(listed);
    v = Voucher(voucher);
    EXPECT_EQ(v.at("available_fen").as_int64(), 1'970'000);
    EXPECT_EQ(v.at("reserved_fen").as_int64(), 30000);

    // A claim before the delivery is refused, naming why.
    std::string use = Str(booked.Json().at("voucher_use"), "id");
    HttpResponse early =
        As("unit_a").Post("/api/v1/voucher-claims", Body({{"use_id", use}, {"invoice_no", "INV-0001"}}));
    EXPECT_TRUE(IsError(early, 422, "validation_failed")) << early.body;
    EXPECT_EQ(ErrorFields(early), std::vector<std::string>{"use_id"});

    MoveIntoThePast(booking);
    HttpResponse delivered =
        As("unit_a").Post("/api/v1/bookings/" + booking + "/delivery",
                          Body({{"minutes_used", 120}, {"fee_fen", 60000}, {"service_mode", "occupancy"}}));
    ASSERT_EQ(delivered.status, 200) << delivered.body;
    json::object shown = As("company").Get("/api/v1/bookings/" + booking).Json().as_object();
    EXPECT_EQ(shown.at("delivery").at("voucher_fen").as_int64(), 30000);
    EXPECT_EQ(Str(shown.at("voucher_use"), "status"), "consumed");

    HttpResponse claimed =
        As("unit_a").Post("/api/v1/voucher-claims", Body({{"use_id", use}, {"invoice_no", "INV-0001"}}));
    ASSERT_EQ(claimed.status, 201) << claimed.body;
    std::string claim = Str(claimed.Json(), "id");
    EXPECT_EQ(claimed.Json().at("amount_fen").as_int64(), 30000);
    EXPECT_TRUE(
        IsError(As("unit_a").Post("/api/v1/voucher-claims", Body({{"use_id", use}, {"invoice_no", "INV-0002"}})), 409,
                "conflict"));  // a second claim for the same delivery
    EXPECT_TRUE(
        IsError(As("unit_b").Post("/api/v1/voucher-claims", Body({{"use_id", use}, {"invoice_no", "INV-0003"}})), 422,
                "validation_failed"));  // another provider's use is not there

    // Settling an unapproved claim is refused; the operator approves, the finance bureau settles.
    HttpResponse unapproved =
        As("bureau_1")
            .Post("/api/v1/voucher-settlements",
                  Body({{"claim_ids", json::array{claim}}, {"payment_reference", "PAY-2026-001"}}));
    EXPECT_TRUE(IsError(unapproved, 422, "validation_failed")) << unapproved.body;
    ASSERT_EQ(As("operator").Post("/api/v1/voucher-claims/" + claim + "/approve", "{}").status, 200);
    HttpResponse settled = As("bureau_1")
                               .Post("/api/v1/voucher-settlements",
                                     Body({{"claim_ids", json::array{claim}}, {"payment_reference", "PAY-2026-001"}}));
    ASSERT_EQ(settled.status, 201) << settled.body;
    EXPECT_EQ(settled.Json().at("total_fen").as_int64(), 30000);

    json::object after = Report();
    EXPECT_EQ(after.at("issued_fen").as_int64() - before.at("issued_fen").as_int64(), 2'000'000);
    EXPECT_EQ(after.at("paid_fen").as_int64() - before.at("paid_fen").as_int64(), 30000);
    EXPECT_EQ(after.at("budget_left_fen").as_int64(), before.at("budget_left_fen").as_int64() - 2'000'000);
    // Every fen issued is somewhere: available, reserved, earned, claimed or paid.
    std::int64_t held = 0;
    for (const char* k : {"available_fen", "reserved_fen", "earned_fen", "claimed_fen", "paid_fen"})
        held += after.at(k).as_int64();
    EXPECT_EQ(held + after.at("expired_fen").as_int64() + after.at("refused_fen").as_int64(),
              after.at("issued_fen").as_int64());
    EXPECT_EQ(after.at("budget_left_fen").as_int64() + after.at("issued_fen").as_int64() -
                  after.at("expired_fen").as_int64() - after.at("refused_fen").as_int64(),
              100'000'000);
    EXPECT_EQ(after.at("by_industry").as_array().size(), 1u);  // the delivery named no industry: one group ""
    HttpResponse csv = As("bureau_1").Get("/api/v1/voucher-programmes/" + programme_ + "/report?format=csv");
    ASSERT_EQ(csv.status, 200);
    EXPECT_NE(csv.body.find("已结算"), std::string::npos);
    EXPECT_NE(csv.body.find("北京示范大学"), std::string::npos);  // the provider's row
    EXPECT_TRUE(IsError(As("bureau_1").Get("/api/v1/voucher-programmes/" + programme_ + "/report?format=pdf"), 422,
                        "validation_failed"));
    HttpResponse verified = As("bureau_1").Get("/api/v1/voucher-ledger/verify");
    ASSERT_EQ(verified.status, 200);
    EXPECT_TRUE(verified.Json().at("ok").as_bool()) << verified.body;
    CommandResult cli = RunCli({"vouchers", "verify", "--db", Db()});
    EXPECT_EQ(cli.exit_code, 0) << cli.out << cli.err;
    EXPECT_TRUE(cli.out.starts_with("voucher ledger balanced:")) << cli.out;
}

TEST_F(VouchersTest, ASpendBreakingARuleIsRefusedWithTheRuleNamedAndNothingReserved) {
    std::string voucher = IssuedVoucher(100'000);  // 1,000 元
    auto refused = [&](std::int64_t fen, int days, const std::string& field, const std::string& words) {
        HttpResponse r = BookWith(voucher, fen, days, "13:00", "15:00");
        EXPECT_TRUE(IsError(r, 422, "validation_failed")) << r.body;
        EXPECT_EQ(ErrorFields(r), std::vector<std::string>{field}) << r.body;
        EXPECT_NE(r.body.find(words), std::string::npos) << r.body;
    };
    refused(30001, 6, "voucher_fen", "50%");  // more than half of 600 元
    refused(0, 6, "voucher_fen", "voucher_fen");
    HttpResponse spent = BookWith(voucher, 30000, 7, "09:00", "11:00");
    ASSERT_EQ(spent.status, 201) << spent.body;
    HttpResponse spent2 = BookWith(voucher, 30000, 7, "11:00", "13:00");
    ASSERT_EQ(spent2.status, 201) << spent2.body;
    HttpResponse spent3 = BookWith(voucher, 30000, 7, "13:00", "15:00");
    ASSERT_EQ(spent3.status, 201) << spent3.body;
    refused(30000, 8, "voucher_fen", "余额");  // 100 元 left
    EXPECT_EQ(Voucher(voucher).at("available_fen").as_int64(), 10000);

    // Another enterprise's voucher is not there; a stranger's id neither.
    HttpResponse other = As("unit_a").Post("/api/v1/bookings", Body({{"instrument_id", instrument_},
                                                                     {"starts_at", ShanghaiDate(9) + "T09:00:00+08:00"},
                                                                     {"ends_at", ShanghaiDate(9) + "T10:00:00+08:00"},
                                                                     {"voucher_id", voucher},
                                                                     {"voucher_fen", 100}}));
    EXPECT_TRUE(IsError(other, 422, "validation_failed")) << other.body;
    EXPECT_EQ(ErrorFields(other), std::vector<std::string>{"voucher_id"});

    // A cancellation releases the reservation at once.
    ASSERT_EQ(Act(As("company"), "bookings", Str(spent3.Json(), "id"), "cancel").status, 200);
    EXPECT_EQ(Voucher(voucher).at("available_fen").as_int64(), 40000);
    EXPECT_EQ(Voucher(voucher).at("reserved_fen").as_int64(), 60000);
}

TEST_F(VouchersTest, ARelatedProviderCannotRedeemAndTheRelationIsNamed) {
    std::string voucher = IssuedVoucher(50'000);
    HttpResponse related =
        As("operator")
            .Post(
                "/api/v1/organization-relations",
                Body(
                    {{"org_a", world_.org_a}, {"org_b", world_.org_b}, {"kind", "shareholder"}, {"note", "持股 30%"}}));
    ASSERT_EQ(related.status, 201) << related.body;
    HttpResponse refused = BookWith(voucher, 10000, 10, "09:00", "11:00");
    EXPECT_TRUE(IsError(refused, 422, "validation_failed")) << refused.body;
    EXPECT_NE(refused.body.find("持股关系"), std::string::npos) << refused.body;
    EXPECT_EQ(Voucher(voucher).at("available_fen").as_int64(), 50'000);  // nothing reserved, no booking half-made
    ASSERT_EQ(As("operator").Send("DELETE", "/api/v1/organization-relations/" + Str(related.Json(), "id"), "").status,
              204);
    EXPECT_EQ(BookWith(voucher, 10000, 10, "09:00", "11:00").status, 201);
}

TEST_F(VouchersTest, AnApplicationFailingCriteriaNamesEachAndCoApprovalNeedsTheFinanceBureau) {
    json::object bad = ApplicationBody(programme_, 20'000'000);  // above the cap per enterprise
    bad["staff"] = 500;
    bad["revenue_fen"] = 5'000'000'000;
    HttpResponse refused = As("company").Post("/api/v1/voucher-applications", Body(bad));
    EXPECT_TRUE(IsError(refused, 422, "validation_failed")) << refused.body;
    EXPECT_EQ(ErrorFields(refused), (std::vector<std::string>{"staff", "revenue_fen", "amount_fen"}));
    EXPECT_TRUE(IsError(As("unit_a").Post("/api/v1/voucher-applications", Body(ApplicationBody(programme_, 100))), 403,
                        "forbidden"));  // a provider's unit admin does not hold vouchers

    HttpResponse big = As("company").Post("/api/v1/voucher-applications", Body(ApplicationBody(programme_, 6'000'000)));
    ASSERT_EQ(big.status, 201) << big.body;
    std::string id = Str(big.Json(), "id");
    json::value offered = As("operator").Get("/api/v1/voucher-applications/" + id).Json().at("allowed_actions");
    EXPECT_EQ(json::serialize(offered), R"(["recommend","reject"])");  // not approve: at or above co-approval
    EXPECT_TRUE(IsError(Act(As("operator"), "voucher-applications", id, "approve"), 409, "conflict"));
    EXPECT_TRUE(
        IsError(Act(As("bureau_1"), "voucher-applications", id, "co_approve"), 409, "conflict"));  // not reviewed
    ASSERT_EQ(Act(As("operator"), "voucher-applications", id, "recommend").status, 200);
    EXPECT_TRUE(IsError(Act(As("operator"), "voucher-applications", id, "co_approve"), 403, "forbidden"));
    HttpResponse issued = Act(As("bureau_2"), "voucher-applications", id, "co_approve");
    ASSERT_EQ(issued.status, 200) << issued.body;
    EXPECT_EQ(Str(issued.Json(), "status"), "issued");
    EXPECT_TRUE(IsError(Act(As("operator"), "voucher-applications", id, "reject", Body({{"reason", "重复"}})), 409,
                        "conflict"));  // issued is final
}

TEST_F(VouchersTest, AboveTheCapPerOrderAfterExpiryOrAtAProviderOutsideTheProgrammeIsRefused) {
    // A second programme, so that this firm's cap has room for a voucher above the cap per order.
    std::string second = OpenProgramme("创新券测试方案二");
    ASSERT_EQ(As("operator")
                  .Post("/api/v1/voucher-programmes/" + second + "/providers", Body({{"org_id", world_.org_a}}))
                  .status,
              201);
    HttpResponse applied = As("company").Post("/api/v1/voucher-applications", Body(ApplicationBody(second, 8'000'000)));
    ASSERT_EQ(applied.status, 201) << applied.body;
    std::string application = Str(applied.Json(), "id");
    ASSERT_EQ(Act(As("operator"), "voucher-applications", application, "recommend").status, 200);
    ASSERT_EQ(Act(As("bureau_1"), "voucher-applications", application, "co_approve").status, 200);
    std::string voucher = Str(As("company").Get("/api/v1/voucher-applications/" + application).Json(), "voucher_id");

    // An order quoted at 20 万元: half is 10 万, above the cap per order of 5 万.
    std::string service = CreateApproved(As("unit_a"), As("reviewer_edu"), "services",
                                         With(ServiceBody("中试放大研发", 100000), {{"kind", "rnd"}}));
    auto quoted = [&] {
        HttpResponse created =
            As("company").Post("/api/v1/orders", Body({{"service_id", service}, {"requirements", "中试工艺设计"}}));
        std::string id = Str(created.Json(), "id");
        EXPECT_EQ(
            As("unit_a")
                .Post("/api/v1/orders/" + id + "/quotation", Body({{"quote_fen", 20'000'000}, {"quote_days", 30}}))
                .status,
            200);
        return id;
    };
    std::string order = quoted();
    HttpResponse capped = As("company").Post("/api/v1/orders/" + order + "/confirm",
                                             Body({{"voucher_id", voucher}, {"voucher_fen", 6'000'000}}));
    EXPECT_TRUE(IsError(capped, 422, "validation_failed")) << capped.body;
    EXPECT_NE(capped.body.find("单笔上限"), std::string::npos) << capped.body;
    EXPECT_EQ(Str(As("company").Get("/api/v1/orders/" + order).Json(), "status"), "quoted");  // nothing half-done
    HttpResponse paid = As("company").Post("/api/v1/orders/" + order + "/confirm",
                                           Body({{"voucher_id", voucher}, {"voucher_fen", 5'000'000}}));
    ASSERT_EQ(paid.status, 200) << paid.body;
    EXPECT_EQ(Str(paid.Json().at("voucher_use"), "service_kind"), "rd_design");

    // At a provider the programme has not admitted (org_b's own instrument).
    std::string elsewhere =
        CreateApproved(As("unit_b"), As("reviewer_health"), "instruments", InstrumentBody("激光共聚焦显微镜"));
    ASSERT_EQ(As("unit_b")
                  .Send("PUT", "/api/v1/instruments/" + elsewhere + "/booking-rules",
                        Body({{"weekdays", "1234567"},
                              {"working_days_only", false},
                              {"approval_required", false},
                              {"external_fen_per_hour", 20000},
                              {"internal_fen_per_hour", 20000}}))
                  .status,
              200);
    std::string day = ShanghaiDate(12);
    HttpResponse outside = As("company").Post("/api/v1/bookings", Body({{"instrument_id", elsewhere},
                                                                        {"starts_at", day + "T09:30:00+08:00"},
                                                                        {"ends_at", day + "T10:30:00+08:00"},
                                                                        {"voucher_id", voucher},
                                                                        {"voucher_fen", 5000}}));
    EXPECT_TRUE(IsError(outside, 422, "validation_failed")) << outside.body;
    EXPECT_NE(outside.body.find("服务机构名录"), std::string::npos) << outside.body;

    // After its use-by date.
    ASSERT_EQ(RunSql(Db(), "UPDATE vouchers SET use_by = '2020-01-01' WHERE id = " + voucher).exit_code, 0);
    HttpResponse expired = As("company").Post("/api/v1/orders/" + quoted() + "/confirm",
                                              Body({{"voucher_id", voucher}, {"voucher_fen", 1000}}));
    EXPECT_TRUE(IsError(expired, 422, "validation_failed")) << expired.body;
    EXPECT_NE(expired.body.find("到期"), std::string::npos) << expired.body;
}

TEST_F(VouchersTest, ACorrectionIsANewMovementWithItsReasonAndTheLedgerCannotBeEdited) {
    std::string voucher = IssuedVoucher(10'000);
    json::object move{{"programme_id", programme_},
                      {"from", "voucher:" + voucher + ":available"},
                      {"to", "programme:" + programme_ + ":budget"},
                      {"amount_fen", 20'000},
                      {"reason", "发放金额有误，退回预算"}};
    EXPECT_TRUE(
        IsError(As("operator").Post("/api/v1/voucher-ledger/corrections", Body(move)), 422, "validation_failed"));
    move["amount_fen"] = 4'000;
    EXPECT_TRUE(IsError(As("bureau_1").Post("/api/v1/voucher-ledger/corrections", Body(move)), 403, "forbidden"));
    HttpResponse corrected = As("operator").Post("/api/v1/voucher-ledger/corrections", Body(move));
    ASSERT_EQ(corrected.status, 201) << corrected.body;
    EXPECT_EQ(Voucher(voucher).at("available_fen").as_int64(), 6'000);
    json::object funding = move;
    funding["from"] = "funding:city";
    EXPECT_TRUE(
        IsError(As("operator").Post("/api/v1/voucher-ledger/corrections", Body(funding)), 422, "validation_failed"));
    CommandResult edit =
        RunSql(Db(), "UPDATE voucher_ledger SET amount_fen = 1 WHERE id = (SELECT MAX(id) FROM voucher_ledger)");
    EXPECT_NE(edit.exit_code, 0);
    EXPECT_NE(edit.err.find("append-only"), std::string::npos) << edit.err;
    EXPECT_EQ(RunCli({"vouchers", "verify", "--db", Db()}).exit_code, 0);
}

}  // namespace
}  // namespace keyuan::testing
