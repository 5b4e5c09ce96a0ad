// Bytes in {{BLOB}} columns on both engines: every byte value, NUL included, comes back as it
// went in (SQLite binds a blob; PostgreSQL gets bytea's hex form and its text results are decoded).
#include "unit/store_fixture.hpp"

namespace keyuan::store {
namespace {

class StoreBytesTest : public StoreTest {};

TEST_P(StoreBytesTest, RoundTripsEveryByteValue) {
    std::string blob = GetParam() == Engine::kSqlite ? "BLOB" : "BYTEA";
    std::string t = CreateTable("bytes", IdColumn() + ", content " + blob + " NOT NULL, empty " + blob);
    std::string bytes;
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
    }
    std::string large(3 * 1024 * 1024, '\0');
    for (std::size_t i = 0; i < large.size(); ++i) large[i] = static_cast<char>((i * 131) % 251);
    db_->Write([&](Session& s) {
        s.Execute("INSERT INTO " + t + " (content, empty) VALUES ($1, $2)", {Param::Bytes(bytes), Param::Bytes("")});
        s.Execute("INSERT INTO " + t + " (content) VALUES ($1)", {Param::Bytes(large)});
    });
    db_->Read([&](Session& s) {
        Rows rows = s.Query("SELECT content, empty, length(content) FROM " + t + " ORDER BY id");
        ASSERT_EQ(rows.size(), 2u);
        EXPECT_EQ(rows[0].Text(0), bytes);
        EXPECT_FALSE(rows[0].IsNull(1));
        EXPECT_EQ(rows[0].Text(1), "");
        EXPECT_EQ(rows[0].Int(2), 768);  // stored as bytes, not as their hex text
        EXPECT_TRUE(rows[1].Text(0) == large);
        EXPECT_TRUE(rows[1].IsNull(1));
    });
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreBytesTest, ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineLabel);

}  // namespace
}  // namespace keyuan::store
