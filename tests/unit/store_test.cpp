// The store interface against both engines: SQLite on a temporary file, and PostgreSQL at
// KEYUAN_TEST_PG_URL (`tests/pg_server.sh start DIR` prints one) or in KEYUAN_TEST_PG_URL_FILE.
// Without either, the PostgreSQL cases are skipped.
#include "unit/store_fixture.hpp"

namespace keyuan::store {
namespace {

TEST_P(StoreTest, ReportsItsEngineAndAnswersPing) {
    EXPECT_EQ(db_->engine(), GetParam());
    EXPECT_NO_THROW(db_->Ping());
    db_->Read([&](Session& s) { EXPECT_EQ(s.engine(), GetParam()); });
}

TEST_P(StoreTest, RoundTripsIntegersTextAndNulls) {
    std::string t = CreateTable("round_trip", IdColumn() + ", n BIGINT, name TEXT, note TEXT");
    constexpr std::int64_t kBig = 9007199254740993;  // 2^53 + 1: lost if it ever passes through a double
    constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
    std::string insert = "INSERT INTO " + t + " (n, name, note) VALUES ($1, $2, $3)";
    db_->Write([&](Session& s) {
        EXPECT_EQ(s.Execute(insert, {kBig, "质谱仪", "it's \"quoted\"; -- not SQL"}), 1);
        s.Execute(insert, {kMin, "", nullptr});
        s.Execute(insert, {std::optional<std::int64_t>{}, std::optional<std::string>{}, std::optional<std::string>{}});
    });

    db_->Read([&](Session& s) {
        Rows rows = s.Query("SELECT n, name, note FROM " + t + " ORDER BY id");
        ASSERT_EQ(rows.size(), 3u);
        EXPECT_EQ(rows.columns(), (std::vector<std::string>{"n", "name", "note"}));
        EXPECT_EQ(rows[0].Int(0), kBig);
        EXPECT_EQ(rows[0].Text(1), "质谱仪");
        EXPECT_EQ(rows[0].Text(2), "it's \"quoted\"; -- not SQL");
        EXPECT_EQ(rows[1].Int(0), kMin);
        EXPECT_FALSE(rows[1].IsNull(1)) << "empty text is not NULL";
        EXPECT_EQ(rows[1].Text(1), "");
        EXPECT_TRUE(rows[1].IsNull(2));
        EXPECT_EQ(rows[2].OptInt(0), std::nullopt);
        EXPECT_EQ(rows[2].OptText(1), std::nullopt);
    });
}

TEST_P(StoreTest, RoundTripsDoublesExactly) {
    std::string t = CreateTable("doubles", IdColumn() + ", x DOUBLE PRECISION");
    const std::vector<double> values = {0.1, 3.141592653589793, -2.5e-300, 1e300, 123456789.0};
    db_->Write([&](Session& s) {
        for (double v : values) s.Execute("INSERT INTO " + t + " (x) VALUES ($1)", {v});
    });
    db_->Read([&](Session& s) {
        Rows rows = s.Query("SELECT x FROM " + t + " ORDER BY id");
        ASSERT_EQ(rows.size(), values.size());
        for (std::size_t i = 0; i < values.size(); ++i) EXPECT_EQ(rows[i].Real(0), values[i]) << rows[i].Text(0);
    });
}

TEST_P(StoreTest, BindsParametersByNumberNotPosition) {
    std::string t = CreateTable("param_order", "a BIGINT, b TEXT");
    db_->Write([&](Session& s) { s.Execute("INSERT INTO " + t + " (b, a) VALUES ($2, $1)", {7, "seven"}); });
    db_->Read([&](Session& s) {
        Rows rows = s.Query("SELECT a, b FROM " + t + " WHERE b = $2 AND a = $1", {7, "seven"});
        ASSERT_EQ(rows.size(), 1u);
        EXPECT_EQ(rows[0].Int(0), 7);
        EXPECT_EQ(rows[0].Text(1), "seven");
        EXPECT_TRUE(s.Query("SELECT a FROM " + t + " WHERE b = $2 AND a = $1", {8, "seven"}).empty());
    });

    // Too few values is the caller's bug: a DbError, not a broken connection.
    try {
        db_->Read([&](Session& s) { s.Query("SELECT a FROM " + t + " WHERE a = $1 AND b = $2", {7}); });
        ADD_FAILURE() << "a statement ran with a parameter missing";
    } catch (const DbError& e) {
        EXPECT_EQ(dynamic_cast<const ConnectionError*>(&e), nullptr) << e.what();
    }
}

TEST_P(StoreTest, InsertReturningGivesNewIdsAndUpdateCountsRows) {
    std::string t = CreateTable("returning", IdColumn() + ", name TEXT NOT NULL");
    std::int64_t first = 0;
    std::int64_t second = 0;
    db_->Write([&](Session& s) {
        first = s.InsertReturningId("INSERT INTO " + t + " (name) VALUES ($1) RETURNING id", {"a"});
        second = s.InsertReturningId("INSERT INTO " + t + " (name) VALUES ($1) RETURNING id", {"b"});
        Rows both = s.Query("INSERT INTO " + t + " (name) VALUES ($1), ($2) RETURNING id", {"c", "d"});
        EXPECT_EQ(both.size(), 2u);
        EXPECT_EQ(both.affected(), 2);
        EXPECT_EQ(s.Execute("UPDATE " + t + " SET name = name || $1 WHERE name IN ($2, $3)", {"!", "c", "d"}), 2);
    });
    EXPECT_GT(second, first);
    db_->Read([&](Session& s) {
        Rows rows = s.Query("SELECT name FROM " + t + " WHERE id = $1", {second});
        ASSERT_EQ(rows.size(), 1u);
        EXPECT_EQ(rows[0].Text(0), "b");
    });
}

TEST_P(StoreTest, UniqueViolationLeavesNothingHalfWritten) {
    std::string t = CreateTable("unique_codes", IdColumn() + ", code TEXT NOT NULL UNIQUE");
    std::string insert = "INSERT INTO " + t + " (code) VALUES ($1)";
    try {
        db_->Write([&](Session& s) {
            s.Execute(insert, {"A-1"});
            s.Execute(insert, {"A-1"});
        });
        FAIL() << "the duplicate insert succeeded";
    } catch (const ConstraintError& e) {
        EXPECT_EQ(e.kind(), ConstraintError::Kind::kUnique) << e.what();
        EXPECT_FALSE(e.retryable());
    }
    EXPECT_EQ(Count(t), 0);

    db_->Write([&](Session& s) { s.Execute(insert, {"A-1"}); });
    EXPECT_EQ(Count(t), 1) << "the connection works again after the failed transaction";
}

TEST_P(StoreTest, ReportsTheKindOfEachConstraint) {
    std::string parent = CreateTable("kinds_parent", "id BIGINT PRIMARY KEY");
    std::string child = CreateTable("kinds_child", "id BIGINT PRIMARY KEY, parent_id BIGINT REFERENCES " + parent +
                                                       "(id), qty BIGINT NOT NULL CHECK (qty > 0)");
    auto kind_of = [&](std::initializer_list<Param> params) -> std::optional<ConstraintError::Kind> {
        try {
            db_->Write([&](Session& s) {
                s.Execute("INSERT INTO " + child + " (id, parent_id, qty) VALUES ($1, $2, $3)", params);
            });
        } catch (const ConstraintError& e) {
            return e.kind();
        }
        return std::nullopt;
    };
    EXPECT_EQ(kind_of({1, 99, 1}), ConstraintError::Kind::kForeignKey);
    EXPECT_EQ(kind_of({1, nullptr, nullptr}), ConstraintError::Kind::kNotNull);
    EXPECT_EQ(kind_of({1, nullptr, 0}), ConstraintError::Kind::kCheck);
    EXPECT_EQ(kind_of({1, nullptr, 1}), std::nullopt);
}

TEST_P(StoreTest, ExceptionFromWriteBodyRollsBackWithoutRetrying) {
    std::string t = CreateTable("rollback", IdColumn() + ", name TEXT");
    int calls = 0;
    EXPECT_THROW(db_->Write([&](Session& s) {
        ++calls;
        s.Execute("INSERT INTO " + t + " (name) VALUES ($1)", {"ghost"});
        throw std::runtime_error("the service changed its mind");
    }),
                 std::runtime_error);
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(Count(t), 0);
}

TEST_P(StoreTest, ReadSeesCommittedDataAndRefusesWrites) {
    std::string t = CreateTable("committed", IdColumn() + ", qty BIGINT");
    db_->Write([&](Session& s) {
        for (int qty : {1, 2, 3}) s.Execute("INSERT INTO " + t + " (qty) VALUES ($1)", {qty});
    });
    db_->Read([&](Session& s) {
        Rows rows = s.Query("SELECT COUNT(*), SUM(qty) FROM " + t);
        EXPECT_EQ(rows[0].Int(0), 3);
        EXPECT_EQ(rows[0].Int(1), 6);
    });
    EXPECT_THROW(db_->Read([&](Session& s) { s.Execute("INSERT INTO " + t + " (qty) VALUES ($1)", {4}); }), DbError);
    EXPECT_EQ(Count(t), 3);
}

TEST_P(StoreTest, ReadStatementRunsOneSelectAndNothingElse) {
    std::string t = CreateTable("one_statement", IdColumn() + ", qty BIGINT");
    db_->Write([&](Session& s) { s.Execute("INSERT INTO " + t + " (qty) VALUES ($1)", {7}); });
    std::int64_t qty = 0;
    db_->ReadStatement([&](Session& s) { qty = s.Query("SELECT qty FROM " + t).front().Int(0); });
    EXPECT_EQ(qty, 7);
    EXPECT_THROW(db_->ReadStatement([&](Session& s) {
        s.Query("SELECT qty FROM " + t);
        s.Query("SELECT qty FROM " + t);
    }),
                 std::logic_error);
    EXPECT_THROW(db_->ReadStatement([&](Session& s) { s.Execute("INSERT INTO " + t + " (qty) VALUES ($1)", {8}); }),
                 std::logic_error);
    EXPECT_THROW(db_->ReadStatement([&](Session& s) { s.Query("SELECT no_such_column FROM " + t); }), DbError);
    // A failed statement leaves the connection usable, and nothing was written.
    EXPECT_EQ(Count(t), 1);
}

// Read-modify-write under SERIALIZABLE: on PostgreSQL concurrent writers fail with 40001 and
// Write must retry them until every increment lands; SQLite serialises the writers instead.
TEST_P(StoreTest, ConcurrentWritersAllLandThroughRetries) {
    constexpr int kThreads = 8;
    constexpr int kIncrements = 50;
    std::string t = CreateTable("counter", "id BIGINT PRIMARY KEY, n BIGINT NOT NULL");
    db_->Write([&](Session& s) { s.Execute("INSERT INTO " + t + " (id, n) VALUES (1, 0)"); });

    // Generous: a thread that keeps losing backs off exponentially, so it soon wins.
    const WriteOptions options{Isolation::kSerializable, 30};
    std::atomic<int> attempts{0};
    std::mutex errors_mutex;
    std::vector<std::string> errors;
    auto increment = [&](Session& s) {
        ++attempts;
        std::int64_t n = s.Query("SELECT n FROM " + t + " WHERE id = 1").front().Int(0);
        s.Execute("UPDATE " + t + " SET n = $1 WHERE id = 1", {n + 1});
    };
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&] {
            for (int k = 0; k < kIncrements; ++k) {
                try {
                    db_->Write(increment, options);
                } catch (const std::exception& e) {
                    std::lock_guard lock(errors_mutex);
                    errors.emplace_back(e.what());
                }
            }
        });
    }
    for (std::thread& thread : threads) thread.join();

    ASSERT_TRUE(errors.empty()) << errors.size() << " writes failed, the first with: " << errors.front();
    db_->Read([&](Session& s) {
        EXPECT_EQ(s.Query("SELECT n FROM " + t + " WHERE id = 1").front().Int(0), kThreads * kIncrements);
    });
    EXPECT_GE(attempts.load(), kThreads * kIncrements);
}

