// Bookings of instrument time against the real binary, on each engine: a unit sets the rules,
// an enterprise user books two hours, the unit approves; every rule a time can break is named;
// a cancelled booking frees its slot at once; weekly series skip and report the dates taken;
// training lists; and of many concurrent requests for overlapping time exactly one wins.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>

#include "support/catalog_fixture.hpp"
#include "support/race.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

/// Every day of the week, all day long enough: tests pick days a few days ahead and never meet
/// a weekend or a holiday of the calendar.
json::object OpenRules() {
    return json::object{{"weekdays", "1234567"},     {"working_days_only", false},
                        {"opens_at", "08:30"},       {"closes_at", "17:30"},
                        {"slot_minutes", 60},        {"min_notice_minutes", 1440},
                        {"horizon_days", 60},        {"cancel_before_minutes", 0},
                        {"approval_required", true}, {"external_fen_per_hour", 30000}};
}

/// "YYYY-MM-DDTHH:MM:00+08:00", `days` from today in Beijing.
std::string At(int days, const std::string& hour_minute) {
    return ShanghaiDate(days) + "T" + hour_minute + ":00+08:00";
}

class BookingsTest : public CatalogSuite<BookingsTest> {
protected:
    static void SetUpTestSuite() {
        CatalogSuite<BookingsTest>::SetUpTestSuite();
        instrument_ = CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments", InstrumentBody("共享质谱仪"));
        HttpResponse rules = As("unit_a").Send("PUT", Rules(instrument_), Body(OpenRules()));
        ASSERT_EQ(rules.status, 200) << rules.body;
    }

    static std::string Rules(const std::string& instrument) {
        return "/api/v1/instruments/" + instrument + "/booking-rules";
    }

    static HttpResponse Book(Session& as, const std::string& instrument, const std::string& from, const std::string& to,
                             const json::object& extra = {}) {
        json::object body{
            {"instrument_id", instrument}, {"starts_at", from}, {"ends_at", to}, {"purpose", "蛋白质组学检测"}};
        for (const auto& [k, v] : extra) body[k] = v;
        return as.Post("/api/v1/bookings", Body(body));
    }

    static inline std::string instrument_;
};

TEST_F(BookingsTest, EnterpriseBooksTwoHoursAndTheUnitApproves) {
    HttpResponse booked = Book(As("company"), instrument_, At(3, "09:30"), At(3, "11:30"));
    ASSERT_EQ(booked.status, 201) << booked.body;
    std::string id = Str(booked.Json(), "id");
    EXPECT_EQ(Str(booked.Json(), "status"), "requested");
    EXPECT_EQ(booked.Json().at("minutes").as_int64(), 120);

    // The client sees cancel, the provider approve/reject; the queue carries the same.
    HttpResponse mine = As("company").Get("/api/v1/bookings?view=mine");
    ASSERT_EQ(mine.status, 200) << mine.body;
    EXPECT_TRUE(HasId(ListIds(mine), id));
    HttpResponse queue = As("unit_a").Get("/api/v1/bookings?view=provider&status=requested");
    ASSERT_EQ(queue.status, 200) << queue.body;
    ASSERT_TRUE(HasId(ListIds(queue), id));
    EXPECT_EQ(json::serialize(As("unit_a").Get("/api/v1/bookings/" + id + "/actions").Json().at("allowed_actions")),
              R"(["approve","reject","provider_cancel"])");
    EXPECT_EQ(json::serialize(As("company").Get("/api/v1/bookings/" + id + "/actions").Json().at("allowed_actions")),
              R"(["cancel"])");

    // Another unit sees neither the booking nor the queue of unit_a's instruments.
    EXPECT_TRUE(IsError(As("unit_b").Get("/api/v1/bookings/" + id), 404, "not_found"));
    EXPECT_FALSE(HasId(ListIds(As("unit_b").Get("/api/v1/bookings?view=provider")), id));
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/bookings/" + id), 401, "unauthenticated"));

    HttpResponse approved = Act(As("unit_a"), "bookings", id, "approve");
    ASSERT_EQ(approved.status, 200) << approved.body;
    EXPECT_EQ(Str(approved.Json(), "status"), "approved");
    EXPECT_TRUE(IsError(Act(As("company"), "bookings", id, "approve"), 403, "forbidden"));

    // The slot shows as taken in the public calendar.
    HttpResponse days = Visitor().Get("/api/v1/instruments/" + instrument_ + "/availability?from=" + ShanghaiDate(3) +
                                      "&to=" + ShanghaiDate(3));
    ASSERT_EQ(days.status, 200) << days.body;
    json::value calendar = days.Json();
    const json::array& slots = calendar.at("days").as_array().at(0).at("slots").as_array();
    ASSERT_EQ(slots.size(), 9u);  // 08:30 … 16:30
    EXPECT_EQ(Str(slots.at(0), "state"), "free");
    EXPECT_EQ(Str(slots.at(1), "state"), "taken");
    EXPECT_EQ(Str(slots.at(2), "state"), "taken");
    EXPECT_EQ(Str(slots.at(3), "state"), "free");
}

