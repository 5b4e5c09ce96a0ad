#pragma once
// One libpq connection: the session settings keyuan relies on, a cache of prepared statements,
// and PostgreSQL errors turned into the store's typed exceptions.

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/param.hpp"
#include "store/rows.hpp"

// libpq's handles, declared here so that only connection.cpp includes libpq-fe.h.
struct pg_conn;
struct pg_result;

namespace keyuan::store::postgres {

/// A connection to PostgreSQL. Not thread-safe: the pool lends it to one session at a time.
class Connection {
public:
    /// Connects to `url` (a libpq URI) and applies the session settings. Throws ConnectionError
    /// with one line naming the server and libpq's reason, never the password.
    explicit Connection(const std::string& url);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Opens a transaction with `begin` (BEGIN ISOLATION LEVEL …) when its first statement runs,
    /// in the same round trip (pipeline mode). If the connection is found lost before BEGIN
    /// answered (a server that closed it while it sat idle shows it only then), it is reset and
    /// both are sent once more, as a BEGIN on its own would be. A transaction that ends before
    /// any statement ran costs no round trip at all.
    void BeginWithFirstStatement(std::string begin);
    /// Runs one statement with $1…$N parameters, preparing it on first use on this connection.
    /// Throws DbError or a subclass chosen by SQLSTATE.
    Rows Query(std::string_view sql, std::span<const Param> params);
    /// Sends one statement in pipeline mode without reading its answer (Session::Send): read,
    /// with every other one sent so, by the next Query, Exec or Commit, which throws the first
    /// error among them. The transaction's first statement and one not prepared yet on this
    /// connection are not sent so: the first is run at once, the other after the answers due.
    void Send(std::string_view sql, std::span<const Param> params);
    /// Runs one or more statements without parameters (simple query protocol).
    void Exec(std::string_view sql);
    /// The same, in one round trip, returning the rows of the last statement (libpq keeps only
    /// the last result; an earlier statement that fails stops the rest and is thrown).
    Rows ExecRows(std::string_view sql);
    /// Commits the open transaction. Throws CommitInDoubtError if the connection breaks while
    /// COMMIT is under way, and DbError if the server rolled back instead.
    void Commit();
    /// Rolls back the open transaction, if any. Logs a failure instead of throwing: the caller is
    /// already unwinding with a better exception, and EnsureUsable resets such a connection.
    void Rollback();
    /// Makes the connection ready for a new transaction: one that broke, or that was left inside
    /// a transaction, is reconnected with PQreset. Throws ConnectionError if that fails.
    void EnsureUsable();

private:
    struct Deleter {
        void operator()(pg_conn* conn) const;
    };

    bool Alive() const;
    void Configure();
    const std::string& Prepare(std::string_view sql);
    Rows QueryNow(std::string_view sql, std::span<const Param> params);
    Rows QueryAfterBegin(std::string_view sql, std::span<const Param> params);
    Rows SimpleQuery(const std::string& text, std::string_view sql);
    /// Runs `send(begin, begun)`, which sends the pending BEGIN with the transaction's first
    /// statement and sets `begun` once BEGIN has answered; once more on a fresh connection if
    /// the connection was lost before that.
    template <typename SendFirst>
    Rows First(SendFirst send);
    [[noreturn]] void ThrowError(const pg_result* result, std::string_view sql);
    /// Ends the pipeline of statements sent by Send: a sync, then every answer read; throws
    /// the first error among them. `last` (a prepared statement's name and values), when given,
    /// is sent in the same round trip after them and its rows are returned.
    struct Last {
        std::string_view sql;
        const std::string* name;
        int count;
        const char* const* values;
    };
    Rows Drain(const Last* last = nullptr);
    /// Leaves the pipeline without reporting its errors (the transaction is being rolled back).
    void Abandon();

    std::unique_ptr<pg_conn, Deleter> conn_;
    /// "host:port/database", for messages.
    std::string where_;
    /// SQL text → name of its prepared statement on this connection ("s1", "s2" …).
    std::map<std::string, std::string, std::less<>> statements_;
    std::int64_t next_statement_ = 1;
    /// The BEGIN not sent yet (BeginWithFirstStatement), or "".
    std::string begin_;
    /// The statements sent by Send whose answers are not read yet (their SQL, for messages: keys
    /// of statements_, which stay put), in the order sent.
    std::vector<std::string_view> sent_;
};

}  // namespace keyuan::store::postgres
