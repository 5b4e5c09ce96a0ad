#pragma once
// Jobs that run by themselves: reminders, overdue lists, nightly sweeps. A module adds its jobs
// when it registers (ModuleContext::scheduler); the server ticks the scheduler once a second.
// Time comes from an injectable Clock, so tests move a FixedClock and call RunDue instead of
// sleeping.

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"

namespace keyuan::jobs {

struct Job {
    std::string name;                // "catalog.overdue-reviews": for the log
    std::int64_t every_seconds = 0;  // > 0
    /// The work; it runs on the scheduler's thread. An exception is logged, not propagated:
    /// the job runs again at its next time.
    std::function<void()> run;
};

/// How a job has fared since the process started (GET /metrics).
struct JobStats {
    std::string name;
    std::uint64_t runs = 0;      // finished, with or without an exception
    std::uint64_t failures = 0;  // of which ended by an exception
    std::int64_t last_run_unix = 0;
    double last_seconds = 0;  // how long the last run took
};

class Scheduler {
public:
    explicit Scheduler(const Clock& clock) : clock_(clock) {}
    ~Scheduler() { Stop(); }
    Scheduler(const Scheduler&) = delete;
    Scheduler& operator=(const Scheduler&) = delete;

    /// Adds a job; it first runs one interval after it is added. Throws std::invalid_argument
    /// for a job without a name, work or a positive interval. Not after Start.
    void Add(Job job);
    /// Runs, in the order added, every job whose time has come by the clock; returns their
    /// names. One caller at a time (the scheduler's thread, or a test).
    std::vector<std::string> RunDue();
    /// Starts a thread that calls RunDue once a second until Stop.
    void Start();
    /// Stops and joins the thread; safe to call twice.
    void Stop();
    const std::vector<Job>& jobs() const { return jobs_; }
    /// Each job's runs so far, in the order added; safe from any thread.
    std::vector<JobStats> Stats() const;

private:
    const Clock& clock_;
    std::vector<Job> jobs_;
    std::vector<std::int64_t> next_;  // next run of each job, Unix seconds
    mutable std::mutex stats_mutex_;
    std::vector<JobStats> stats_;  // one per job
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

}  // namespace keyuan::jobs