TEST_F(BookingsTest, AnOverlapIsRefusedNamingTheSlotAndACancellationFreesIt) {
    HttpResponse first = Book(As("company"), instrument_, At(4, "13:30"), At(4, "15:30"));
    ASSERT_EQ(first.status, 201) << first.body;
    HttpResponse overlap = Book(As("unit_b"), instrument_, At(4, "14:30"), At(4, "16:30"));
    ASSERT_TRUE(IsError(overlap, 409, "conflict")) << overlap.body;
    EXPECT_NE(overlap.body.find("13:30–15:30"), std::string::npos) << overlap.body;

    HttpResponse cancelled = Act(As("company"), "bookings", Str(first.Json(), "id"), "cancel");
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
    EXPECT_EQ(Book(As("unit_b"), instrument_, At(4, "14:30"), At(4, "16:30")).status, 201);
}

TEST_F(BookingsTest, EveryBrokenRuleIsNamedAndNothingIsStored) {
    std::int64_t before = As("company").Get("/api/v1/bookings").Json().at("total").as_int64();
    struct Case {
        std::string from, to, field, says;
    } cases[] = {
        {At(5, "07:30"), At(5, "08:30"), "starts_at", "08:30–17:30"},    // before opening
        {At(5, "16:30"), At(5, "18:30"), "starts_at", "08:30–17:30"},    // past closing
        {At(5, "09:00"), At(5, "10:00"), "starts_at", "60"},             // off the slot grid
        {At(0, "16:30"), At(0, "17:30"), "starts_at", ""},               // too short notice or past
        {At(90, "09:30"), At(90, "10:30"), "starts_at", "60"},           // beyond the horizon
        {"2026-02-30T09:30:00+08:00", At(5, "10:30"), "starts_at", ""},  // no such day
    };
    for (const Case& c : cases) {
        HttpResponse r = Book(As("company"), instrument_, c.from, c.to);
        EXPECT_TRUE(IsError(r, 422, "validation_failed")) << c.from << " " << r.body;
        EXPECT_EQ(ErrorFields(r), std::vector<std::string>{c.field}) << r.body;
        if (!c.says.empty()) {
            EXPECT_NE(r.body.find(c.says), std::string::npos) << r.body;
        }
    }
    HttpResponse bad = As("company").Post("/api/v1/bookings", Body({{"instrument_id", "12abc"}, {"samples", -1}}));
    EXPECT_TRUE(IsError(bad, 422, "validation_failed")) << bad.body;
    EXPECT_EQ(ErrorFields(bad), (std::vector<std::string>{"instrument_id", "starts_at", "ends_at", "samples"}));
    EXPECT_EQ(As("company").Get("/api/v1/bookings").Json().at("total").as_int64(), before);
    EXPECT_TRUE(IsError(Visitor().Post("/api/v1/bookings", "{}"), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(As("auditor").Post("/api/v1/bookings", "{}"), 403, "forbidden"));
}

TEST_F(BookingsTest, RulesAreTheUnitsToSetWithEveryBadFieldNamed) {
    std::string other = CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments", InstrumentBody("电镜"));
    EXPECT_FALSE(Visitor().Get(Rules(other)).Json().at("bookable").as_bool());
    EXPECT_TRUE(IsError(Book(As("company"), other, At(3, "09:30"), At(3, "10:30")), 409, "conflict"));

    HttpResponse bad = As("unit_a").Send(
        "PUT", Rules(other),
        Body({{"weekdays", "1189"}, {"opens_at", "25:00"}, {"slot_minutes", 50}, {"external_fen_per_hour", -5}}));
    EXPECT_TRUE(IsError(bad, 422, "validation_failed")) << bad.body;
    EXPECT_EQ(ErrorFields(bad), (std::vector<std::string>{"opens_at", "external_fen_per_hour"})) << bad.body;
    HttpResponse grid = As("unit_a").Send("PUT", Rules(other), Body({{"weekdays", "1189"}, {"slot_minutes", 50}}));
    EXPECT_EQ(ErrorFields(grid), (std::vector<std::string>{"weekdays", "slot_minutes"})) << grid.body;
    EXPECT_FALSE(Visitor().Get(Rules(other)).Json().at("bookable").as_bool());

    EXPECT_TRUE(IsError(As("unit_b").Send("PUT", Rules(other), Body(OpenRules())), 404, "not_found"));
    EXPECT_TRUE(IsError(As("company").Send("PUT", Rules(other), Body(OpenRules())), 403, "forbidden"));
    EXPECT_TRUE(IsError(Visitor().Send("PUT", Rules(other), Body(OpenRules())), 401, "unauthenticated"));

    HttpResponse set = As("unit_a").Send("PUT", Rules(other), Body(OpenRules()));
    ASSERT_EQ(set.status, 200) << set.body;
    EXPECT_EQ(set.Json().at("version").as_int64(), 1);
    HttpResponse stale = As("unit_a").Send("PUT", Rules(other), Body(OpenRules()), {{"If-Match", "\"7\""}});
    EXPECT_TRUE(IsError(stale, 409, "conflict")) << stale.body;
    HttpResponse again = As("unit_a").Send("PUT", Rules(other), Body(OpenRules()), {{"If-Match", "\"1\""}});
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.Json().at("version").as_int64(), 2);
}

