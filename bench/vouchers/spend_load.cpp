// Voucher spend load generator for bench/vouchers/run.sh: CLIENTS connections (coroutines on one
// thread, a closed loop) spread over one or more keyuan processes. Each client books one-hour
// slots of its own instrument paying part of the fee with its organisation's voucher
// (POST /api/v1/bookings {…, voucher_id, voucher_fen}: the spend, a reserve movement in the
// ledger) and, unless it is a "drain" client, cancels the booking at once
// (POST /api/v1/bookings/{id}/cancel: the release movement), so that its voucher's balance lasts
// the whole run. Drain clients keep what they book: their small vouchers run out and the rest of
// their spends are refused (422), the refusals of the mix.
//
//   vouchers_spend_load --target 127.0.0.1:8080 [--target …] --clients-file FILE
//       --base-minute M [--hour-from 24] [--hour-to 4000] [--duration 60] [--voucher-fen 10000]
//       [--acked FILE] [--acked-cancels FILE]
//
// --clients-file has one line per client: "token voucher_id instrument_id drain(0|1)". Slots are
// base-minute + h hours for h counting from hour-from on the client's instrument (wrapping at
// hour-to), so runs given disjoint ranges never collide. Prints key=value lines (ok = spends
// acknowledged with 201, conflict = spends refused with 422) and the ids of acknowledged spends
// and cancellations to the --acked files (the crash loop's check).
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "../booking/slots.hpp"
#include "../lib/client.hpp"

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct ClientLine {
    std::string token, voucher, instrument;
    bool drain = false;
};

struct Options {
    std::vector<tcp::endpoint> targets;
    std::vector<ClientLine> clients;
    std::int64_t base_minute = 0, hour_from = 24, hour_to = 4000, voucher_fen = 10000;
    double duration = 60;
    std::string acked_path, cancels_path;
};

struct Shared {
    const Options& options;
    Clock::time_point start, deadline, last_answer;
    bench::Tally tally;  // ok: spends (201); conflict: refused spends (422)
    std::int64_t cancels = 0, drain_ok = 0;
    std::map<unsigned, std::int64_t> other_codes;
    std::vector<std::string> acked, cancelled;
};

Options Parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i], v = argv[i + 1];
        if (flag == "--target") {
            o.targets.push_back(bench::ParseEndpoint(v));
        } else if (flag == "--clients-file") {
            for (const std::string& line : bench::ReadLines(v)) {
                std::istringstream in(line);
                ClientLine c;
                int drain = 0;
                if (!(in >> c.token >> c.voucher >> c.instrument >> drain))
                    throw std::runtime_error("bad line: " + line);
                c.drain = drain != 0;
                o.clients.push_back(c);
            }
        } else if (flag == "--base-minute") {
            o.base_minute = std::stoll(v);
        } else if (flag == "--hour-from") {
            o.hour_from = std::stoll(v);
        } else if (flag == "--hour-to") {
            o.hour_to = std::stoll(v);
        } else if (flag == "--duration") {
            o.duration = std::stod(v);
        } else if (flag == "--voucher-fen") {
            o.voucher_fen = std::stoll(v);
        } else if (flag == "--acked") {
            o.acked_path = v;
        } else if (flag == "--acked-cancels") {
            o.cancels_path = v;
        } else {
            throw std::runtime_error("unknown flag " + flag);
        }
    }
    if (o.targets.empty() || o.clients.empty() || o.base_minute <= 0 || o.hour_to <= o.hour_from)
        throw std::runtime_error("--target, --clients-file and --base-minute are required");
    return o;
}

/// One keep-alive connection to one keyuan; reconnects after a network error (a killed server).
struct Connection {
    tcp::endpoint target;
    std::string host;
    beast::tcp_stream stream;
    beast::flat_buffer buffer;
    bool connected = false;

    Connection(const asio::any_io_executor& executor, const tcp::endpoint& to)
        : target(to), host(to.address().to_string() + ":" + std::to_string(to.port())), stream(executor) {}

    /// The answer's status and body, or 0 on a network error (outcome unknown: not counted).
    asio::awaitable<unsigned> Send(const std::string& auth, const std::string& target_path, std::string body,
                                   std::string& answer) {
        boost::system::error_code ec;
        if (!connected) {
            stream.expires_after(std::chrono::seconds(5));
            co_await stream.async_connect(target, asio::redirect_error(asio::use_awaitable, ec));
            if (ec) {
                stream.close();
                co_return 0;
            }
            stream.socket().set_option(tcp::no_delay(true));
            connected = true;
        }
        http::request<http::string_body> req{http::verb::post, target_path, 11};
        req.set(http::field::host, host);
        req.set(http::field::authorization, auth);
        req.set(http::field::content_type, "application/json");
        req.body() = std::move(body);
        req.keep_alive(true);
        req.prepare_payload();
        http::response<http::string_body> res;
        stream.expires_after(std::chrono::seconds(30));
        co_await http::async_write(stream, req, asio::redirect_error(asio::use_awaitable, ec));
        if (!ec) co_await http::async_read(stream, buffer, res, asio::redirect_error(asio::use_awaitable, ec));
        if (ec) {
            stream.close();
            buffer.clear();
            connected = false;
            co_return 0;
        }
        if (!res.keep_alive()) {
            stream.close();
            connected = false;
        }
        answer = std::move(res.body());
        co_return res.result_int();
    }
};

