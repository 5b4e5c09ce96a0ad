#include "jobs/scheduler.hpp"

#include <chrono>
#include <stdexcept>

#include "core/log.hpp"

namespace keyuan::jobs {

void Scheduler::Add(Job job) {
    if (job.name.empty() || !job.run || job.every_seconds <= 0) {
        throw std::invalid_argument("a job needs a name, work and a positive interval: " + job.name);
    }
    next_.push_back(clock_.NowUnix() + job.every_seconds);
    {
        std::lock_guard lock(stats_mutex_);
        stats_.push_back(JobStats{.name = job.name});
    }
    jobs_.push_back(std::move(job));
}

std::vector<JobStats> Scheduler::Stats() const {
    std::lock_guard lock(stats_mutex_);
    return stats_;
}

std::vector<std::string> Scheduler::RunDue() {
    std::vector<std::string> ran;
    std::int64_t now = clock_.NowUnix();
    for (std::size_t i = 0; i < jobs_.size(); ++i) {
        if (next_[i] > now) continue;
        // The next time counts from now, not from the missed one: a server that slept through
        // several intervals runs the job once, not once per interval.
        next_[i] = now + jobs_[i].every_seconds;
        auto started = std::chrono::steady_clock::now();
        bool failed = false;
        try {
            jobs_[i].run();
            ran.push_back(jobs_[i].name);
        } catch (const std::exception& e) {
            failed = true;
            log::Error("scheduled job failed", {{"job", jobs_[i].name}, {"what", e.what()}});
        }
        std::lock_guard lock(stats_mutex_);
        JobStats& stats = stats_[i];
        ++stats.runs;
        stats.failures += failed;
        stats.last_run_unix = now;
        stats.last_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    }
    return ran;
}

void Scheduler::Start() {
    if (thread_.joinable() || jobs_.empty()) return;
    thread_ = std::thread([this] {
        std::unique_lock lock(mutex_);
        while (!stopping_) {
            lock.unlock();
            RunDue();
            lock.lock();
            wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_; });
        }
    });
}

void Scheduler::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

}  // namespace keyuan::jobs
