#pragma once
// The server's insides, shared by its three files and by nothing else: server.cpp (the
// listener: accepting, connection limits, shutdown), server_session.cpp (one connection:
// reading with the size and time limits, answering, writing) and beast_messages.cpp
// (Beast's messages to ours and back).

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "http/server.hpp"

namespace keyuan::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

inline constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

using BeastRequest = bhttp::request<bhttp::string_body>;
using BeastResponse = bhttp::response<bhttp::string_body>;

/// A random request id (16 hex digits) for requests that bring no usable one.
std::string NewRequestId();
/// Fills our Request from Beast's; returns false if the target is not a valid origin-form path.
Method ToMethod(bhttp::verb verb);
bool ConvertRequest(BeastRequest&& in, Request& out);
BeastResponse ConvertResponse(Response&& in, const Request& req, unsigned version, bool keep_alive, bool hsts);

inline std::size_t WorkerThreads(const ServerOptions& options) {
    if (options.worker_threads > 0) return static_cast<std::size_t>(options.worker_threads);
    return std::max<std::size_t>(4, 2 * std::max(1u, std::thread::hardware_concurrency()));
}

/// One live connection; the registry uses it to close idle keep-alive connections when
/// the server shuts down.
struct Connection {
    explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
    beast::tcp_stream stream;
    bool idle = true;  // touched only on the connection's strand
};

struct Server::Impl {
    Impl(ServerOptions o, const Router& r, Dispatch d)
        : options(std::move(o)),
          router(r),
          dispatch(std::move(d)),
          workers(WorkerThreads(options)),
          largest_body(std::max(options.max_body_bytes, router.LargestBodyLimit())) {}

    asio::awaitable<void> AcceptLoop();
    asio::awaitable<void> Serve(std::shared_ptr<Connection> conn, std::uint64_t id, std::string remote);
    asio::awaitable<Response> Handle(Request& req);
    asio::awaitable<bool> ReadRequest(Connection& conn, beast::flat_buffer& buffer, bool first, Request& out,
                                      unsigned& version, bool& keep_alive);
    asio::awaitable<void> WriteError(Connection& conn, const Request& req, const Error& error);
    asio::awaitable<void> Write(Connection& conn, Response&& response, const Request& req, unsigned version,
                                bool keep_alive);
    Response Invoke(Request& req, const RouteMatch& match);
    void BeginShutdown();

    ServerOptions options;
    const Router& router;
    Dispatch dispatch;
    asio::io_context ioc;
    // Server-wide state (acceptor, signals, drain timer) is touched only on this strand.
    asio::strand<asio::io_context::executor_type> control{asio::make_strand(ioc)};
    asio::thread_pool workers;
    std::optional<tcp::acceptor> acceptor;
    std::optional<asio::signal_set> signals;
    std::optional<asio::steady_timer> drain_timer;
    std::atomic<int> open_connections{0};
    std::atomic<bool> stopping{false};
    std::mutex registry_mutex;
    std::unordered_map<std::uint64_t, std::weak_ptr<Connection>> registry;
    std::unordered_map<std::string, int> per_address;  // open connections by remote address; under registry_mutex
    std::uint64_t next_id = 0;
    // What the head parser lets through; each request's own route limit is checked after its head.
    std::size_t largest_body;
};

}  // namespace keyuan::http