// PostgreSQL only: a connection the server killed is reconnected before it is used again, both
// when it died inside a transaction and when it died while idle in the pool.
TEST_P(StoreTest, ReconnectsAConnectionTheServerKilled) {
    if (GetParam() != Engine::kPostgres) GTEST_SKIP() << "PostgreSQL only";
    std::unique_ptr<Database> one = Open(PgUrl(), OpenOptions{.pool_size = 1});
    auto backend_pid = [&] {
        std::int64_t pid = 0;
        one->Read([&](Session& s) { pid = s.Query("SELECT pg_backend_pid()").front().Int(0); });
        return pid;
    };

    EXPECT_THROW(one->Write([](Session& s) { s.Query("SELECT pg_terminate_backend(pg_backend_pid())"); }),
                 ConnectionError);
    std::int64_t pid = 0;
    ASSERT_NO_THROW(pid = backend_pid());

    // The second argument makes the server wait until the backend has gone.
    db_->Read([&](Session& s) { s.Query("SELECT pg_terminate_backend($1, 5000)", {pid}); });
    ASSERT_NO_THROW(one->Ping());
    EXPECT_NE(backend_pid(), pid);

    // A statement outside a transaction finds its connection killed while idle, and retries.
    pid = backend_pid();
    db_->Read([&](Session& s) { s.Query("SELECT pg_terminate_backend($1, 5000)", {pid}); });
    std::int64_t answered_by = 0;
    ASSERT_NO_THROW(
        one->ReadStatement([&](Session& s) { answered_by = s.Query("SELECT pg_backend_pid()").front().Int(0); }));
    EXPECT_NE(answered_by, pid);

    // So does a transaction, whose BEGIN goes out with its first statement (prepared already).
    pid = answered_by;
    db_->Read([&](Session& s) { s.Query("SELECT pg_terminate_backend($1, 5000)", {pid}); });
    ASSERT_NO_THROW(answered_by = backend_pid());
    EXPECT_NE(answered_by, pid);
    pid = answered_by;
    db_->Read([&](Session& s) { s.Query("SELECT pg_terminate_backend($1, 5000)", {pid}); });
    ASSERT_NO_THROW(one->Write([&](Session& s) { answered_by = s.Query("SELECT pg_backend_pid()").front().Int(0); }));
    EXPECT_NE(answered_by, pid);
}

