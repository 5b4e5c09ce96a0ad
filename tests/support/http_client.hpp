#pragma once
// A small HTTP/1.1 client for tests: keep-alive requests with a cookie jar, and raw byte
// exchanges for malformed input.

#include <boost/json/value.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace keyuan::testing {

struct HttpResponse {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;  // names lower case
    std::string body;

    std::string Header(const std::string& lower_name) const;
    /// The body parsed as JSON; throws if it is not JSON.
    boost::json::value Json() const;
};

class HttpClient {
public:
    explicit HttpClient(std::uint16_t port);
    ~HttpClient();

    /// Sends one request on the kept-alive connection (reconnecting if needed). A JSON
    /// body gets Content-Type application/json unless `headers` sets one.
    HttpResponse Send(const std::string& method, const std::string& target, const std::string& body = "",
                      const std::vector<std::pair<std::string, std::string>>& headers = {});
    HttpResponse Get(const std::string& target) { return Send("GET", target); }
    HttpResponse Post(const std::string& target, const std::string& body) { return Send("POST", target, body); }

    /// Cookies set by the server so far, sent back on every request.
    std::map<std::string, std::string>& cookies() { return cookies_; }
    /// Headers added to every request (e.g. X-CSRF-Token, Authorization).
    std::map<std::string, std::string>& default_headers() { return default_headers_; }

private:
    struct Connection;
    std::uint16_t port_;
    std::unique_ptr<Connection> connection_;
    std::map<std::string, std::string> cookies_;
    std::map<std::string, std::string> default_headers_;
};

/// A raw TCP connection for tests that need to pace what they send.
class RawConnection {
public:
    explicit RawConnection(std::uint16_t port);
    ~RawConnection();
    void Send(const std::string& bytes);
    /// Reads until the server closes the connection or `timeout` passes.
    std::string ReadAll(std::chrono::milliseconds timeout);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Connects, sends `bytes` (optionally one byte every `byte_interval`), and returns whatever
/// the server sends until it closes the connection or `timeout` passes.
std::string RawExchange(std::uint16_t port, const std::string& bytes, std::chrono::milliseconds timeout,
                        std::chrono::milliseconds byte_interval = std::chrono::milliseconds(0));

/// The status code of a raw HTTP answer ("HTTP/1.1 413 …" → 413), 0 if none.
int RawStatus(const std::string& answer);

}  // namespace keyuan::testing
