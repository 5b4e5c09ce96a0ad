// The spreadsheet import of registered kinds against the real server, once per engine: the
// kinds and templates, a dry run that stores nothing, an import that creates drafts, a
// re-import that changes nothing (no new version), updates by 编号, the modes, the run kept and
// its report.
#include <gtest/gtest.h>

#include "exchange/table.hpp"
#include "imports_support.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

class ImportRunsTest : public CatalogSuite<ImportRunsTest> {};

TEST_F(ImportRunsTest, KindsAreTheOnesTheCallerMayCreate) {
    auto kinds = [](Session& s) {
        HttpResponse r = s.Get("/api/v1/imports/kinds");
        EXPECT_EQ(r.status, 200) << r.body;
        std::vector<std::string> out;
        json::value body = r.Json();
        for (const json::value& k : body.at("items").as_array()) out.emplace_back(k.at("kind").as_string());
        return out;
    };
    EXPECT_EQ(kinds(As("operator")),
              (std::vector<std::string>{"lab", "instrument", "service", "finance_product", "achievement", "talent"}));
    EXPECT_EQ(kinds(As("unit_a")), (std::vector<std::string>{"lab", "instrument", "service", "achievement", "talent"}));
    EXPECT_EQ(kinds(As("finance")), (std::vector<std::string>{"finance_product"}));
    HttpResponse r = As("unit_a").Get("/api/v1/imports/kinds");
    json::value body = r.Json();
    const json::value& first = body.at("items").as_array()[1].at("columns").as_array()[2];
    EXPECT_EQ(first.at("header_zh").as_string(), "仪器名称");
    EXPECT_EQ(first.at("required").as_bool(), true);
    EXPECT_EQ(As("company").Get("/api/v1/imports/kinds").status, 403);
    EXPECT_EQ(Visitor().Get("/api/v1/imports/kinds").status, 401);
}

TEST_F(ImportRunsTest, TheTemplateIsAWorkbookWithInstructionsAndItsHeaderImports) {
    HttpResponse t = As("unit_a").Get("/api/v1/imports/templates/service");
    ASSERT_EQ(t.status, 200) << t.body;
    EXPECT_EQ(t.Header("content-type"), kXlsxType);
    EXPECT_NE(t.Header("content-disposition").find("attachment"), std::string::npos);
    exchange::Table table = exchange::ReadXlsx(t.body);  // the first sheet: the one to fill
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_EQ(table.rows[0].cells[2], "服务项目名称*");
    EXPECT_NE(t.body.find("xl/worksheets/sheet2.xml"), std::string::npos);  // 填写说明
    EXPECT_EQ(As("unit_a").Get("/api/v1/imports/templates/unknown").status, 404);
    EXPECT_EQ(Visitor().Get("/api/v1/imports/templates/service").status, 401);

    // The template's header with a row filled in imports.
    std::vector<std::string> header = table.rows[0].cells;
    std::vector<std::string> row(header.size());
    auto set = [&](const std::string& name, const std::string& value) {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == name) row[i] = value;
        }
    };
    set("服务项目名称*", "模板导入的测试服务");
    set("服务类别（测试/研发）*", "测试");
    set("服务价格*", "1,200元/小时");
    HttpResponse run = ImportFile(As("unit_a"), "service", MakeXlsx({header, row}));
    ASSERT_EQ(run.status, 200) << run.body;
    EXPECT_EQ(Counted(run, "created"), 1) << run.body;
}

