// The demo generator writes in bulk, but every organisation and registered resource first
// passes its module's own validation (tools/demo/validation.hpp), on the test engine's real
// database: the small demo goes through whole, and a row the API would refuse stops it.
#include <gtest/gtest.h>

#include <stdexcept>

#include "modules/catalog/credit_code.hpp"
#include "store/database.hpp"
#include "support/accounts_fixture.hpp"
#include "tools/demo/bulk_insert.hpp"
#include "tools/demo/validation.hpp"

namespace keyuan::demo {
namespace {

using testing::CommandResult;

/// The message of the std::logic_error that checking `rows` (with `links`) throws; "" when it passes.
std::string Refusal(store::Database& db, const TableRows& rows, const LinkRows& links = {}) {
    RowChecks checks(db);
    std::string message;
    db.Read([&](store::Session& s) {
        try {
            checks.Check(s, rows, links);
        } catch (const std::logic_error& e) {
            message = e.what();
        }
    });
    return message;
}

TEST(DemoValidation, TheSmallDemoPassesEveryModulesValidation) {
    std::string url = testing::MigratedDatabaseUrl();
    if (url.empty()) GTEST_SKIP() << "PostgreSQL not configured";
    CommandResult demo = testing::RunCli({"demo", "--db", url, "--scale", "small"});
    ASSERT_EQ(demo.exit_code, 0) << demo.out << demo.err;
    // The rows are there: the checks ran on every one of them before it was written.
    CommandResult counted = testing::RunSql(url, "SELECT COUNT(*) FROM instruments");
    EXPECT_EQ(counted.out.substr(0, counted.out.find_first_of("\r\n")), "600") << counted.out << counted.err;
}

TEST(DemoValidation, AnOrganizationTheApiWouldRefuseIsABugInTheGenerator) {
    std::string url = testing::MigratedDatabaseUrl();
    if (url.empty()) GTEST_SKIP() << "PostgreSQL not configured";
    auto db = store::Open(url);
    const std::string first17 = "12110000400000000";
    const char check = catalog::CreditCodeCheckCharacter(first17);
    TableRows orgs("organizations", {"id", "name", "credit_code", "kind", "district_code", "is_sme", "contacts"});
    orgs.Add({1, "北京测试大学", first17 + check, "university", "110101", false, "[]"});
    EXPECT_EQ(Refusal(*db, orgs), "");  // a valid one passes
    orgs.Add({7, "北京错误大学", first17 + (check == '0' ? '1' : '0'), "university", "999999", false, "[]"});
    std::string refusal = Refusal(*db, orgs);
    EXPECT_NE(refusal.find("organizations row 7"), std::string::npos) << refusal;
    EXPECT_NE(refusal.find("credit_code"), std::string::npos) << refusal;
    EXPECT_NE(refusal.find("district_code"), std::string::npos) << refusal;
}

TEST(DemoValidation, AResourceTheApiWouldRefuseIsABugInTheGenerator) {
    std::string url = testing::MigratedDatabaseUrl();
    if (url.empty()) GTEST_SKIP() << "PostgreSQL not configured";
    auto db = store::Open(url);
    TableRows labs("labs", {"id", "org_id", "name"});
    labs.Add({3, 424242, "没有单位的实验室"});  // no such organisation, required fields missing
    std::string refusal = Refusal(*db, labs);
    EXPECT_NE(refusal.find("labs row 3"), std::string::npos) << refusal;
    EXPECT_NE(refusal.find("org_id"), std::string::npos) << refusal;
    EXPECT_NE(refusal.find("kind"), std::string::npos) << refusal;
}

TEST(DemoValidation, AnAchievementIsCheckedWithItsLinkRows) {
    std::string url = testing::MigratedDatabaseUrl();
    if (url.empty()) GTEST_SKIP() << "PostgreSQL not configured";
    auto db = store::Open(url);
    const std::string first17 = "12110000400000000";
    TableRows orgs("organizations", {"id", "name", "credit_code", "kind", "district_code", "is_sme", "contacts",
                                     "created_at", "updated_at"});
    orgs.Add({1, "北京测试大学", first17 + catalog::CreditCodeCheckCharacter(first17), "university", "110101", false,
              "[]", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"});
    db->Write([&](store::Session& s) { InsertRows(s, orgs); });
    TableRows achievements("achievements", {"id", "org_id", "name", "class", "funding"});
    achievements.Add({5, 1, "测试成果", "applied_research", "fiscal"});
    TableRows statuses("achievement_statuses", {"achievement_id", "code"});
    TableRows industries("achievement_industries", {"achievement_id", "code"});

    // Without link rows: at least one status and one industry code are missing.
    std::string refusal = Refusal(*db, achievements);
    EXPECT_NE(refusal.find("achievements row 5"), std::string::npos) << refusal;
    EXPECT_NE(refusal.find("statuses"), std::string::npos) << refusal;
    EXPECT_NE(refusal.find("industry_codes"), std::string::npos) << refusal;
    // With them, it passes; a status outside 1–5 is named.
    statuses.Add({5, "2"});
    industries.Add({5, "3825"});
    LinkRows links = {{"statuses", &statuses}, {"industry_codes", &industries}};
    EXPECT_EQ(Refusal(*db, achievements, links), "");
    statuses.Add({5, "7"});
    refusal = Refusal(*db, achievements, links);
    EXPECT_NE(refusal.find("statuses"), std::string::npos) << refusal;
    EXPECT_EQ(refusal.find("industry_codes"), std::string::npos) << refusal;

    // A team's members, given with their roles, must be talents.
    TableRows teams("teams", {"id", "org_id", "name"});
    teams.Add({9, 1, "测试团队"});
    TableRows members("team_members", {"team_id", "talent_id", "role"});
    members.Add({9, 424242, "负责人"});
    refusal = Refusal(*db, teams, {{"member_ids", &members}});
    EXPECT_NE(refusal.find("teams row 9"), std::string::npos) << refusal;
    EXPECT_NE(refusal.find("member"), std::string::npos) << refusal;
}

}  // namespace
}  // namespace keyuan::demo
