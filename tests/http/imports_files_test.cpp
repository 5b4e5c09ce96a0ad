// The files people send to the import, once per engine: GBK CSV from Chinese Excel, UTF-8 with a
// byte-order mark, seed 000's tables with merged cells and grouped rows, prices as people write
// them, and broken files (truncated zip, no header, a required column missing, empty) refused
// with a message naming what is wrong.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "imports_support.hpp"
#include "support/race.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

class ImportFilesTest : public CatalogSuite<ImportFilesTest> {
protected:
    static std::string FieldOf(const HttpResponse& r) {
        std::vector<std::string> fields = ErrorFields(r);
        return fields.empty() ? "" : fields.front();
    }
};

TEST_F(ImportFilesTest, GbkCsvAndUtf8WithByteOrderMark) {
    std::string csv =
        "仪器名称,分类编码,原值（万元）,验收日期,所在区,开放状态\r\n"
        "GBK导入仪器,1001,\"1,200\",2025年6月30日,朝阳区,部分开放\r\n";
    HttpResponse gbk = ImportFile(As("unit_a"), "instrument", ToGbk(csv), "", "text/csv", "a.csv");
    ASSERT_EQ(gbk.status, 200) << gbk.body;
    EXPECT_EQ(Counted(gbk, "created"), 1) << gbk.body;
    EXPECT_EQ(InstrumentsNamed(As("operator"), "GBK导入仪器"), 1);

    std::string bom =
        "\xEF\xBB\xBF"
        "Name,Class code,Original value (10000 yuan),Acceptance date,District,Open status\n"
        "BOM instrument,1001,3.5,2025-06-30,110108,open\n";
    HttpResponse utf8 = ImportFile(As("unit_a"), "instrument", bom, "", "text/csv", "b.csv");
    ASSERT_EQ(utf8.status, 200) << utf8.body;
    EXPECT_EQ(Counted(utf8, "created"), 1) << utf8.body;
}

TEST_F(ImportFilesTest, SeedTableOneLabsWithMergedNamesAndSeveralIndustryCodes) {
    // 序号, 实验室名称 (merged down two rows), 行业大类, 行业小类, 行业代码, 名称, 经营范围表述 — and the
    // registry's required columns.
    std::vector<std::vector<std::string>> rows = {
        {"序号", "实验室名称", "实验室类型", "所在区", "开放状态", "行业大类", "行业小类", "行业代码", "名称",
         "经营范围表述"},
        {"1", "合并单元格实验室", "开放实验室", "海淀区", "开放", "新一代信息技术", "移动通信", "3921",
         "通信系统设备制造", "制造移动通信系统设备"},
        {"", "", "", "", "", "新能源智能汽车", "智能车载设备制造", "3962", "智能车载设备制造", "制造智能车载设备"},
        {"2", "第二个实验室", "工程技术研究中心", "朝阳区", "部分开放", "", "", "3921", "", ""}};
    std::string file = MakeXlsx(rows, {{1, 0, 2, 0}, {1, 1, 2, 1}, {1, 2, 2, 2}, {1, 3, 2, 3}, {1, 4, 2, 4}});
    HttpResponse run = ImportFile(As("unit_a"), "lab", file);
    ASSERT_EQ(run.status, 200) << run.body;
    EXPECT_EQ(Counted(run, "created"), 2) << run.body;
    json::value body = run.Json();
    std::string id = std::to_string(body.at("rows").as_array()[0].at("id").as_int64());
    json::value lab = As("unit_a").Get("/api/v1/labs/" + id).Json();
    EXPECT_EQ(json::serialize(lab.at("industry_codes")), R"(["3921","3962"])");
    EXPECT_NE(json::serialize(lab.at("industries")).find("制造智能车载设备"), std::string::npos);
    HttpResponse again = ImportFile(As("unit_a"), "lab", file);
    EXPECT_EQ(Counted(again, "unchanged"), 2) << again.body;
}

TEST_F(ImportFilesTest, SeedTableTwoAchievementsWithTransformationStatuses) {
    std::vector<std::vector<std::string>> rows = {
        {"序号", "科技成果名称", "成果类别", "经费来源", "所属行业类型", "对应的行业小类", "行业代码", "转化情况",
         "备注"},
        {"1", "成果一", "应用研究类", "财政资金", "新一代信息技术", "移动通信", "3921", "1", "重要贡献"},
        {"2", "成果二", "基础研究类", "非财政资金", "新能源智能汽车", "智能车载设备制造", "3962", "2\n3", ""},
        {"3", "成果三", "基础研究类", "非财政资金", "", "", "3962", "2、3", ""},
        {"4", "成果四", "基础研究类", "非财政资金", "", "", "3962", "2,3", ""},
        {"5", "成果五", "基础研究类", "非财政资金", "", "", "3962", "6", ""}};
    HttpResponse run = ImportFile(As("unit_a"), "achievement", MakeXlsx(rows));
    ASSERT_EQ(run.status, 200) << run.body;
    EXPECT_EQ(Counted(run, "created"), 4) << run.body;
    EXPECT_TRUE(HasError(run, "6/转化情况")) << run.body;
    json::value body = run.Json();
    std::string id = std::to_string(body.at("rows").as_array()[1].at("id").as_int64());
    json::value second = As("unit_a").Get("/api/v1/achievements/" + id).Json();
    EXPECT_EQ(json::serialize(second.at("statuses")), R"(["2","3"])");
}

