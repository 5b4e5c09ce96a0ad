#pragma once
// A kind's import template (docs/design/data-exchange.md §1): the sheet to fill with the
// declared headers (required ones marked *), a drop-down on every single-choice column (is
// its list on the sheet 选项), the sheet 填写说明 (each column: meaning, required, example), and
// reference sheets the caller adds (行业代码: the codes with their names).

#include <string>
#include <utility>
#include <vector>

#include "exchange/columns.hpp"

namespace keyuan::exchange {

struct ReferenceSheet {
    std::string name;                 // the sheet's name (行业代码)
    std::vector<std::string> header;  // (代码, 名称)
    std::vector<std::vector<std::string>> rows;
};

/// Throws std::runtime_error when the workbook cannot be written.
std::string TemplateXlsx(const std::string& title_zh, const Columns& columns,
                         const std::vector<ReferenceSheet>& references);

}  // namespace keyuan::exchange
