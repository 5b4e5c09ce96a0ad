// The demo generator on a temporary SQLite database: the counts of each scale, valid credit codes,
// industry codes that exist, due dates on the working-day calendar, values within the catalog
// rules, and one working account per role.
#include "unit/demo_database.hpp"

namespace keyuan::demo {
namespace {

TEST_F(DemoSmall, ProducesTheSmallScaleCounts) {
    EXPECT_EQ(summary_.counts.organizations, 60);
    EXPECT_EQ(summary_.counts.bases, 6);
    EXPECT_EQ(summary_.counts.labs, 150);
    EXPECT_EQ(summary_.counts.instruments, 600);
    EXPECT_EQ(summary_.counts.services, 1000);
    EXPECT_EQ(summary_.counts.finance_products, 25);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM organizations"), 60);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM labs"), 150);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM instruments"), 600);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM services"), 1000);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM finance_products"), 25);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM users"), summary_.counts.users);
    // Every lab has instruments and services, and every registration is queued for search.
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM labs WHERE id NOT IN (SELECT lab_id FROM instruments)"), 0);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM labs WHERE id NOT IN (SELECT lab_id FROM services)"), 0);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM search_outbox WHERE object_type <> 'tech_demand'"),
              150 + 600 + 1000 + 25 + 400 + 150 + summary_.counts.teams);
    // The technology market's published demands (tools/demo/tech_demands.cpp), one per district.
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM search_outbox WHERE object_type = 'tech_demand'"), 6);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(DISTINCT district_code) FROM tech_demands WHERE status = 'approved'"), 6);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM tech_brokers WHERE status = 'active'"), 2);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM tech_broker_assignments WHERE status = 'accepted'"), 1);
}

TEST_F(DemoSmall, EveryCreditCodeIsValidAndUnique) {
    auto codes = Cells(*db_, "SELECT credit_code FROM organizations");
    std::set<std::string> distinct;
    for (const auto& row : codes) {
        EXPECT_FALSE(catalog::CheckCreditCode(row[0]).has_value()) << row[0];
        distinct.insert(row[0]);
    }
    EXPECT_EQ(distinct.size(), codes.size());
}

TEST_F(DemoSmall, OrganizationsSpanAllDistrictsWithMatchingDepartments) {
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(DISTINCT district_code) FROM organizations"), 16);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM organizations WHERE kind = 'university' AND department_code <> 'edu'"),
              0);
    EXPECT_EQ(
        Scalar(*db_, "SELECT COUNT(*) FROM organizations WHERE kind = 'hospital' AND department_code <> 'health'"), 0);
    EXPECT_EQ(Scalar(*db_,
                     "SELECT COUNT(*) FROM organizations WHERE kind = 'state_owned_enterprise' AND "
                     "department_code <> 'sasac'"),
              0);
    EXPECT_EQ(Scalar(*db_,
                     "SELECT COUNT(*) FROM organizations WHERE kind = 'research_institute' AND "
                     "department_code NOT IN ('cas', 'sci')"),
              0);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(DISTINCT name) FROM organizations"), 60);
    EXPECT_EQ(Scalar(*db_,
                     "SELECT COUNT(*) FROM finance_products p JOIN organizations o ON o.id = p.org_id "
                     "WHERE o.kind <> 'financial_institution'"),
              0);
}

TEST_F(DemoSmall, IndustryCodesExistAtLevelFour) {
    for (const char* table : {"lab_industries", "instrument_industries", "service_industries"}) {
        EXPECT_EQ(Scalar(*db_, std::string("SELECT COUNT(*) FROM ") + table +
                                   " t LEFT JOIN industry_codes c ON c.code = t.code AND c.level = 4 "
                                   "WHERE c.code IS NULL"),
                  0)
            << table;
    }
    EXPECT_EQ(Scalar(*db_, "SELECT MIN(n) FROM (SELECT COUNT(*) AS n FROM lab_industries GROUP BY lab_id) x"), 1);
    EXPECT_LE(Scalar(*db_, "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM lab_industries GROUP BY lab_id) x"), 3);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(DISTINCT lab_id) FROM lab_industries"), 150);
    // The vocabulary as a whole, also the fields this scale did not draw.
    db_->Read([](store::Session& s) {
        for (const LabField& f : LabFields()) {
            for (std::string_view code : f.codes) {
                EXPECT_FALSE(s.Query("SELECT 1 FROM industry_codes WHERE code = $1 AND level = 4", {code}).empty())
                    << f.name << " " << code;
            }
        }
        for (const InstrumentKind& k : InstrumentKinds()) {
            EXPECT_FALSE(s.Query("SELECT 1 FROM instrument_classes WHERE code = $1", {k.class_code}).empty()) << k.name;
        }
    });
}

TEST_F(DemoSmall, RegistrationDueDatesFollowTheWorkingCalendar) {
    WorkingCalendar calendar;
    for (const auto& row : Cells(*db_, "SELECT day, kind FROM calendar_days")) {
        calendar.Set(*Date::Parse(row[0]),
                     row[1] == "holiday" ? WorkingCalendar::Kind::kHoliday : WorkingCalendar::Kind::kWorkday);
    }
    int registered = 0, late = 0;
    std::string as_of = DemoOptions{}.as_of.ToString();
    for (const auto& r : Cells(*db_,
                               "SELECT acceptance_date, registration_due_date, registered_on, registered_late, "
                               "purchase_date, status FROM instruments")) {
        Date acceptance = *Date::Parse(r[0]);
        EXPECT_EQ(r[1], calendar.AddWorkingDays(acceptance, 30).ToString()) << r[0];
        EXPECT_LE(r[0], as_of);
        EXPECT_LE(r[4], r[0]);
        EXPECT_EQ(r[2] == "<null>", r[5] == "draft");
        if (r[2] == "<null>") continue;
        ++registered;
        EXPECT_EQ(r[3], r[2] > r[1] ? "1" : "0");
        late += r[3] == "1";
    }
    EXPECT_GT(late, registered * 5 / 100);
    EXPECT_LT(late, registered * 15 / 100);
}