TEST_F(ImportFilesTest, SeedTableThreeServicePricesAsPeopleWriteThem) {
    std::vector<std::vector<std::string>> rows = {
        {"序号", "服务项目名称", "服务领域", "服务类别\n（测试/研发）", "服务内容及参数", "服务价格", "联系方式",
         "CNAS证书编号", "CNAS有效期"},
        {"1", "价格一", "新材料", "测试", "形貌分析", "1,200元/小时", "010-1234", "CNAS L0001", "2030-01-01"},
        {"2", "价格二", "新材料", "研发", "工艺开发", "面议", "", "", ""},
        {"3", "价格三", "新材料", "测试", "成分分析", "500元/样", "", "", ""},
        {"4", "价格四", "新材料", "测试", "成分分析", "500元/吨", "", "", ""}};
    HttpResponse run = ImportFile(As("unit_a"), "service", MakeXlsx(rows));
    ASSERT_EQ(run.status, 200) << run.body;
    EXPECT_EQ(Counted(run, "created"), 3) << run.body;
    EXPECT_TRUE(HasError(run, "5/服务价格")) << run.body;
    json::value body = run.Json();
    auto service = [&](std::size_t i) {
        std::string id = std::to_string(body.at("rows").as_array()[i].at("id").as_int64());
        return As("unit_a").Get("/api/v1/services/" + id).Json();
    };
    json::value first = service(0);
    EXPECT_EQ(first.at("price_fen").as_int64(), 120000);
    EXPECT_EQ(first.at("price_unit").as_string(), "per_hour");
    EXPECT_EQ(first.at("cnas_valid").as_bool(), true);
    EXPECT_EQ(service(1).at("price_unit").as_string(), "negotiable");
    EXPECT_EQ(service(2).at("price_unit").as_string(), "per_sample");
}

TEST_F(ImportFilesTest, BrokenFilesAreRefusedNamingWhatIsWrong) {
    std::string good = MakeXlsx({kInstrumentHeader, InstrumentRow("损坏文件仪器")});
    HttpResponse truncated = ImportFile(As("unit_a"), "instrument", good.substr(0, good.size() / 2));
    EXPECT_EQ(truncated.status, 422) << truncated.body;
    EXPECT_EQ(FieldOf(truncated), "file");

    HttpResponse no_header = ImportFile(As("unit_a"), "instrument", MakeXlsx({{"甲", "乙"}, {"1", "2"}}));
    EXPECT_EQ(no_header.status, 422) << no_header.body;
    EXPECT_EQ(FieldOf(no_header), "header");

    std::vector<std::string> short_header(kInstrumentHeader.begin(), kInstrumentHeader.begin() + 3);
    HttpResponse missing = ImportFile(As("unit_a"), "instrument", MakeXlsx({short_header, {"缺列仪器", "1001", "5"}}));
    EXPECT_EQ(missing.status, 422) << missing.body;
    EXPECT_NE(missing.body.find("验收日期"), std::string::npos) << missing.body;

    EXPECT_EQ(ImportFile(As("unit_a"), "instrument", "").status, 422);
    HttpResponse only_header = ImportFile(As("unit_a"), "instrument", MakeXlsx({kInstrumentHeader}));
    EXPECT_EQ(only_header.status, 422) << only_header.body;
    EXPECT_EQ(ImportFile(As("unit_a"), "spaceship", good).status, 422);
    EXPECT_EQ(InstrumentsNamed(As("operator"), "损坏文件仪器"), 0);
}