// PostgreSQL only: several statements in one round trip (QueryAfter) each see what committed
// before they started, so a lock taken by the first holds back the read of the second.
TEST_P(StoreTest, QueryAfterReadsOnlyOnceTheLockIsHeld) {
    if (GetParam() != Engine::kPostgres) GTEST_SKIP() << "PostgreSQL only";
    std::string t = CreateTable("after_lock", "n BIGINT NOT NULL");
    std::atomic<bool> locked{false};
    std::int64_t seen = -1;
    std::thread holder([&] {
        db_->Write([&](Session& s) {
            s.Query("SELECT pg_advisory_xact_lock(7253099)");
            locked = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            s.Execute("INSERT INTO " + t + " (n) VALUES (1)");
        });
    });
    while (!locked) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    db_->Write([&](Session& s) {
        seen = s.QueryAfter("SELECT pg_advisory_xact_lock(7253099)", "SELECT COUNT(*) FROM " + t).front().Int(0);
    });
    holder.join();
    EXPECT_EQ(seen, 1);
}

// PostgreSQL only: after a statement fails, PostgreSQL refuses the rest of the transaction, so a
// body that catches the error and carries on must not look committed. (SQLite undoes only the
// failed statement and commits the rest: services must not rely on either behaviour.)
TEST_P(StoreTest, CommitAfterACaughtStatementErrorFails) {
    if (GetParam() != Engine::kPostgres) GTEST_SKIP() << "PostgreSQL only";
    std::string t = CreateTable("aborted", "code TEXT PRIMARY KEY");
    std::string insert = "INSERT INTO " + t + " (code) VALUES ($1)";
    db_->Write([&](Session& s) { s.Execute(insert, {"x"}); });
    EXPECT_THROW(db_->Write([&](Session& s) {
        s.Execute(insert, {"y"});
        EXPECT_THROW(s.Execute(insert, {"x"}), ConstraintError);
    }),
                 DbError);
    EXPECT_EQ(Count(t), 1);
}

