#pragma once
// The demo's data files (data/demo/*.tsv): UTF-8, one record per line, a header line naming
// the columns, fields separated by tabs, lists inside a field by '|'. No quoting, so a field
// holds no tab, line break or (in a list) '|'. The files are embedded at build time, so a
// malformed one is a bug in the build: reading it throws, naming the file, line and column.

#include <functional>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace keyuan::demo {

/// One record of a TSV file, valid during the callback of ForEachTsvRow.
class TsvRow {
public:
    TsvRow(std::string_view file, int line, std::initializer_list<std::string_view> columns,
           std::vector<std::string_view> fields);

    std::string_view Text(std::string_view column) const;
    int Int(std::string_view column) const;
    double Number(std::string_view column) const;
    /// The field's '|'-separated items; an empty field is an empty list.
    std::vector<std::string_view> List(std::string_view column) const;

    /// Throws std::runtime_error: "<file> line <n>, column <column>: <why>".
    [[noreturn]] void Fail(std::string_view column, std::string_view why) const;

private:
    std::string_view file_;
    int line_;
    std::initializer_list<std::string_view> columns_;
    std::vector<std::string_view> fields_;
};

/// Calls `on_row` for each record of `text`, the contents of `file`, whose header line must
/// name exactly `columns` in that order. The row's views point into `text`.
void ForEachTsvRow(std::string_view file, std::string_view text, std::initializer_list<std::string_view> columns,
                   const std::function<void(const TsvRow&)>& on_row);

}  // namespace keyuan::demo
