// The CLI beside a running server (issue 11, defect 2): every CLI command that opens the database
// runs beside a server under write load, after the server was asked for its data files; no
// acknowledged write may be lost after a crash. Runs once per database engine.
#include "crash/crash_fixture.hpp"

namespace keyuan::testing {
namespace {

// Defect 2: the server served its own SQLite file (GET //path/to/db), which dropped SQLite's POSIX
// locks; `keyuan audit verify` beside it then removed the live WAL, and the writes acknowledged
// after that were gone after a crash. Every CLI command that opens the database runs here beside
// a server under write load, after the server was asked for its data files.
TEST_F(CrashLoopTest, Defect2_EveryCliCommandIsSafeBesideARunningServer) {
    StartWriters(3, "cli");
    std::this_thread::sleep_for(300ms);
    AskForDataFiles();
    const std::vector<std::vector<std::string>> commands = {
        {"audit", "verify", "--db", url_},
        {"user", "create", "--db", url_, "--username", "beside_server", "--password", kGoodPassword, "--role",
         "expert"},
        {"token", "create", "--db", url_, "--username", "beside_server"},
        {"media", "collect", "--db", url_, "--media", MediaDirOf(url_), "--dry-run"},
        {"migrate", "--db", url_},
        {"audit", "verify", "--db", url_},
    };
    for (const std::vector<std::string>& command : commands) {
        CommandResult r = RunCli(command);
        EXPECT_EQ(r.exit_code, 0) << command[0] << " " << command[1] << ": " << r.out << r.err;
        ServerRunning(command[0] + " " + command[1]);
    }
    // The running server owns the search index (Xapian's write lock): the CLI refuses in one
    // line and changes nothing; the operator restarts the server, which rebuilds a stale index.
    CommandResult rebuild = RunCli({"index", "rebuild", "--db", url_, "--index", IndexDirOf(url_)});
    EXPECT_NE(rebuild.exit_code, 0);
    EXPECT_NE(rebuild.err.find("stop it first"), std::string::npos) << rebuild.err;
    EXPECT_EQ(std::count(rebuild.err.begin(), rebuild.err.end(), '\n'), 1) << rebuild.err;
    if (ServerRunning("index rebuild")) {
        EXPECT_EQ(UnitClient()->Get("/api/v1/search?q=" + UrlEncode("崩溃测试")).status, 200);
    }
    // The writes acknowledged after the commands are the ones defect 2 lost.
    int before = AcknowledgedSoFar();
    std::this_thread::sleep_for(500ms);
    int after_commands = AcknowledgedSoFar() - before;
    KillAndRestart();
    int lost = CheckAfterRestart();
    StoreCheck check = CheckStore();
    std::printf(
        "CLI beside the server (%s): acknowledged writes %d (%d after the commands), lost %d, audit verify %s\n",
        TestEngine().c_str(), acknowledged_, after_commands, lost,
        check.audit_ok && check.integrity_ok ? "ok" : "FAILED");
    EXPECT_GT(after_commands, 0);
    EXPECT_EQ(lost, 0);
}

}  // namespace
}  // namespace keyuan::testing
