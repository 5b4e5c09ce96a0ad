#pragma once
// A migrated SQLite database in a temporary file, removed again when it goes: for unit tests of
// code that reads and writes the store without a server.

#include <gtest/gtest.h>
#include <unistd.h>

#include <memory>
#include <string>

#include "store/database.hpp"
#include "store/migrations.hpp"

namespace keyuan::testing {

class TempDatabase {
public:
    explicit TempDatabase(const std::string& name)
        : path_(::testing::TempDir() + "/keyuan-" + std::to_string(::getpid()) + "-" + name + ".db") {
        Remove();
        db_ = store::Open("sqlite:" + path_);
        store::Migrate(*db_, store::BuiltInMigrations());
    }
    ~TempDatabase() {
        db_.reset();
        Remove();
    }
    TempDatabase(const TempDatabase&) = delete;
    TempDatabase& operator=(const TempDatabase&) = delete;

    store::Database& operator*() { return *db_; }

private:
    void Remove() {
        for (const char* suffix : {"", "-wal", "-shm"}) ::unlink((path_ + suffix).c_str());
    }
    std::string path_;
    std::unique_ptr<store::Database> db_;
};

}  // namespace keyuan::testing
