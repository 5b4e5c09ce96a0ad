// Exports of registered kinds' lists against the real binary, on each engine: the list's filters
// and the caller's visibility (hidden fields empty, masked ones masked), the template's headers,
// formula-like cells neutralised, CSV in UTF-8 with a byte-order mark or in GBK, XLSX read back,
// the CLI writing the same file, bad forms refused naming the parameter.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

#include "exchange/row_reader.hpp"
#include "exchange/table.hpp"
#include "modules/catalog/columns.hpp"
#include "support/catalog_fixture.hpp"
#include "support/test_server.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

class ExportListTest : public CatalogSuite<ExportListTest> {
protected:
    static void SetUpTestSuite() {
        CatalogSuite<ExportListTest>::SetUpTestSuite();
        json::object contact = {{"contact_name", "李老师"},
                                {"contact_phone", "13812345678"},
                                {"contact_email", "li@example.cn"},
                                {"duty_free", true},
                                {"customs_supervision_end", "2031-04-01"}};
        json::object first = InstrumentBody("=1+2导出电镜");
        for (auto& [k, v] : contact) first[k] = v;
        approved_ = CreateApproved(As("unit_a"), As("operator"), "instruments", first);
        internal_ = CreateApproved(As("unit_a"), As("operator"), "instruments",
                                   With(InstrumentBody("导出色谱仪"), {{"open_status", "internal_only"}}));
        draft_ = CreateResource(As("unit_a"), "instruments", InstrumentBody("导出草稿光谱仪"));
        other_ = CreateApproved(As("unit_b"), As("operator"), "instruments",
                                With(InstrumentBody("朝阳导出质谱仪"), {{"district_code", "110105"}}));
    }

    static exchange::Table Csv(const std::string& who, const std::string& query) {
        HttpResponse r = who == "visitor" ? Visitor().Get("/api/v1/instruments?format=csv&" + query)
                                          : As(who).Get("/api/v1/instruments?format=csv&" + query);
        EXPECT_EQ(r.status, 200) << query << ": " << r.body;
        if (r.status != 200) return {};
        EXPECT_EQ(r.Header("content-type"), "text/csv; charset=utf-8");
        EXPECT_EQ(r.body.substr(0, 3), "\xEF\xBB\xBF");
        return exchange::ReadCsv(r.body);
    }

    /// The template's headers: as the imports module answers them, or as the catalog declares them.
    static std::vector<std::string> ExpectedHeader() {
        HttpResponse kinds = As("operator").Get("/api/v1/imports/kinds");
        std::vector<std::string> out;
        if (kinds.status == 200) {
            json::value all = kinds.Json();
            for (const json::value& k : all.at("items").as_array()) {
                if (k.at("kind").as_string() != "instrument") continue;
                for (const json::value& c : k.at("columns").as_array()) out.emplace_back(c.at("header_zh").as_string());
            }
            return out;
        }
        for (const exchange::Column& c : catalog::InstrumentColumns().list) out.push_back(c.zh);
        return out;
    }

    /// The row whose 编号 (first column) is `id`, or null.
    static const exchange::TableRow* Row(const exchange::Table& t, const std::string& id) {
        for (const exchange::TableRow& row : t.rows) {
            if (!row.cells.empty() && row.cells[0] == id) return &row;
        }
        return nullptr;
    }

    static inline std::string approved_, internal_, draft_, other_;
};

