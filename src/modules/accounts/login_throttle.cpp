#include "modules/accounts/login_throttle.hpp"

namespace keyuan::accounts {

LoginThrottle::Verdict LoginThrottle::Take(const std::string& address, std::int64_t now) {
    std::int64_t minute = now / 60;
    std::lock_guard lock(mutex_);
    if (minute != minute_ || counts_.size() >= kMaxAddresses) {
        counts_.clear();
        minute_ = minute;
    }
    int count = ++counts_[address];
    if (count <= limit_) return Verdict::kAllowed;
    return count == limit_ + 1 ? Verdict::kRefusedFirst : Verdict::kRefused;
}

}  // namespace keyuan::accounts
