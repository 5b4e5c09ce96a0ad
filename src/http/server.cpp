#include "http/server.hpp"

#include <sys/resource.h>

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

#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>

#include "core/log.hpp"
#include "core/utf8.hpp"
#include "http/json.hpp"

namespace keyuan::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

Method ToMethod(bhttp::verb verb) {
    switch (verb) {
        case bhttp::verb::get: return Method::kGet;
        case bhttp::verb::head: return Method::kHead;
        case bhttp::verb::post: return Method::kPost;
        case bhttp::verb::put: return Method::kPut;
        case bhttp::verb::patch: return Method::kPatch;
        case bhttp::verb::delete_: return Method::kDelete;
        case bhttp::verb::options: return Method::kOptions;
        default: return Method::kOther;
    }
}

std::string NewRequestId() {
    thread_local std::mt19937_64 rng(std::random_device{}());
    static const char kHex[] = "0123456789abcdef";
    std::uint64_t v = rng();
    std::string id(16, '0');
    for (int i = 0; i < 16; ++i) id[static_cast<std::size_t>(i)] = kHex[(v >> (i * 4)) & 0xF];
    return id;
}

/// A client-supplied request id is kept only if it is short and plain, so that it can be
/// logged and echoed safely.
bool IsSafeRequestId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                  c == '.';
        if (!ok) return false;
    }
    return true;
}

Lang ParseLang(std::string_view accept_language) {
    std::string_view first = accept_language.substr(0, accept_language.find_first_of(",;"));
    return first.size() >= 2 && (first[0] == 'e' || first[0] == 'E') && (first[1] == 'n' || first[1] == 'N')
               ? Lang::kEn
               : Lang::kZh;
}

using BeastRequest = bhttp::request<bhttp::string_body>;
using BeastResponse = bhttp::response<bhttp::string_body>;