void Other(Shared& sh, unsigned code, const std::string& body) {
    ++sh.tally.other;
    if (sh.other_codes[code]++ == 0) std::cerr << "vouchers_spend_load: first " << code << ": " << body << "\n";
}

asio::awaitable<void> Client(std::size_t index, Shared& sh) {
    const Options& o = sh.options;
    const ClientLine& me = o.clients[index];
    const tcp::endpoint& target = o.targets[index % o.targets.size()];
    // (Not co_await inside a braced initializer: GCC 12 miscompiles it.)
    asio::any_io_executor executor = co_await asio::this_coro::executor;
    Connection conn(executor, target);
    const std::string auth = "Bearer " + me.token;
    std::int64_t hour = o.hour_from;
    while (Clock::now() < sh.deadline) {
        std::int64_t start = o.base_minute + hour * 60;
        hour = hour + 1 < o.hour_to ? hour + 1 : o.hour_from;
        std::string body = "{\"instrument_id\":\"" + me.instrument + "\",\"starts_at\":\"" + bench::MinuteText(start) +
                           "\",\"ends_at\":\"" + bench::MinuteText(start + 60) + "\",\"voucher_id\":\"" + me.voucher +
                           "\",\"voucher_fen\":" + std::to_string(o.voucher_fen) + "}";
        std::string answer;
        Clock::time_point t0 = Clock::now();
        unsigned code = co_await conn.Send(auth, "/api/v1/bookings", std::move(body), answer);
        Clock::time_point t1 = Clock::now();
        if (code == 0) {
            ++sh.tally.net_errors;
            co_await bench::Pause(std::chrono::milliseconds(20));
            continue;
        }
        auto us = std::chrono::duration_cast<std::chrono::microseconds>(t1 - t0).count();
        sh.tally.latency_all.push_back(us);
        sh.last_answer = std::max(sh.last_answer, t1);
        if (code == 422) {
            ++sh.tally.conflict;
            continue;
        }
        if (code != 201) {
            Other(sh, code, answer);
            continue;
        }
        ++sh.tally.ok;
        sh.tally.latency_ok.push_back(us);
        std::string id = bench::IdOf(answer);
        sh.acked.push_back(id);
        if (me.drain) {
            ++sh.drain_ok;
            continue;
        }
        code = co_await conn.Send(auth, "/api/v1/bookings/" + id + "/cancel", "", answer);
        sh.last_answer = std::max(sh.last_answer, Clock::now());
        if (code == 0) {
            ++sh.tally.net_errors;
            co_await bench::Pause(std::chrono::milliseconds(20));
        } else if (code == 200) {
            ++sh.cancels;
            sh.cancelled.push_back(id);
        } else {
            Other(sh, code, answer);
        }
    }
}

void Append(const std::string& path, const std::vector<std::string>& ids) {
    if (path.empty()) return;
    std::ofstream out(path, std::ios::app);
    for (const std::string& id : ids) out << id << '\n';
    if (!out.flush()) throw std::runtime_error("cannot write " + path);
}

}  // namespace

int main(int argc, char** argv) try {
    Options o = Parse(argc, argv);
    asio::io_context io(1);
    Shared sh{.options = o};
    sh.start = sh.last_answer = Clock::now();
    sh.deadline = sh.start + std::chrono::milliseconds(static_cast<std::int64_t>(o.duration * 1000));
    for (std::size_t i = 0; i < o.clients.size(); ++i) asio::co_spawn(io, Client(i, sh), asio::detached);
    io.run();
    double seconds = std::chrono::duration<double>(std::max(sh.last_answer, sh.deadline) - sh.start).count();
    Append(o.acked_path, sh.acked);
    Append(o.cancels_path, sh.cancelled);
    sh.tally.Print(seconds);
    std::printf("cancels=%lld\ncancels_per_s=%.1f\ndrain_ok=%lld\n", static_cast<long long>(sh.cancels),
                static_cast<double>(sh.cancels) / seconds, static_cast<long long>(sh.drain_ok));
    for (auto [code, n] : sh.other_codes) std::printf("status_%u=%lld\n", code, static_cast<long long>(n));
    return 0;
} catch (const std::exception& e) {
    std::cerr << "vouchers_spend_load: " << e.what() << "\n";
    return 2;
}