TEST_F(ImportRunsTest, DryRunStoresNothingImportCreatesDraftsReimportChangesNothing) {
    std::string file = MakeXlsx({kInstrumentHeader, InstrumentRow("导入质谱仪甲"), InstrumentRow("导入质谱仪乙", "8")});
    HttpResponse dry = ImportFile(As("unit_a"), "instrument", file, "&dry_run=true");
    ASSERT_EQ(dry.status, 200) << dry.body;
    EXPECT_EQ(Counted(dry, "created"), 2);
    EXPECT_EQ(dry.Json().at("dry_run").as_bool(), true);
    EXPECT_EQ(dry.Json().at("status").as_string(), "done");
    EXPECT_EQ(dry.Json().at("file_name").as_string(), "仪器.xlsx");
    EXPECT_EQ(InstrumentsNamed(As("operator"), "导入质谱仪甲"), 0);

    HttpResponse done = ImportFile(As("unit_a"), "instrument", file);
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_EQ(Counted(done, "created"), 2);
    json::value body = done.Json();
    const json::value& first = body.at("rows").as_array()[0];
    EXPECT_EQ(first.at("row").as_int64(), 2);
    EXPECT_EQ(first.at("outcome").as_string(), "created");
    std::string id = std::to_string(first.at("id").as_int64());
    HttpResponse made = As("unit_a").Get("/api/v1/instruments/" + id);
    ASSERT_EQ(made.status, 200) << made.body;
    EXPECT_EQ(made.Json().at("status").as_string(), "draft");
    EXPECT_EQ(made.Json().at("org_id").as_string(), world_.org_a);
    EXPECT_EQ(made.Json().at("original_value_fen").as_int64(), 120500000);  // 120.5 万元
    EXPECT_EQ(made.Json().at("acceptance_date").as_string(), "2025-06-30");
    EXPECT_EQ(json::serialize(made.Json().at("service_modes")), R"(["entrusted_test","on_site"])");

    HttpResponse again = ImportFile(As("unit_a"), "instrument", file);
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(Counted(again, "unchanged"), 2);
    EXPECT_EQ(Counted(again, "created") + Counted(again, "updated"), 0);
    EXPECT_EQ(As("unit_a").Get("/api/v1/instruments/" + id).Json().at("version").as_int64(), 1);
    EXPECT_EQ(InstrumentsNamed(As("operator"), "导入质谱仪甲"), 1);

    // With 编号, a changed value updates that instrument (a new version, audited in its history).
    std::vector<std::string> header = kInstrumentHeader;
    header.insert(header.begin(), "编号");
    std::vector<std::string> row = InstrumentRow("导入质谱仪甲（改名）", "130");
    row.insert(row.begin(), id);
    HttpResponse update = ImportFile(As("unit_a"), "instrument", MakeXlsx({header, row}));
    ASSERT_EQ(update.status, 200) << update.body;
    EXPECT_EQ(Counted(update, "updated"), 1) << update.body;
    json::value after = As("unit_a").Get("/api/v1/instruments/" + id).Json();
    EXPECT_EQ(after.at("name").as_string(), "导入质谱仪甲（改名）");
    EXPECT_EQ(after.at("version").as_int64(), 2);
    HttpResponse history = As("unit_a").Get("/api/v1/instruments/" + id + "/history");
    EXPECT_NE(history.body.find("updated"), std::string::npos) << history.body;

    // The operator's file of 编号 alone (an export re-imported) needs no credit code.
    row[1] = "导入质谱仪甲（运营方改）";
    HttpResponse op = ImportFile(As("operator"), "instrument", MakeXlsx({header, row}));
    ASSERT_EQ(op.status, 200) << op.body;
    EXPECT_EQ(Counted(op, "updated"), 1) << op.body;
}

TEST_F(ImportRunsTest, BadRowsAreRefusedAtTheirCellsAndTheReportPutsTheExplanationFirst) {
    std::string file = MakeXlsx({kInstrumentHeader,
                                 InstrumentRow("报告仪器甲"),
                                 {"报告仪器乙", "1001", "12O万", "2025/6/30", "海淀区", "开放", "", ""},
                                 {"报告仪器丙", "1001", "5", "2025/6/30", "海淀区", "半开放", "", "3921"},
                                 InstrumentRow("报告仪器甲")});
    HttpResponse run = ImportFile(As("unit_a"), "instrument", file);
    ASSERT_EQ(run.status, 200) << run.body;
    EXPECT_EQ(Counted(run, "created"), 1);
    EXPECT_EQ(Counted(run, "refused"), 3);
    EXPECT_TRUE(HasError(run, "3/原值（万元）")) << run.body;
    EXPECT_TRUE(HasError(run, "4/开放状态")) << run.body;
    EXPECT_TRUE(HasError(run, "5/仪器名称: 与第 2 行重复")) << run.body;
    EXPECT_EQ(InstrumentsNamed(As("operator"), "报告仪器乙"), 0);

    std::string report_url(run.Json().at("report_url").as_string());
    HttpResponse report = As("unit_a").Get(report_url);
    ASSERT_EQ(report.status, 200) << report.body;
    EXPECT_EQ(report.Header("content-type"), kXlsxType);
    exchange::Table table = exchange::ReadXlsx(report.body);
    ASSERT_EQ(table.rows.size(), 4u);  // the header and the three refused rows
    EXPECT_EQ(table.rows[0].cells[0], "错误说明");
    EXPECT_EQ(table.rows[0].cells[1], "仪器名称");
    EXPECT_NE(table.rows[1].cells[0].find("原值"), std::string::npos);
    EXPECT_EQ(table.rows[1].cells[1], "报告仪器乙");

    // Fixed in the report itself and sent again: the explanation column is ignored.
    table.rows[1].cells[3] = "120";
    table.rows[2].cells[6] = "部分开放";
    std::vector<std::vector<std::string>> fixed = {table.rows[0].cells, table.rows[1].cells, table.rows[2].cells};
    HttpResponse again = ImportFile(As("unit_a"), "instrument", MakeXlsx(fixed));
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(Counted(again, "created"), 2) << again.body;
}