TEST_F(ExportListTest, TheListsRowsWithTheTemplatesHeaders) {
    exchange::Table t = Csv("operator", "sort=id");
    ASSERT_FALSE(t.rows.empty());
    EXPECT_EQ(t.rows[0].cells, ExpectedHeader());
    std::vector<std::string> ids;
    for (std::size_t i = 1; i < t.rows.size(); ++i) ids.push_back(t.rows[i].cells[0]);
    EXPECT_EQ(ids, (std::vector<std::string>{approved_, internal_, other_}));  // approved only, as the list

    // The list's filters, status and scope: unit_a's drafts and all, its own only.
    exchange::Table mine = Csv("unit_a", "status=all&sort=-id");
    ids.clear();
    for (std::size_t i = 1; i < mine.rows.size(); ++i) ids.push_back(mine.rows[i].cells[0]);
    EXPECT_EQ(ids, (std::vector<std::string>{draft_, internal_, approved_}));
    exchange::Table chaoyang = Csv("visitor", "district_code=110105");
    ASSERT_EQ(chaoyang.rows.size(), 2u);
    EXPECT_EQ(chaoyang.rows[1].cells[0], other_);
    exchange::Table open = Csv("visitor", "open_status=internal_only");
    ASSERT_EQ(open.rows.size(), 2u);
    EXPECT_EQ(open.rows[1].cells[0], internal_);
}

TEST_F(ExportListTest, VisibilityAndMaskingFollowTheCaller) {
    exchange::Table visitor = Csv("visitor", "");
    const exchange::TableRow* seen = Row(visitor, approved_);
    ASSERT_NE(seen, nullptr);
    std::string visitor_text;
    for (const std::string& c : seen->cells) visitor_text += c + "|";
    EXPECT_EQ(visitor_text.find("13812345678"), std::string::npos) << visitor_text;  // masked for visitors
    EXPECT_EQ(visitor_text.find("li@example.cn"), std::string::npos) << visitor_text;
    EXPECT_EQ(visitor_text.find("2031-04-01"), std::string::npos) << visitor_text;  // the owner's field: hidden
    EXPECT_NE(visitor_text.find("138"), std::string::npos) << visitor_text;         // masked, not dropped

    exchange::Table company = Csv("company", "");
    std::string company_text;
    for (const std::string& c : Row(company, approved_)->cells) company_text += c + "|";
    EXPECT_NE(company_text.find("13812345678"), std::string::npos) << company_text;  // signed in: whole
    EXPECT_EQ(company_text.find("2031-04-01"), std::string::npos) << company_text;   // not the owner

    exchange::Table owner = Csv("unit_a", "");
    std::string owner_text;
    for (const std::string& c : Row(owner, approved_)->cells) owner_text += c + "|";
    EXPECT_NE(owner_text.find("2031-04-01"), std::string::npos) << owner_text;

    // Unpublished objects as the list answers them: 401 for visitors, 404-free scope for units.
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/instruments?format=csv&status=all"), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(As("company").Get("/api/v1/instruments?format=xlsx&status=draft"), 403, "forbidden"));
}

TEST_F(ExportListTest, FormulaLikeCellsAreNeutralised) {
    HttpResponse csv = As("operator").Get("/api/v1/instruments?format=csv");
    ASSERT_EQ(csv.status, 200);
    EXPECT_NE(csv.body.find("\"'=1+2导出电镜\""), std::string::npos);
    EXPECT_EQ(csv.body.find("\"=1+2"), std::string::npos);
    HttpResponse xlsx = As("operator").Get("/api/v1/instruments?format=xlsx");
    ASSERT_EQ(xlsx.status, 200);
    exchange::Table t = exchange::ReadXlsx(xlsx.body);
    ASSERT_NE(Row(t, approved_), nullptr);
    std::string text;
    for (const std::string& c : Row(t, approved_)->cells) text += c + "|";
    EXPECT_NE(text.find("|'=1+2导出电镜|"), std::string::npos) << text;
}

