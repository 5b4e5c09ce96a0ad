#pragma once
// Whether a client address is one of a list of addresses and networks (CIDR), IPv4 and IPv6.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace keyuan::metrics {

/// One allowed address or network, parsed.
struct Network {
    std::vector<unsigned char> bytes;  // 4 or 16
    int prefix = 0;                    // leading bits that must match
};

/// Parses "10.0.0.0/8", "127.0.0.1", "::1", "fd00::/8"; nullopt if malformed.
std::optional<Network> ParseNetwork(std::string_view text);

/// Whether `address` (as the server reports it; an IPv4-mapped IPv6 address counts as IPv4) is
/// inside one of `networks`.
bool AddressAllowed(std::string_view address, const std::vector<Network>& networks);

}  // namespace keyuan::metrics
