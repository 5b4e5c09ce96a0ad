#pragma once
// Shared by the demo generator's tests (demo_test.cpp, demo_seed_test.cpp, demo_achievements_test.cpp): a
// migrated SQLite database in a temporary file, reading one value or every cell of a query, and the small catalog.
#include <gtest/gtest.h>
#include <unistd.h>

#include <set>

#include "access/crypto.hpp"
#include "core/date.hpp"
#include "modules/accounts/password_policy.hpp"
#include "modules/catalog/credit_code.hpp"
#include "store/migrations.hpp"
#include "support/temp_database.hpp"
#include "tools/demo/command_line.hpp"
#include "tools/demo/generator.hpp"
#include "tools/demo/plan.hpp"
#include "tools/demo/vocabulary.hpp"

namespace keyuan::demo {

using testing::TempDatabase;  // tests/support/temp_database.hpp

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

/// One small catalog shared by a suite's read-only cases: generating it once keeps the suite fast.
class DemoSmall : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        database_ = new TempDatabase("small");
        db_ = &**database_;
        Result<DemoSummary> result = GenerateDemo(*db_, DemoOptions{});
        ASSERT_TRUE(result.ok());
        summary_ = result.value();
    }
    static void TearDownTestSuite() {
        delete database_;
        database_ = nullptr;
        db_ = nullptr;
    }
    static inline TempDatabase* database_ = nullptr;
    static inline store::Database* db_ = nullptr;
    static inline DemoSummary summary_;
};

}  // namespace keyuan::demo
