#pragma once
// The real server (app::Application behind the Beast server, on loopback, on the test engine's
// real database) running inside the test process, on a FixedClock the test moves. For tests of
// time (lockouts, session timeouts, per-minute limits, TOTP steps): a server in a subprocess
// reads the system clock, and a production server must never let anyone move its clock, so
// the clock is moved here, in-process, and nowhere else.

#include <cstdint>
#include <memory>
#include <string>

#include "core/clock.hpp"

namespace keyuan::testing {

/// A loopback port that nothing listens on now (the kernel's choice for port 0); throws
/// std::runtime_error if there is none.
std::uint16_t FreeLoopbackPort();
/// Whether something accepts TCP connections on 127.0.0.1:`port`.
bool AcceptsConnections(std::uint16_t port);

class InProcessServer {
public:
    /// Serves the migrated database `db_url` with the configuration file `config_path` on a free
    /// loopback port, once it accepts connections. The process's clock is a FixedClock standing
    /// at the real time of the start until this object ends. Throws std::runtime_error if the
    /// server cannot start.
    static std::unique_ptr<InProcessServer> Start(const std::string& db_url, const std::string& config_path);
    /// Stops the server (letting requests in flight finish) and gives the process its clock back.
    ~InProcessServer();
    InProcessServer(const InProcessServer&) = delete;
    InProcessServer& operator=(const InProcessServer&) = delete;

    std::uint16_t port() const;
    /// The server's clock: Advance it instead of sleeping.
    FixedClock& clock();

private:
    InProcessServer();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace keyuan::testing
