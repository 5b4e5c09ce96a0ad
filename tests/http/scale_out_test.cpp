// Scaling out (issue 20, docs/OPERATIONS.md): two keyuan servers on one PostgreSQL database, each
// with its own search index fed by the outbox, behind nginx balancing round robin. Signed-in people
// move between the servers without noticing (sessions live in the database); what one server
// approves, the other finds in search; each answers on its own port too. PostgreSQL runs only (two
// servers cannot share a SQLite file over a network, which is the point of this set-up).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>

#include "support/catalog_fixture.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using namespace std::chrono_literals;

std::uint16_t FreePort() {
    CommandResult r = RunProgram({"python3", "-c",
                                  "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); "
                                  "print(s.getsockname()[1])"});
    return static_cast<std::uint16_t>(std::stoi(r.out));
}

/// nginx in front of the two servers, round robin, as docs/OPERATIONS.md describes (without TLS).
class Balancer {
public:
    Balancer(std::uint16_t a, std::uint16_t b)
        : dir_(::testing::TempDir() + "/keyuan-nginx-" + std::to_string(::getpid())) {
        fs::remove_all(dir_);
        fs::create_directories(dir_ + "/logs");
        fs::permissions(dir_, fs::perms::all);  // nginx's workers run as nobody when the test is root
        port_ = FreePort();
        std::ofstream(dir_ + "/nginx.conf")
            << "pid " << dir_ << "/nginx.pid;\nerror_log " << dir_ << "/logs/error.log;\nevents {}\nhttp {\n"
            << "  access_log off;\n  client_body_temp_path " << dir_ << "; proxy_temp_path " << dir_ << ";\n"
            << "  fastcgi_temp_path " << dir_ << "; uwsgi_temp_path " << dir_ << "; scgi_temp_path " << dir_ << ";\n"
            << "  upstream keyuan { server 127.0.0.1:" << a << "; server 127.0.0.1:" << b << "; }\n"
            << "  server {\n    listen 127.0.0.1:" << port_ << ";\n    location / {\n"
            << "      proxy_pass http://keyuan;\n      proxy_set_header Host $host;\n"
            << "      proxy_set_header X-Forwarded-For $remote_addr;\n    }\n  }\n}\n";
        // Daemonises and returns once it listens.
        CommandResult started = RunProgram({"nginx", "-p", dir_, "-c", dir_ + "/nginx.conf"});
        EXPECT_EQ(started.exit_code, 0) << started.err;
    }
    ~Balancer() {
        RunProgram({"nginx", "-p", dir_, "-c", dir_ + "/nginx.conf", "-s", "stop"});
        fs::remove_all(dir_);
    }
    std::uint16_t port() const { return port_; }

private:
    std::string dir_;
    std::uint16_t port_ = 0;
};

bool Finds(HttpClient& client, const std::string& query, const std::string& id) {
    HttpResponse r = client.Get("/api/v1/search?q=" + UrlEncode(query));
    if (r.status != 200) return false;
    json::value found = r.Json();  // kept: a range over a temporary's member would dangle
    for (const json::value& item : found.at("items").as_array()) {
        if (Str(item, "id") == id) return true;
    }
    return false;
}

TEST(ScaleOutTest, TwoServersBehindNginxShareTheDatabaseAndEachIndexesTheOutbox) {
    if (TestEngine() != "postgresql")
        GTEST_SKIP() << "two servers share a PostgreSQL database (this is the SQLite run)";
    std::string db = MigratedDatabaseUrl();
    ASSERT_FALSE(db.empty());
    std::string base = ::testing::TempDir() + "/keyuan-scale-" + std::to_string(::getpid());
    std::string config = base + ".toml";
    std::ofstream(config) << SecurityConfig();
    // Photos on storage both servers reach (here one folder); each server its own search index.
    auto a = TestServer::Start(db, {"--config", config, "--index", base + "-index-a", "--media", base + "-media"});
    auto b = TestServer::Start(db, {"--config", config, "--index", base + "-index-b", "--media", base + "-media"});
    ASSERT_TRUE(a && b);
    Balancer nginx(a->port(), b->port());
    HttpClient front(nginx.port());
    ASSERT_TRUE(WaitUntil([&] { return front.Get("/api/v1/health").status == 200; }, 10s));

    // Every account signs in and works through nginx: its requests alternate between the servers.
    CatalogWorld world;
    BuildCatalogWorld(db, nginx.port(), world);
    std::string id =
        CreateApproved(world["unit_a"], world["reviewer_edu"], "instruments", InstrumentBody("双机共享光谱仪"));
    ASSERT_FALSE(id.empty());
    for (int i = 0; i < 4; ++i) {  // both servers see the session and the object
        HttpResponse read = world["unit_a"].Get("/api/v1/instruments/" + id);
        EXPECT_EQ(read.status, 200) << read.body;
    }

    // Each server's own index catches up from the outbox, whichever server took the write.
    HttpClient on_a(a->port()), on_b(b->port());
    EXPECT_TRUE(WaitUntil([&] { return Finds(on_a, "双机共享光谱仪", id); }, 10s)) << a->Log();
    EXPECT_TRUE(WaitUntil([&] { return Finds(on_b, "双机共享光谱仪", id); }, 10s)) << b->Log();
    for (int i = 0; i < 4; ++i) EXPECT_TRUE(Finds(front, "双机共享光谱仪", id)) << "request " << i;

    // Both servers' public lists hold it (their caches follow the shared change counter).
    for (HttpClient* server : {&on_a, &on_b}) {
        EXPECT_TRUE(
            WaitUntil([&] { return HasId(ListIds(server->Get("/api/v1/instruments?page_size=200")), id); }, 5s));
    }
}

}  // namespace
}  // namespace keyuan::testing
