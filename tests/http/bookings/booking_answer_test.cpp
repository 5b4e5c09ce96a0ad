// What POST /api/v1/bookings answers, on each engine: the created booking is built from what was
// inserted (not read back), so it must equal what a read returns; and the instrument and its
// rules are read in one query, so an instrument without rules and one that does not exist must
// still be told apart (409 not bookable online, 404).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/catalog_fixture.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

class BookingAnswerTest : public CatalogSuite<BookingAnswerTest> {
protected:
    static void SetUpTestSuite() {
        CatalogSuite<BookingAnswerTest>::SetUpTestSuite();
        with_rules_ = CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments", InstrumentBody("预约回执质谱仪"));
        without_rules_ =
            CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments", InstrumentBody("无规则显微镜"));
        json::object rules{{"weekdays", "1234567"}, {"working_days_only", false}, {"opens_at", "00:00"},
                           {"closes_at", "24:00"},  {"min_notice_minutes", 0},    {"approval_required", false}};
        HttpResponse set =
            As("unit_a").Send("PUT", "/api/v1/instruments/" + with_rules_ + "/booking-rules", Body(rules));
        ASSERT_EQ(set.status, 200) << set.body;
    }

    static HttpResponse Book(const std::string& instrument, int days) {
        std::string day = ShanghaiDate(days);
        return As("company").Post("/api/v1/bookings", Body({{"instrument_id", instrument},
                                                            {"starts_at", day + "T10:00:00+08:00"},
                                                            {"ends_at", day + "T11:00:00+08:00"}}));
    }

    static inline std::string with_rules_, without_rules_;
};

TEST_F(BookingAnswerTest, TheCreatedBookingIsWhatAReadReturns) {
    HttpResponse booked = Book(with_rules_, 2);
    ASSERT_EQ(booked.status, 201) << booked.body;
    EXPECT_EQ(Str(booked.Json(), "status"), "approved");
    HttpResponse read = As("company").Get("/api/v1/bookings/" + Str(booked.Json(), "id"));
    ASSERT_EQ(read.status, 200) << read.body;
    json::value created = booked.Json(), stored = read.Json();
    for (const auto& [key, value] : created.as_object()) {
        ASSERT_TRUE(stored.as_object().contains(key)) << key;
        EXPECT_EQ(json::serialize(value), json::serialize(stored.at(key))) << key;
    }
}

TEST_F(BookingAnswerTest, NoRulesIsAConflictAndNoInstrumentIsNotFound) {
    EXPECT_TRUE(IsError(Book(without_rules_, 2), 409, "conflict"));
    EXPECT_TRUE(IsError(Book("999999999", 2), 404, "not_found"));
}

}  // namespace
}  // namespace keyuan::testing
