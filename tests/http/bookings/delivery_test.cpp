// The end of a booking against the real binary, on each engine: the lab records what was
// delivered (which completes the booking), the client rates it once, the lab replies once, and
// the instrument's public ratings show the average. Time passing is the booking moved into the
// past in the database, as the server's clock cannot be turned from here.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/catalog_fixture.hpp"
#include "support/race.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

class DeliveryTest : public CatalogSuite<DeliveryTest> {
protected:
    static void SetUpTestSuite() {
        CatalogSuite<DeliveryTest>::SetUpTestSuite();
        instrument_ = CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments", InstrumentBody("透射电镜"));
        HttpResponse rules = As("unit_a").Send("PUT", "/api/v1/instruments/" + instrument_ + "/booking-rules",
                                               Body({{"weekdays", "1234567"}, {"working_days_only", false}}));
        ASSERT_EQ(rules.status, 200) << rules.body;
    }

    /// A booking of two hours `days` ahead by `client`, approved by the lab; "" on failure.
    static std::string ApprovedBooking(const std::string& client, int days, const std::string& from,
                                       const std::string& to) {
        std::string day = ShanghaiDate(days);
        HttpResponse booked = As(client).Post("/api/v1/bookings", Body({{"instrument_id", instrument_},
                                                                        {"starts_at", day + "T" + from + ":00+08:00"},
                                                                        {"ends_at", day + "T" + to + ":00+08:00"}}));
        EXPECT_EQ(booked.status, 201) << booked.body;
        std::string id = Str(booked.Json(), "id");
        EXPECT_EQ(Act(As("unit_a"), "bookings", id, "approve").status, 200);
        return id;
    }

