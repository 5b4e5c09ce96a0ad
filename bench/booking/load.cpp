// Booking load generator for bench/booking/run.sh: CLIENTS connections (coroutines on one
// thread) each POST /api/v1/bookings in a closed loop for DURATION seconds, spread over one or
// more keyuan processes, asking for the slot mix of slots.hpp. Counts 201 / 409 / other answers
// and network errors, prints the rate of successes and latency percentiles as key=value lines,
// and writes the id of every acknowledged (201) booking to --acked.
//
//   booking_load --target 127.0.0.1:8080 [--target …] --tokens FILE --instruments FILE
//       [--clients 256] [--duration 60] [--hot-share 0.2] --base-minute M [--day-from 1]
//       [--day-to 180] [--seed 1] [--acked FILE] [--prebook]
//
// --prebook books the hot slot of every instrument once (the deliberate collisions of the run)
// and stops. A refused connection or a reset (the crash loop kills the server) is counted, and
// the client reconnects after 20 ms until the time is up.
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "../lib/client.hpp"
#include "slots.hpp"

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    std::vector<tcp::endpoint> targets;
    std::vector<std::string> tokens;
    bench::RunFlags run;
    int clients = 256;
    std::string acked_path;
    bool prebook = false;
};

/// What all clients share (one thread: no locks).
struct Shared {
    const Options& options;
    Clock::time_point start;
    Clock::time_point deadline;
    Clock::time_point last_answer;
    std::size_t next_prebook = 0;
    bench::Tally tally;
    std::map<unsigned, std::int64_t> other_codes;
    std::vector<std::string> acked;
};

Options Parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string flag = argv[i];
        if (flag == "--prebook") {
            o.prebook = true;
            continue;
        }
        if (i + 1 >= argc) throw std::runtime_error("missing value after " + flag);
        std::string v = argv[++i];
        if (o.run.Take(flag, v))
            continue;
        else if (flag == "--target")
            o.targets.push_back(bench::ParseEndpoint(v));
        else if (flag == "--tokens")
            o.tokens = bench::ReadLines(v);
        else if (flag == "--clients")
            o.clients = std::stoi(v);
        else if (flag == "--acked")
            o.acked_path = v;
        else
            throw std::runtime_error("unknown flag " + flag);
    }
    if (o.targets.empty() || o.tokens.empty() || !o.run.Complete()) {
        throw std::runtime_error("--target, --tokens, --instruments and --base-minute are required");
    }
    return o;
}

asio::awaitable<void> Client(int index, Shared& sh) {
    const Options& o = sh.options;
    const tcp::endpoint& target = o.targets[static_cast<std::size_t>(index) % o.targets.size()];
    const std::string auth = "Bearer " + o.tokens[static_cast<std::size_t>(index) % o.tokens.size()];
    const std::string host = target.address().to_string() + ":" + std::to_string(target.port());
    std::mt19937_64 rng(o.run.seed * 1000003 + static_cast<std::uint64_t>(index));
    beast::tcp_stream stream(co_await asio::this_coro::executor);
    beast::flat_buffer buffer;
    bool connected = false;
    while (Clock::now() < sh.deadline) {
        bench::Slot slot;
        if (o.prebook) {
            if (sh.next_prebook >= o.run.instruments.size()) break;
            slot = {sh.next_prebook++, o.run.mix.base_minute, o.run.mix.base_minute + 60, true};
        } else {
            slot = bench::DrawSlot(o.run.mix, o.run.instruments.size(), rng);
        }
        boost::system::error_code ec;
        if (!connected) {
            stream.expires_after(std::chrono::seconds(5));
            co_await stream.async_connect(target, asio::redirect_error(asio::use_awaitable, ec));
            if (ec) {
                ++sh.tally.net_errors;
                stream.close();
                co_await bench::Pause(std::chrono::milliseconds(20));
                continue;
            }
            stream.socket().set_option(tcp::no_delay(true));
            connected = true;
        }
        http::request<http::string_body> req{http::verb::post, "/api/v1/bookings", 11};
        req.set(http::field::host, host);
        req.set(http::field::authorization, auth);
        req.set(http::field::content_type, "application/json");
        req.body() = "{\"instrument_id\":\"" + o.run.instruments[slot.instrument] + "\",\"starts_at\":\"" +
                     bench::MinuteText(slot.start) + "\",\"ends_at\":\"" + bench::MinuteText(slot.end) + "\"}";
        req.keep_alive(true);
        req.prepare_payload();
        http::response<http::string_body> res;
        Clock::time_point t0 = Clock::now();
        stream.expires_after(std::chrono::seconds(30));
        co_await http::async_write(stream, req, asio::redirect_error(asio::use_awaitable, ec));
        if (!ec) co_await http::async_read(stream, buffer, res, asio::redirect_error(asio::use_awaitable, ec));
        Clock::time_point t1 = Clock::now();
        if (ec) {
            // Unknown outcome (the server died mid-request, say): not acknowledged, not counted.
            ++sh.tally.net_errors;
            stream.close();
            buffer.clear();
            connected = false;
            co_await bench::Pause(std::chrono::milliseconds(20));
            continue;
        }
        auto us = std::chrono::duration_cast<std::chrono::microseconds>(t1 - t0).count();
        sh.tally.latency_all.push_back(us);
        sh.last_answer = std::max(sh.last_answer, t1);
        unsigned code = res.result_int();
        if (code == 201) {
            ++sh.tally.ok;
            sh.tally.latency_ok.push_back(us);
            sh.acked.push_back(bench::IdOf(res.body()));
        } else if (code == 409) {
            ++sh.tally.conflict;
        } else {
            ++sh.tally.other;
            if (sh.other_codes[code]++ == 0) std::cerr << "booking_load: first " << code << ": " << res.body() << "\n";
        }
        if (!res.keep_alive()) {
            stream.close();
            connected = false;
        }
    }
}

}  // namespace

int main(int argc, char** argv) try {
    Options o = Parse(argc, argv);
    asio::io_context io(1);
    Shared sh{.options = o};
    sh.start = sh.last_answer = Clock::now();
    sh.deadline = sh.start + std::chrono::milliseconds(static_cast<std::int64_t>(o.run.duration * 1000));
    if (o.prebook) sh.deadline = sh.start + std::chrono::hours(1);
    for (int i = 0; i < o.clients; ++i) asio::co_spawn(io, Client(i, sh), asio::detached);
    io.run();
    double seconds = std::chrono::duration<double>(std::max(sh.last_answer, sh.deadline) - sh.start).count();
    if (o.prebook) seconds = std::chrono::duration<double>(sh.last_answer - sh.start).count();
    if (!o.acked_path.empty()) {
        std::ofstream acked(o.acked_path, std::ios::app);
        for (const std::string& id : sh.acked) acked << id << '\n';
        if (!acked.flush()) throw std::runtime_error("cannot write " + o.acked_path);
    }
    sh.tally.Print(seconds);
    for (auto [code, n] : sh.other_codes) std::printf("status_%u=%lld\n", code, static_cast<long long>(n));
    return 0;
} catch (const std::exception& e) {
    std::cerr << "booking_load: " << e.what() << "\n";
    return 2;
}
