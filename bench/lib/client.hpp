#pragma once
// What the load generators of bench/*/ share: the --target endpoint, a pause between reconnects,
// and the id of a created object in keyuan's answer.

#include <boost/asio.hpp>

#include <chrono>
#include <stdexcept>
#include <string>

namespace bench {

/// HOST:PORT of a --target flag.
inline boost::asio::ip::tcp::endpoint ParseEndpoint(const std::string& text) {
    std::size_t colon = text.rfind(':');
    if (colon == std::string::npos) throw std::runtime_error("--target wants HOST:PORT, got " + text);
    return {boost::asio::ip::make_address(text.substr(0, colon)),
            static_cast<unsigned short>(std::stoi(text.substr(colon + 1)))};
}

/// Waits `ms` on the coroutine's executor (a client backs off before reconnecting).
inline boost::asio::awaitable<void> Pause(std::chrono::milliseconds ms) {
    boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, ms);
    boost::system::error_code ec;
    co_await timer.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ec));
}

/// The id in a 201 answer ("id" is the first member keyuan writes).
inline std::string IdOf(const std::string& body) {
    std::size_t at = body.find("\"id\":\"");
    if (at == std::string::npos) return {};
    at += 6;
    return body.substr(at, body.find('"', at) - at);
}

}  // namespace bench