    /// Time passes: the booking now lay a week in the past.
    static void MoveIntoThePast(const std::string& id) {
        CommandResult r = RunSql(Db(),
                                 "UPDATE bookings SET start_minute = start_minute - 20160, "
                                 "end_minute = end_minute - 20160 WHERE id = " +
                                     id);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    static json::object Delivered() {
        return json::object{{"minutes_used", 120},
                            {"fee_fen", 60000},
                            {"service_mode", "occupancy"},
                            {"client_industry_code", "2710"},
                            {"note", "按时完成"}};
    }

    static inline std::string instrument_;
};

TEST_F(DeliveryTest, TheLabRecordsTheDeliveryTheClientRatesItTheLabReplies) {
    std::string id = ApprovedBooking("company", 3, "09:30", "11:30");
    std::string delivery = "/api/v1/bookings/" + id + "/delivery";
    EXPECT_TRUE(IsError(As("unit_a").Post(delivery, Body(Delivered())), 409, "conflict"));  // not begun yet
    EXPECT_TRUE(IsError(As("company").Post("/api/v1/bookings/" + id + "/rating", Body({{"score", 5}})), 409,
                        "conflict"));  // nothing delivered to rate
    MoveIntoThePast(id);

    EXPECT_TRUE(IsError(Act(As("unit_a"), "bookings", id, "complete"), 409, "conflict"));  // needs the record
    EXPECT_TRUE(IsError(As("unit_b").Post(delivery, Body(Delivered())), 404, "not_found"));
    EXPECT_TRUE(IsError(As("company").Post(delivery, Body(Delivered())), 403, "forbidden"));
    HttpResponse bad = As("unit_a").Post(delivery, Body({{"minutes_used", -1}, {"service_mode", "teleport"}}));
    EXPECT_TRUE(IsError(bad, 422, "validation_failed")) << bad.body;
    EXPECT_EQ(ErrorFields(bad), (std::vector<std::string>{"minutes_used", "fee_fen", "service_mode"}));
    json::object unknown_industry = Delivered();
    unknown_industry["client_industry_code"] = "9999";
    EXPECT_TRUE(IsError(As("unit_a").Post(delivery, Body(unknown_industry)), 422, "validation_failed"));
    EXPECT_EQ(Str(As("company").Get("/api/v1/bookings/" + id).Json(), "status"), "approved");  // nothing half-written

    HttpResponse done = As("unit_a").Post(delivery, Body(Delivered()));
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_EQ(Str(done.Json(), "status"), "completed");
    json::value answer = done.Json();
    const json::value& record = answer.at("delivery");
    EXPECT_EQ(record.at("fee_fen").as_int64(), 60000);
    EXPECT_EQ(Str(record, "client_org_id"), world_.org_b);
    EXPECT_EQ(Str(record, "client_district_code"), "110105");  // copied from the client organisation
    EXPECT_FALSE(record.at("internal").as_bool());
    EXPECT_TRUE(IsError(As("unit_a").Post(delivery, Body(Delivered())), 409, "conflict"));

    std::string rate = "/api/v1/bookings/" + id + "/rating";
    EXPECT_TRUE(IsError(As("unit_a").Post(rate, Body({{"score", 5}})), 404, "not_found"));  // not its client
    EXPECT_TRUE(IsError(As("company").Post(rate, Body({{"score", 6}})), 422, "validation_failed"));
    HttpResponse rated = As("company").Post(rate, Body({{"score", 4}, {"comment", "数据质量好"}}));
    ASSERT_EQ(rated.status, 201) << rated.body;
    EXPECT_EQ(Str(rated.Json(), "level"), "satisfied");
    EXPECT_TRUE(IsError(As("company").Post(rate, Body({{"score", 1}})), 409, "conflict"));

    std::string reply = "/api/v1/ratings/" + Str(rated.Json(), "id") + "/reply";
    EXPECT_TRUE(IsError(As("unit_b").Post(reply, Body({{"reply", "谢谢"}})), 404, "not_found"));
    EXPECT_TRUE(IsError(As("unit_a").Post(reply, Body({{"reply", ""}})), 422, "validation_failed"));
    ASSERT_EQ(As("unit_a").Post(reply, Body({{"reply", "感谢评价"}})).status, 200);
    EXPECT_TRUE(IsError(As("unit_a").Post(reply, Body({{"reply", "再次感谢"}})), 409, "conflict"));

    HttpResponse pub = Visitor().Get("/api/v1/ratings?resource_kind=instrument&resource_id=" + instrument_);
    ASSERT_EQ(pub.status, 200) << pub.body;
    EXPECT_EQ(pub.Json().at("count").as_int64(), 1);
    EXPECT_DOUBLE_EQ(pub.Json().at("average").as_double(), 4.0);
    EXPECT_EQ(Str(pub.Json().at("items").at(0), "reply"), "感谢评价");
    EXPECT_EQ(pub.body.find("company"), std::string::npos);  // clients are not named
    HttpResponse whole = As("company").Get("/api/v1/bookings/" + id);
    EXPECT_EQ(whole.Json().at("rating").at("score").as_int64(), 4);
    // List items carry the same, so that a page needs no request per row.
    HttpResponse mine = As("company").Get("/api/v1/bookings?status=completed");
    ASSERT_EQ(mine.status, 200) << mine.body;
    json::value listed = mine.Json();
    ASSERT_FALSE(listed.at("items").as_array().empty());
    EXPECT_EQ(listed.at("items").at(0).at("rating").at("score").as_int64(), 4) << mine.body;
    EXPECT_EQ(listed.at("items").at(0).at("delivery").at("fee_fen").as_int64(), 60000);
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/ratings?resource_kind=lab"), 422, "validation_failed"));
}

TEST_F(DeliveryTest, OfManyConcurrentRatingsOfOneDeliveryExactlyOneCounts) {
    std::string id = ApprovedBooking("company", 4, "13:30", "14:30");
    MoveIntoThePast(id);
    ASSERT_EQ(As("unit_a").Post("/api/v1/bookings/" + id + "/delivery", Body(Delivered())).status, 200);
    std::vector<RaceRequest> requests(
        20, RaceRequest{&As("company"), "POST", "/api/v1/bookings/" + id + "/rating", Body({{"score", 2}}), {}});
    std::map<int, int> counts = Count(Race(Port(), requests));
    EXPECT_EQ(counts[201], 1);
    EXPECT_EQ(counts[409], 19);
    HttpResponse pub = Visitor().Get("/api/v1/ratings?resource_kind=instrument&resource_id=" + instrument_);
    EXPECT_EQ(pub.Json().at("count").as_int64(), static_cast<std::int64_t>(pub.Json().at("total").as_int64()));
}

}  // namespace
}  // namespace keyuan::testing
