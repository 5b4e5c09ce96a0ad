#pragma once
// The fixture of the voucher tests: the catalog's world, two finance bureau reviewers, an open
// programme with org_a (北京示范大学) admitted as a provider, an instrument of org_a bookable at
// 300 元 an hour without approval, and short forms of the flow's requests. The client is
// "company", an enterprise user of org_b.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/catalog_fixture.hpp"

namespace keyuan::testing {

namespace json = boost::json;

/// A programme's body: budget 100 万元, half an order, 10 万元 per enterprise, 5 万元 per order,
/// co-approval from 5 万元, a year to spend.
inline json::object ProgrammeBody(const std::string& name) {
    return json::object{{"year", 2026},
                        {"name", name},
                        {"budget_fen", 100'000'000},
                        {"share_percent", 50},
                        {"cap_per_enterprise_fen", 10'000'000},
                        {"cap_per_order_fen", 5'000'000},
                        {"co_approval_fen", 5'000'000},
                        {"use_by_days", 365},
                        {"redeem_by_days", 425},
                        {"max_staff", 100},
                        {"max_revenue_fen", 1'000'000'000},
                        {"max_registered_capital_fen", 2'000'000'000},
                        {"kinds", json::array{"testing", "rd_design"}},
                        {"source", "测试方案"}};
}

/// An eligible small enterprise's facts.
inline json::object ApplicationBody(const std::string& programme, std::int64_t amount_fen) {
    return json::object{{"programme_id", programme},
                        {"amount_fen", amount_fen},
                        {"staff", 35},
                        {"revenue_fen", 800'000'000},
                        {"registered_capital_fen", 500'000'000},
                        {"founded_on", "2019-03-01"},
                        {"purpose", "新材料检测"}};
}

template <typename Suite>
class VoucherSuite : public CatalogSuite<Suite> {
    using Base = CatalogSuite<Suite>;

public:
    static void CreateUsers() {
        Base::CreateUsers();
        for (const char* name : {"bureau_1", "bureau_2"}) {
            CreateReadyUser(Base::Db(), name, "finance_reviewer");
            bureau_[name] = std::make_unique<Session>(LogIn(Base::Port(), name));
        }
    }
    static void ReleaseSessions() {
        bureau_.clear();
        Base::ReleaseSessions();
    }
    static void SetUpTestSuite() {
        Base::SetUpTestSuite();
        programme_ = OpenProgramme("创新券测试方案");
        HttpResponse admitted = As("operator")
                                    .Post("/api/v1/voucher-programmes/" + programme_ + "/providers",
                                          Body({{"org_id", Base::world_.org_a}}));
        ASSERT_EQ(admitted.status, 201) << admitted.body;
        instrument_ = CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments", InstrumentBody("场发射扫描电镜"));
        HttpResponse rules = As("unit_a").Send("PUT", "/api/v1/instruments/" + instrument_ + "/booking-rules",
                                               Body({{"weekdays", "1234567"},
                                                     {"working_days_only", false},
                                                     {"opens_at", "08:00"},
                                                     {"closes_at", "20:00"},
                                                     {"horizon_days", 90},
                                                     {"approval_required", false},
                                                     {"external_fen_per_hour", 30000}}));
        ASSERT_EQ(rules.status, 200) << rules.body;
    }

protected:
    static Session& As(const std::string& name) {
        auto it = bureau_.find(name);
        return it != bureau_.end() ? *it->second : Base::As(name);
    }
    static std::string OpenProgramme(const std::string& name) {
        HttpResponse created = As("operator").Post("/api/v1/voucher-programmes", Body(ProgrammeBody(name)));
        EXPECT_EQ(created.status, 201) << created.body;
        std::string id = Str(created.Json(), "id");
        HttpResponse opened = As("operator").Post("/api/v1/voucher-programmes/" + id + "/open", "{}");
        EXPECT_EQ(opened.status, 200) << opened.body;
        return id;
    }
    /// company applies for `amount_fen`, the operator approves (below co-approval): the voucher's id.
    static std::string IssuedVoucher(std::int64_t amount_fen) {
        HttpResponse applied =
            As("company").Post("/api/v1/voucher-applications", Body(ApplicationBody(programme_, amount_fen)));
        EXPECT_EQ(applied.status, 201) << applied.body;
        std::string id = Str(applied.Json(), "id");
        HttpResponse approved = Act(As("operator"), "voucher-applications", id, "approve");
        EXPECT_EQ(approved.status, 200) << approved.body;
        return Str(As("company").Get("/api/v1/voucher-applications/" + id).Json(), "voucher_id");
    }
    static json::object Voucher(const std::string& id) {
        return As("company").Get("/api/v1/vouchers/" + id).Json().as_object();
    }
    /// Two hours on the instrument `days` ahead from `from`, paying `voucher_fen` with `voucher`.
    static HttpResponse BookWith(const std::string& voucher, std::int64_t voucher_fen, int days,
                                 const std::string& from, const std::string& to) {
        std::string day = ShanghaiDate(days);
        json::object body{{"instrument_id", instrument_},
                          {"starts_at", day + "T" + from + ":00+08:00"},
                          {"ends_at", day + "T" + to + ":00+08:00"}};
        if (!voucher.empty()) {
            body["voucher_id"] = voucher;
            body["voucher_fen"] = voucher_fen;
        }
        return As("company").Post("/api/v1/bookings", Body(body));
    }

    static inline std::string programme_, instrument_;
    static inline std::map<std::string, std::unique_ptr<Session>> bureau_;
};

}  // namespace keyuan::testing
