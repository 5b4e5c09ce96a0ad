#include "exchange/export_table.hpp"

#include "exchange/export_stream.hpp"

namespace keyuan::exchange {

std::string ToCsv(const ExportSheet& sheet) {
    std::unique_ptr<SheetStream> out = CsvStream(sheet.header, CsvCharset::kUtf8);
    for (const auto& row : sheet.rows) out->Row(row);
    return out->Finish();
}

}  // namespace keyuan::exchange
