#pragma once
// Spreadsheet columns that several kinds share (docs/design/data-exchange.md §1): the district,
// the industry codes and the contacts, with the headers people write.

#include <vector>

#include "exchange/columns.hpp"

namespace keyuan::registry {

/// 所在区: a Beijing district by name (海淀区, 海淀) or code (110108).
exchange::Column DistrictColumn(bool required);
/// 行业代码: 4-digit GB/T 4754-2017 codes, several in a cell or one per grouped row.
exchange::Column IndustryCodesColumn();
/// 联系人, 联系电话, 电子邮箱.
std::vector<exchange::Column> ContactColumns();
/// The 16 districts as choices (code, name, English name).
const std::vector<exchange::Choice>& DistrictChoices();

}  // namespace keyuan::registry
