// Bugs of the XLSX reader found with tests/fuzz/xlsx_fuzz.cpp; the inputs that showed them are
// in tests/fuzz/regressions/xlsx/ and are replayed by every fuzz run.
#include <gtest/gtest.h>
#include <malloc.h>

#include "exchange/table.hpp"
#include "support/hostile_files.hpp"

namespace keyuan::exchange {
namespace {

using keyuan::testing::SheetXml;
using keyuan::testing::StoredZip;
using keyuan::testing::WorkbookParts;

// Archive's constructor threw from its part check (a name climbing out of the package, too many
// parts) after libzip had opened the archive, and no destructor ran: every such upload
// leaked the archive's bookkeeping (about 2 KiB: 4 MiB over 2,000 refusals).
TEST(XlsxFuzzRegression, RefusedPartNamesLeakTheArchive) {
    auto parts = WorkbookParts(SheetXml("<row><c t=\"inlineStr\"><is><t>a</t></is></c></row>"));
    parts.emplace_back("../climbs.xml", "<x/>");
    std::string climbing = StoredZip(parts);
    EXPECT_THROW(ReadXlsx(climbing), TableError);
    // Under AddressSanitizer LeakSanitizer reports a leak at exit; with glibc's allocator the
    // heap in use must not grow with the number of refusals.
    std::size_t before = mallinfo2().uordblks;
    for (int i = 0; i < 2000; ++i) {
        EXPECT_THROW(ReadXlsx(climbing), TableError);
    }
    std::size_t after = mallinfo2().uordblks;
    EXPECT_LT(after, before + 256 * 1024) << "heap grew by " << (after - before) << " bytes over 2,000 refusals";
}

// A <row> without a number after row 2147483647 (INT_MAX) took the next number as INT_MAX + 1:
// signed overflow, which UndefinedBehaviorSanitizer stops at and a release build wraps to a
// negative row number.
TEST(XlsxFuzzRegression, RowNumberOverflowsInt) {
    auto sheet = [](const std::string& rows) { return StoredZip(WorkbookParts(SheetXml(rows))); };
    const std::string cell = "<c><v>1</v></c>";
    EXPECT_THROW(ReadXlsx(sheet("<row r=\"2147483647\">" + cell + "</row><row>" + cell + "</row>")), TableError);
    EXPECT_THROW(ReadXlsx(sheet("<row r=\"99999999999\">" + cell + "</row>")), TableError);
    EXPECT_THROW(ReadXlsx(sheet("<row r=\"1048576\">" + cell + "</row><row>" + cell + "</row>")), TableError);
    // Excel's last row is still a row; a row without a number follows the one before.
    Table last = ReadXlsx(sheet("<row r=\"1048575\">" + cell + "</row><row>" + cell + "</row>"));
    ASSERT_EQ(last.rows.size(), 2u);
    EXPECT_EQ(last.rows[0].number, 1048575);
    EXPECT_EQ(last.rows[1].number, 1048576);
}

}  // namespace
}  // namespace keyuan::exchange
