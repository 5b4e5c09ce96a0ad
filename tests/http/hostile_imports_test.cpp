// The hostile-files suite against the running server (issue 11): every file of the corpus
// posted to the import endpoint is refused with a 4xx in the API's error shape, within bounded
// time and server memory, and nothing is committed. Runs once per database engine.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "support/catalog_fixture.hpp"
#include "support/hostile_files.hpp"

namespace keyuan::testing {
namespace {

/// A line of /proc/PID/status in KiB ("VmRSS", "VmHWM"); -1 if absent.
long ProcStatusKib(pid_t pid, const std::string& field) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.starts_with(field + ":")) return std::atol(line.c_str() + field.size() + 1);
    }
    return -1;
}

// POST /api/v1/imports takes files up to 64 MiB (the registered kinds' import); the high-tech catalog
// refuses more than the server's default 1 MiB once read (413).
constexpr std::size_t kMaxBody = 64 * 1024 * 1024;

// AddressSanitizer keeps freed memory in quarantine and maps shadow memory, so a server built
// with it grows far more for the same work; the bound is for the real build.
#ifdef __SANITIZE_ADDRESS__
constexpr long kMaxGrowthMib = 512;
#else
// 128 MiB, plus the 14 MB million-row CSV that POST /api/v1/imports (64 MiB bodies since issue 19)
// now receives whole before its 413, and the receive buffer's growth around it.
constexpr long kMaxGrowthMib = 160;
#endif

class HostileImportsTest : public CatalogSuite<HostileImportsTest> {
protected:
    static std::string Count(const std::string& table) {
        CommandResult r = RunSql(Db(), "SELECT count(*) FROM " + table);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return r.out;
    }
};

TEST_F(HostileImportsTest, EveryHostileFileIsRefusedAndNothingIsCommitted) {
    pid_t pid = suite_->server->pid();
    std::string subcategories = Count("hitech_subcategories");
    std::string audit = Count("audit_events");
    std::ofstream("/proc/" + std::to_string(pid) + "/clear_refs") << "5";  // a new peak from here
    long rss_start = ProcStatusKib(pid, "VmRSS");
    for (const HostileFile& file : HostileCorpus()) {
        for (const char* dry_run : {"true", "false"}) {
            auto started = std::chrono::steady_clock::now();
            std::string target = std::string("/api/v1/imports?kind=hitech_catalog&dry_run=") + dry_run;
            HttpResponse r;
            if (file.bytes.size() > kMaxBody) {
                // Refused from Content-Length before a byte of the body is read (the server then
                // closes, so the body is not sent at all).
                std::string answer = RawExchange(Port(),
                                                 "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                                                     std::to_string(file.bytes.size()) + "\r\n\r\n",
                                                 std::chrono::seconds(3));
                r.status = RawStatus(answer);
                r.body = answer.substr(std::min(answer.size(), answer.find("\r\n\r\n") + 4));
            } else {
                r = As("operator").Send("POST", target, file.bytes, {{"Content-Type", "application/octet-stream"}});
            }
            double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            EXPECT_TRUE(r.status >= 400 && r.status < 500) << file.name << " → " << r.status << " " << r.body;
            EXPECT_NE(r.body.find("\"error\""), std::string::npos) << file.name << " " << r.body;
            EXPECT_EQ(r.body.find("root:"), std::string::npos) << file.name;
            EXPECT_LT(seconds, 5.0) << file.name;
            if (std::string(dry_run) == "false") {
                std::printf("hostile import %-28s %9zu bytes → %d in %.0f ms\n", file.name.c_str(), file.bytes.size(),
                            r.status, seconds * 1000);
            }
        }
    }
    long peak = ProcStatusKib(pid, "VmHWM");
    std::printf("server RSS at start %ld MiB, peak %ld MiB\n", rss_start / 1024, peak / 1024);
    EXPECT_LT((peak - rss_start) / 1024, kMaxGrowthMib) << "the server's peak memory grew too much";
    EXPECT_EQ(Count("hitech_subcategories"), subcategories);
    // Refused imports change nothing but the audit log's record of the refusals, if any.
    EXPECT_GE(Count("audit_events"), audit);
    EXPECT_EQ(std::ifstream("/tmp/keyuan-zip-slip.xml").good(), false);
    EXPECT_EQ(As("operator").Get("/api/v1/health").status, 200);
}

}  // namespace
}  // namespace keyuan::testing