TEST_F(ImportFilesTest, AUnitImportsForItselfOnly) {
    std::vector<std::string> header = kInstrumentHeader;
    header.push_back("统一社会信用代码");
    std::vector<std::string> theirs = InstrumentRow("别家单位的仪器");
    theirs.push_back("121100004000000027");  // org_b's
    HttpResponse run = ImportFile(As("unit_a"), "instrument", MakeXlsx({header, theirs}));
    ASSERT_EQ(run.status, 200) << run.body;
    EXPECT_EQ(Counted(run, "refused"), 1);
    EXPECT_TRUE(HasError(run, "2/统一社会信用代码")) << run.body;
    EXPECT_EQ(ImportFile(As("unit_a"), "instrument", MakeXlsx({header, theirs}), "&org_id=" + world_.org_b).status,
              403);
    EXPECT_EQ(ImportFile(As("company"), "instrument", MakeXlsx({header, theirs})).status, 403);
    EXPECT_EQ(ImportFile(As("finance"), "instrument", MakeXlsx({header, theirs})).status, 403);
    EXPECT_EQ(ImportFile(As("unit_a"), "finance_product", MakeXlsx({header, theirs})).status, 403);

    // The operator imports for any organisation by its credit code, and needs one.
    HttpResponse op = ImportFile(As("operator"), "instrument", MakeXlsx({header, theirs}));
    ASSERT_EQ(op.status, 200) << op.body;
    EXPECT_EQ(Counted(op, "created"), 1) << op.body;
    HttpResponse nameless =
        ImportFile(As("operator"), "instrument", MakeXlsx({kInstrumentHeader, InstrumentRow("无单位的仪器")}));
    EXPECT_EQ(Counted(nameless, "refused"), 1);
    EXPECT_TRUE(HasError(nameless, "2/")) << nameless.body;
}

TEST_F(ImportFilesTest, OneRunningImportPerOrganization) {
    // An import of org_a is running (left by another server): the next one of org_a waits; org_b's runs.
    RunSql(Db(),
           "INSERT INTO import_runs (kind, org_id, lock_key, file_name, file_bytes, file_sha256, dry_run, "
           "all_or_nothing, status, created_at) VALUES ('instrument', " +
               world_.org_a + ", " + world_.org_a + ", 'x.xlsx', 1, '', 0, 0, 'running', '2999-01-01T00:00:00Z')");
    std::string file = MakeXlsx({kInstrumentHeader, InstrumentRow("并发仪器")});
    EXPECT_EQ(ImportFile(As("unit_a"), "instrument", file).status, 409);
    EXPECT_EQ(ImportFile(As("unit_b"), "instrument", file).status, 200);
    RunSql(Db(), "UPDATE import_runs SET status = 'failed' WHERE file_name = 'x.xlsx'");

    // Two at once: both answer, never two running together — each is 200 or 409, and one is 200.
    std::vector<RaceRequest> requests;
    std::vector<std::string> files;
    for (int i = 0; i < 2; ++i) {
        std::vector<std::vector<std::string>> rows = {kInstrumentHeader};
        for (int k = 0; k < 300; ++k)
            rows.push_back(InstrumentRow("并发" + std::to_string(i) + "-" + std::to_string(k)));
        files.push_back(MakeXlsx(rows));
    }
    for (int i = 0; i < 2; ++i) {
        requests.push_back(
            {&As("unit_a"), "POST", "/api/v1/imports?kind=instrument", files[i], {{"Content-Type", kXlsxType}}});
    }
    std::map<int, int> statuses = Count(Race(Port(), requests));
    EXPECT_GE(statuses[200], 1);
    EXPECT_EQ(statuses[200] + statuses[409], 2);
}

TEST_F(ImportFilesTest, TheCommandLineImportsAsTheOperator) {
    std::vector<std::string> header = kInstrumentHeader;
    header.push_back("统一社会信用代码");
    std::vector<std::string> row = InstrumentRow("命令行仪器");
    row.push_back("121100004000000014");
    std::vector<std::string> bad = {"命令行坏行", "1001", "x", "2025/6/30", "海淀区", "开放", "", "", ""};
    std::string path = ::testing::TempDir() + "/import-cli-" + std::to_string(::getpid()) + ".xlsx";
    {
        std::ofstream out(path, std::ios::binary);
        out << MakeXlsx({header, row, bad});
    }
    CommandResult dry = RunCli({"import", "--db", Db(), "--kind", "instrument", "--dry-run", path});
    EXPECT_EQ(dry.exit_code, 1) << dry.err;  // a row was refused
    EXPECT_NE(dry.out.find("\"created\":1"), std::string::npos) << dry.out;
    EXPECT_EQ(InstrumentsNamed(As("operator"), "命令行仪器"), 0);
    CommandResult good = RunCli({"import", "--db", Db(), "--kind", "instrument", path});
    EXPECT_EQ(good.exit_code, 1) << good.err;
    EXPECT_EQ(InstrumentsNamed(As("operator"), "命令行仪器"), 1);
    CommandResult again = RunCli({"import", "--db", Db(), "--kind", "instrument", "--org", world_.org_a, path});
    EXPECT_NE(again.out.find("\"unchanged\":1"), std::string::npos) << again.out << again.err;
    EXPECT_EQ(RunCli({"import", "--db", Db(), "--kind", "instrument"}).exit_code, 2);
    std::remove(path.c_str());
}

}  // namespace
}  // namespace keyuan::testing
