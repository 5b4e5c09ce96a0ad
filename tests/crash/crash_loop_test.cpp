// Crash loop (issue 11, the crash-loop suite): writers under load, kill -9 at a random moment,
// restart on the same database, then count the acknowledged writes that are missing (must be 0),
// check that every write retried with its Idempotency-Key exists exactly once, and run `keyuan
// audit verify` and the store's integrity check. Runs once per database engine (ctest crash_sqlite,
// crash_postgresql); KEYUAN_CRASH_CYCLES sets the cycles (default 10). docs/security/crash-loop.md.
#include "crash/crash_fixture.hpp"

namespace keyuan::testing {
namespace {

TEST_F(CrashLoopTest, NoAcknowledgedWriteIsLostAcrossKillNine) {
    std::mt19937 random(std::random_device{}());
    int cycles = Cycles(), lost = 0;
    bool audit_ok = true;
    for (int cycle = 0; cycle < cycles; ++cycle) {
        StartWriters(4, "c" + std::to_string(cycle));
        std::this_thread::sleep_for(std::chrono::milliseconds(200 + random() % 1301));
        ServerRunning("cycle " + std::to_string(cycle));
        KillAndRestart();
        lost += CheckAfterRestart();
        StoreCheck check = CheckStore();
        audit_ok = audit_ok && check.audit_ok && check.integrity_ok;
    }
    std::printf("crash loop %s: cycles %d, acknowledged writes %d, lost %d, audit verify %s\n", TestEngine().c_str(),
                cycles, acknowledged_, lost, audit_ok ? "ok" : "FAILED");
    std::printf("crash loop %s: writes of unknown outcome retried with their Idempotency-Key %d\n",
                TestEngine().c_str(), retried_);
    EXPECT_GT(acknowledged_, cycles);  // the writers did write
    EXPECT_EQ(lost, 0);
}

}  // namespace
}  // namespace keyuan::testing