TEST_F(BookingsTest, OnlyTrainedUsersBookWhereTrainingIsRequired) {
    std::string trained_only =
        CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments", InstrumentBody("同步辐射"));
    json::object rules = OpenRules();
    rules["audience"] = "trained";
    ASSERT_EQ(As("unit_a").Send("PUT", Rules(trained_only), Body(rules)).status, 200);
    HttpResponse refused = Book(As("company"), trained_only, At(3, "09:30"), At(3, "10:30"));
    EXPECT_TRUE(IsError(refused, 422, "validation_failed")) << refused.body;
    EXPECT_EQ(ErrorFields(refused), std::vector<std::string>{"user_id"});

    std::string company_id = Str(As("company").Get("/api/v1/me").Json(), "id");
    std::string list = "/api/v1/instruments/" + trained_only + "/trained-users";
    EXPECT_TRUE(IsError(As("unit_b").Post(list, Body({{"user_id", company_id}})), 404, "not_found"));
    EXPECT_TRUE(IsError(As("unit_a").Post(list, Body({{"user_id", "999999"}})), 422, "validation_failed"));
    ASSERT_EQ(As("unit_a").Post(list, Body({{"user_id", company_id}})).status, 201);
    EXPECT_TRUE(IsError(As("unit_a").Post(list, Body({{"user_id", company_id}})), 409, "conflict"));
    EXPECT_EQ(Book(As("company"), trained_only, At(3, "09:30"), At(3, "10:30")).status, 201);
    EXPECT_EQ(As("unit_a").Send("DELETE", list + "/" + company_id).status, 204);
    EXPECT_TRUE(IsError(Book(As("company"), trained_only, At(3, "11:30"), At(3, "12:30")), 422, "validation_failed"));
}

TEST_F(BookingsTest, AWeeklySeriesSkipsAndReportsTheTakenDates) {
    ASSERT_EQ(Book(As("unit_b"), instrument_, At(13, "09:30"), At(13, "10:30")).status, 201);
    HttpResponse series =
        Book(As("company"), instrument_, At(6, "09:30"), At(6, "10:30"), json::object{{"repeat_weeks", 2}});
    ASSERT_EQ(series.status, 201) << series.body;
    json::value answer = series.Json();
    const json::array& items = answer.at("items").as_array();
    const json::array& skipped = answer.at("skipped").as_array();
    ASSERT_EQ(items.size(), 2u) << series.body;
    ASSERT_EQ(skipped.size(), 1u) << series.body;
    EXPECT_EQ(Str(skipped.at(0), "rule"), "taken");
    EXPECT_EQ(Str(items.at(1), "series_id"), Str(items.at(0), "id"));
}