TEST_F(ImportRunsTest, AllOrNothingWritesNoRowWhenOneIsRefused) {
    std::string file = MakeXlsx({kInstrumentHeader,
                                 InstrumentRow("全有全无甲"),
                                 {"全有全无乙", "1001", "abc", "2025/6/30", "海淀区", "开放", "", ""}});
    HttpResponse run = ImportFile(As("unit_a"), "instrument", file, "&all_or_nothing=true");
    ASSERT_EQ(run.status, 200) << run.body;
    EXPECT_EQ(run.Json().at("applied").as_bool(), false);
    EXPECT_EQ(Counted(run, "refused"), 1);
    EXPECT_EQ(InstrumentsNamed(As("operator"), "全有全无甲"), 0);
    // The default applies the good row.
    HttpResponse partial = ImportFile(As("unit_a"), "instrument", file);
    EXPECT_EQ(partial.Json().at("applied").as_bool(), true);
    EXPECT_EQ(InstrumentsNamed(As("operator"), "全有全无甲"), 1);
    EXPECT_EQ(ImportFile(As("unit_a"), "instrument", file, "&all_or_nothing=maybe").status, 422);
}

TEST_F(ImportRunsTest, ALongFileIsWrittenInBatchesAndItsListIsCut) {
    std::vector<std::vector<std::string>> rows = {kInstrumentHeader};
    for (int i = 0; i < 1100; ++i) rows.push_back(InstrumentRow("批量仪器" + std::to_string(i)));
    rows[800][2] = "many";  // spreadsheet row 801, in the second batch
    HttpResponse run = ImportFile(As("unit_b"), "instrument", MakeXlsx(rows));
    ASSERT_EQ(run.status, 200) << run.body.substr(0, 2000);
    EXPECT_EQ(Counted(run, "created"), 1099);
    EXPECT_EQ(Counted(run, "refused"), 1);
    EXPECT_TRUE(HasError(run, "801/原值（万元）"));
    json::value body = run.Json();
    EXPECT_EQ(body.at("rows_total").as_int64(), 1100);
    EXPECT_EQ(body.at("rows_done").as_int64(), 1100);
    EXPECT_EQ(body.at("rows").as_array().size(), 1000u);
    EXPECT_EQ(body.at("rows_cut").as_bool(), true);
    EXPECT_EQ(InstrumentsNamed(As("operator"), "批量仪器1099"), 1);
}

