// Many spends of one voucher at once (issue 15, "Concurrency"): 100 orders confirmed at the same
// moment, each paying 300 元 of a voucher that holds 1,500 元: exactly five win, the others are
// refused naming the balance, the balance ends at zero and never below, and the ledger verifies.
// On PostgreSQL at the server's READ COMMITTED; SERIALIZABLE is tested on the ledger itself (ledger_test.cpp).
#include "http/vouchers/vouchers_fixture.hpp"
#include "support/race.hpp"

namespace keyuan::testing {
namespace {

class VoucherRaceTest : public VoucherSuite<VoucherRaceTest> {};

TEST_F(VoucherRaceTest, OfAHundredConcurrentSpendsTheBalanceCoversExactlyFiveWin) {
    std::string service = CreateApproved(As("unit_a"), As("reviewer_edu"), "services", ServiceBody("金相分析", 60000));
    std::string voucher = IssuedVoucher(150'000);
    std::vector<RaceRequest> confirms;
    for (int i = 0; i < 100; ++i) {
        HttpResponse created = As("company").Post(
            "/api/v1/orders", Body({{"service_id", service}, {"requirements", "金相组织分析"}, {"samples", 1}}));
        ASSERT_EQ(created.status, 201) << created.body;
        std::string id = Str(created.Json(), "id");
        ASSERT_EQ(As("unit_a")
                      .Post("/api/v1/orders/" + id + "/quotation", Body({{"quote_fen", 60000}, {"quote_days", 3}}))
                      .status,
                  200);
        confirms.push_back({&As("company"), "POST", "/api/v1/orders/" + id + "/confirm",
                            Body({{"voucher_id", voucher}, {"voucher_fen", 30000}})});
    }
    std::vector<HttpResponse> answers = RaceAnswers(Port(), confirms);
    int won = 0, refused = 0;
    for (const HttpResponse& a : answers) {
        if (a.status == 200) ++won;
        if (a.status == 422 && a.body.find("余额") != std::string::npos) ++refused;
    }
    EXPECT_EQ(won, 5);
    EXPECT_EQ(refused, 95);
    json::object v = Voucher(voucher);
    EXPECT_EQ(v.at("available_fen").as_int64(), 0);
    EXPECT_EQ(v.at("reserved_fen").as_int64(), 150'000);
    // A refused confirmation left its order as it was: quoted, with no voucher use.
    int quoted = 0;
    for (const RaceRequest& c : confirms) {
        std::string order = c.target.substr(0, c.target.size() - std::string("/confirm").size());
        json::value o = As("company").Get(order).Json();
        if (Str(o, "status") == "quoted") {
            ++quoted;
            EXPECT_TRUE(o.at("voucher_use").is_null());
        }
    }
    EXPECT_EQ(quoted, 95);
    EXPECT_EQ(RunCli({"vouchers", "verify", "--db", Db()}).exit_code, 0);
}

}  // namespace
}  // namespace keyuan::testing
