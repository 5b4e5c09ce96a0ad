// The listener: accepts connections within the server-wide and per-address limits, runs the
// network threads, and on SIGINT/SIGTERM drains open connections before it returns.
#include <sys/resource.h>

#include <chrono>

#include "core/log.hpp"
#include "http/request_metrics.hpp"
#include "http/server_impl.hpp"

namespace keyuan::http {

asio::awaitable<void> Server::Impl::AcceptLoop() {
    for (;;) {
        auto [ec, socket] = co_await acceptor->async_accept(asio::make_strand(ioc), kTuple);
        if (stopping) co_return;
        if (ec) {
            if (ec == asio::error::operation_aborted) co_return;
            // Out of descriptors or a transient network error: pause instead of spinning.
            asio::steady_timer pause(control, std::chrono::milliseconds(50));
            co_await pause.async_wait(kTuple);
            continue;
        }
        if (open_connections.load() >= options.max_connections) continue;  // socket closes on scope exit
        beast::error_code endpoint_ec;
        auto endpoint = socket.remote_endpoint(endpoint_ec);
        if (endpoint_ec) continue;
        std::string remote = endpoint.address().to_string();
        socket.set_option(tcp::no_delay(true));
        auto conn = std::make_shared<Connection>(std::move(socket));
        std::uint64_t id = 0;
        {
            std::lock_guard lock(registry_mutex);
            int& from_here = per_address[remote];
            if (from_here >= options.max_connections_per_address) {
                if (from_here == 0) per_address.erase(remote);
                continue;  // closed as `conn` goes out of scope
            }
            ++from_here;
            id = ++next_id;
            registry.emplace(id, conn);
            ++open_connections;
            ProcessRequestMetrics().ConnectionOpened();
        }
        asio::co_spawn(conn->stream.get_executor(), Serve(conn, id, std::move(remote)), [id](std::exception_ptr e) {
            if (!e) return;
            try {
                std::rethrow_exception(e);
            } catch (const std::exception& ex) {
                log::Error("connection failed", {{"connection", static_cast<long long>(id)}, {"what", ex.what()}});
            }
        });
    }
}

void Server::Impl::BeginShutdown() {
    if (stopping.exchange(true)) return;
    log::Info("shutting down", {{"open_connections", open_connections.load()}});
    beast::error_code ignored;
    if (acceptor) acceptor->close(ignored);
    if (signals) signals->cancel(ignored);
    std::lock_guard lock(registry_mutex);
    for (auto& [id, weak] : registry) {
        if (auto conn = weak.lock()) {
            // Only connections waiting for a next request are closed; in-flight ones finish.
            asio::post(conn->stream.get_executor(), [conn] {
                if (conn->idle) conn->stream.cancel();
            });
        }
    }
    drain_timer.emplace(control, options.drain_timeout);
    drain_timer->async_wait([this](beast::error_code ec) {
        if (!ec) ioc.stop();
    });
    if (open_connections.load() == 0) drain_timer->cancel();
}

Server::Server(ServerOptions options, const Router& router, Dispatch dispatch)
    : impl_(std::make_unique<Impl>(std::move(options), router, std::move(dispatch))) {}

Server::~Server() = default;

void Server::Stop() {
    asio::post(impl_->control, [impl = impl_.get()] { impl->BeginShutdown(); });
}

void Server::Run() {
    Impl& s = *impl_;
    // Many keep-alive clients need many descriptors; take what the hard limit allows.
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    beast::error_code ec;
    auto address = asio::ip::make_address(s.options.host, ec);
    if (ec) throw std::runtime_error("invalid listen address " + s.options.host);
    tcp::endpoint endpoint(address, s.options.port);
    s.acceptor.emplace(s.control);
    s.acceptor->open(endpoint.protocol(), ec);
    if (!ec) s.acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) s.acceptor->bind(endpoint, ec);
    if (!ec) s.acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        throw std::runtime_error("cannot listen on " + s.options.host + ":" + std::to_string(s.options.port) + ": " +
                                 ec.message());
    }
    s.signals.emplace(s.control, SIGINT, SIGTERM);
    s.signals->async_wait([&s](beast::error_code sig_ec, int) {
        if (!sig_ec) s.BeginShutdown();
    });
    log::Info("listening",
              {{"address", s.options.host}, {"port", static_cast<int>(s.acceptor->local_endpoint().port())}});
    asio::co_spawn(s.control, s.AcceptLoop(), asio::detached);
    int threads = s.options.io_threads > 0 ? s.options.io_threads
                                           : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i) pool.emplace_back([&s] { s.ioc.run(); });
    s.ioc.run();
    for (auto& t : pool) t.join();
    s.workers.join();
    log::Info("stopped");
}

}  // namespace keyuan::http
