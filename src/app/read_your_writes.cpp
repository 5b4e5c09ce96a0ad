#include "app/read_your_writes.hpp"

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "store/replicas.hpp"

namespace keyuan::app {
namespace {

constexpr std::string_view kCookie = "keyuan_wrote";

/// When each user last wrote through this server; entries older than the window are dropped as
/// the map is used, so it holds only the last window's writers.
class RecentWriters {
public:
    explicit RecentWriters(std::chrono::seconds window) : window_(window) {}

    bool Wrote(std::int64_t user_id) {
        std::lock_guard lock(mutex_);
        auto it = last_.find(user_id);
        return it != last_.end() && std::chrono::steady_clock::now() - it->second < window_;
    }
    void Note(std::int64_t user_id) {
        auto now = std::chrono::steady_clock::now();
        std::lock_guard lock(mutex_);
        if (last_.size() > 10000) std::erase_if(last_, [&](const auto& e) { return now - e.second >= window_; });
        last_[user_id] = now;
    }

private:
    std::chrono::seconds window_;
    std::mutex mutex_;
    std::unordered_map<std::int64_t, std::chrono::steady_clock::time_point> last_;
};

}  // namespace

http::Middleware MakeReadYourWrites(std::chrono::seconds window) {
    auto writers = std::make_shared<RecentWriters>(window);
    std::string cookie =
        std::string(kCookie) + "=1; Max-Age=" + std::to_string(window.count()) + "; Path=/; HttpOnly; SameSite=Lax";
    return [writers, cookie](http::Request& r, const http::Next& next) -> http::Response {
        bool recent = !http::CookieValue(r.HeaderValue("cookie"), kCookie).empty() ||
                      (r.caller && writers->Wrote(r.caller->user_id));
        http::Response response = [&] {
            store::PrimaryReadsScope primary(recent);
            return next(r);
        }();
        if (http::IsMutating(r.method) && response.status < 400 && r.caller) {
            writers->Note(r.caller->user_id);
            response.headers.push_back({"set-cookie", cookie});
        }
        return response;
    };
}

}  // namespace keyuan::app