TEST_F(DemoSmall, ValuesStayWithinTheCatalogRules) {
    EXPECT_GE(InstrumentKinds().size(), 40u);
    EXPECT_EQ(Scalar(*db_,
                     "SELECT COUNT(*) FROM instruments WHERE original_value_fen < 30000000 OR "
                     "original_value_fen > 2000000000"),
              0);
    EXPECT_EQ(Scalar(*db_,
                     "SELECT COUNT(*) FROM instruments WHERE open_status NOT IN "
                     "('open', 'partially_open', 'internal_only', 'not_open')"),
              0);
    EXPECT_EQ(Scalar(*db_,
                     "SELECT COUNT(*) FROM labs WHERE kind NOT IN "
                     "('open_lab', 'key_lab', 'engineering_center', 'enterprise_tech_center', 'other')"),
              0);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM services WHERE (price_unit = 'negotiable') <> (price_fen IS NULL)"),
              0);
    EXPECT_EQ(Scalar(*db_,
                     "SELECT COUNT(*) FROM services WHERE (cnas_cert_no <> '') <> (cnas_expiry IS NOT NULL) OR "
                     "(cma_cert_no <> '') <> (cma_expiry IS NOT NULL)"),
              0);
    std::int64_t certified =
        Scalar(*db_, "SELECT COUNT(*) FROM services WHERE cnas_cert_no <> '' OR cma_cert_no <> ''");
    EXPECT_GT(certified, 250);
    EXPECT_LT(certified, 750);
    std::string as_of = DemoOptions{}.as_of.ToString();
    EXPECT_GT(Scalar(*db_, "SELECT COUNT(*) FROM services WHERE cnas_expiry < '" + as_of + "'"), 0);
    EXPECT_EQ(Scalar(*db_,
                     "SELECT COUNT(*) FROM finance_products WHERE kind NOT IN "
                     "('loan', 'investment_loan_linkage', 'insurance', 'reinsurance', 'industry_fund')"),
              0);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(DISTINCT kind) FROM finance_products"), 5);
    EXPECT_GT(Scalar(*db_, "SELECT COUNT(*) FROM instruments WHERE status = 'approved'"), 450);
}

TEST_F(DemoSmall, EveryRoleHasItsDemoAccount) {
    ASSERT_EQ(DemoAccounts().size(), AllRoles().size());
    for (const DemoAccount& account : DemoAccounts()) {
        EXPECT_EQ(
            Scalar(*db_, "SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.username = '" +
                             account.username + "' AND r.role = '" + std::string(RoleName(account.role)) +
                             "' AND u.must_change_password = 0 AND u.disabled = 0"),
            1)
            << account.username;
        std::vector<accounts::PolicyProblem> problems = accounts::CheckPassword(kDemoPassword, account.username);
        EXPECT_TRUE(problems.empty()) << account.username << ": " << (problems.empty() ? "" : problems[0].en);
    }
    auto hash = Cells(*db_, "SELECT password_hash FROM users WHERE username = 'demo_unit_admin'");
    ASSERT_EQ(hash.size(), 1u);
    EXPECT_TRUE(access::VerifyPassword(kDemoPassword, hash[0][0]));
    auto org_kind = [](const std::string& username) {
        return "SELECT COUNT(*) FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.username = '" + username +
               "' AND ";
    };
    EXPECT_EQ(Scalar(*db_, org_kind("demo_unit_admin") + "o.kind = 'university'"), 1);
    EXPECT_EQ(Scalar(*db_, org_kind("demo_enterprise") + "o.kind = 'enterprise' AND o.is_sme = 1"), 1);
    EXPECT_EQ(Scalar(*db_, org_kind("demo_financial_institution") + "o.kind = 'financial_institution'"), 1);
    EXPECT_EQ(Scalar(*db_, org_kind("demo_base_admin") + "o.id IN (SELECT org_id FROM bases)"), 1);
    EXPECT_EQ(Scalar(*db_,
                     "SELECT COUNT(*) FROM users WHERE username = 'demo_department_reviewer' AND "
                     "department_code = 'edu'"),
              1);
    EXPECT_EQ(Scalar(*db_,
                     "SELECT COUNT(*) FROM users WHERE username = 'demo_district_officer' AND "
                     "district_code = '110108'"),
              1);
    EXPECT_GT(Scalar(*db_,
                     "SELECT COUNT(*) FROM instruments i JOIN users u ON u.org_id = i.org_id WHERE "
                     "u.username = 'demo_unit_admin'"),
              0);
}

TEST_F(DemoSmall, RefusesADatabaseThatHasOrganizations) {
    Result<DemoSummary> again = GenerateDemo(*db_, DemoOptions{});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::kConflict);
    EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM organizations"), 60);
}

}  // namespace
}  // namespace keyuan::demo