TEST_F(ExportListTest, XlsxAndGbkCsv) {
    HttpResponse xlsx = As("operator").Get("/api/v1/instruments?format=xlsx&sort=id");
    ASSERT_EQ(xlsx.status, 200) << xlsx.body;
    EXPECT_EQ(xlsx.Header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_NE(xlsx.Header("content-disposition").find("instruments-"), std::string::npos);
    exchange::Table t = exchange::ReadXlsx(xlsx.body);
    ASSERT_EQ(t.rows.size(), 4u);
    EXPECT_EQ(t.rows[0].cells, ExpectedHeader());
    EXPECT_EQ(t.rows[2].cells[0], internal_);

    HttpResponse gbk = As("operator").Get("/api/v1/instruments?format=csv&charset=gbk");
    ASSERT_EQ(gbk.status, 200) << gbk.body;
    EXPECT_EQ(gbk.Header("content-type"), "text/csv; charset=gb18030");
    EXPECT_NE(gbk.body.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_EQ(gbk.body.find("导出色谱仪"), std::string::npos);  // not UTF-8
    EXPECT_NE(exchange::Gb18030ToUtf8(gbk.body).find("导出色谱仪"), std::string::npos);
    exchange::Table read = exchange::ReadCsv(gbk.body);  // the importer's detection reads it back
    EXPECT_EQ(read.rows.size(), 4u);
}

TEST_F(ExportListTest, BadFormsAreNamed) {
    auto field = [](const HttpResponse& r) {
        EXPECT_TRUE(IsError(r, 422, "validation_failed")) << r.body;
        return r.status == 422 ? std::string(r.Json().at("error").at("fields").at(0).at("field").as_string()) : "";
    };
    EXPECT_EQ(field(As("operator").Get("/api/v1/instruments?format=pdf")), "format");
    EXPECT_EQ(field(As("operator").Get("/api/v1/instruments?format=csv&charset=latin1")), "charset");
    EXPECT_EQ(field(As("operator").Get("/api/v1/instruments?format=xlsx&charset=gbk")), "charset");
    EXPECT_EQ(field(As("operator").Get("/api/v1/instruments?format=csv&colour=red")), "colour");
    EXPECT_EQ(field(Visitor().Get("/api/v1/labs?format=xlsx&sort=nothing")), "sort");
    // format=json is the ordinary list.
    HttpResponse list = As("operator").Get("/api/v1/instruments?format=json");
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(list.Json().at("total").as_int64(), 3);
}

/// Every exported cell reads back, through the import's own row reader and the kind's
/// declaration, as the value the API answers for the object: the export re-imports.
TEST_F(ExportListTest, AnExportReadsBackAsTheApiAnswers) {
    std::string service =
        CreateApproved(As("unit_a"), As("operator"), "services",
                       With(ServiceBody("导出检测服务", 120050), {{"contact_phone", "+86 10 6234 5678"}}));
    struct Kind {
        const char* collection;
        exchange::Columns columns;
    };
    for (const Kind& kind :
         {Kind{"instruments", catalog::InstrumentColumns()}, Kind{"services", catalog::ServiceColumns()}}) {
        for (const char* format : {"csv", "xlsx"}) {
            HttpResponse file =
                As("operator").Get(std::string("/api/v1/") + kind.collection + "?status=all&format=" + format);
            ASSERT_EQ(file.status, 200) << file.body;
            exchange::Table table = exchange::ReadTable(file.body);
            Result<exchange::HeaderMatch> match = exchange::MatchHeader(table, kind.columns.list);
            ASSERT_TRUE(match) << kind.collection;
            std::size_t checked = 0;
            for (std::size_t i = match.value().header_row + 1; i < table.rows.size(); ++i) {
                exchange::RowBody row = exchange::ReadRow(table.rows[i], table, match.value(), kind.columns.list);
                std::string errors;
                for (const exchange::CellError& e : row.errors) errors += e.column + ": " + e.message.zh + "; ";
                EXPECT_TRUE(row.errors.empty())
                    << kind.collection << " " << format << " row " << row.row << ": " << errors;
                std::string id = table.rows[i].cells[0];
                HttpResponse shown = As("operator").Get(std::string("/api/v1/") + kind.collection + "/" + id);
                ASSERT_EQ(shown.status, 200) << id;
                json::value api = shown.Json();
                for (const exchange::Column& c : kind.columns.list) {
                    if (c.import_only || !c.lookup_table.empty() || !row.body.contains(c.key)) continue;
                    const json::value& read = row.body.at(c.key);
                    const json::value& want = api.at(c.key);
                    EXPECT_EQ(json::serialize(read), json::serialize(want))
                        << kind.collection << " " << format << " " << id << " " << c.zh;
                    if (!c.unit_key.empty() && row.body.contains(c.unit_key)) {
                        EXPECT_EQ(json::serialize(row.body.at(c.unit_key)), json::serialize(api.at(c.unit_key)));
                    }
                }
                ++checked;
            }
            EXPECT_GE(checked, 1u) << kind.collection;
        }
    }
    (void)service;
}

/// A lab with two industry codes exports as seed 000 table 1 writes it: a row per code with its
/// scope, the lab repeated; each row reads back as that code's detailed link.
TEST_F(ExportListTest, ALabExportsARowPerIndustryCode) {
    std::string lab = CreateApproved(
        As("unit_a"), As("operator"), "labs",
        With(LabBody("导出创新药物实验室"),
             {{"industries", json::array{json::object{{"code", "3921"}, {"scope", "通信设备检测"}},
                                         json::object{{"code", "2710"}, {"scope", "化学原料药检测"}}}}}));
    HttpResponse file = As("operator").Get("/api/v1/labs?format=csv&q=导出创新药物");
    ASSERT_EQ(file.status, 200) << file.body;
    exchange::Table table = exchange::ReadCsv(file.body);
    exchange::Columns columns = catalog::LabColumns();
    Result<exchange::HeaderMatch> match = exchange::MatchHeader(table, columns.list);
    ASSERT_TRUE(match);
    ASSERT_EQ(table.rows.size(), 3u);
    std::vector<std::string> read;
    for (std::size_t i = 1; i < table.rows.size(); ++i) {
        EXPECT_EQ(table.rows[i].cells[0], lab);
        exchange::RowBody row = exchange::ReadRow(table.rows[i], table, match.value(), columns.list);
        EXPECT_TRUE(row.errors.empty());
        EXPECT_EQ(row.body.at("name").as_string(), "导出创新药物实验室");
        columns.shape(row.body);
        read.push_back(json::serialize(row.body.at("industries")));
    }
    EXPECT_EQ(read, (std::vector<std::string>{R"([{"code":"2710","scope":"化学原料药检测"}])",
                                              R"([{"code":"3921","scope":"通信设备检测"}])"}));
}

TEST_F(ExportListTest, EveryRegisteredKindExports) {
    for (const char* collection :
         {"labs", "instruments", "services", "finance-products", "achievements", "talents", "tech-demands"}) {
        for (const char* format : {"csv", "xlsx"}) {
            HttpResponse r = As("operator").Get(std::string("/api/v1/") + collection + "?format=" + format);
            EXPECT_EQ(r.status, 200) << collection << " " << format << ": " << r.body.substr(0, 300);
        }
    }
}

TEST_F(ExportListTest, TheCliWritesTheSameFile) {
    std::string out = ::testing::TempDir() + "/export-cli.csv";
    CommandResult r = RunCli({"export", "--db", Db(), "--kind", "instrument", "--filter", "status=all", "--filter",
                              "district_code=110108", "--format", "csv", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::ifstream in(out, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    HttpResponse api = As("operator").Get("/api/v1/instruments?format=csv&status=all&district_code=110108");
    ASSERT_EQ(api.status, 200);
    EXPECT_EQ(bytes.str(), api.body);
    EXPECT_EQ(exchange::ReadCsv(bytes.str()).rows.size(), 4u);  // header, the approved two and the draft

    CommandResult bad = RunCli(
        {"export", "--db", Db(), "--kind", "instrument", "--filter", "colour=red", "--format", "csv", "--out", out});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("colour"), std::string::npos) << bad.err;
    CommandResult unknown = RunCli({"export", "--db", Db(), "--kind", "spaceship", "--format", "csv"});
    EXPECT_EQ(unknown.exit_code, 2) << unknown.err;
    CommandResult no_format = RunCli({"export", "--db", Db(), "--kind", "instrument"});
    EXPECT_EQ(no_format.exit_code, 2) << no_format.err;
}

}  // namespace
}  // namespace keyuan::testing