TEST_F(BookingsTest, ARetriedBookingWithItsIdempotencyKeyReturnsTheFirstAnswer) {
    json::object body{{"instrument_id", instrument_}, {"starts_at", At(9, "08:30")}, {"ends_at", At(9, "09:30")}};
    std::vector<std::pair<std::string, std::string>> key = {{"Idempotency-Key", "booking-retry-1"}};
    HttpResponse first = As("company").Send("POST", "/api/v1/bookings", Body(body), key);
    ASSERT_EQ(first.status, 201) << first.body;
    HttpResponse retry = As("company").Send("POST", "/api/v1/bookings", Body(body), key);
    EXPECT_EQ(retry.status, 201) << retry.body;
    EXPECT_EQ(Str(retry.Json(), "id"), Str(first.Json(), "id"));
    HttpResponse list = As("company").Get("/api/v1/bookings?from=" + ShanghaiDate(9) + "&to=" + ShanghaiDate(9));
    EXPECT_EQ(list.Json().at("total").as_int64(), 1) << list.body;
}

TEST_F(BookingsTest, CalendarFeedsHaveSecretResettableUrls) {
    HttpResponse booked = Book(As("company"), instrument_, At(10, "08:30"), At(10, "09:30"));
    ASSERT_EQ(booked.status, 201) << booked.body;
    HttpResponse mine = As("company").Post("/api/v1/me/calendar-feed", "{}");
    ASSERT_EQ(mine.status, 200) << mine.body;
    std::string url = Str(mine.Json(), "url");
    HttpResponse feed = Visitor().Get(url);
    ASSERT_EQ(feed.status, 200) << feed.body;
    EXPECT_EQ(feed.Header("content-type"), "text/calendar; charset=utf-8");
    EXPECT_NE(feed.body.find("UID:booking-" + Str(booked.Json(), "id") + "@keyuan"), std::string::npos) << feed.body;
    EXPECT_NE(feed.body.find("SUMMARY:共享质谱仪 · 待审批"), std::string::npos) << feed.body;

    std::string again = Str(As("company").Post("/api/v1/me/calendar-feed", "{}").Json(), "url");
    EXPECT_NE(again, url);
    EXPECT_TRUE(IsError(Visitor().Get(url), 404, "not_found"));  // the old URL stops at once
    EXPECT_EQ(Visitor().Get(again).status, 200);
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/calendar-feeds/guess.ics"), 404, "not_found"));

    std::string instrument_feed = "/api/v1/instruments/" + instrument_ + "/calendar-feed";
    EXPECT_TRUE(IsError(As("unit_b").Post(instrument_feed, "{}"), 404, "not_found"));
    EXPECT_TRUE(IsError(As("company").Post(instrument_feed, "{}"), 403, "forbidden"));
    HttpResponse lab = As("unit_a").Post(instrument_feed, "{}");
    ASSERT_EQ(lab.status, 200) << lab.body;
    HttpResponse lab_feed = Visitor().Get(Str(lab.Json(), "url"));
    ASSERT_EQ(lab_feed.status, 200);
    EXPECT_NE(lab_feed.body.find("SUMMARY:待审批"), std::string::npos) << lab_feed.body;
    EXPECT_EQ(lab_feed.body.find("蛋白质组学"), std::string::npos);  // no client's purpose in a unit's feed
}

TEST_F(BookingsTest, EachSideHearsOfTheOthersStepsInItsInbox) {
    auto unread = [](Session& as) {
        HttpResponse r = as.Get("/api/v1/notifications?unread=true");
        EXPECT_EQ(r.status, 200) << r.body;
        return r.Json().at("unread_count").as_int64();
    };
    ASSERT_EQ(As("unit_a").Post("/api/v1/notifications/read-all", "{}").status, 200);
    ASSERT_EQ(As("company").Post("/api/v1/notifications/read-all", "{}").status, 200);
    HttpResponse booked = Book(As("company"), instrument_, At(8, "14:30"), At(8, "15:30"));
    ASSERT_EQ(booked.status, 201) << booked.body;
    std::string id = Str(booked.Json(), "id");
    EXPECT_EQ(unread(As("unit_a")), 1);
    HttpResponse inbox = As("unit_a").Get("/api/v1/notifications?unread=true");
    json::value message = inbox.Json().at("items").at(0);
    EXPECT_EQ(Str(message, "kind"), "booking_requested");
    EXPECT_EQ(Str(message.at("params"), "booking_id"), id);
    EXPECT_EQ(Str(message.at("params"), "instrument_name"), "共享质谱仪");

    ASSERT_EQ(Act(As("unit_a"), "bookings", id, "reject", Body({{"reason", "设备检修"}})).status, 200);
    HttpResponse told = As("company").Get("/api/v1/notifications?unread=true");
    ASSERT_EQ(told.Json().at("unread_count").as_int64(), 1) << told.body;
    json::value rejection = told.Json().at("items").at(0);
    EXPECT_EQ(Str(rejection, "kind"), "booking_rejected");
    EXPECT_EQ(Str(rejection.at("params"), "reason"), "设备检修");

    // One's own messages only: another's id is not there.
    std::string mine = Str(rejection, "id");
    EXPECT_TRUE(IsError(As("unit_a").Post("/api/v1/notifications/" + mine + "/read", "{}"), 404, "not_found"));
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/notifications"), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(As("company").Get("/api/v1/notifications?unread=maybe"), 422, "validation_failed"));
    EXPECT_EQ(As("company").Post("/api/v1/notifications/" + mine + "/read", "{}").status, 204);
    EXPECT_EQ(unread(As("company")), 0);
}

