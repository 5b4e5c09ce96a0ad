// The reader of the demo's data files (tools/demo/tsv.hpp): fields by column name, lists, and
// errors that name the file, line and column of a malformed record.

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "tools/demo/tsv.hpp"

namespace keyuan::demo {
namespace {

/// The error message of reading `text` with columns name, count, items; empty when it reads.
std::string ReadError(std::string_view text) {
    try {
        ForEachTsvRow("t.tsv", text, {"name", "count", "items"}, [](const TsvRow& row) {
            row.Int("count");
            row.List("items");
        });
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

TEST(DemoTsv, ReadsFieldsByColumnAndListsBySeparator) {
    std::vector<std::string> seen;
    ForEachTsvRow("t.tsv", "name\tcount\titems\n纳米材料\t3\ta|b|c\n空\t-2\t\n", {"name", "count", "items"},
                  [&](const TsvRow& row) {
                      seen.push_back(std::string(row.Text("name")) + ":" + std::to_string(row.Int("count")) + ":" +
                                     std::to_string(row.List("items").size()));
                  });
    EXPECT_EQ(seen, (std::vector<std::string>{"纳米材料:3:3", "空:-2:0"}));
}

TEST(DemoTsv, AcceptsAMissingFinalNewlineAndCarriageReturns) {
    int rows = 0;
    ForEachTsvRow("t.tsv", "name\tweight\r\na\t1.5\r\nb\t2", {"name", "weight"}, [&](const TsvRow& row) {
        EXPECT_GT(row.Number("weight"), 1.0);
        ++rows;
    });
    EXPECT_EQ(rows, 2);
}

TEST(DemoTsv, ErrorsNameTheFileLineAndColumn) {
    struct Case {
        std::string_view text;
        std::string_view error;  // empty: reads
    };
    const Case kCases[] = {
        {"name\tcount\n", "t.tsv line 1: the header does not name the expected columns"},
        {"name\tcount\titems\na\t1\n", "t.tsv line 2: 2 fields, expected 3"},
        {"name\tcount\titems\na\t1\tx\nb\t1x\ty\n", "t.tsv line 3: column count: not an integer"},
        {"name\tcount\titems\na\t1\tx\n\n", "t.tsv line 3: 1 fields, expected 3"},  // a blank line
        {"name\tcount\titems\na\t1\tx\n", ""},
    };
    for (const Case& c : kCases) EXPECT_EQ(ReadError(c.text), c.error) << c.text;
}

}  // namespace
}  // namespace keyuan::demo
