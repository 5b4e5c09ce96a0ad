// The bookings' hourly job on a real SQLite store: the client of an approved booking that begins
// tomorrow is reminded, the client of a delivery left unrated is asked to rate, each once however
// often the job runs.
#include <gtest/gtest.h>

#include "modules/bookings/notices.hpp"
#include "support/temp_database.hpp"

namespace keyuan::bookings {
namespace {

const Date kToday = *Date::Parse("2026-12-07");

std::int64_t MinuteOn(Date day, int hour) {
    return LocalDayStart(day) + hour * 60;
}

class BookingRemindersTest : public ::testing::Test {
protected:
    void SetUp() override {
        (*db_).Write([](store::Session& s) {
            const char* now = "2026-12-07T00:00:00Z";
            for (int org : {1, 2}) {
                s.Execute(
                    "INSERT INTO organizations (id, name, credit_code, kind, created_at, updated_at) VALUES "
                    "($1, $2, $3, 'company', $4, $4)",
                    {org, "单位" + std::to_string(org), "91110000MA0000000" + std::to_string(org), now});
            }
            for (auto [id, org] : {std::pair{1, 1}, std::pair{2, 2}}) {
                s.Execute(
                    "INSERT INTO users (id, username, org_id, password_hash, password_changed_at, created_at, "
                    "updated_at) VALUES ($1, $2, $3, 'x', $4, $4, $4)",
                    {id, "user" + std::to_string(id), org, now});
            }
            s.Execute(
                "INSERT INTO instruments (id, org_id, name, class_code, original_value_fen, acceptance_date, "
                "registration_due_date, open_status, status, created_at, updated_at) VALUES (1, 1, '质谱仪', '0102', "
                "100, '2026-01-01', '2026-02-01', 'open', 'approved', $1, $1)",
                {now});
        });
    }

    /// A booking of instrument 1 by user 2 (org 2) on `day` from `hour`, for an hour.
    void Book(int id, const char* status, Date day, int hour) {
        (*db_).Write([&](store::Session& s) {
            std::int64_t start = MinuteOn(day, hour);
            s.Execute(
                "INSERT INTO bookings (id, instrument_id, org_id, client_org_id, user_id, booked_by, status, "
                "start_minute, end_minute, starts_at, ends_at, created_at, updated_at) VALUES ($1, 1, 1, 2, 2, 2, "
                "$2, $3, $4, $5, $6, 'c', 'u')",
                {id, status, start, start + 60, FormatMinute(start), FormatMinute(start + 60)});
        });
    }

    void Deliver(int booking, Date on, bool rated) {
        (*db_).Write([&](store::Session& s) {
            std::int64_t delivery = s.InsertReturningId(
                "INSERT INTO deliveries (source_kind, source_id, resource_kind, resource_id, provider_org_id, "
                "client_org_id, client_user_id, internal, service_mode, minutes_used, delivered_on, recorded_by, "
                "recorded_at) VALUES ('booking', $1, 'instrument', 1, 1, 2, 2, 0, 'occupancy', 60, $2, 1, 'r') "
                "RETURNING id",
                {booking, on.ToString()});
            if (rated) {
                s.Execute(
                    "INSERT INTO ratings (delivery_id, resource_kind, resource_id, provider_org_id, score, "
                    "rated_by, rated_at) VALUES ($1, 'instrument', 1, 1, 5, 2, 'r')",
                    {delivery});
            }
        });
    }

    std::vector<std::string> Inbox(int user) {
        std::vector<std::string> kinds;
        (*db_).Read([&](store::Session& s) {
            store::Rows rows = s.Query("SELECT kind, params FROM notifications WHERE user_id = $1 ORDER BY id", {user});
            for (std::size_t i = 0; i < rows.size(); ++i) {
                kinds.push_back(std::string(rows[i].Text(0)) + " " + std::string(rows[i].Text(1)).substr(0, 17));
            }
        });
        return kinds;
    }

    testing::TempDatabase db_{"booking-reminders"};
};

TEST_F(BookingRemindersTest, RemindsTomorrowsClientsAndAsksForRatingsOnce) {
    Book(1, "approved", kToday.AddDays(1), 9);    // reminded
    Book(2, "requested", kToday.AddDays(1), 11);  // not approved: no reminder
    Book(3, "approved", kToday.AddDays(2), 9);    // the day after: not yet
    Book(4, "completed", kToday.AddDays(-3), 9);
    Deliver(4, kToday.AddDays(-3), false);  // asked to rate
    Book(5, "completed", kToday.AddDays(-2), 9);
    Deliver(5, kToday.AddDays(-2), true);  // rated already
    Book(6, "completed", kToday, 9);
    Deliver(6, kToday, false);  // delivered today: asked tomorrow

    EXPECT_EQ(SendReminders(*db_, kToday), 2);
    EXPECT_EQ(Inbox(2), (std::vector<std::string>{R"(booking_reminder {"booking_id":"1")",
                                                  R"(booking_please_rate {"booking_id":"4")"}));
    EXPECT_TRUE(Inbox(1).empty());
    EXPECT_EQ(SendReminders(*db_, kToday), 0);             // each message once
    EXPECT_EQ(SendReminders(*db_, kToday.AddDays(1)), 2);  // booking 3's reminder, booking 6's request
}

}  // namespace
}  // namespace keyuan::bookings
