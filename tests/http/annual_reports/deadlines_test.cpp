// The deadlines of annual reports on a fixed clock, against the server in this process (issue 17 C11):
// reminders at T−14 and T−3 working days before the units' and the departments' dates, each sent once;
// the overdue lists after them, by department; the operator moving a year's dates, a date on a
// holiday falling due on the next working day.
#include "core/date.hpp"
#include "http/annual_reports/annual_reports_fixture.hpp"
#include "modules/annual_reports/module_parts.hpp"
#include "store/database.hpp"

namespace keyuan::testing {
namespace {

class AnnualReportDeadlinesTest : public AnnualReportSuite<AnnualReportDeadlinesTest> {
public:
    static constexpr bool kInProcess = true;

protected:
    /// Moves the server's clock to 10:00 in Beijing on `day` (02:00 UTC).
    static void At(const std::string& day) {
        std::optional<Date> d = Date::Parse(day);
        ASSERT_TRUE(d);
        ServerClock().Set(d->days() * 86400 + 2 * 3600);
    }
    static std::int64_t Remind() {
        std::unique_ptr<store::Database> db = store::Open(Db());
        return annual_reports::SendReminders(*db);
    }
    static std::vector<json::object> Reminders(const std::string& who) {
        json::value inbox = As(who).Get("/api/v1/notifications?page_size=100").Json();
        std::vector<json::object> out;
        for (const json::value& m : inbox.at("items").as_array()) {
            if (Str(m, "kind") == "annual_report_due" || Str(m, "kind") == "annual_report_forward_due")
                out.push_back(m.at("params").as_object());
        }
        return out;
    }
    static json::array Overdue(const std::string& who) {
        HttpResponse r = As(who).Get("/api/v1/annual-reports/overdue?year=2025");
        EXPECT_EQ(r.status, 200) << r.body;
        return r.Json().at("items").as_array();
    }
};

TEST_F(AnnualReportDeadlinesTest, RemindersGoOnceBeforeEachDeadlineAndLateUnitsAreListed) {
    json::value due = As("unit_a").Get("/api/v1/annual-reports/deadlines?year=2025").Json();
    EXPECT_EQ(Str(due, "unit_due_on"), "2026-03-31");
    EXPECT_EQ(Str(due, "department_due_on"), "2026-04-30");
    EXPECT_FALSE(due.at("configured").as_bool());

    // 31 March 2026 is a Tuesday: T−14 working days is Wednesday 11 March, T−3 Thursday 26 March.
    At("2026-03-10");
    EXPECT_EQ(Remind(), 0);
    At("2026-03-11");
    EXPECT_EQ(Remind(), 2) << "both units should file and have not";
    EXPECT_EQ(Remind(), 0) << "once";
    ASSERT_EQ(Reminders("unit_a").size(), 1u);
    EXPECT_EQ(Str(Reminders("unit_a")[0], "mark"), "t14");
    EXPECT_EQ(Str(Reminders("unit_a")[0], "due_on"), "2026-03-31");
    At("2026-03-25");
    EXPECT_EQ(Remind(), 0);

    // Unit a files in time; only unit b is reminded at T−3.
    HttpResponse created = As("unit_a").Post("/api/v1/annual-reports", Body({{"year", 2025}}));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = Str(created.Json(), "id");
    ASSERT_EQ(Save("unit_a", id, GoodContent(transferred_)).status, 200);
    ASSERT_EQ(Step("unit_a", id, "submit").status, 200);
    At("2026-03-26");
    EXPECT_EQ(Remind(), 1);
    EXPECT_EQ(Remind(), 0);
    EXPECT_EQ(Reminders("unit_a").size(), 1u);
    ASSERT_EQ(Reminders("unit_b").size(), 2u);
    EXPECT_EQ(Str(Reminders("unit_b")[0], "mark"), "t3");  // newest first

    // After the units' date: unit b is late, in its department's list and the operator's, not in edu's.
    At("2026-03-31");
    EXPECT_TRUE(Overdue("operator").empty()) << "the due date itself is in time";
    At("2026-04-01");
    json::array health = Overdue("reviewer_health");
    ASSERT_EQ(health.size(), 1u);
    EXPECT_EQ(Str(health[0], "org_id"), world_.org_b);
    EXPECT_EQ(Str(health[0], "level"), "unit");
    EXPECT_EQ(health[0].at("days_late").as_int64(), 1);
    EXPECT_TRUE(health[0].at("report_id").is_null());
    EXPECT_TRUE(Overdue("reviewer_edu").empty());
    EXPECT_EQ(Overdue("operator").size(), 1u);

    // The departments' date: edu has a report it has not forwarded.
    At("2026-04-30");
    EXPECT_EQ(Remind(), 1);
    ASSERT_EQ(Reminders("reviewer_edu").size(), 1u);
    EXPECT_EQ(Str(Reminders("reviewer_edu")[0], "level"), "department");
    EXPECT_TRUE(Reminders("reviewer_health").empty());
    At("2026-05-01");
    json::array all = Overdue("operator");
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(Str(all[0], "level"), "unit");
    EXPECT_EQ(all[0].at("days_late").as_int64(), 31);
    EXPECT_EQ(Str(all[1], "level"), "department");
    EXPECT_EQ(Str(all[1], "report_id"), id);
    EXPECT_EQ(Str(all[1], "status"), "submitted");

    // The national window moved: the operator sets later dates; on a Saturday and on a holiday, they
    // fall due the next working day; the lists and reminders follow.
    EXPECT_EQ(As("unit_a")
                  .Send("PUT", "/api/v1/annual-reports/deadlines/2025",
                        Body({{"unit_due_on", "2026-05-23"}, {"department_due_on", "2026-06-20"}}))
                  .status,
              403);
    HttpResponse bad = As("operator")
                           .Send("PUT", "/api/v1/annual-reports/deadlines/2025",
                                 Body({{"unit_due_on", "2027-05-23"}, {"department_due_on", "2026-01-20"}}));
    EXPECT_EQ(ErrorFields(bad), (std::vector<std::string>{"unit_due_on", "department_due_on"})) << bad.body;
    HttpResponse moved = As("operator")
                             .Send("PUT", "/api/v1/annual-reports/deadlines/2025",
                                   Body({{"unit_due_on", "2026-05-23"}, {"department_due_on", "2026-06-20"}}));
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(Str(moved.Json(), "unit_effective_on"), "2026-05-25");
    EXPECT_EQ(Str(moved.Json(), "department_effective_on"), "2026-06-22");
    EXPECT_TRUE(Overdue("operator").empty());
    At("2026-05-21");
    EXPECT_EQ(Remind(), 1) << "unit b again, T−3 of the new date";
    At("2026-06-01");
    EXPECT_EQ(Remind(), 1) << "edu, T−14 of the new departments' date";
    EXPECT_EQ(Reminders("reviewer_edu").size(), 2u);
}

}  // namespace
}  // namespace keyuan::testing