// Rows are written a group at a time without a savepoint each (apply.cpp); one the registry
// refuses (an acceptance date in the future: a valid date, refused by the kind's own check) makes
// its group be written again row by row. Nothing of it stays, every other row is written once:
// one version and one audit line each, none for the refused row.
TEST_F(ImportRunsTest, ARowTheRegistryRefusesInAGroupLeavesNothingAndTheOthersAreWrittenOnce) {
    std::vector<std::vector<std::string>> rows = {kInstrumentHeader};
    for (int i = 0; i < 250; ++i) rows.push_back(InstrumentRow("组内仪器" + std::to_string(i)));
    rows[150][3] = "2999-01-01";  // spreadsheet row 151, in the second group
    HttpResponse run = ImportFile(As("unit_b"), "instrument", MakeXlsx(rows));
    ASSERT_EQ(run.status, 200) << run.body.substr(0, 2000);
    EXPECT_EQ(Counted(run, "created"), 249);
    EXPECT_EQ(Counted(run, "refused"), 1);
    EXPECT_TRUE(HasError(run, "151/验收日期")) << run.body.substr(0, 2000);
    EXPECT_EQ(InstrumentsNamed(As("operator"), "组内仪器149"), 0);
    EXPECT_EQ(InstrumentsNamed(As("operator"), "组内仪器148"), 1);
    auto count = [](const std::string& sql) {
        CommandResult r = RunSql(Db(), sql);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return std::atoi(r.out.c_str());
    };
    const std::string ours = "SELECT id FROM instruments WHERE name LIKE '组内仪器%'";
    EXPECT_EQ(count("SELECT count(*) FROM instruments WHERE name LIKE '组内仪器%'"), 249);
    EXPECT_EQ(
        count("SELECT count(*) FROM object_versions WHERE object_type = 'instrument' AND object_id IN (" + ours + ")"),
        249);
    EXPECT_EQ(count("SELECT count(*) FROM audit_events WHERE object_type = 'instrument' AND object_id IN (SELECT "
                    "CAST(id AS TEXT) FROM instruments WHERE name LIKE '组内仪器%')"),
              249);
    // The audit chain is whole after the undone group.
    CommandResult verify = RunCli({"audit", "verify", "--db", Db()});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

TEST_F(ImportRunsTest, AFileOfMoreThan2000RowsRunsInTheBackground) {
    std::string csv = "仪器名称,分类编码,原值（万元）,验收日期,所在区,开放状态\n";
    for (int i = 0; i < 2100; ++i) csv += "后台仪器" + std::to_string(i) + ",1001,1,2025-06-30,海淀区,开放\n";
    HttpResponse queued = ImportFile(As("operator"), "instrument", csv, "&org_id=" + world_.org_b, "text/csv");
    ASSERT_EQ(queued.status, 202) << queued.body.substr(0, 2000);
    std::string id = std::to_string(queued.Json().at("id").as_int64());
    EXPECT_EQ(queued.Json().at("rows_total").as_int64(), 2100);
    HttpResponse run;
    ASSERT_TRUE(WaitUntil(
        [&] {
            run = As("operator").Get("/api/v1/imports/" + id);
            return run.Json().at("status").as_string() == "done";
        },
        std::chrono::seconds(120)))
        << run.body.substr(0, 2000);
    EXPECT_EQ(Counted(run, "created"), 2100);
    EXPECT_EQ(run.Json().at("rows_done").as_int64(), 2100);
    EXPECT_EQ(InstrumentsNamed(As("operator"), "后台仪器2099"), 1);
}

TEST_F(ImportRunsTest, RunsAreListedAndReadWithinScope) {
    HttpResponse run = ImportFile(As("unit_a"), "instrument", MakeXlsx({kInstrumentHeader, InstrumentRow("范围仪器")}));
    ASSERT_EQ(run.status, 200) << run.body;
    std::string id = std::to_string(run.Json().at("id").as_int64());
    EXPECT_EQ(As("unit_a").Get("/api/v1/imports/" + id).status, 200);
    EXPECT_EQ(As("operator").Get("/api/v1/imports/" + id).status, 200);
    EXPECT_EQ(As("unit_b").Get("/api/v1/imports/" + id).status, 404);
    EXPECT_EQ(As("unit_b").Get("/api/v1/imports/" + id + "/report.xlsx").status, 404);
    EXPECT_EQ(As("company").Get("/api/v1/imports/" + id).status, 403);
    EXPECT_EQ(Visitor().Get("/api/v1/imports/" + id).status, 401);
    HttpResponse mine = As("unit_a").Get("/api/v1/imports?page_size=100");
    ASSERT_EQ(mine.status, 200) << mine.body;
    EXPECT_NE(mine.body.find("\"id\":" + id + ","), std::string::npos);
    HttpResponse theirs = As("unit_b").Get("/api/v1/imports?page_size=100");
    ASSERT_EQ(theirs.status, 200) << theirs.body;
    EXPECT_EQ(theirs.body.find("\"id\":" + id + ","), std::string::npos);
    // Every change is audited: the created instrument's history and the run itself.
    HttpResponse audit = As("auditor").Get("/api/v1/audit-events?event_type=import.run&object_id=" + id);
    ASSERT_EQ(audit.status, 200) << audit.body;
    EXPECT_EQ(audit.Json().at("total").as_int64(), 1) << audit.body;
}

}  // namespace
}  // namespace keyuan::testing
