// XLSX imports (libzip + expat): a table or a TableError, whatever the archive and its XML
// hold, within the limits. Two kinds of input:
//  - raw bytes starting with a zip signature ("PK\3\4"): read as the uploaded file;
//  - anything else: a list of parts, each starting with a line "--- <part name>", packed into a
//    stored zip before reading, so that mutations reach the XML (a mutated zip mostly fails its
//    CRC check and never gets that far). See tests/fuzz/corpus/xlsx/*.parts.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exchange/table.hpp"
#include "support/stored_zip.hpp"
#include "table_limits_check.hpp"

namespace {

std::vector<std::pair<std::string, std::string>> Parts(std::string_view text) {
    constexpr std::string_view kMarker = "--- ";
    std::vector<std::pair<std::string, std::string>> parts;
    std::size_t at = text.starts_with(kMarker) ? 0 : text.find("\n--- ");
    while (at != std::string_view::npos) {
        if (text[at] == '\n') ++at;
        std::size_t name_start = at + kMarker.size();
        std::size_t name_end = text.find('\n', name_start);
        if (name_end == std::string_view::npos) name_end = text.size();
        std::size_t next = text.find("\n--- ", name_end);
        std::size_t data_start = std::min(name_end + 1, text.size());
        std::size_t data_end = next == std::string_view::npos ? text.size() : next;
        parts.emplace_back(std::string(text.substr(name_start, name_end - name_start)),
                           std::string(text.substr(data_start, data_end - data_start)));
        at = next;
    }
    return parts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    keyuan::exchange::TableLimits limits = keyuan::fuzz::SmallLimits();
    limits.max_unpacked_bytes = 4 * 1024 * 1024;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::string archive =
        input.starts_with("PK\x03\x04") ? std::string(input) : keyuan::testing::StoredZip(Parts(input));
    try {
        keyuan::exchange::Table table = keyuan::exchange::ReadXlsx(archive, limits);
        keyuan::fuzz::CheckTable(table, limits);
        // Merged regions filled down stay within the limits too.
        keyuan::exchange::FillMerged(table, limits);
        keyuan::fuzz::CheckTable(table, limits);
    } catch (const keyuan::exchange::TableError&) {
    }
    return 0;
}
