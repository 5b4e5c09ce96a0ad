// An open-loop load generator for bench/search/run.sh: requests leave at a fixed rate whatever the
// server does, as a crowd of users would send them, where wrk (closed loop) sends the next request
// only when an answer is back and so slows down with the server.
//
//   open_loop --target 127.0.0.1:PORT --paths FILE --rate 200 --seconds 20
//             [--connections 64] [--order random|cycle] [--seed 1] [--grace 10]
//
// Request i is due at t0 + i / rate. Each of --connections workers keeps one HTTP/1.1 connection
// open, takes the next request as soon as it is free and sends it at its due time, or at once if
// that has passed: when every connection is busy, a request waits for one. Its latency runs from
// its due time to the last byte of the answer, so that waiting counts (no coordinated omission).
// The paths (one per line: /search?q=...) are taken in --order: random (seeded) or cycling.
//
// Nothing is sent after the cutoff, t0 + seconds + grace; a request unsent or unanswered by then
// counts as unanswered with the latency cutoff - due, a lower bound, so that a server which falls
// behind shows in the percentiles instead of dropping out of them. Loopback targets only.
//
// Prints, one line each (run.sh reads them):
//   scheduled N sent N completed N non2xx N errors N unanswered N
//   achieved R q/s over S s
//   latency_ms p50 X p90 X p99 X p99.9 X max X
// (completed: 2xx answers; errors: connection or protocol failures). Exit 2 on bad arguments.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    sockaddr_in target{};
    std::vector<std::string> paths;
    double rate = 0, seconds = 0, grace = 10;
    int connections = 64;
    bool random = true;
    unsigned seed = 1;
};

enum class Outcome : unsigned char { kUnanswered, kCompleted, kNon2xx, kError };

// One kept-alive connection, blocking I/O bounded by a deadline. Get answers the HTTP status, or
// -1 when the connection failed (it is reopened for the next request), or 0 at the deadline.
class Connection {
public:
    explicit Connection(const sockaddr_in& target) : target_(target) {}
    ~Connection() { Close(); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    int Get(const std::string& path, Clock::time_point deadline) {
        if (fd_ < 0 && !Open()) return -1;
        const std::string request = "GET " + path + " HTTP/1.1\r\nHost: bench\r\n\r\n";
        for (std::size_t sent = 0; sent < request.size();) {
            ssize_t n = ::send(fd_, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return Fail();
            sent += static_cast<std::size_t>(n);
        }
        std::size_t head_end;
        while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
            if (int r = Read(deadline); r <= 0) return r;
        }
        const std::string head = buffer_.substr(0, head_end);
        const std::size_t length = ContentLength(head);
        if (head.compare(0, 5, "HTTP/") != 0 || head.size() < 12 || length == std::string::npos) return Fail();
        const int status = std::atoi(head.c_str() + 9);
        while (buffer_.size() < head_end + 4 + length) {
            if (int r = Read(deadline); r <= 0) return r;
        }
        buffer_.erase(0, head_end + 4 + length);
        return status;
    }

private:
    bool Open() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (::connect(fd_, reinterpret_cast<const sockaddr*>(&target_), sizeof target_) != 0) {
            Close();
            return false;
        }
        return true;
    }
    void Close() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
        buffer_.clear();
    }
    int Fail() {
        Close();
        return -1;
    }
    // 1: more bytes in buffer_; 0: the deadline passed; -1: the connection failed.
    int Read(Clock::time_point deadline) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        pollfd p{fd_, POLLIN, 0};
        const int ready = left <= 0 ? 0 : ::poll(&p, 1, static_cast<int>(left));
        if (ready == 0) {
            Close();  // the answer may still come: this connection cannot be reused
            return 0;
        }
        if (ready < 0) return Fail();
        char chunk[16384];
        ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) return Fail();
        buffer_.append(chunk, static_cast<std::size_t>(n));
        return 1;
    }
    // Only Content-Length framing: what keyuan and baseline_server send.
    static std::size_t ContentLength(const std::string& head) {
        std::string lower = head;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        std::size_t at = lower.find("\r\ncontent-length:");
        if (at == std::string::npos) return std::string::npos;
        return std::strtoul(head.c_str() + at + 17, nullptr, 10);
    }

    sockaddr_in target_;
    int fd_ = -1;
    std::string buffer_;
};

