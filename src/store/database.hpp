#pragma once
// One store interface, two engines (sqlite/, postgres/). Calls block: the HTTP layer runs
// them on its worker pool, never on a network thread.

#include <atomic>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "store/errors.hpp"
#include "store/param.hpp"
#include "store/rows.hpp"

namespace keyuan::store {

enum class Engine { kSqlite, kPostgres };

/// "sqlite" or "postgresql", as the health endpoint reports it.
const char* EngineName(Engine engine);

/// A connection lent to the caller for the length of one Read or Write. Not thread-safe.
class Session {
public:
    virtual ~Session() = default;
    virtual Engine engine() const = 0;

    /// Runs one statement with $1…$N parameters and returns its rows (and affected count).
    virtual Rows Query(std::string_view sql, std::span<const Param> params) = 0;
    /// Runs a script of several statements without parameters (migrations).
    virtual void ExecScript(std::string_view sql) = 0;
    /// Runs `before` (statements without parameters whose rows are not wanted), then `sql` (one
    /// statement without parameters), and returns the rows of `sql`. PostgreSQL sends them in one
    /// round trip; each statement still takes its own snapshot under READ COMMITTED, after the
    /// ones before it have finished (so `sql` sees what a lock taken in `before` waited for).
    virtual Rows QueryAfter(std::string_view before, std::string_view sql) {
        ExecScript(before);
        return Query(sql);
    }

    /// Runs a statement whose rows and count the caller does not need (an INSERT of a version,
    /// an audit line, a link). PostgreSQL sends it without waiting for its answer (libpq's
    /// pipeline mode): the answers are read with the next statement that waits (any Query, the
    /// commit), in the same round trip, and the first error among them is thrown there. SQLite
    /// runs it at once. Never for a conditional write: its count is what decides.
    virtual void Send(std::string_view sql, std::span<const Param> params) { Query(sql, params); }
    void Send(std::string_view sql, std::initializer_list<Param> params = {}) {
        Send(sql, std::span<const Param>(params.begin(), params.size()));
    }

    Rows Query(std::string_view sql, std::initializer_list<Param> params = {}) {
        return Query(sql, std::span<const Param>(params.begin(), params.size()));
    }
    /// Runs a statement and returns how many rows it changed.
    std::int64_t Execute(std::string_view sql, std::initializer_list<Param> params = {}) {
        return Query(sql, params).affected();
    }
    /// Runs an INSERT … RETURNING id and returns the id.
    std::int64_t InsertReturningId(std::string_view sql, std::initializer_list<Param> params) {
        Rows rows = Query(sql, params);
        // A statement without RETURNING answers no row: a programming mistake, not a crash.
        if (rows.empty()) throw std::logic_error("InsertReturningId: no row returned by " + std::string(sql));
        return rows.front().Int(0);
    }
};

/// How a Write transaction isolates itself on PostgreSQL; SQLite always serialises writers.
enum class Isolation { kReadCommitted, kRepeatableRead, kSerializable };

struct WriteOptions {
    Isolation isolation = Isolation::kReadCommitted;
    /// Attempts in all, counting the first, for retryable failures.
    int max_attempts = 5;
};

/// A database of either engine. Thread-safe: every method may be called from any thread.
/// Transactions do not nest: never call Read or Write inside another's body (the pool would
/// wait for itself). After a DbError inside a body, let it propagate: PostgreSQL refuses the
/// rest of that transaction.
class Database {
public:
    virtual ~Database() = default;
    virtual Engine engine() const = 0;

    /// Runs `fn` in a read-only transaction that sees one snapshot.
    virtual void Read(const std::function<void(Session&)>& fn) = 0;
    /// A Read that may see the data a moment behind the primary: on a PostgreSQL read replica when
    /// [database] replica_urls names one that keeps up (store/replicas.hpp), else like Read. For
    /// what readers accept slightly stale (public lists, statistics); never for a read that decides
    /// a write. A request whose caller wrote in the last seconds reads the primary instead
    /// (read-your-writes, PrimaryReadsScope). `fn` may run twice: again on the primary when the
    /// replica's connection fails midway.
    virtual void ReadMayLag(const std::function<void(Session&)>& fn) { Read(fn); }
    /// Runs `fn`, which issues exactly one SELECT (anything else throws std::logic_error), with
    /// no transaction around it: one statement sees one snapshot on its own, and PostgreSQL
    /// then needs one round trip instead of three (BEGIN, the statement, COMMIT).
    void ReadStatement(const std::function<void(Session&)>& fn);
    /// Runs `fn` in a write transaction and commits it; rolls back if `fn` throws. Retries
    /// the whole of `fn` on retryable failures, so `fn` must have no effect outside the
    /// session. Throws DbError subclasses, or whatever `fn` throws. A WriteCompanion waiting
    /// on this thread runs inside the transaction, after `fn`.
    void Write(const std::function<void(Session&)>& fn, const WriteOptions& options);
    void Write(const std::function<void(Session&)>& fn) { Write(fn, WriteOptions{}); }

    /// How many Write calls have returned or thrown so far, through this object. A reader that
    /// notes it before a read transaction and finds it unchanged later knows that nothing was
    /// written through this process since (what other processes write, it cannot know): the
    /// catalog's public cache trusts a counter it read without asking the database again.
    std::uint64_t writes_finished() const { return writes_finished_.load(std::memory_order_acquire); }

    /// Checks that the database answers (SELECT 1); throws ConnectionError if not.
    virtual void Ping() = 0;

    /// The connection pool's size and how many connections are lent out now (GET /metrics).
    struct PoolStats {
        int size = 0;
        int in_use = 0;
        int waiting = 0;  // threads waiting for a connection
    };
    virtual PoolStats pool_stats() const { return {}; }

protected:
    /// The engine's ReadStatement; by default a Read (SQLite's BEGIN and COMMIT cost no round trip).
    virtual void StatementRead(const std::function<void(Session&)>& fn) { Read(fn); }
    /// The engine's Write: the transaction, its retries and its commit.
    virtual void WriteTransaction(const std::function<void(Session&)>& fn, const WriteOptions& options) = 0;

private:
    std::atomic<std::uint64_t> writes_finished_{0};
};

/// Options that apply when a database is opened.
struct OpenOptions {
    /// Reader connections for SQLite, connections in all for PostgreSQL.
    int pool_size = 8;
    /// How long SQLite waits on a lock before SQLITE_BUSY (milliseconds).
    int busy_timeout_ms = 5000;
};

/// Opens `sqlite:PATH` or `postgresql://…` (also `postgres://…`). Throws ConnectionError
/// with a one-line reason a person can act on.
std::unique_ptr<Database> Open(const std::string& url, const OpenOptions& options = {});

/// The URL with its password shown as *** (postgresql://user:***@host/db), for logs and reports.
std::string RedactedUrl(const std::string& url);

/// The file path of a `sqlite:PATH` URL (sqlite:///abs and sqlite://rel too); nullopt for any other URL.
std::optional<std::string> SqlitePathOf(const std::string& url);

}  // namespace keyuan::store
