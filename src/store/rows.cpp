#include "store/rows.hpp"

#include <charconv>
#include <cstdlib>

#include "store/errors.hpp"

namespace keyuan::store {

bool Row::IsNull(std::size_t col) const {
    return !rows_->Cell(index_, col).has_value();
}

std::string_view Row::Text(std::size_t col) const {
    const auto& cell = rows_->Cell(index_, col);
    return cell ? std::string_view(*cell) : std::string_view();
}

std::optional<std::string> Row::OptText(std::size_t col) const {
    return rows_->Cell(index_, col);
}

std::int64_t Row::Int(std::size_t col) const {
    const auto& cell = rows_->Cell(index_, col);
    if (!cell) return 0;
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(cell->data(), cell->data() + cell->size(), value);
    if (ec != std::errc() || end != cell->data() + cell->size()) {
        throw DbError("column " + rows_->columns()[col] + " is not an integer", "22P02", false);
    }
    return value;
}

std::optional<std::int64_t> Row::OptInt(std::size_t col) const {
    if (IsNull(col)) return std::nullopt;
    return Int(col);
}

double Row::Real(std::size_t col) const {
    const auto& cell = rows_->Cell(index_, col);
    return cell ? std::strtod(cell->c_str(), nullptr) : 0.0;
}

bool Row::Bool(std::size_t col) const {
    std::string_view text = Text(col);
    return text == "1" || text == "t" || text == "true";
}

}  // namespace keyuan::store
