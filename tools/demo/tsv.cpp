#include "tools/demo/tsv.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <stdexcept>
#include <string>

namespace keyuan::demo {
namespace {

std::vector<std::string_view> Split(std::string_view text, char separator) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0;;) {
        std::size_t end = text.find(separator, start);
        out.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

/// The whole of `text` as a T, or nullopt.
template <typename T>
std::optional<T> FromChars(std::string_view text) {
    T value{};
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

[[noreturn]] void FailLine(std::string_view file, int line, std::string_view why) {
    throw std::runtime_error(std::string(file) + " line " + std::to_string(line) + ": " + std::string(why));
}

}  // namespace

TsvRow::TsvRow(std::string_view file, int line, std::initializer_list<std::string_view> columns,
               std::vector<std::string_view> fields)
    : file_(file), line_(line), columns_(columns), fields_(std::move(fields)) {}

std::string_view TsvRow::Text(std::string_view column) const {
    std::size_t i = 0;
    for (std::string_view name : columns_) {
        if (name == column) return fields_[i];
        ++i;
    }
    throw std::logic_error("the demo data reader asks " + std::string(file_) +
                           " for a column it does not have: " + std::string(column));
}

int TsvRow::Int(std::string_view column) const {
    if (auto value = FromChars<int>(Text(column))) return *value;
    Fail(column, "not an integer");
}

double TsvRow::Number(std::string_view column) const {
    if (auto value = FromChars<double>(Text(column))) return *value;
    Fail(column, "not a number");
}

std::vector<std::string_view> TsvRow::List(std::string_view column) const {
    std::string_view text = Text(column);
    if (text.empty()) return {};
    return Split(text, '|');
}

void TsvRow::Fail(std::string_view column, std::string_view why) const {
    FailLine(file_, line_, "column " + std::string(column) + ": " + std::string(why));
}

void ForEachTsvRow(std::string_view file, std::string_view text, std::initializer_list<std::string_view> columns,
                   const std::function<void(const TsvRow&)>& on_row) {
    if (text.ends_with('\n')) text.remove_suffix(1);
    std::vector<std::string_view> lines = Split(text, '\n');
    int line_number = 0;
    for (std::string_view line : lines) {
        ++line_number;
        if (line.ends_with('\r')) line.remove_suffix(1);
        std::vector<std::string_view> fields = Split(line, '\t');
        if (line_number == 1) {
            if (!std::equal(fields.begin(), fields.end(), columns.begin(), columns.end())) {
                FailLine(file, 1, "the header does not name the expected columns");
            }
            continue;
        }
        if (fields.size() != columns.size()) {
            FailLine(file, line_number,
                     std::to_string(fields.size()) + " fields, expected " + std::to_string(columns.size()));
        }
        on_row(TsvRow(file, line_number, columns, std::move(fields)));
    }
}

}  // namespace keyuan::demo
