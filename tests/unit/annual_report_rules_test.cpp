// The annual reports' pure rules: which units file, which years, due dates moved off holidays, the
// reminder marks at T−14 and T−3 working days, what a submission lacks, and the contents' reader
// naming every bad field by its path.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "modules/annual_reports/content_json.hpp"
#include "modules/annual_reports/rules.hpp"

namespace keyuan::annual_reports {
namespace {
namespace json = boost::json;

Date D(const char* text) {
    return *Date::Parse(text);
}

/// Seed 2026's Qingming and Labour Day holidays and the Saturday worked instead.
WorkingCalendar Calendar() {
    WorkingCalendar c;
    for (const char* day : {"2026-04-04", "2026-04-05", "2026-04-06", "2026-05-01", "2026-05-02", "2026-05-03",
                            "2026-05-04", "2026-05-05"})
        c.Set(D(day), WorkingCalendar::Kind::kHoliday);
    c.Set(D("2026-05-09"), WorkingCalendar::Kind::kWorkday);
    return c;
}

std::vector<std::string> Fields(const FieldErrors& errors) {
    std::vector<std::string> out;
    for (const FieldError& f : errors.items()) out.push_back(f.field);
    return out;
}

TEST(AnnualReportRules, UniversitiesInstitutesAndHospitalsFileForYearsThatEnded) {
    EXPECT_TRUE(ShouldFile("university"));
    EXPECT_TRUE(ShouldFile("research_institute"));
    EXPECT_TRUE(ShouldFile("hospital"));
    EXPECT_FALSE(ShouldFile("enterprise"));
    EXPECT_FALSE(ShouldFile("state_owned_enterprise"));
    EXPECT_FALSE(YearProblem(2025, D("2026-01-01")));
    EXPECT_TRUE(YearProblem(2026, D("2026-12-31")));
    EXPECT_TRUE(YearProblem(2027, D("2026-06-01")));
    EXPECT_TRUE(YearProblem(1999, D("2026-06-01")));
}

TEST(AnnualReportRules, DueDatesFallOnWorkingDaysAndRemindersCountWorkingDaysBack) {
    WorkingCalendar c = Calendar();
    EXPECT_EQ(DefaultDeadlines(2025).unit_due_on, "2026-03-31");
    EXPECT_EQ(DefaultDeadlines(2025).department_due_on, "2026-04-30");
    EXPECT_EQ(EffectiveDue(D("2026-03-31"), c).ToString(), "2026-03-31");
    EXPECT_EQ(EffectiveDue(D("2026-05-01"), c).ToString(), "2026-05-06");  // the holiday, then the weekend
    EXPECT_EQ(EffectiveDue(D("2026-05-09"), c).ToString(), "2026-05-09");  // a Saturday worked
    // 30 April: 3 working days back is Monday 27 April (the weekend skipped), 14 back Friday 10 April;
    // from 20 April, 14 back skips Qingming's Monday (6 April).
    EXPECT_EQ(WorkingDaysBefore(D("2026-04-30"), 3, c).ToString(), "2026-04-27");
    EXPECT_EQ(WorkingDaysBefore(D("2026-04-30"), 14, c).ToString(), "2026-04-10");
    EXPECT_EQ(WorkingDaysBefore(D("2026-04-20"), 14, c).ToString(), "2026-03-30");
    EXPECT_FALSE(ReminderMark(D("2026-04-09"), D("2026-04-30"), c));
    EXPECT_EQ(ReminderMark(D("2026-04-10"), D("2026-04-30"), c), "t14");
    EXPECT_EQ(ReminderMark(D("2026-04-26"), D("2026-04-30"), c), "t14");
    EXPECT_EQ(ReminderMark(D("2026-04-27"), D("2026-04-30"), c), "t3");
    EXPECT_EQ(ReminderMark(D("2026-04-30"), D("2026-04-30"), c), "t3");
    EXPECT_FALSE(ReminderMark(D("2026-05-01"), D("2026-04-30"), c));
}

TEST(AnnualReportRules, TheContentsReaderNamesEveryBadFieldByItsPath) {
    FieldErrors errors;
    Content c = ReadContent(json::parse(R"({"contracts": [{"mode": "license", "amount_fen": 100},
        {"mode": "gift", "amount_fen": -5, "equity_bp": 20}, "row"],
        "tech_contracts": {"service": {"count": 2000000}, "other": {}},
        "offices": [{"name": "中心", "kind": "lab"}], "pledge": true, "extra": 1})")
                                .as_object(),
                            errors);
    EXPECT_EQ(Fields(errors), (std::vector<std::string>{"contracts[1].mode", "contracts[1].amount_fen", "contracts[2]",
                                                        "tech_contracts.service.count", "tech_contracts.other",
                                                        "offices[0].kind", "extra"}));
    EXPECT_EQ(c.contracts.size(), 2u);
    EXPECT_EQ(c.contracts[0].amount_fen, 100);
    EXPECT_TRUE(c.pledge);
}

TEST(AnnualReportRules, ASubmissionNeedsThePledgeTheNarrativeAndConfirmedRows) {
    Content c;
    c.contracts.push_back(ContractRow{.source = "platform", .confirmed = false});
    EXPECT_EQ(Fields(SubmitProblems(c)), (std::vector<std::string>{"contracts[0].mode", "contracts[0].confirmed",
                                                                   "narrative.work_done", "pledge"}));
    c.contracts[0].mode = "transfer";
    c.contracts[0].confirmed = true;
    c.work_done = "全年工作";
    c.pledge = true;
    EXPECT_TRUE(SubmitProblems(c).empty());
}

}  // namespace
}  // namespace keyuan::annual_reports