Options Parse(int argc, char** argv) {
    Options o;
    std::string target, paths, order = "random";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--target")
            target = value;
        else if (flag == "--paths")
            paths = value;
        else if (flag == "--rate")
            o.rate = std::atof(value.c_str());
        else if (flag == "--seconds")
            o.seconds = std::atof(value.c_str());
        else if (flag == "--connections")
            o.connections = std::atoi(value.c_str());
        else if (flag == "--order")
            order = value;
        else if (flag == "--seed")
            o.seed = static_cast<unsigned>(std::atoi(value.c_str()));
        else if (flag == "--grace")
            o.grace = std::atof(value.c_str());
        else
            throw std::invalid_argument("unknown flag " + flag);
    }
    const std::size_t colon = target.rfind(':');
    if (colon == std::string::npos || target.substr(0, colon) != "127.0.0.1")
        throw std::invalid_argument("--target 127.0.0.1:PORT (loopback only)");
    o.target.sin_family = AF_INET;
    o.target.sin_port = htons(static_cast<uint16_t>(std::atoi(target.c_str() + colon + 1)));
    o.target.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::ifstream in(paths);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) o.paths.push_back(line);
    if (o.paths.empty()) throw std::invalid_argument("--paths: no paths in '" + paths + "'");
    if (o.rate <= 0 || o.seconds <= 0 || o.grace < 0 || o.connections < 1 || (order != "random" && order != "cycle"))
        throw std::invalid_argument("--rate and --seconds > 0, --connections >= 1, --order random|cycle");
    o.random = order == "random";
    return o;
}

double Percentile(const std::vector<double>& sorted, double p) {
    std::size_t rank = static_cast<std::size_t>(p / 100 * static_cast<double>(sorted.size()) + 0.999999);
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    try {
        o = Parse(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr,
                     "open_loop: %s\nusage: open_loop --target 127.0.0.1:PORT --paths FILE --rate R --seconds S "
                     "[--connections 64] [--order random|cycle] [--seed 1] [--grace 10]\n",
                     e.what());
        return 2;
    }
    const std::size_t scheduled = static_cast<std::size_t>(o.rate * o.seconds);
    // The path of every request is drawn before the clock starts: no shared generator while sending.
    std::vector<const std::string*> path_of(scheduled);
    std::mt19937 random(o.seed);
    std::uniform_int_distribution<std::size_t> pick(0, o.paths.size() - 1);
    for (std::size_t i = 0; i < scheduled; ++i) path_of[i] = &o.paths[o.random ? pick(random) : i % o.paths.size()];

    // Each request's slots are written by the one worker that took it, and read after the joins.
    std::vector<double> latency_ms(scheduled);
    std::vector<Outcome> outcome(scheduled, Outcome::kUnanswered);
    std::vector<Clock::time_point> answered_at(scheduled);
    std::atomic<std::size_t> next{0}, sent{0};
    const Clock::time_point t0 = Clock::now() + std::chrono::milliseconds(100);
    const auto due = [&](std::size_t i) {
        return t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(i / o.rate));
    };
    const Clock::time_point cutoff =
        due(0) + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.seconds + o.grace));
    const auto ms_since = [](Clock::time_point from, Clock::time_point to) {
        return std::chrono::duration<double, std::milli>(to - from).count();
    };

    std::vector<std::thread> workers;
    for (int w = 0; w < o.connections; ++w) {
        workers.emplace_back([&] {
            Connection connection(o.target);
            for (std::size_t i; (i = next.fetch_add(1)) < scheduled;) {
                std::this_thread::sleep_until(due(i));
                if (Clock::now() >= cutoff) {
                    latency_ms[i] = ms_since(due(i), cutoff);
                    continue;
                }
                sent.fetch_add(1);
                const int status = connection.Get(*path_of[i], cutoff);
                const Clock::time_point end = status == 0 ? cutoff : Clock::now();
                latency_ms[i] = ms_since(due(i), end);
                if (status > 0) {
                    outcome[i] = status / 100 == 2 ? Outcome::kCompleted : Outcome::kNon2xx;
                    answered_at[i] = end;
                } else if (status < 0) {
                    outcome[i] = Outcome::kError;
                }
            }
        });
    }
    for (std::thread& t : workers) t.join();

    std::size_t completed = 0, non2xx = 0, errors = 0, unanswered = 0;
    Clock::time_point last_answer = t0;
    for (std::size_t i = 0; i < scheduled; ++i) {
        completed += outcome[i] == Outcome::kCompleted;
        non2xx += outcome[i] == Outcome::kNon2xx;
        errors += outcome[i] == Outcome::kError;
        unanswered += outcome[i] == Outcome::kUnanswered;
        if (outcome[i] == Outcome::kCompleted) last_answer = std::max(last_answer, answered_at[i]);
    }
    // The achieved rate: 2xx answers over the scheduled span, or longer if the answers took longer.
    const double span = std::max(o.seconds, std::chrono::duration<double>(last_answer - t0).count());
    std::sort(latency_ms.begin(), latency_ms.end());
    std::printf("scheduled %zu sent %zu completed %zu non2xx %zu errors %zu unanswered %zu\n", scheduled, sent.load(),
                completed, non2xx, errors, unanswered);
    std::printf("achieved %.1f q/s over %.1f s\n", static_cast<double>(completed) / span, span);
    if (scheduled > 0) {
        std::printf("latency_ms p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f\n", Percentile(latency_ms, 50),
                    Percentile(latency_ms, 90), Percentile(latency_ms, 99), Percentile(latency_ms, 99.9),
                    latency_ms.back());
    }
    return 0;
}
