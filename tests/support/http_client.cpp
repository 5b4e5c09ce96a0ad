#include "support/http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>

#include <thread>

namespace keyuan::testing {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

std::string HttpResponse::Header(const std::string& lower_name) const {
    for (const auto& [name, value] : headers) {
        if (name == lower_name) return value;
    }
    return "";
}

boost::json::value HttpResponse::Json() const {
    return boost::json::parse(body);
}

struct HttpClient::Connection {
    asio::io_context ioc;
    beast::tcp_stream stream{ioc};
    beast::flat_buffer buffer;
};

HttpClient::HttpClient(std::uint16_t port) : port_(port) {}
HttpClient::~HttpClient() = default;

HttpResponse HttpClient::Send(const std::string& method, const std::string& target, const std::string& body,
                              const std::vector<std::pair<std::string, std::string>>& headers) {
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!connection_) {
            connection_ = std::make_unique<Connection>();
            connection_->stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
        }
        bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
        req.set(bhttp::field::host, "127.0.0.1");
        bool has_type = false;
        for (const auto& [name, value] : default_headers_) req.set(name, value);
        for (const auto& [name, value] : headers) {
            req.set(name, value);
            has_type = has_type || beast::iequals(name, "content-type");
        }
        if (!body.empty() && !has_type) req.set(bhttp::field::content_type, "application/json");
        std::string cookie;
        for (const auto& [name, value] : cookies_) cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
        if (!cookie.empty()) req.set(bhttp::field::cookie, cookie);
        req.body() = body;
        req.prepare_payload();
        beast::error_code ec;
        connection_->stream.expires_after(std::chrono::seconds(30));
        bhttp::write(connection_->stream.socket(), req, ec);
        bhttp::response_parser<bhttp::string_body> parser;
        parser.body_limit(64 * 1024 * 1024);
        parser.skip(method == "HEAD");  // a HEAD answer announces a length but has no body
        if (!ec) bhttp::read(connection_->stream.socket(), connection_->buffer, parser, ec);
        auto res = parser.release();
        if (ec) {
            connection_.reset();  // the server closed a kept-alive connection: retry once
            if (attempt == 0) continue;
            throw beast::system_error(ec);
        }
        HttpResponse out;
        out.status = static_cast<int>(res.result_int());
        for (const auto& field : res) {
            std::string name(field.name_string());
            for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            out.headers.emplace_back(name, std::string(field.value()));
            if (name == "set-cookie") {
                std::string value(field.value());
                std::string pair = value.substr(0, value.find(';'));
                std::size_t eq = pair.find('=');
                std::string cookie_name = pair.substr(0, eq), cookie_value = pair.substr(eq + 1);
                bool expired = value.find("Max-Age=0") != std::string::npos || cookie_value.empty();
                if (expired) {
                    cookies_.erase(cookie_name);
                } else {
                    cookies_[cookie_name] = cookie_value;
                }
            }
        }
        out.body = std::move(res.body());
        if (!res.keep_alive()) connection_.reset();
        return out;
    }
    throw std::runtime_error("unreachable");
}

struct RawConnection::Impl {
    asio::io_context ioc;
    tcp::socket socket{ioc};
};

RawConnection::RawConnection(std::uint16_t port) : impl_(std::make_unique<Impl>()) {
    impl_->socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
}

RawConnection::~RawConnection() = default;

void RawConnection::Send(const std::string& bytes) {
    beast::error_code ec;
    asio::write(impl_->socket, asio::buffer(bytes), ec);
}

std::string RawConnection::ReadAll(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string answer;
    impl_->socket.non_blocking(true);
    char buf[4096];
    beast::error_code ec;
    while (std::chrono::steady_clock::now() < deadline) {
        std::size_t n = impl_->socket.read_some(asio::buffer(buf), ec);
        if (ec == asio::error::would_block) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            continue;
        }
        if (ec) break;
        answer.append(buf, n);
    }
    return answer;
}

std::string RawExchange(std::uint16_t port, const std::string& bytes, std::chrono::milliseconds timeout,
                        std::chrono::milliseconds byte_interval) {
    asio::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    auto deadline = std::chrono::steady_clock::now() + timeout;
    beast::error_code ec;
    if (byte_interval.count() == 0) {
        asio::write(socket, asio::buffer(bytes), ec);
    } else {
        for (char c : bytes) {
            if (std::chrono::steady_clock::now() > deadline) break;
            asio::write(socket, asio::buffer(&c, 1), ec);
            if (ec) break;
            std::this_thread::sleep_for(byte_interval);
        }
    }
    std::string answer;
    socket.non_blocking(true);
    char buf[4096];
    while (std::chrono::steady_clock::now() < deadline) {
        std::size_t n = socket.read_some(asio::buffer(buf), ec);
        if (ec == asio::error::would_block) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            continue;
        }
        if (ec) break;  // closed by the server
        answer.append(buf, n);
    }
    return answer;
}

int RawStatus(const std::string& answer) {
    if (!answer.starts_with("HTTP/1.")) return 0;
    return std::atoi(answer.substr(9, 3).c_str());
}

}  // namespace keyuan::testing
