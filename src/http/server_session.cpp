// One connection of the server: reads each request within the header, body and idle limits,
// answers it (on the worker pool unless the route is non-blocking), writes the access log.
#include <chrono>

#include "core/log.hpp"
#include "http/json.hpp"
#include "http/request_metrics.hpp"
#include "http/server_impl.hpp"

namespace keyuan::http {

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
    req.route = match.pattern;
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
    parser.body_limit(largest_body);
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
    // Routes that take files accept larger bodies; every other route keeps the server's limit.
    std::size_t limit = options.max_body_bytes;
    if (largest_body > limit) {
        std::string_view target = parser.get().target();
        limit = router.BodyLimit(ToMethod(parser.get().method()), target.substr(0, target.find('?')), limit);
        parser.body_limit(limit);
    }
    auto length = parser.content_length();
    if (length && *length > limit) {
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
        RequestMetrics& metrics = ProcessRequestMetrics();
        metrics.RequestStarted();
        Response response = co_await Handle(req);
        int status = response.status;
        keep_alive = keep_alive && !stopping;
        co_await Write(*conn, std::move(response), req, version, keep_alive);
        metrics.RequestFinished();
        metrics.Record(req.method, req.route, status,
                       std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
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
    ProcessRequestMetrics().ConnectionClosed();
    if (--open_connections == 0 && stopping) {
        asio::post(control, [this] {
            if (drain_timer) drain_timer->cancel();
        });
    }
}

}  // namespace keyuan::http
