#pragma once
// The HTTP/1.1 server: an accept loop, one coroutine per connection, handlers on a worker
// pool. Beast and Asio stay inside server.cpp.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "http/request.hpp"
#include "http/router.hpp"

namespace keyuan::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;  // 0 picks a free port; the "listening" log line tells which
    int io_threads = 0;         // 0: one per core
    // Handlers that block on the database or files; 0: two per core, at least four. Few
    // is faster: the reads are short and CPU-bound, and more threads than cores only add
    // switching (docs/BENCHMARKS.md: p99 at 64 connections halves from 16 threads to 4).
    int worker_threads = 0;
    std::size_t max_header_bytes = 16 * 1024;
    std::size_t max_body_bytes = 1024 * 1024;
    std::chrono::seconds header_timeout{10};  // to receive a whole request head, from its first byte
    std::chrono::seconds body_timeout{30};    // to receive the body
    std::chrono::seconds idle_timeout{60};    // between requests on a kept-alive connection
    std::chrono::seconds write_timeout{30};
    std::chrono::seconds drain_timeout{20};  // graceful shutdown waits this long at most
    int max_connections = 10000;
    // Open connections from one address: slow clients from a few addresses cannot fill the
    // server. Generous, since a campus or a company may sit behind one address.
    int max_connections_per_address = 512;
    // Served behind TLS: every answer tells browsers to use HTTPS only (HSTS).
    bool strict_transport_security = false;
};

/// Answers a request that the router matched; the application supplies it (middleware,
/// then the route's handler). Called on a worker thread for blocking routes.
using Dispatch = std::function<Response(Request&, const RouteMatch&)>;

class Server {
public:
    Server(ServerOptions options, const Router& router, Dispatch dispatch);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds, serves until SIGINT/SIGTERM or Stop(), lets in-flight requests finish, and
    /// returns. Throws std::runtime_error with a one-line reason if it cannot bind.
    void Run();
    /// Starts a graceful shutdown from any thread.
    void Stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace keyuan::http
