// The hostile-files suite at the reader (issue 11): every file of the corpus is refused with a
// reason, within bounded time and memory. tests/http/hostile_imports_test.cpp sends the same
// corpus to the running server.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "exchange/export_cell.hpp"
#include "exchange/table.hpp"
#include "support/hostile_files.hpp"

namespace keyuan::testing {
namespace {

/// A field of /proc/self/status in KiB ("VmRSS", "VmHWM").
long StatusKib(const std::string& field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.starts_with(field + ":")) return std::atol(line.c_str() + field.size() + 1);
    }
    return -1;
}

/// Starts a new peak: the kernel sets VmHWM back to the current RSS.
void ResetPeakRss() {
    std::ofstream("/proc/self/clear_refs") << "5";
}

TEST(HostileFiles, EveryFileIsRefusedQuicklyAndWithinMemory) {
    std::vector<HostileFile> corpus = HostileCorpus();
    ASSERT_EQ(corpus.size(), 18u);
    for (const HostileFile& file : corpus) {
        ResetPeakRss();
        long rss_before = StatusKib("VmRSS");
        auto started = std::chrono::steady_clock::now();
        bool refused = false;
        std::string reason;
        try {
            exchange::ReadTable(file.bytes);
        } catch (const exchange::TableError& e) {
            refused = true;
            reason = e.zh();
        }
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        long grown_mib = (StatusKib("VmHWM") - rss_before) / 1024;
        EXPECT_TRUE(refused) << file.name;
        EXPECT_FALSE(reason.empty()) << file.name;
        EXPECT_LT(seconds, 5.0) << file.name;
        EXPECT_LT(grown_mib, 128) << file.name;
        std::printf("hostile file %-28s %zu bytes: refused in %.0f ms, peak RSS +%ld MiB: %s\n", file.name.c_str(),
                    file.bytes.size(), seconds * 1000, grown_mib, reason.c_str());
    }
}

TEST(HostileFiles, XxeNeverReadsTheFile) {
    for (const HostileFile& file : HostileCorpus()) {
        if (file.name != "XXE") continue;
        try {
            exchange::Table table = exchange::ReadTable(file.bytes);
            for (const auto& row : table.rows) {
                for (const auto& cell : row.cells) EXPECT_EQ(cell.find("root:"), std::string::npos);
            }
            FAIL() << "a workbook with a DTD was read";
        } catch (const exchange::TableError& e) {
            EXPECT_NE(std::string(e.what()).find("DTD"), std::string::npos) << e.what();
        }
    }
}

TEST(ExportCells, FormulaPrefixesAreNeutralisedAlike) {
    for (const char* text : {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "=cmd|' /C calc'!A0"}) {
        EXPECT_EQ(exchange::SafeSpreadsheetText(text), "'" + std::string(text)) << text;
        EXPECT_EQ(exchange::CsvCell(text).substr(0, 2), "\"'") << text;
    }
    for (const char* text : {"质谱仪", "1+1", "a=b", "", " =1"}) {
        EXPECT_EQ(exchange::SafeSpreadsheetText(text), text) << text;
    }
    EXPECT_EQ(exchange::CsvCell("say \"hi\""), "\"say \"\"hi\"\"\"");
}

TEST(ExportCells, AGuardedCellReadsBackAsItsValue) {
    for (const char* text : {"=1+1", "+86 10 6234 5678", "-1", "@SUM(A1)", "\t=1", "\r=1", "质谱仪", "", "'", "'abc"}) {
        EXPECT_EQ(exchange::UnguardedSpreadsheetText(exchange::SafeSpreadsheetText(text)), text) << text;
    }
    EXPECT_EQ(exchange::UnguardedSpreadsheetText("'abc"), "'abc");  // an apostrophe a person typed stays
}

}  // namespace
}  // namespace keyuan::testing
