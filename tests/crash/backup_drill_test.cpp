// Backup and restore (issue 20; the drill of docs/OPERATIONS.md): `keyuan backup` under write load
// beside the running server, `keyuan verify-backup`, `keyuan restore` into a clean place and a server
// started on it. Every write acknowledged before the backup began must be in the restore (a backup
// is a snapshot: the data lost in a disaster is what was written after the last backup), the row
// counts and the audit chain match the manifest, and the photos are served again. Then what a
// backup refuses: a changed or incomplete folder, a target that is not clean. Once per engine.
#include <boost/json/parse.hpp>

#include <chrono>
#include <cstdio>

#include "crash/crash_fixture.hpp"
#include "store/database.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

/// A PNG signature and header chunk followed by `fill` (the server sniffs, never decodes).
std::string Png(char fill) {
    return std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) + std::string(300, fill);
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

class BackupTest : public CrashLoopTest {
protected:
    void SetUp() override {
        CrashLoopTest::SetUp();
        if (IsSkipped()) return;
        folder_ = fs::path(::testing::TempDir()) /
                  ("keyuan-backups-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
        fs::remove_all(folder_);
        fs::create_directories(folder_);
    }
    void TearDown() override {
        CrashLoopTest::TearDown();
        fs::remove_all(folder_);
    }

    /// Uploads a photo as the unit; returns its file name in the media folder.
    std::string UploadPhoto(char fill) {
        HttpResponse up = UnitClient()->Send("POST", "/api/v1/media", Png(fill), {{"Content-Type", "image/png"}});
        EXPECT_EQ(up.status, 201) << up.body;
        std::string url = up.status == 201 ? Str(up.Json(), "url") : "";
        return url.substr(url.rfind('/') + 1);
    }

    CommandResult Backup(const fs::path& to) {
        return RunKeyuan({"backup", "--db", url_, "--media", MediaDirOf(url_), "--to", to.string()});
    }

    /// A clean place to restore into: a SQLite path that does not exist, or a new empty database.
    std::string CleanTarget() {
        if (TestEngine() == "sqlite")
            return "sqlite:" + (folder_ / ("restored-" + std::to_string(counter_++))).string();
        return FreshDatabaseUrl();
    }

    CommandResult Restore(const fs::path& from, const std::string& target) {
        return RunKeyuan({"restore", "--from", from.string(), "--db", target, "--media", MediaDirOf(target), "--index",
                          IndexDirOf(target)});
    }

    CommandResult Verify(const fs::path& from) {
        std::vector<std::string> args = {"verify-backup", "--from", from.string()};
        // A PostgreSQL archive is counted by restoring it into a scratch database.
        if (TestEngine() == "postgresql") args.insert(args.end(), {"--scratch-db", FreshDatabaseUrl()});
        return RunKeyuan(args);
    }

    /// The names of the writes acknowledged so far.
    std::vector<std::string> AcknowledgedNames() {
        std::lock_guard lock(mutex_);
        std::vector<std::string> names;
        for (const SentWrite& w : sent_) {
            if (w.acknowledged) names.push_back(w.name);
        }
        return names;
    }

    static std::int64_t ManifestCount(const fs::path& backup, const std::string& table) {
        std::ifstream in(backup / "manifest.json");
        std::stringstream text;
        text << in.rdbuf();
        return boost::json::parse(text.str()).at("tables").at(table).to_number<std::int64_t>();
    }

    fs::path folder_;
    static inline int counter_ = 0;
};

TEST_F(BackupTest, UnderLoadABackupRestoresIntoACleanPlaceWithEveryWriteAcknowledgedBeforeIt) {
    std::string photo = UploadPhoto('p');
    StartWriters(3, "drill");
    ASSERT_TRUE(WaitUntil([&] { return AcknowledgedSoFar() >= 30; }, 30s)) << "the writers did not write";
    std::vector<std::string> before = AcknowledgedNames();
    auto backup_started = std::chrono::steady_clock::now();
    CommandResult backup = Backup(folder_ / "b");
    double backup_seconds = SecondsSince(backup_started);
    int acknowledged_during = AcknowledgedSoFar() - static_cast<int>(before.size());
    std::this_thread::sleep_for(300ms);  // the writers go on after it
    StopWriters();
    ASSERT_EQ(backup.exit_code, 0) << backup.out << backup.err;
    EXPECT_GT(acknowledged_during, 0) << "the backup should have run while the writers wrote";

    CommandResult verify = Verify(folder_ / "b");
    ASSERT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    EXPECT_NE(verify.out.find(" verified: "), std::string::npos) << verify.out;
    EXPECT_NE(verify.out.find("rows in"), std::string::npos) << "the counts were checked: " << verify.out;

    // RTO: from the restore's start to the restored server answering a read.
    std::string target = CleanTarget();
    auto restore_started = std::chrono::steady_clock::now();
    CommandResult restore = Restore(folder_ / "b", target);
    double restore_seconds = SecondsSince(restore_started);
    ASSERT_EQ(restore.exit_code, 0) << restore.out << restore.err;
    std::unique_ptr<TestServer> restored = TestServer::Start(target, ServerArgs());
    HttpClient visitor(restored->port());
    HttpResponse first = visitor.Get("/api/v1/media/" + photo);
    double rto_seconds = SecondsSince(restore_started);
    EXPECT_EQ(first.status, 200) << "the photo is served by the restored server";
    EXPECT_EQ(first.body, Png('p'));

    // Every write acknowledged before the backup began is there; the instruments are as many as
    // the manifest counted (the writes during the backup are in it or not, never half).
    CommandResult stored =
        RunSql(target, "SELECT name FROM instruments WHERE name LIKE '" + std::string(kNamePrefix) + "drill%'");
    ASSERT_EQ(stored.exit_code, 0) << stored.err;
    int lost = 0;
    for (const std::string& name : before) lost += stored.out.find(name + "\n") == std::string::npos;
    EXPECT_EQ(lost, 0) << "writes acknowledged before the backup are missing from the restore";
    CommandResult count = RunSql(target, "SELECT count(*) FROM instruments");
    EXPECT_EQ(std::atoll(count.out.c_str()), ManifestCount(folder_ / "b", "instruments")) << count.out;
    CommandResult audit = RunCli({"audit", "verify", "--db", target});
    EXPECT_EQ(audit.exit_code, 0) << audit.out << audit.err;
    // Both acts are in the trails: the backup in the live platform's, the restore in the restored one's.
    EXPECT_EQ(RunSql(url_, "SELECT count(*) FROM audit_events WHERE event_type = 'backup.taken'").out, "1\n");
    EXPECT_EQ(RunSql(target, "SELECT count(*) FROM audit_events WHERE event_type = 'backup.restored'").out, "1\n");
    restored.reset();

    std::printf(
        "backup drill %s: backup %.2f s beside %d writers (%d writes acknowledged during it), "
        "restore %.2f s, restored server serving after %.2f s (RTO); acknowledged before the "
        "backup %zu, lost 0 expected, lost %d\n",
        TestEngine().c_str(), backup_seconds, 3, acknowledged_during, restore_seconds, rto_seconds, before.size(),
        lost);
}

TEST_F(BackupTest, AChangedOrIncompleteBackupIsRefusedAndEveryTargetMustBeClean) {
    std::string photo = UploadPhoto('q');
    fs::path b = folder_ / "b";
    ASSERT_EQ(Backup(b).exit_code, 0);
    std::int64_t instruments = ManifestCount(b, "instruments");

    // The backup's own folder must be new or empty; --to is required.
    CommandResult again = Backup(b);
    EXPECT_EQ(again.exit_code, 2);
    EXPECT_NE(again.err.find("not an empty folder"), std::string::npos) << again.err;
    EXPECT_EQ(RunKeyuan({"backup", "--db", url_}).exit_code, 2);

    // Restoring over the live database is refused and leaves it as it was.
    CommandResult over = Restore(b, url_);
    EXPECT_EQ(over.exit_code, 2) << over.out << over.err;
    EXPECT_EQ(std::atoll(RunSql(url_, "SELECT count(*) FROM instruments").out.c_str()), instruments);
    // A backup of one engine does not restore into the other.
    std::string other = TestEngine() == "sqlite" ? "postgresql://nobody@127.0.0.1:1/none"
                                                 : "sqlite:" + (folder_ / "other.sqlite").string();
    CommandResult crossed = RunKeyuan({"restore", "--from", b.string(), "--db", other});
    EXPECT_EQ(crossed.exit_code, 2) << crossed.err;
    EXPECT_NE(crossed.err.find("same engine"), std::string::npos) << crossed.err;

    // One changed byte in a photo: verification names the file, restore writes nothing.
    fs::path changed = folder_ / "changed";
    fs::copy(b, changed, fs::copy_options::recursive);
    {
        // Photos fan out by the first two characters of their name (modules/media).
        std::fstream f(changed / "media" / photo.substr(0, 2) / photo, std::ios::in | std::ios::out | std::ios::binary);
        ASSERT_TRUE(f.is_open()) << photo;
        f.seekp(100);
        f.put('X');
    }
    CommandResult bad = Verify(changed);
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.out.find("media/" + photo.substr(0, 2) + "/" + photo + ": its content changed"), std::string::npos)
        << bad.out;
    std::string target = CleanTarget();
    CommandResult refused = Restore(changed, target);
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("nothing was restored"), std::string::npos) << refused.err;
    if (TestEngine() == "sqlite") {
        EXPECT_FALSE(fs::exists(*store::SqlitePathOf(target))) << "no file is left where the restore was refused";
    } else {
        EXPECT_EQ(RunSql(target, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").out, "0\n");
    }
    EXPECT_FALSE(fs::exists(MediaDirOf(target)));

    // A file the manifest does not list, a missing manifest, a manifest that reaches outside.
    fs::path extra = folder_ / "extra";
    fs::copy(b, extra, fs::copy_options::recursive);
    std::ofstream(extra / "media" / "planted.png") << "x";
    CommandResult planted = Verify(extra);
    EXPECT_EQ(planted.exit_code, 1);
    EXPECT_NE(planted.out.find("media/planted.png: not in the manifest"), std::string::npos) << planted.out;
    fs::remove(extra / "media" / "planted.png");
    std::string manifest_text = [&] {
        std::ifstream in(extra / "manifest.json");
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }();
    std::string escaping = manifest_text;
    escaping.replace(escaping.find("\"media/"), 7, "\"../../etc/");
    std::ofstream(extra / "manifest.json", std::ios::trunc) << escaping;
    CommandResult climbing = Verify(extra);
    EXPECT_EQ(climbing.exit_code, 1);
    EXPECT_NE(climbing.err.find("leaves the backup folder"), std::string::npos) << climbing.err;
    fs::remove(extra / "manifest.json");
    CommandResult unfinished = Verify(extra);
    EXPECT_EQ(unfinished.exit_code, 1);
    EXPECT_NE(unfinished.err.find("did not finish"), std::string::npos) << unfinished.err;

    // Photos and index folders of the target must be clean too.
    std::string dirty = CleanTarget();
    fs::create_directories(MediaDirOf(dirty));
    std::ofstream(fs::path(MediaDirOf(dirty)) / "old.png") << "old";
    CommandResult into_dirty = Restore(b, dirty);
    EXPECT_EQ(into_dirty.exit_code, 2);
    EXPECT_NE(into_dirty.err.find("photos folder"), std::string::npos) << into_dirty.err;
}

// SQLite: a -wal file left at the target path by a database removed without it would be replayed
// onto the restored file; restore removes it first.
TEST_F(BackupTest, ARestoreRemovesAStaleWriteAheadLogAtItsTarget) {
    if (TestEngine() != "sqlite") GTEST_SKIP() << "SQLite's write-ahead log";
    fs::path b = folder_ / "b";
    ASSERT_EQ(Backup(b).exit_code, 0);
    std::string target = CleanTarget();
    std::string path = *store::SqlitePathOf(target);
    std::ofstream(path + "-wal") << std::string(4096, '\x37');
    CommandResult restore = Restore(b, target);
    ASSERT_EQ(restore.exit_code, 0) << restore.out << restore.err;
    EXPECT_NE(restore.out.find("removed the stale"), std::string::npos) << restore.out;
    EXPECT_EQ(RunSql(target, "PRAGMA integrity_check").out, "ok\n");
    EXPECT_EQ(std::atoll(RunSql(target, "SELECT count(*) FROM instruments").out.c_str()),
              ManifestCount(b, "instruments"));
}

}  // namespace
}  // namespace keyuan::testing