/// Fills our Request from Beast's; returns false if the target is not a valid origin-form path.
bool ConvertRequest(BeastRequest&& in, Request& out) {
    out.method = ToMethod(in.method());
    out.target = std::string(in.target());
    std::string_view target = out.target;
    std::size_t q = target.find('?');
    auto path = PercentDecode(target.substr(0, q), false);
    if (!path || path->empty() || (*path)[0] != '/' || !utf8::IsCleanText(*path, utf8::Controls::kNone)) return false;
    out.path = std::move(*path);
    if (q != std::string_view::npos) out.query_string = std::string(target.substr(q + 1));
    out.headers.reserve(16);
    for (const auto& field : in) {
        std::string name(field.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.headers.push_back(Header{std::move(name), std::string(field.value())});
    }
    std::string_view incoming_id = out.HeaderValue("x-request-id");
    out.request_id = IsSafeRequestId(incoming_id) ? std::string(incoming_id) : NewRequestId();
    out.lang = ParseLang(out.HeaderValue("accept-language"));
    out.body = std::move(in.body());
    return true;
}

BeastResponse ConvertResponse(Response&& in, const Request& req, unsigned version, bool keep_alive, bool hsts) {
    BeastResponse res{static_cast<bhttp::status>(in.status), version};
    res.set(bhttp::field::server, "keyuan");
    res.set(bhttp::field::content_type, in.content_type);
    res.set("X-Request-Id", req.request_id);
    res.set("X-Content-Type-Options", "nosniff");
    if (hsts) res.set(bhttp::field::strict_transport_security, "max-age=31536000; includeSubDomains");
    // insert, not set: a response may carry several headers of one name (Set-Cookie).
    for (Header& h : in.headers) res.insert(h.name, h.value);
    res.keep_alive(keep_alive);
    std::uint64_t length = in.content_length.value_or(in.body.size());
    if (req.method != Method::kHead && in.status != 304 && in.status != 204) res.body() = std::move(in.body);
    res.content_length(length);
    return res;
}

std::size_t WorkerThreads(const ServerOptions& options) {
    if (options.worker_threads > 0) return static_cast<std::size_t>(options.worker_threads);
    return std::max<std::size_t>(4, 2 * std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace

/// One live connection; the registry uses it to close idle keep-alive connections when
/// the server shuts down.
struct Connection {
    explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
    beast::tcp_stream stream;
    bool idle = true;  // touched only on the connection's strand
};

struct Server::Impl {
    Impl(ServerOptions o, const Router& r, Dispatch d)
        : options(std::move(o)), router(r), dispatch(std::move(d)), workers(WorkerThreads(options)) {}

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
};

Response Server::Impl::Invoke(Request& req, const RouteMatch& match) {
    try {
        return dispatch(req, match);
    } catch (const std::exception& e) {
        // The dispatcher maps errors itself; reaching here is a bug, still answered safely.
        log::Error("unhandled exception", {{"request_id", req.request_id}, {"what", e.what()}});
        return ErrorResponse(Error::Internal(req.request_id), req.lang);
    }
}

asio::awaitable<Response> Server::Impl::Handle(Request& req) {
    if (std::optional<Error> bad = CheckQueryString(req.query_string)) co_return ErrorResponse(*bad, req.lang);
    RouteMatch match = router.Match(req.method, req.path);
    if (match.kind == RouteMatch::Kind::kFound && !match.options.blocking) co_return Invoke(req, match);
    if (match.kind == RouteMatch::Kind::kFound && match.options.from_memory && !req.CarriesCredentials()) {
        req.path_params = match.params;
        try {
            if (std::optional<Response> answer = match.options.from_memory(req)) co_return std::move(*answer);
        } catch (const std::exception& e) {
            // A bug, not a reason to fail the request: the handler answers it below.
            log::Error("answer from memory failed", {{"request_id", req.request_id}, {"what", e.what()}});
        }
    }
    // Everything else may touch the database or files: run it on the worker pool so the
    // network threads keep serving other connections.
    co_return co_await asio::co_spawn(
        workers, [&]() -> asio::awaitable<Response> { co_return Invoke(req, match); }, asio::use_awaitable);
}

asio::awaitable<void> Server::Impl::Write(Connection& conn, Response&& response, const Request& req, unsigned version,
                                          bool keep_alive) {
    BeastResponse res =
        ConvertResponse(std::move(response), req, version, keep_alive, options.strict_transport_security);
    conn.stream.expires_after(options.write_timeout);
    co_await bhttp::async_write(conn.stream, res, kTuple);
}

asio::awaitable<void> Server::Impl::WriteError(Connection& conn, const Request& req, const Error& error) {
    co_await Write(conn, ErrorResponse(error, req.lang), req, 11, false);
}

asio::awaitable<bool> Server::Impl::ReadRequest(Connection& conn, beast::flat_buffer& buffer, bool first, Request& out,
                                                unsigned& version, bool& keep_alive) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
    parser.body_limit(options.max_body_bytes);
    conn.idle = true;
    if (stopping) co_return false;
    if (!first && buffer.size() == 0) {
        // Between requests a kept-alive connection may wait the idle timeout for the first
        // byte of the next one; from that byte on, the head must arrive within the header
        // timeout, as for the first request: a client cannot trickle headers for a minute.
        conn.stream.expires_after(options.idle_timeout);
        auto [wait_ec, got] = co_await conn.stream.async_read_some(buffer.prepare(4096), kTuple);
        if (wait_ec) co_return false;
        buffer.commit(got);
    }
    conn.stream.expires_after(options.header_timeout);
    auto [ec, n] = co_await bhttp::async_read_header(conn.stream, buffer, parser, kTuple);
    conn.idle = false;
    if (ec == bhttp::error::header_limit) {
        co_await WriteError(conn, out,
                            Error::Make(ErrorCode::kHeadersTooLarge, "请求头过大", "Request headers too large"));
        co_return false;
    }
    if (ec == bhttp::error::body_limit) {
        // Content-Length already says the body is too large: refused before reading it.
        co_await WriteError(conn, out, Error::PayloadTooLarge());
        co_return false;
    }
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::eof || ec == asio::error::connection_reset || ec == asio::error::bad_descriptor) {
        co_return false;
    }
    if (ec) {
        co_await WriteError(conn, out, Error::BadRequest("请求格式错误", "Malformed HTTP request"));
        co_return false;
    }
    auto length = parser.content_length();
    if (length && *length > options.max_body_bytes) {
        // Refused before a byte of the body is read.
        co_await WriteError(conn, out, Error::PayloadTooLarge());
        co_return false;
    }
    if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
        bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, 11};
        co_await bhttp::async_write(conn.stream, cont, kTuple);
    }
    if (!parser.is_done()) {
        conn.stream.expires_after(options.body_timeout);
        auto [body_ec, body_n] = co_await bhttp::async_read(conn.stream, buffer, parser, kTuple);
        if (body_ec == bhttp::error::body_limit) {
            co_await WriteError(conn, out, Error::PayloadTooLarge());
            co_return false;
        }
        if (body_ec == beast::error::timeout || body_ec == asio::error::eof || body_ec == bhttp::error::end_of_stream ||
            body_ec == asio::error::operation_aborted || body_ec == asio::error::connection_reset) {
            co_return false;
        }
        if (body_ec) {
            co_await WriteError(conn, out, Error::BadRequest("请求体格式错误", "Malformed request body"));
            co_return false;
        }
    }
    version = parser.get().version();
    keep_alive = parser.get().keep_alive();
    if (!ConvertRequest(parser.release(), out)) {
        co_await WriteError(conn, out, Error::BadRequest("请求路径无效", "Invalid request path"));
        co_return false;
    }
    co_return true;
}

asio::awaitable<void> Server::Impl::Serve(std::shared_ptr<Connection> conn, std::uint64_t id, std::string remote) {
    beast::flat_buffer buffer;
    for (bool first = true;; first = false) {
        Request req;
        req.remote_address = remote;
        req.request_id = NewRequestId();
        unsigned version = 11;
        bool keep_alive = false;
        if (!co_await ReadRequest(*conn, buffer, first, req, version, keep_alive)) break;
        auto started = std::chrono::steady_clock::now();
        Response response = co_await Handle(req);
        int status = response.status;
        keep_alive = keep_alive && !stopping;
        co_await Write(*conn, std::move(response), req, version, keep_alive);
        if (log::AccessLogEnabled()) {
            double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            std::string line =
                "{\"time\":\"" + log::NowRfc3339() + "\",\"level\":\"info\",\"msg\":\"access\",\"method\":\"";
            line += MethodName(req.method);
            line += "\",\"path\":\"";
            log::AppendJsonEscaped(line, req.path);
            line += "\",\"status\":" + std::to_string(status) + ",\"duration_ms\":" + std::to_string(ms) +
                    ",\"request_id\":\"" + req.request_id + "\",\"remote\":\"" + remote + "\"}";
            log::WriteRaw(line);
        }
        if (!keep_alive) break;
    }
    beast::error_code ignored;
    conn->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    conn->stream.close();
    std::lock_guard lock(registry_mutex);
    registry.erase(id);
    if (auto it = per_address.find(remote); it != per_address.end() && --it->second <= 0) per_address.erase(it);
    if (--open_connections == 0 && stopping) {
        asio::post(control, [this] {
            if (drain_timer) drain_timer->cancel();
        });
    }
}

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
