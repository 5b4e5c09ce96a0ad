// The scheduler on a fixed clock: jobs run when their time comes, never before, once after a
// long sleep, and a failing job does not stop the others. No sleeping.
#include <gtest/gtest.h>

#include <stdexcept>

#include "jobs/scheduler.hpp"

namespace keyuan::jobs {
namespace {

TEST(Scheduler, RunsJobsWhenTheClockSaysSo) {
    FixedClock clock(1'000'000);
    Scheduler scheduler(clock);
    int hourly = 0, daily = 0;
    scheduler.Add({.name = "hourly", .every_seconds = 3600, .run = [&] { ++hourly; }});
    scheduler.Add({.name = "daily", .every_seconds = 86400, .run = [&] { ++daily; }});
    EXPECT_TRUE(scheduler.RunDue().empty());
    clock.Advance(3599);
    EXPECT_TRUE(scheduler.RunDue().empty());
    clock.Advance(1);
    EXPECT_EQ(scheduler.RunDue(), std::vector<std::string>{"hourly"});
    EXPECT_TRUE(scheduler.RunDue().empty());  // not twice in the same second
    clock.Advance(86400 * 3);                 // a long sleep: each job once, not once per interval
    EXPECT_EQ(scheduler.RunDue(), (std::vector<std::string>{"hourly", "daily"}));
    EXPECT_EQ(hourly, 2);
    EXPECT_EQ(daily, 1);
}

TEST(Scheduler, AFailingJobIsLoggedAndTheOthersRun) {
    FixedClock clock(0);
    Scheduler scheduler(clock);
    int ran = 0;
    scheduler.Add({.name = "broken", .every_seconds = 10, .run = [] { throw std::runtime_error("disk full"); }});
    scheduler.Add({.name = "fine", .every_seconds = 10, .run = [&] { ++ran; }});
    clock.Advance(10);
    EXPECT_EQ(scheduler.RunDue(), std::vector<std::string>{"fine"});
    EXPECT_EQ(ran, 1);
}

TEST(Scheduler, RefusesAJobWithoutIntervalOrWork) {
    FixedClock clock(0);
    Scheduler scheduler(clock);
    EXPECT_THROW(scheduler.Add({.name = "never", .every_seconds = 0, .run = [] {}}), std::invalid_argument);
    EXPECT_THROW(scheduler.Add({.name = "empty", .every_seconds = 5}), std::invalid_argument);
    EXPECT_THROW(scheduler.Add({.name = "", .every_seconds = 5, .run = [] {}}), std::invalid_argument);
}

}  // namespace
}  // namespace keyuan::jobs
