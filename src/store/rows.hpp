#pragma once
// Query results, materialised as text cells so that both engines give the same shape.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace keyuan::store {

class Rows;

/// A view of one row of a Rows; valid while the Rows lives.
class Row {
public:
    Row(const Rows& rows, std::size_t index) : rows_(&rows), index_(index) {}
    bool IsNull(std::size_t col) const;
    /// The cell as text ("" for NULL).
    std::string_view Text(std::size_t col) const;
    std::optional<std::string> OptText(std::size_t col) const;
    /// The cell as an integer; NULL reads as 0. Throws DbError if the cell is not an integer.
    std::int64_t Int(std::size_t col) const;
    std::optional<std::int64_t> OptInt(std::size_t col) const;
    double Real(std::size_t col) const;
    /// 0/1 integers, and PostgreSQL's t/f.
    bool Bool(std::size_t col) const;

private:
    const Rows* rows_;
    std::size_t index_;
};

/// The rows a statement returned, and how many rows it changed.
class Rows {
public:
    Rows() = default;
    explicit Rows(std::vector<std::string> columns) : columns_(std::move(columns)) {}

    std::size_t size() const { return columns_.empty() ? 0 : cells_.size() / columns_.size(); }
    bool empty() const { return size() == 0; }
    const std::vector<std::string>& columns() const { return columns_; }
    Row operator[](std::size_t i) const { return Row(*this, i); }
    Row front() const { return Row(*this, 0); }
    std::int64_t affected() const { return affected_; }

    /// Appends a cell of the current row, row-major; used by the engine implementations.
    void AppendCell(std::optional<std::string> cell) { cells_.push_back(std::move(cell)); }
    void set_affected(std::int64_t n) { affected_ = n; }
    const std::optional<std::string>& Cell(std::size_t row, std::size_t col) const {
        return cells_[row * columns_.size() + col];
    }

private:
    std::vector<std::string> columns_;
    std::vector<std::optional<std::string>> cells_;
    std::int64_t affected_ = 0;
};

}  // namespace keyuan::store
