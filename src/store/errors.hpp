#pragma once
// Infrastructure failures of the database, as typed exceptions that keep the cause
// (SQLSTATE or SQLite extended code) and whether a retry can help.

#include <stdexcept>
#include <string>

namespace keyuan::store {

/// Any database failure. `retryable()` is true for serialization failures, deadlocks and
/// SQLITE_BUSY, which Database::Write retries by itself.
class DbError : public std::runtime_error {
public:
    DbError(const std::string& message, std::string sqlstate, bool retryable)
        : std::runtime_error(message), sqlstate_(std::move(sqlstate)), retryable_(retryable) {}
    /// PostgreSQL's SQLSTATE, or "sqlite:<extended code>".
    const std::string& sqlstate() const { return sqlstate_; }
    bool retryable() const { return retryable_; }

private:
    std::string sqlstate_;
    bool retryable_;
};

/// A constraint of the schema refused the write (unique, foreign key, check, not null).
class ConstraintError : public DbError {
public:
    enum class Kind { kUnique, kForeignKey, kCheck, kNotNull, kExclusion, kOther };
    ConstraintError(const std::string& message, std::string sqlstate, Kind kind)
        : DbError(message, std::move(sqlstate), false), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

/// The database cannot be reached or the connection broke.
class ConnectionError : public DbError {
public:
    explicit ConnectionError(const std::string& message) : DbError(message, "08000", false) {}
};

/// The commit was sent but its outcome is unknown (the connection broke during COMMIT).
class CommitInDoubtError : public DbError {
public:
    explicit CommitInDoubtError(const std::string& message) : DbError(message, "08007", false) {}
};

}  // namespace keyuan::store
