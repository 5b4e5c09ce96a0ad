#pragma once
// Many requests released at once, each on its own connection: the shape of every "exactly one
// of many concurrent requests wins" test.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "support/accounts_fixture.hpp"

namespace keyuan::testing {

/// A new connection that acts as `session` does (same cookie and CSRF header).
std::unique_ptr<HttpClient> CloneClient(std::uint16_t port, Session& session);

struct RaceRequest {
    Session* as;
    std::string method, target, body;
    std::vector<std::pair<std::string, std::string>> headers;
};

/// Sends `requests` at once, each on its own connection (connected beforehand), released
/// together; returns the answers in order.
std::vector<HttpResponse> RaceAnswers(std::uint16_t port, const std::vector<RaceRequest>& requests);
/// The same, statuses only.
std::vector<int> Race(std::uint16_t port, const std::vector<RaceRequest>& requests);

/// How many answers had each status.
std::map<int, int> Count(const std::vector<int>& statuses);

}  // namespace keyuan::testing
