// The demo's online booking: rules on a share of the published instruments that are open to
// others, none elsewhere, and every rule within what a unit may set (the bookings module's own
// validation); and a year of bookings and orders as the modules would have recorded them.
#include "modules/bookings/rule_store.hpp"
#include "unit/demo_database.hpp"

namespace keyuan::demo {
namespace {

TEST(DemoBookings, RulesOnOpenPublishedInstrumentsPassTheModulesValidation) {
    TempDatabase database("bookings");
    store::Database& db = *database;
    ASSERT_TRUE(GenerateDemo(db, DemoOptions{}).ok());
    std::int64_t bookable = Scalar(db, "SELECT COUNT(*) FROM booking_rules");
    EXPECT_GT(bookable, 50);
    EXPECT_EQ(Scalar(db,
                     "SELECT COUNT(*) FROM booking_rules r JOIN instruments i ON i.id = r.instrument_id "
                     "WHERE i.status <> 'approved' OR i.open_status NOT IN ('open', 'partially_open')"),
              0);
    db.Read([&](store::Session& s) {
        store::Rows ids = s.Query("SELECT instrument_id FROM booking_rules ORDER BY instrument_id");
        for (std::size_t i = 0; i < ids.size(); ++i) {
            std::optional<bookings::StoredRules> rules = bookings::LoadRules(s, ids[i].Int(0));
            ASSERT_TRUE(rules.has_value());
            FieldErrors errors;
            bookings::ValidateRules(rules->rules, errors);
            EXPECT_TRUE(errors.empty()) << "instrument " << ids[i].Int(0);
        }
    });
}

TEST(DemoBookings, AYearOfBookingsAndOrdersIsConsistentWithWhatTheModulesWouldRecord) {
    TempDatabase database("activity");
    store::Database& db = *database;
    DemoOptions options;
    ASSERT_TRUE(GenerateDemo(db, options).ok());
    EXPECT_GT(Scalar(db, "SELECT COUNT(*) FROM bookings"), 500);
    EXPECT_GT(Scalar(db, "SELECT COUNT(*) FROM service_orders"), 200);
    // Before the catalog's day, on working weekdays within the demo rules' 08:30-17:30 (Beijing).
    std::string last = std::to_string((options.as_of.days() + 1) * 1440 - 8 * 60);
    EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM bookings WHERE end_minute > " + last), 0);
    EXPECT_EQ(Scalar(db,
                     "SELECT COUNT(*) FROM bookings WHERE ((start_minute + 480) % 1440) < 510 OR "
                     "((end_minute + 480 - 1) % 1440) >= 1050 OR (start_minute + 480) / 1440 <> "
                     "(end_minute + 480 - 1) / 1440"),
              0);
    EXPECT_EQ(Scalar(db,
                     "SELECT COUNT(*) FROM bookings a JOIN bookings b ON a.instrument_id = b.instrument_id "
                     "AND a.id < b.id AND a.start_minute < b.end_minute AND b.start_minute < a.end_minute"),
              0);
    EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM bookings b JOIN booking_rules r ON r.instrument_id = b.instrument_id"),
              Scalar(db, "SELECT COUNT(*) FROM bookings"));
    // A delivery for each completed booking or order and nothing else; a booking's fee is its hours at its price.
    for (const char* kind : {"booking", "order"}) {
        std::string table = std::string(kind) == "booking" ? "bookings" : "service_orders";
        EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM " + table + " WHERE status = 'completed'"),
                  Scalar(db, std::string("SELECT COUNT(*) FROM deliveries WHERE source_kind = '") + kind + "'"));
        EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM deliveries d JOIN " + table +
                                 " x ON x.id = d.source_id WHERE "
                                 "d.source_kind = '" +
                                 kind +
                                 "' AND (x.status <> 'completed' OR x.org_id <> "
                                 "d.provider_org_id OR x.user_id <> d.client_user_id)"),
                  0);
    }
    EXPECT_EQ(Scalar(db,
                     "SELECT COUNT(*) FROM deliveries d JOIN bookings b ON b.id = d.source_id JOIN booking_rules r "
                     "ON r.instrument_id = b.instrument_id WHERE d.source_kind = 'booking' AND d.fee_fen <> "
                     "(CASE WHEN d.internal = 1 THEN r.internal_fen_per_hour ELSE r.external_fen_per_hour END) * "
                     "d.minutes_used / 60"),
              0);
    EXPECT_EQ(Scalar(db,
                     "SELECT COUNT(*) FROM service_orders WHERE status IN ('quoted', 'confirmed', 'in_service', "
                     "'completed') AND (quote_fen IS NULL OR quote_days IS NULL)"),
              0);
    // The rating counters are what the ratings add up to; demo_enterprise has a history to show.
    EXPECT_EQ(Scalar(db,
                     "SELECT COUNT(*) FROM rating_totals t WHERE t.rating_count <> (SELECT COUNT(*) FROM ratings "
                     "r WHERE r.resource_kind = t.resource_kind AND r.resource_id = t.resource_id) OR t.score_sum "
                     "<> (SELECT SUM(score) FROM ratings r WHERE r.resource_kind = t.resource_kind AND "
                     "r.resource_id = t.resource_id)"),
              0);
    EXPECT_EQ(Scalar(db, "SELECT COUNT(DISTINCT resource_kind || ':' || resource_id) FROM ratings"),
              Scalar(db, "SELECT COUNT(*) FROM rating_totals"));
    for (const char* table : {"bookings", "service_orders"}) {
        EXPECT_GT(Scalar(db, std::string("SELECT COUNT(*) FROM ") + table +
                                 " x JOIN users u ON u.id = x.user_id WHERE u.username = 'demo_enterprise'"),
                  0)
            << table;
    }
}

}  // namespace
}  // namespace keyuan::demo