TEST_F(BookingsTest, AColleagueIsFoundByNameAndTheDeskShowsWhoIsServedAndWhoBooked) {
    // company, unit_b and base share an organisation; unit_a is another's.
    auto names = [](HttpResponse r) {
        EXPECT_EQ(r.status, 200) << r.body;
        std::vector<std::string> out;
        json::value items = r.Json().at("items");
        for (const json::value& u : items.as_array()) out.push_back(Str(u, "username"));
        std::sort(out.begin(), out.end());
        return out;
    };
    EXPECT_EQ(names(As("company").Get("/api/v1/colleagues")), (std::vector<std::string>{"base", "unit_b"}));
    EXPECT_EQ(names(As("company").Get("/api/v1/colleagues?q=BAS")), std::vector<std::string>{"base"});
    EXPECT_EQ(names(As("company").Get("/api/v1/colleagues?q=%25")), std::vector<std::string>{}) << "% is literal";
    EXPECT_EQ(names(As("auditor").Get("/api/v1/colleagues")), std::vector<std::string>{}) << "no organisation";
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/colleagues"), 401, "unauthenticated"));

    std::string base_id = Str(As("base").Get("/api/v1/me").Json(), "id");
    HttpResponse booked = Book(As("company"), instrument_, At(9, "13:30"), At(9, "14:30"), {{"user_id", base_id}});
    ASSERT_EQ(booked.status, 201) << booked.body;
    std::string id = Str(booked.Json(), "id");
    HttpResponse desk = As("unit_a").Get("/api/v1/bookings?view=provider&status=requested&page_size=100");
    ASSERT_EQ(desk.status, 200) << desk.body;
    json::value items = desk.Json().at("items");
    bool found = false;
    for (const json::value& b : items.as_array()) {
        if (Str(b, "id") != id) continue;
        found = true;
        EXPECT_EQ(Str(b, "user_name"), Str(As("base").Get("/api/v1/me").Json(), "display_name"));
        EXPECT_EQ(Str(b, "booked_by_name"), Str(As("company").Get("/api/v1/me").Json(), "display_name"));
        EXPECT_FALSE(Str(b, "user_org_name").empty());
    }
    EXPECT_TRUE(found) << desk.body;
    // The colleague served sees it among their own.
    EXPECT_NE(As("base").Get("/api/v1/bookings?view=mine").body.find("\"id\":\"" + id + "\""), std::string::npos);
    ASSERT_EQ(Act(As("company"), "bookings", id, "cancel").status, 200);
}

TEST_F(BookingsTest, OfManyConcurrentRequestsForOverlappingTimeExactlyOneWins) {
    // The issue's race: 200 concurrent requests for overlapping slots of one instrument, repeated.
    for (int round = 0; round < 3; ++round) {
        std::vector<RaceRequest> requests;
        for (int i = 0; i < 200; ++i) {
            // Overlapping, not identical: 10:30–12:30, 11:30–12:30 and 11:30–13:30 share 11:30–12:30.
            std::string from = At(20 + round, i % 3 == 0 ? "10:30" : "11:30");
            std::string to = At(20 + round, i % 3 == 2 ? "13:30" : "12:30");
            json::object body{{"instrument_id", instrument_}, {"starts_at", from}, {"ends_at", to}};
            requests.push_back({&As(i % 2 ? "company" : "unit_b"), "POST", "/api/v1/bookings", Body(body), {}});
        }
        std::map<int, int> counts;
        for (const HttpResponse& r : RaceAnswers(Port(), requests)) {
            ++counts[r.status];
            if (r.status != 201 && r.status != 409)
                ADD_FAILURE() << "round " << round << ": " << r.status << " " << r.body;
        }
        EXPECT_EQ(counts[201], 1) << "round " << round;
        EXPECT_EQ(counts[409], 199) << "round " << round;
    }
}

}  // namespace
}  // namespace keyuan::testing
