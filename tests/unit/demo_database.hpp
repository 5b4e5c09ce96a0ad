#pragma once
// Shared by the demo generator's tests (demo_test.cpp, demo_seed_test.cpp): a migrated SQLite
// database in a temporary file, and reading one value or every cell of a query.
#include <gtest/gtest.h>
#include <unistd.h>

#include <set>

#include "access/crypto.hpp"
#include "core/date.hpp"
#include "modules/accounts/password_policy.hpp"
#include "modules/catalog/credit_code.hpp"
#include "store/migrations.hpp"
#include "tools/demo/command_line.hpp"
#include "tools/demo/generator.hpp"
#include "tools/demo/plan.hpp"
#include "tools/demo/vocabulary.hpp"

namespace keyuan::demo {

/// A migrated SQLite database in a temporary file, removed again when it goes.
class TempDatabase {
public:
    explicit TempDatabase(const std::string& name)
        : path_(::testing::TempDir() + "/demo-" + std::to_string(::getpid()) + "-" + name + ".db") {
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

inline std::int64_t Scalar(store::Database& db, const std::string& sql) {
    std::int64_t value = 0;
    db.Read([&](store::Session& s) { value = s.Query(sql).front().Int(0); });
    return value;
}

/// Every cell of a query's rows, row by row, NULL as "<null>".
inline std::vector<std::vector<std::string>> Cells(store::Database& db, const std::string& sql) {
    std::vector<std::vector<std::string>> out;
    db.Read([&](store::Session& s) {
        store::Rows rows = s.Query(sql);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            std::vector<std::string> row;
            for (std::size_t c = 0; c < rows.columns().size(); ++c) {
                row.push_back(rows[i].IsNull(c) ? "<null>" : std::string(rows[i].Text(c)));
            }
            out.push_back(std::move(row));
        }
    });
    return out;
}

}  // namespace keyuan::demo