// Session::Send: on PostgreSQL statements go out without waiting for their answers, which are
// read with the next statement that waits. What they wrote is seen by it and committed; the
// first error among them is thrown there, typed, and the transaction leaves nothing behind.
TEST_P(StoreTest, SentStatementsAreSeenByTheNextQueryAndCommitted) {
    std::string t = CreateTable("sent", "code TEXT PRIMARY KEY, n INTEGER NOT NULL");
    std::string insert = "INSERT INTO " + t + " (code, n) VALUES ($1, $2)";
    db_->Write([&](Session& s) {
        // More than the connection keeps unread at once (256), the first before it is prepared.
        for (int i = 0; i < 600; ++i) s.Send(insert, {"c" + std::to_string(i), i});
        EXPECT_EQ(s.Query("SELECT COUNT(*), SUM(n) FROM " + t).front().Int(0), 600);
        s.Send("UPDATE " + t + " SET n = n + 1 WHERE code = $1", {"c0"});
        s.Send("UPDATE " + t + " SET n = n + 1 WHERE code = $1", {"c0"});
    });
    EXPECT_EQ(Count(t), 600);
    db_->Read([&](Session& s) { EXPECT_EQ(s.Query("SELECT n FROM " + t + " WHERE code = 'c0'").front().Int(0), 2); });
}

