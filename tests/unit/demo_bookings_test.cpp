// The demo's online booking: rules on a share of the published instruments that are open to
// others, none elsewhere, and every rule within what a unit may set (the bookings module's own
// validation).
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

}  // namespace
}  // namespace keyuan::demo
