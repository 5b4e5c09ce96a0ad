#pragma once
// The fixture of the store tests (store_test.cpp, store_open_test.cpp): the PostgreSQL test URL,
// temporary paths, and a fresh database of the engine under test with tables of this process.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "store/database.hpp"

namespace keyuan::store {

// The test server's URL: KEYUAN_TEST_PG_URL, or the first line of the file that
// KEYUAN_TEST_PG_URL_FILE names (ctest's pg_start writes it); "" when neither is set.
inline std::string PgUrl() {
    if (const char* url = std::getenv("KEYUAN_TEST_PG_URL")) return url;
    std::string url;
    if (const char* file = std::getenv("KEYUAN_TEST_PG_URL_FILE")) std::getline(std::ifstream(file), url);
    return url;
}

inline std::string EngineLabel(const ::testing::TestParamInfo<Engine>& info) {
    return info.param == Engine::kSqlite ? "Sqlite" : "Postgres";
}

// A path under the test's temporary directory that no other test process uses.
inline std::string TempPath(std::string_view name) {
    static std::atomic<int> counter{0};
    return ::testing::TempDir() + "keyuan_store_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter) +
           "_" + std::string(name);
}

inline void RemoveSqliteFiles(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix);
}

// Opens a fresh database of the engine under test. Tables carry the process id and are dropped
// afterwards, so that reruns and parallel test processes can share one PostgreSQL database.
class StoreTest : public ::testing::TestWithParam<Engine> {
protected:
    void SetUp() override {
        if (GetParam() == Engine::kSqlite) {
            path_ = TempPath("store.db");
            db_ = Open("sqlite:" + path_);
            return;
        }
        if (PgUrl().empty()) {
            GTEST_SKIP() << "set KEYUAN_TEST_PG_URL to run the PostgreSQL cases (tests/pg_server.sh start DIR)";
        }
        db_ = Open(PgUrl());
    }

    void TearDown() override {
        if (db_ && !tables_.empty()) {
            // Newest first: a later table may refer to an earlier one.
            db_->Write([&](Session& s) {
                for (auto it = tables_.rbegin(); it != tables_.rend(); ++it) {
                    s.ExecScript("DROP TABLE IF EXISTS " + *it);
                }
            });
        }
        db_.reset();
        if (!path_.empty()) RemoveSqliteFiles(path_);
    }

    // Creates (afresh) a table of this process named after `base` and returns its name.
    std::string CreateTable(std::string_view base, const std::string& columns) {
        std::string table = std::string(base) + "_" + std::to_string(getpid());
        tables_.push_back(table);
        db_->Write([&](Session& s) {
            s.ExecScript("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (" + columns + ")");
        });
        return table;
    }

    // An auto-numbered primary key in the dialect of the engine under test.
    std::string IdColumn() const {
        return GetParam() == Engine::kSqlite ? "id INTEGER PRIMARY KEY"
                                             : "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
    }

    std::int64_t Count(const std::string& table) {
        std::int64_t count = -1;
        db_->Read([&](Session& s) { count = s.Query("SELECT COUNT(*) FROM " + table).front().Int(0); });
        return count;
    }

    std::unique_ptr<Database> db_;
    std::string path_;
    std::vector<std::string> tables_;
};

}  // namespace keyuan::store
