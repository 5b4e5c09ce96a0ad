#pragma once
// Rows collected in memory for one table, and their insertion: multi-row INSERTs on
// PostgreSQL, single-row ones on SQLite, with the same SQL text for every full batch so that
// both engines reuse the prepared statement.

#include <cstddef>
#include <initializer_list>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace keyuan::demo {

class TableRows {
public:
    TableRows(std::string table, std::vector<std::string> columns);

    /// Appends a row; its values follow the column order.
    void Add(std::initializer_list<store::Param> row);
    std::size_t size() const { return values_.size() / columns_.size(); }
    bool empty() const { return values_.empty(); }
    void clear() { values_.clear(); }

    const std::string& table() const { return table_; }
    const std::vector<std::string>& columns() const { return columns_; }
    const std::vector<store::Param>& values() const { return values_; }

private:
    std::string table_;
    std::vector<std::string> columns_;
    std::vector<store::Param> values_;
};

/// Inserts every row, in batches; throws store::DbError subclasses.
void InsertRows(store::Session& session, const TableRows& rows);

/// One past the largest id of `table`: the generator gives ids itself, so rows refer to each other
/// without a query.
std::int64_t NextId(store::Session& session, const std::string& table);

/// PostgreSQL's identity sequences do not see explicit ids: moves `table`'s past the largest one
/// (nothing to do on SQLite).
void ResetIdSequence(store::Session& session, const std::string& table);

}  // namespace keyuan::demo
