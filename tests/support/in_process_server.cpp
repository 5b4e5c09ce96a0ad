#include "support/in_process_server.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <exception>
#include <optional>
#include <stdexcept>
#include <thread>

#include "app/application.hpp"
#include "app/config.hpp"
#include "core/log.hpp"
#include "http/server.hpp"
#include "store/database.hpp"
#include "support/test_server.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {

std::uint16_t FreeLoopbackPort() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), size) == 0 &&
              ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0;
    ::close(fd);
    if (!ok) throw std::runtime_error("no free loopback port");
    return ntohs(address.sin_port);
}

bool AcceptsConnections(std::uint16_t port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}
struct InProcessServer::Impl {
    // Declared in the order they are needed: destroyed the other way round, the clock last.
    FixedClock clock{SystemClock().NowUnix()};
    clock::ScopedClock installed{clock};
    bool access_log_was = log::AccessLogEnabled();
    std::unique_ptr<app::Application> application;
    std::unique_ptr<http::Server> server;
    std::uint16_t port = 0;
    std::thread thread;
    std::exception_ptr failure;  // why Run ended early
    std::atomic<bool> ended{false};

    ~Impl() {
        if (thread.joinable()) {
            server->Stop();
            thread.join();
        }
        server.reset();
        application.reset();
        log::SetAccessLogEnabled(access_log_was);
    }
};

InProcessServer::InProcessServer() : impl_(std::make_unique<Impl>()) {}
InProcessServer::~InProcessServer() = default;

std::unique_ptr<InProcessServer> InProcessServer::Start(const std::string& db_url, const std::string& config_path) {
    std::unique_ptr<InProcessServer> self(new InProcessServer());
    Impl& s = *self->impl_;
    s.port = FreeLoopbackPort();
    Result<app::Config> loaded = app::LoadConfig({{"config", config_path},
                                                  {"db", db_url},
                                                  {"listen", "127.0.0.1:" + std::to_string(s.port)},
                                                  {"index", IndexDirOf(db_url)},
                                                  {"media", MediaDirOf(db_url)}},
                                                 [](const char*) { return std::optional<std::string>(); });
    if (!loaded) throw std::runtime_error("in-process server: " + loaded.error().message.en);
    const app::Config config = std::move(loaded).value();
    // The test's output stays readable: no line per request.
    log::SetAccessLogEnabled(false);
    store::OpenOptions options;
    options.pool_size = config.db_pool_size;
    s.application = std::make_unique<app::Application>(config, store::Open(db_url, options));
    app::Application& application = *s.application;
    s.server = std::make_unique<http::Server>(
        config.server, application.router(),
        [&application](http::Request& r, const http::RouteMatch& m) { return application.Dispatch(r, m); });
    s.thread = std::thread([&s] {
        try {
            s.server->Run();
        } catch (...) {
            s.failure = std::current_exception();
        }
        s.ended = true;
    });
    // Generous, as for a server in a subprocess: a busy 2-core machine under the sanitizers.
    bool up = WaitUntil([&s] { return s.ended || AcceptsConnections(s.port); }, std::chrono::seconds(60));
    if (!up || s.ended) {
        if (!s.ended) s.server->Stop();
        s.thread.join();
        try {
            if (s.failure) std::rethrow_exception(s.failure);
        } catch (const std::exception& e) {
            throw std::runtime_error(std::string("in-process server did not start: ") + e.what());
        }
        throw std::runtime_error("in-process server did not start");
    }
    return self;
}

std::uint16_t InProcessServer::port() const {
    return impl_->port;
}

FixedClock& InProcessServer::clock() {
    return impl_->clock;
}

}  // namespace keyuan::testing