TEST_P(StoreTest, AnErrorOfASentStatementIsThrownByTheNextAndNothingIsKept) {
    std::string t = CreateTable("sent_error", "code TEXT PRIMARY KEY");
    std::string insert = "INSERT INTO " + t + " (code) VALUES ($1)";
    db_->Write([&](Session& s) { s.Execute(insert, {"x"}); });
    // Thrown by the next query (PostgreSQL) or by the Send itself (SQLite), as a ConstraintError.
    EXPECT_THROW(db_->Write([&](Session& s) {
        s.Send(insert, {"y"});
        s.Send(insert, {"x"});  // the duplicate
        s.Send(insert, {"z"});
        s.Query("SELECT COUNT(*) FROM " + t);
    }),
                 ConstraintError);
    // Thrown by the commit when nothing waited after it.
    EXPECT_THROW(db_->Write([&](Session& s) {
        s.Send(insert, {"w"});
        s.Send(insert, {"x"});
    }),
                 ConstraintError);
    EXPECT_EQ(Count(t), 1);
    // The connection is usable again, and the statements still run.
    db_->Write([&](Session& s) {
        s.Send(insert, {"y"});
        s.Send(insert, {"z"});
    });
    EXPECT_EQ(Count(t), 3);
}

TEST_P(StoreTest, ASentStatementRolledBackToASavepointLeavesTheRest) {
    std::string t = CreateTable("sent_savepoint", "code TEXT PRIMARY KEY");
    std::string insert = "INSERT INTO " + t + " (code) VALUES ($1)";
    db_->Write([&](Session& s) {
        s.Send(insert, {"a"});
        s.Execute("SAVEPOINT p");
        try {
            s.Send(insert, {"a"});
            s.Execute("RELEASE SAVEPOINT p");
            ADD_FAILURE() << "the duplicate was not reported";
        } catch (const ConstraintError&) {
            s.Execute("ROLLBACK TO SAVEPOINT p");
            s.Execute("RELEASE SAVEPOINT p");
        }
        s.Send(insert, {"b"});
    });
    EXPECT_EQ(Count(t), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreTest, ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineLabel);

}  // namespace
}  // namespace keyuan::store
