// Who may read GET /metrics: addresses and networks as [metrics] allow lists them.
#include "modules/metrics/address_match.hpp"

#include <gtest/gtest.h>

#include "http/request_metrics.hpp"

namespace keyuan::metrics {
namespace {

std::vector<Network> Networks(std::initializer_list<const char*> texts) {
    std::vector<Network> out;
    for (const char* t : texts) {
        std::optional<Network> n = ParseNetwork(t);
        EXPECT_TRUE(n.has_value()) << t;
        if (n) out.push_back(*n);
    }
    return out;
}

TEST(MetricsAddress, ExactAddressesAndNetworksOfBothFamilies) {
    std::vector<Network> allow = Networks({"127.0.0.1", "10.20.0.0/16", "fd00::/8", "::1"});
    EXPECT_TRUE(AddressAllowed("127.0.0.1", allow));
    EXPECT_FALSE(AddressAllowed("127.0.0.2", allow));
    EXPECT_TRUE(AddressAllowed("10.20.255.1", allow));
    EXPECT_FALSE(AddressAllowed("10.21.0.1", allow));
    EXPECT_TRUE(AddressAllowed("fd12:3456::1", allow));
    EXPECT_FALSE(AddressAllowed("fe80::1", allow));
    EXPECT_TRUE(AddressAllowed("::1", allow));
    // An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d.
    EXPECT_TRUE(AddressAllowed("::ffff:10.20.3.4", allow));
    EXPECT_FALSE(AddressAllowed("not an address", allow));
    EXPECT_FALSE(AddressAllowed("", allow));
}

TEST(MetricsAddress, MalformedEntriesAreRefused) {
    for (const char* bad : {"", "banana", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "::/129", "1.2.3.4/-1"}) {
        EXPECT_FALSE(ParseNetwork(bad).has_value()) << bad;
    }
    EXPECT_TRUE(ParseNetwork("0.0.0.0/0").has_value());
}

// Label values as Prometheus's text format escapes them: backslash, double quote, newline.
TEST(MetricsAddress, LabelValuesAreEscaped) {
    EXPECT_EQ(http::PrometheusLabel("/api/v1/labs/{id}"), "/api/v1/labs/{id}");
    EXPECT_EQ(http::PrometheusLabel("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
}

}  // namespace
}  // namespace keyuan::metrics
