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
    jobs_.push_back(std::move(job));
}

std::vector<std::string> Scheduler::RunDue() {
    std::vector<std::string> ran;
    std::int64_t now = clock_.NowUnix();
    for (std::size_t i = 0; i < jobs_.size(); ++i) {
        if (next_[i] > now) continue;
        // The next time counts from now, not from the missed one: a server that slept through
        // several intervals runs the job once, not once per interval.
        next_[i] = now + jobs_[i].every_seconds;
        try {
            jobs_[i].run();
            ran.push_back(jobs_[i].name);
        } catch (const std::exception& e) {
            log::Error("scheduled job failed", {{"job", jobs_[i].name}, {"what", e.what()}});
        }
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
