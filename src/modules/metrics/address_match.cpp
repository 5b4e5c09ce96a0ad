#include "modules/metrics/address_match.hpp"

#include <boost/asio/ip/address.hpp>

#include <charconv>

namespace keyuan::metrics {
namespace {

std::optional<std::vector<unsigned char>> Bytes(std::string_view text) {
    boost::system::error_code ec;
    boost::asio::ip::address address = boost::asio::ip::make_address(std::string(text), ec);
    if (ec) return std::nullopt;
    if (address.is_v6() && address.to_v6().is_v4_mapped()) {
        address = boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6());
    }
    if (address.is_v4()) {
        auto b = address.to_v4().to_bytes();
        return std::vector<unsigned char>(b.begin(), b.end());
    }
    auto b = address.to_v6().to_bytes();
    return std::vector<unsigned char>(b.begin(), b.end());
}

}  // namespace

std::optional<Network> ParseNetwork(std::string_view text) {
    std::size_t slash = text.find('/');
    std::optional<std::vector<unsigned char>> bytes = Bytes(text.substr(0, slash));
    if (!bytes) return std::nullopt;
    int bits = static_cast<int>(bytes->size()) * 8;
    int prefix = bits;
    if (slash != std::string_view::npos) {
        std::string_view digits = text.substr(slash + 1);
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
        if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || prefix < 0 ||
            prefix > bits) {
            return std::nullopt;
        }
    }
    return Network{std::move(*bytes), prefix};
}

bool AddressAllowed(std::string_view address, const std::vector<Network>& networks) {
    std::optional<std::vector<unsigned char>> bytes = Bytes(address);
    if (!bytes) return false;
    for (const Network& n : networks) {
        if (n.bytes.size() != bytes->size()) continue;
        bool inside = true;
        for (int bit = 0; bit < n.prefix && inside; ++bit) {
            unsigned char mask = static_cast<unsigned char>(0x80 >> (bit % 8));
            inside = ((*bytes)[bit / 8] & mask) == (n.bytes[bit / 8] & mask);
        }
        if (inside) return true;
    }
    return false;
}

}  // namespace keyuan::metrics
