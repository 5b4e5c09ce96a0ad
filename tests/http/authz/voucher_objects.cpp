#include <boost/json.hpp>

#include "http/authz/matrix_objects.hpp"
#include "http/vouchers/vouchers_fixture.hpp"

namespace keyuan::testing {
namespace json = boost::json;

void MakeVoucherObjects(const TradeActors& a, MatrixObjects& objects) {
    Session& op = a.op;
    std::string id = CreatedId(op.Post("/api/v1/voucher-programmes", Body(ProgrammeBody("矩阵用创新券方案"))), 201);
    EXPECT_EQ(op.Post("/api/v1/voucher-programmes/" + id + "/open", "{}").status, 200);
    for (const std::string& org : {a.org_a, a.org_b}) {
        EXPECT_EQ(op.Post("/api/v1/voucher-programmes/" + id + "/providers", Body({{"org_id", org}})).status, 201);
    }
    objects["/api/v1/voucher-programmes"] = {id, id};
    objects["{org_id}"] = {a.org_a, a.org_a};

    auto apply = [&](Session& as, std::int64_t fen) {
        return CreatedId(as.Post("/api/v1/voucher-applications", Body({{"programme_id", id},
                                                                       {"amount_fen", fen},
                                                                       {"staff", 20},
                                                                       {"revenue_fen", 1000},
                                                                       {"registered_capital_fen", 1000},
                                                                       {"founded_on", "2020-01-01"}})),
                         201);
    };
    objects["/api/v1/voucher-applications"] = {apply(a.enterprise, 1000), apply(a.company, 1000)};
    auto voucher = [&](Session& as) {
        std::string application = apply(as, 100'000);
        EXPECT_EQ(Act(op, "voucher-applications", application, "approve").status, 200);
        return Str(as.Get("/api/v1/voucher-applications/" + application).Json(), "voucher_id");
    };
    std::string inside_voucher = voucher(a.enterprise), outside_voucher = voucher(a.company);
    objects["/api/v1/vouchers"] = {inside_voucher, outside_voucher};

    // A claim by the provider of a delivered booking paid in part with the client's voucher.
    auto claim = [&](Session& client, const std::string& voucher_id, Session& provider, const std::string& org) {
        json::object body = InstrumentBody("矩阵用创新券仪器");
        body["org_id"] = org;
        std::string instrument = CreateApproved(op, op, "instruments", body);
        EXPECT_EQ(op.Send("PUT", "/api/v1/instruments/" + instrument + "/booking-rules",
                          Body({{"weekdays", "1234567"},
                                {"working_days_only", false},
                                {"approval_required", false},
                                {"external_fen_per_hour", 10000}}))
                      .status,
                  200);
        std::string day = ShanghaiDate(5);
        HttpResponse booked = client.Post("/api/v1/bookings", Body({{"instrument_id", instrument},
                                                                    {"starts_at", day + "T09:30:00+08:00"},
                                                                    {"ends_at", day + "T10:30:00+08:00"},
                                                                    {"voucher_id", voucher_id},
                                                                    {"voucher_fen", 5000}}));
        std::string booking = CreatedId(booked, 201);
        RunSql(a.db,
               "UPDATE bookings SET start_minute = start_minute - 20160, end_minute = end_minute - 20160 WHERE id = " +
                   booking);
        EXPECT_EQ(provider
                      .Post("/api/v1/bookings/" + booking + "/delivery",
                            Body({{"minutes_used", 60}, {"fee_fen", 10000}, {"service_mode", "occupancy"}}))
                      .status,
                  200);
        std::string use = Str(booked.Json().at("voucher_use"), "id");
        return CreatedId(
            provider.Post("/api/v1/voucher-claims", Body({{"use_id", use}, {"invoice_no", "INV-M-" + booking}})), 201);
    };
    objects["/api/v1/voucher-claims"] = {claim(a.company, outside_voucher, a.unit_a, a.org_a),
                                         claim(a.enterprise, inside_voucher, a.unit_b, a.org_b)};
    std::string relation = CreatedId(
        op.Post("/api/v1/organization-relations", Body({{"org_a", a.org_a}, {"org_b", a.org_b}, {"kind", "parent"}})),
        201);
    objects["/api/v1/organization-relations"] = {relation, relation};
}

}  // namespace keyuan::testing
