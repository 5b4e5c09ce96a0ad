// The national report against the real binary, on each engine: instruments registered and
// approved through the API (a complete one, one missing elements with a formula-like name, one
// below the 50万元 threshold, a draft), delivery records and a rating written into the database
// for two years; every figure of both sheets asserted, the check naming the missing elements,
// the workbook read back, and who may ask.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "exchange/table.hpp"
#include "support/catalog_fixture.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

std::string ReportUser(const std::string& username) {
    return "(SELECT id FROM users WHERE username = '" + username + "')";
}

class NationalReportTest : public CatalogSuite<NationalReportTest> {
public:
    static std::string Config() {
        return SecurityConfig() + "\n[national_report]\nsite_url = \"https://kyzy.example.cn/\"\n";
    }

protected:
    static void SetUpTestSuite() {
        CatalogSuite<NationalReportTest>::SetUpTestSuite();
        json::object complete = With(InstrumentBody("国家报送质谱仪"), {{"country", "美国"},
                                                                        {"subject", "生物学，化学"},
                                                                        {"running_state", "remote_service"},
                                                                        {"functions", "蛋白质组学样品测试"},
                                                                        {"fee_standard", "800元/小时"},
                                                                        {"location", "海淀区学院路30号"},
                                                                        {"contact_name", "王工"},
                                                                        {"contact_phone", "010-62345678"},
                                                                        {"contact_email", "wang@example.cn"},
                                                                        {"duty_free", true},
                                                                        {"customs_supervision_end", "2031-04-01"}});
        complete_ = CreateApproved(As("unit_a"), As("operator"), "instruments", complete);
        json::object lacking =
            With(InstrumentBody("=HYPERLINK(\"x\")电镜"), {{"class_code", "01"},
                                                           {"original_value_fen", 50000000},  // 50万元: in
                                                           {"purchase_date", nullptr},
                                                           {"open_status", "internal_only"}});
        lacking_ = CreateApproved(As("unit_b"), As("operator"), "instruments", lacking);
        small_ = CreateApproved(As("unit_a"), As("operator"), "instruments",
                                With(InstrumentBody("小型天平"), {{"original_value_fen", 49999999}}));
        draft_ = CreateResource(As("unit_a"), "instruments", InstrumentBody("未审核光谱仪"));
        std::string sql;
        auto delivery = [&](int source, const std::string& instrument, const char* mode, int minutes, int samples,
                            int fee, const char* day) {
            sql +=
                "INSERT INTO deliveries (source_kind, source_id, resource_kind, resource_id, provider_org_id, "
                "client_org_id, client_user_id, internal, service_mode, minutes_used, samples, fee_fen, "
                "delivered_on, recorded_by, recorded_at) VALUES ('booking', " +
                std::to_string(source) + ", 'instrument', " + instrument + ", " + world_.org_a + ", " + world_.org_b +
                ", " + ReportUser("company") + ", 0, '" + mode + "', " + std::to_string(minutes) + ", " +
                std::to_string(samples) + ", " + std::to_string(fee) + ", '" + day + "', " + ReportUser("unit_a") +
                ", 'x');\n";
        };
        delivery(970001, complete_, "commissioned", 90, 0, 120050, "2026-05-03");
        delivery(970002, complete_, "technical", 0, 12, 36000, "2026-06-10");
        delivery(970003, complete_, "occupancy", 60, 0, 5000, "2025-12-31");  // another year
        delivery(970004, small_, "occupancy", 60, 0, 5000, "2026-06-11");     // below the threshold
        sql +=
            "INSERT INTO ratings (delivery_id, resource_kind, resource_id, provider_org_id, score, rated_by, "
            "rated_at) SELECT id, 'instrument', resource_id, provider_org_id, 5, " +
            ReportUser("company") + ", 'x' FROM deliveries WHERE source_id = 970001;\n";
        CommandResult r = RunSql(Db(), sql);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    static json::value Report(const std::string& query) {
        HttpResponse r = As("operator").Get("/api/v1/national-report/instruments?" + query);
        EXPECT_EQ(r.status, 200) << r.body;
        return r.status == 200 ? r.Json() : json::value();
    }

    /// "sheet|id|element" of each problem.
    static std::vector<std::string> Problems(const json::value& report) {
        std::vector<std::string> out;
        json::array problems = report.at("problems").as_array();
        for (const json::value& p : problems) {
            out.push_back(std::string(p.at("sheet").as_string()) + "|" + std::string(p.at("id").as_string()) + "|" +
                          std::string(p.at("element").as_string()));
        }
        return out;
    }

    static inline std::string complete_, lacking_, small_, draft_;
};

TEST_F(NationalReportTest, InstrumentRecordsInTheNationalElements) {
    json::value report = Report("year=2026&format=json");
    ASSERT_TRUE(report.is_object());
    EXPECT_EQ(report.at("threshold_fen").as_int64(), 50000000);
    json::array rows = report.at("instrument_rows").as_array();
    ASSERT_EQ(rows.size(), 2u);  // not the small one, not the draft
    const json::value& a = rows[0];
    EXPECT_EQ(a.at("仪器内部编号").as_string(), complete_);
    EXPECT_EQ(a.at("所属单位").as_string(), "北京示范大学");
    EXPECT_EQ(a.at("设备分类编码").as_string(), "010200");
    EXPECT_EQ(a.at("产地国别").as_string(), "美国");
    EXPECT_EQ(a.at("主要学科领域").as_string(), "生物学，化学");
    EXPECT_EQ(a.at("运行状态").as_string(), "远程服务中");
    EXPECT_EQ(a.at("仪器设备来源").as_string(), "购置");
    EXPECT_EQ(a.at("海关监管").as_string(), "是");
    EXPECT_DOUBLE_EQ(a.at("原值（万元）").as_double(), 450.0);
    EXPECT_EQ(a.at("共享模式").as_string(), "外部共享");
    EXPECT_EQ(a.at("服务内容").as_string(), "蛋白质组学样品测试");
    EXPECT_EQ(a.at("参考收费标准").as_string(), "800元/小时");
    EXPECT_EQ(a.at("预约服务网址").as_string(), "https://kyzy.example.cn/instruments/" + complete_);
    EXPECT_EQ(a.at("区（县）").as_string(), "海淀区");
    EXPECT_EQ(a.at("街道（门牌号）").as_string(), "海淀区学院路30号");
    EXPECT_EQ(a.at("电话").as_string(), "010-62345678");  // unmasked: the national platform needs it
    const json::value& b = rows[1];
    EXPECT_EQ(b.at("仪器内部编号").as_string(), lacking_);
    EXPECT_EQ(b.at("仪器名称").as_string(), "'=HYPERLINK(\"x\")电镜");  // neutralised
    EXPECT_EQ(b.at("设备分类编码").as_string(), "");
    EXPECT_EQ(b.at("海关监管").as_string(), "否");
    EXPECT_DOUBLE_EQ(b.at("原值（万元）").as_double(), 50.0);
    EXPECT_EQ(b.at("共享模式").as_string(), "内部共享");
    EXPECT_EQ(b.at("区（县）").as_string(), "海淀区");

    // Instruments accepted in 2026 are not in 2025's report; its services neither.
    json::value earlier = Report("year=2025&format=json");
    EXPECT_EQ(earlier.at("instruments").as_int64(), 0);
    EXPECT_EQ(earlier.at("services").as_int64(), 0);
    EXPECT_TRUE(earlier.at("problems").as_array().empty());
}

TEST_F(NationalReportTest, ServiceRecordsOfTheYear) {
    json::value report = Report("year=2026&format=json");
    json::array rows = report.at("service_rows").as_array();
    ASSERT_EQ(rows.size(), 2u);  // not 2025's, not the small instrument's
    EXPECT_EQ(rows[0].at("仪器内部编号").as_string(), complete_);
    EXPECT_DOUBLE_EQ(rows[0].at("服务金额（元）").as_double(), 1200.50);
    EXPECT_EQ(rows[0].at("实际服务时间").as_string(), "2026-05-03");
    EXPECT_EQ(rows[0].at("服务方式").as_string(), "委托共享");
    EXPECT_EQ(rows[0].at("服务量").as_string(), "1.50小时");
    EXPECT_EQ(rows[0].at("申请人单位").as_string(), "朝阳医学研究所");
    EXPECT_FALSE(rows[0].at("申请人").as_string().empty());
    EXPECT_EQ(rows[0].at("用户评价").as_string(), "非常满意");
    EXPECT_DOUBLE_EQ(rows[1].at("服务金额（元）").as_double(), 360.0);
    EXPECT_EQ(rows[1].at("服务方式").as_string(), "技术共享");
    EXPECT_EQ(rows[1].at("服务量").as_string(), "12样");
    EXPECT_EQ(rows[1].at("用户评价").as_string(), "");
}

TEST_F(NationalReportTest, TheCheckNamesEveryMissingElement) {
    json::value check = Report("year=2026&check=1");
    ASSERT_TRUE(check.is_object());
    EXPECT_FALSE(check.as_object().contains("instrument_rows"));
    std::vector<std::string> problems = Problems(check);
    std::vector<std::string> expected = {
        "仪器设备|" + lacking_ + "|设备分类编码",   "仪器设备|" + lacking_ + "|主要学科领域",
        "仪器设备|" + lacking_ + "|产地国别",       "仪器设备|" + lacking_ + "|运行状态",
        "仪器设备|" + lacking_ + "|仪器设备来源",   "仪器设备|" + lacking_ + "|服务内容",
        "仪器设备|" + lacking_ + "|街道（门牌号）", "仪器设备|" + lacking_ + "|联系人",
        "仪器设备|" + lacking_ + "|电话",           "仪器设备|" + lacking_ + "|电子邮箱",
        "仪器设备|" + lacking_ + "|参考收费标准"};
    // The service delivered without a rating is named too.
    json::array services = Report("year=2026&format=json").at("service_rows").as_array();
    expected.push_back("服务记录|" + std::string(services[1].at("服务记录编号").as_string()) + "|用户评价");
    EXPECT_EQ(problems, expected);
    for (const std::string& p : problems) EXPECT_EQ(p.find(complete_ + "|"), std::string::npos) << p;
    // Each problem names its instrument, so that the web page links it (a service record's too).
    json::array list = check.at("problems").as_array();
    EXPECT_EQ(list.front().at("instrument_id").as_string(), lacking_);
    EXPECT_EQ(list.back().at("instrument_id").as_string(), services[1].at("仪器内部编号").as_string());
}

TEST_F(NationalReportTest, TheWorkbookHasTheThreeSheets) {
    HttpResponse r = As("operator").Get("/api/v1/national-report/instruments?year=2026");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_NE(r.Header("content-disposition").find("national-report-instruments-2026.xlsx"), std::string::npos);
    EXPECT_NE(r.body.find("xl/worksheets/sheet3.xml"), std::string::npos);  // 仪器设备, 服务记录, 校验
    exchange::Table table = exchange::ReadXlsx(r.body);
    ASSERT_EQ(table.rows.size(), 3u);  // header and two instruments
    EXPECT_EQ(table.rows[0].cells[0], "仪器内部编号");
    EXPECT_EQ(table.rows[0].cells[3], "设备分类编码");
    EXPECT_EQ(table.rows[0].cells[8], "原值（万元）");
    EXPECT_EQ(table.rows[1].cells[3], "010200");
    EXPECT_EQ(table.rows[1].cells[8], "450");
    EXPECT_EQ(table.rows[2].cells[1], "'=HYPERLINK(\"x\")电镜");
}

TEST_F(NationalReportTest, OnlyTheOperator) {
    for (const char* who : {"unit_a", "reviewer_edu", "officer_haidian", "company", "base", "auditor"}) {
        EXPECT_TRUE(IsError(As(who).Get("/api/v1/national-report/instruments?year=2026"), 403, "forbidden")) << who;
    }
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/national-report/instruments?year=2026"), 401, "unauthenticated"));
}

TEST_F(NationalReportTest, ABadYearOrFormatIsNamed) {
    for (const char* query : {"", "year=", "year=26", "year=1999", "year=2100", "year=2026x", "year=-202"}) {
        HttpResponse r = As("operator").Get(std::string("/api/v1/national-report/instruments?") + query);
        ASSERT_TRUE(IsError(r, 422, "validation_failed")) << query;
        EXPECT_EQ(r.Json().at("error").at("fields").at(0).at("field").as_string(), "year") << query;
    }
    HttpResponse r = As("operator").Get("/api/v1/national-report/instruments?year=2026&format=pdf");
    ASSERT_TRUE(IsError(r, 422, "validation_failed"));
    EXPECT_EQ(r.Json().at("error").at("fields").at(0).at("field").as_string(), "format");
}

/// Without [national_report] site_url there is no booking URL: the check says so once.
class NationalReportUnconfiguredTest : public CatalogSuite<NationalReportUnconfiguredTest> {};

TEST_F(NationalReportUnconfiguredTest, TheBookingUrlIsNamedOnceForAll) {
    CreateApproved(As("unit_a"), As("operator"), "instruments", InstrumentBody("未配置网址的质谱仪"));
    HttpResponse r = As("operator").Get("/api/v1/national-report/instruments?year=2026&check=1");
    ASSERT_EQ(r.status, 200) << r.body;
    json::value check = r.Json();
    std::size_t lines = 0;
    for (const json::value& p : check.at("problems").as_array()) {
        if (p.at("element").as_string() != "预约服务网址") continue;
        ++lines;
        EXPECT_EQ(p.at("id").as_string(), "全部");
        EXPECT_NE(std::string(p.at("message").as_string()).find("site_url"), std::string::npos);
    }
    EXPECT_EQ(lines, 1u);
}

}  // namespace
}  // namespace keyuan::testing
