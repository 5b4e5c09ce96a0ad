// The demo's achievement library on a temporary SQLite database: the small scale's counts, link
// rows within the API's limits, class and statuses after the kind of organisation, registration
// numbers as the module gives them with the serial table in step, and counters that a recount
// finds right.
#include "modules/achievements/counts.hpp"
#include "unit/demo_database.hpp"

namespace keyuan::demo {
namespace {

// Its own suite of the small catalog (demo_database.hpp), generated once for these cases.
class DemoAchievements : public DemoSmall {};

TEST_F(DemoAchievements, ProducesTheSmallScaleCountsWithTheirLinks) {
    EXPECT_EQ(summary_.counts.achievements, 400);
    EXPECT_EQ(summary_.counts.talents, 150);
    EXPECT_GT(summary_.counts.teams, 5);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM achievements"), 400);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM talents"), 150);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM teams"), summary_.counts.teams);
    // 1–3 statuses and 1–3 industry codes each; 3–8 members per team, all of its own organisation.
    for (const char* link : {"achievement_statuses", "achievement_industries"}) {
        std::string per = std::string("(SELECT a.id, (SELECT COUNT(*) FROM ") + link +
                          " l WHERE l.achievement_id = a.id) AS n FROM achievements a) c";
        EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM " + per + " WHERE n < 1 OR n > 3"), 0) << link;
    }
    EXPECT_EQ(Scalar(*db_,
                     "SELECT COUNT(*) FROM (SELECT team_id, COUNT(*) AS n FROM team_members GROUP BY team_id) m "
                     "WHERE n < 3 OR n > 8"),
              0);
    EXPECT_EQ(Scalar(*db_,
                     "SELECT COUNT(*) FROM team_members m JOIN teams t ON t.id = m.team_id JOIN talents p ON "
                     "p.id = m.talent_id WHERE p.org_id <> t.org_id"),
              0);
    EXPECT_EQ(Scalar(*db_,
                     "SELECT COUNT(*) FROM teams t WHERE lead_talent_id NOT IN (SELECT talent_id FROM "
                     "team_members m WHERE m.team_id = t.id)"),
              0);
}

TEST_F(DemoAchievements, ClassAndStatusesFollowTheKindOfOrganization) {
    auto share = [](const char* kind, const char* cls) {
        std::string of =
            std::string("FROM achievements a JOIN organizations o ON o.id = a.org_id WHERE o.kind = '") + kind + "'";
        double all = static_cast<double>(Scalar(*db_, "SELECT COUNT(*) " + of));
        return all == 0
                   ? 0
                   : static_cast<double>(Scalar(*db_, "SELECT COUNT(*) " + of + " AND a.class = '" + cls + "'")) / all;
    };
    EXPECT_GT(share("university", "basic_research"), share("enterprise", "basic_research"));
    EXPECT_GT(share("enterprise", "development_industrialization"),
              share("university", "development_industrialization"));
    // Development mostly turned into products or transfers (1, 2); basic research mostly papers and talents (4, 5).
    auto with_status = [](const char* cls, const char* codes) {
        return Scalar(*db_, std::string("SELECT COUNT(DISTINCT a.id) FROM achievements a JOIN achievement_statuses s "
                                        "ON s.achievement_id = a.id WHERE a.class = '") +
                                cls + "' AND s.code IN (" + codes + ")");
    };
    EXPECT_GT(with_status("development_industrialization", "'1', '2'"),
              with_status("development_industrialization", "'4', '5'"));
    EXPECT_GT(with_status("basic_research", "'4', '5'"), with_status("basic_research", "'1', '2'"));
    // About 5 % secret and 60 % fiscally funded (of 400).
    EXPECT_GE(Scalar(*db_, "SELECT COUNT(*) FROM achievements WHERE secret = 1"), 5);
    EXPECT_LE(Scalar(*db_, "SELECT COUNT(*) FROM achievements WHERE secret = 1"), 40);
    std::int64_t fiscal = Scalar(*db_, "SELECT COUNT(*) FROM achievements WHERE funding = 'fiscal'");
    EXPECT_GT(fiscal, 200);
    EXPECT_LT(fiscal, 280);
}

TEST_F(DemoAchievements, ApprovedOnesAreNumberedAsTheModuleNumbersThem) {
    EXPECT_EQ(Scalar(*db_,
                     "SELECT COUNT(*) FROM achievements WHERE (status = 'approved') <> "
                     "(registration_no IS NOT NULL)"),
              0);
    // Region 3 (the organisation's district) + year 4 + type 1 (the class) + serial 4.
    EXPECT_EQ(Scalar(*db_,
                     "SELECT COUNT(*) FROM achievements a JOIN organizations o ON o.id = a.org_id "
                     "WHERE a.registration_no IS NOT NULL AND (LENGTH(a.registration_no) <> 12 OR "
                     "SUBSTR(a.registration_no, 1, 3) <> SUBSTR(o.district_code, 1, 3) OR "
                     "SUBSTR(a.registration_no, 8, 1) <> CASE a.class WHEN 'basic_research' THEN '1' "
                     "WHEN 'applied_research' THEN '2' ELSE '3' END OR "
                     "SUBSTR(a.registration_no, 4, 4) > '2026' OR SUBSTR(a.registration_no, 4, 4) < '2000')"),
              0);
    // The serial table holds the last serial of each prefix, as the next approval expects.
    EXPECT_EQ(Scalar(*db_,
                     "SELECT COUNT(*) FROM achievement_registration_serials r WHERE r.last_serial <> "
                     "(SELECT MAX(CAST(SUBSTR(a.registration_no, 9, 4) AS INTEGER)) FROM achievements a WHERE "
                     "SUBSTR(a.registration_no, 1, 8) = r.prefix)"),
              0);
    EXPECT_EQ(Scalar(*db_,
                     "SELECT COUNT(DISTINCT SUBSTR(registration_no, 1, 8)) FROM achievements WHERE "
                     "registration_no IS NOT NULL"),
              Scalar(*db_, "SELECT COUNT(*) FROM achievement_registration_serials"));
}

TEST_F(DemoAchievements, TheStatisticsCountersAreFilled) {
    EXPECT_EQ(Scalar(*db_, "SELECT count FROM achievement_counts WHERE dimension = 'total'"),
              Scalar(*db_, "SELECT COUNT(*) FROM achievements WHERE status = 'approved' AND secret = 0"));
    achievements::CountsDrift drift;
    db_->Write([&](store::Session& s) { drift = achievements::RecountAchievements(s); });
    EXPECT_EQ(drift.wrong, 0);
}

}  // namespace
}  // namespace keyuan::demo
