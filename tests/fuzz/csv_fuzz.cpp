// CSV imports (UTF-8 with or without BOM, GBK/GB18030 from Excel): a table or a TableError,
// and every cell of a table is valid UTF-8 without NUL, within the limits.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "exchange/table.hpp"
#include "table_limits_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    keyuan::exchange::TableLimits limits = keyuan::fuzz::SmallLimits();
    try {
        keyuan::fuzz::CheckTable(
            keyuan::exchange::ReadCsv(std::string_view(reinterpret_cast<const char*>(data), size), limits), limits);
    } catch (const keyuan::exchange::TableError&) {
    }
    return 0;
}
