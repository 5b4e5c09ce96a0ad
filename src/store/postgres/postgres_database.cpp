#include "store/postgres/postgres_database.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "store/postgres/connection.hpp"
#include "store/retry.hpp"

namespace keyuan::store {
namespace {

using postgres::Connection;

constexpr const char* kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

const char* BeginWrite(Isolation isolation) {
    switch (isolation) {
        case Isolation::kReadCommitted: return "BEGIN ISOLATION LEVEL READ COMMITTED";
        case Isolation::kRepeatableRead: return "BEGIN ISOLATION LEVEL REPEATABLE READ";
        case Isolation::kSerializable: return "BEGIN ISOLATION LEVEL SERIALIZABLE";
    }
    return "BEGIN ISOLATION LEVEL SERIALIZABLE";
}

// A fixed set of connections, all opened up front, lent out one at a time.
class Pool {
public:
    // Holds one connection, waiting for it if all are lent out, and returns it to the pool when it
    // goes out of scope.
    class Lease {
    public:
        explicit Lease(Pool& pool) : pool_(pool), conn_(pool.Take()) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease() { pool_.Release(conn_); }
        Connection& connection() const { return conn_; }

    private:
        Pool& pool_;
        Connection& conn_;
    };

    Pool(const std::string& url, int size) {
        for (int i = 0; i < std::max(1, size); ++i) all_.push_back(std::make_unique<Connection>(url));
        for (const auto& conn : all_) idle_.push_back(conn.get());
    }

    Database::PoolStats Stats() const {
        std::lock_guard lock(mutex_);
        return {.size = static_cast<int>(all_.size()),
                .in_use = static_cast<int>(all_.size() - idle_.size()),
                .waiting = waiting_};
    }

private:
    Connection& Take() {
        std::unique_lock lock(mutex_);
        ++waiting_;
        available_.wait(lock, [this] { return !idle_.empty(); });
        --waiting_;
        Connection* conn = idle_.back();
        idle_.pop_back();
        return *conn;
    }

    void Release(Connection& conn) {
        {
            std::lock_guard lock(mutex_);
            idle_.push_back(&conn);
        }
        available_.notify_one();
    }

    std::vector<std::unique_ptr<Connection>> all_;
    mutable std::mutex mutex_;
    int waiting_ = 0;
    std::condition_variable available_;
    std::vector<Connection*> idle_;
};

class PgSession final : public Session {
public:
    explicit PgSession(Connection& conn) : conn_(conn) {}
    using Session::Query;

    Engine engine() const override { return Engine::kPostgres; }
    Rows Query(std::string_view sql, std::span<const Param> params) override { return conn_.Query(sql, params); }
    void Send(std::string_view sql, std::span<const Param> params) override { conn_.Send(sql, params); }
    void ExecScript(std::string_view sql) override { conn_.Exec(sql); }
    Rows QueryAfter(std::string_view before, std::string_view sql) override {
        return conn_.ExecRows(std::string(before) + ";\n" + std::string(sql));
    }

private:
    Connection& conn_;
};

// Runs the first statement on a connection fresh from the pool, reconnecting it first if an
// earlier use broke it. A connection that the server closed while it sat idle (restart, idle
// timeout) shows it only now; nothing has run on it yet, so reconnecting once more is safe.
void ExecFirst(Connection& conn, const char* sql) {
    conn.EnsureUsable();
    try {
        conn.Exec(sql);
    } catch (const ConnectionError&) {
        conn.EnsureUsable();
        conn.Exec(sql);
    }
}

// Runs `fn` and then `finish` (COMMIT) inside the transaction that `begin` opens; rolls back
// and rethrows if either throws.
template <typename Finish>
void RunTransaction(Connection& conn, const char* begin, const std::function<void(Session&)>& fn, Finish finish) {
    // BEGIN goes out with the first statement: one round trip fewer per transaction. Like
    // ExecFirst, that statement is sent again once on a fresh connection if this one was lost.
    conn.EnsureUsable();
    conn.BeginWithFirstStatement(begin);
    try {
        PgSession session(conn);
        fn(session);
        finish();
    } catch (...) {
        conn.Rollback();
        throw;
    }
}

class PgDatabase final : public Database {
public:
    PgDatabase(const std::string& url, const OpenOptions& options) : pool_(url, options.pool_size) {}

    Engine engine() const override { return Engine::kPostgres; }

    void Read(const std::function<void(Session&)>& fn) override {
        Pool::Lease lease(pool_);
        Connection& conn = lease.connection();
        // Nothing was written, so a COMMIT lost with the connection leaves nothing in doubt.
        RunTransaction(conn, kBeginRead, fn, [&conn] { conn.Exec("COMMIT"); });
    }

    void StatementRead(const std::function<void(Session&)>& fn) override {
        Pool::Lease lease(pool_);
        Connection& conn = lease.connection();
        // Autocommit: the statement is its own transaction, and a failed one leaves nothing
        // open to roll back. A connection the server closed while it sat idle shows it only
        // now, before anything ran, so one retry on a fresh connection is safe.
        conn.EnsureUsable();
        PgSession session(conn);
        try {
            fn(session);
        } catch (const ConnectionError&) {
            conn.EnsureUsable();
            fn(session);
        }
    }

    void WriteTransaction(const std::function<void(Session&)>& fn, const WriteOptions& options) override {
        detail::RunWithRetry(options.max_attempts, [&] {
            Pool::Lease lease(pool_);
            Connection& conn = lease.connection();
            RunTransaction(conn, BeginWrite(options.isolation), fn, [&conn] { conn.Commit(); });
        });
    }

    void Ping() override {
        Pool::Lease lease(pool_);
        ExecFirst(lease.connection(), "SELECT 1");
    }

    PoolStats pool_stats() const override { return pool_.Stats(); }

private:
    Pool pool_;
};

}  // namespace

std::unique_ptr<Database> OpenPostgres(const std::string& url, const OpenOptions& options) {
    return std::make_unique<PgDatabase>(url, options);
}

}  // namespace keyuan::store
