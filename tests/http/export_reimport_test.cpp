// An export re-imports (issue 19 §4), against the real server on each engine: a unit's labs
// (a row per industry code), instruments (万元, choices, dates, a formula-like name), services
// (a price per unit and 面议, a lab by name) and achievements (status lists) exported as XLSX, as
// CSV and as GBK CSV, then imported by the same unit and by the operator: every object is found
// by its 编号 and unchanged — nothing created, updated or refused, no new version.
#include <gtest/gtest.h>

#include "imports_support.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

class ExportReimportTest : public CatalogSuite<ExportReimportTest> {
protected:
    static void SetUpTestSuite() {
        CatalogSuite<ExportReimportTest>::SetUpTestSuite();
        Session& unit = As("unit_a");
        Session& op = As("operator");
        lab_ = CreateApproved(
            unit, op, "labs",
            With(LabBody("往返光电实验室"),
                 {{"industries", json::array{json::object{{"code", "3921"}, {"scope", "通信设备检测"}},
                                             json::object{{"code", "2710"}, {"scope", "原料药检测"}}}}}));
        CreateApproved(unit, op, "instruments",
                       With(InstrumentBody("=往返电镜"), {{"original_value_fen", 123456789},
                                                          {"service_modes", json::array{"remote", "on_site"}},
                                                          {"contact_phone", "+86 10 6234 5678"},
                                                          {"subject", "化学，物理学"},
                                                          {"running_state", "awaiting_repair"},
                                                          {"lab_id", lab_}}));
        CreateResource(
            unit, "instruments",
            With(InstrumentBody("往返草稿色谱仪"), {{"duty_free", true}, {"customs_supervision_end", "2030-01-01"}}));
        CreateApproved(unit, op, "services", With(ServiceBody("往返检测", 120050), {{"lab_id", lab_}}));
        CreateApproved(unit, op, "services",
                       With(ServiceBody("往返面议服务", 0), {{"price_fen", nullptr}, {"price_unit", "negotiable"}}));
        CreateApproved(unit, As("reviewer_edu"), "achievements",
                       json::object{{"name", "往返成果"},
                                    {"class", "applied_research"},
                                    {"funding", "fiscal"},
                                    {"programme", "北京市科技计划"},
                                    {"statuses", json::array{"2", "4"}},
                                    {"industry_codes", json::array{"3825"}},
                                    {"keywords", json::array{"钙钛矿", "光伏"}},
                                    {"description", "往返测试"}});
    }

    /// Exports `collection` as `who` in `form`, imports it back as `importer`: the run.
    static json::value RoundTrip(const std::string& who, const std::string& importer, const std::string& kind,
                                 const std::string& collection, const std::string& form) {
        HttpResponse file = As(who).Get("/api/v1/" + collection + "?status=all&sort=id&" + form);
        EXPECT_EQ(file.status, 200) << kind << " " << form << ": " << file.body.substr(0, 300);
        bool csv = form.find("csv") != std::string::npos;
        HttpResponse run = ImportFile(As(importer), kind, file.body, "", csv ? "text/csv" : kXlsxType,
                                      csv ? "export.csv" : "export.xlsx");
        EXPECT_EQ(run.status, 200) << kind << " " << form << ": " << run.body.substr(0, 2000);
        return run.status == 200 ? run.Json() : json::value();
    }

    static inline std::string lab_;
};

TEST_F(ExportReimportTest, EveryFormReimportsUnchanged) {
    struct Kind {
        const char* kind;
        const char* collection;
        std::int64_t objects;
    };
    for (const Kind& k : {Kind{"lab", "labs", 1}, Kind{"instrument", "instruments", 2}, Kind{"service", "services", 2},
                          Kind{"achievement", "achievements", 1}}) {
        for (const char* form : {"format=xlsx", "format=csv", "format=csv&charset=gbk"}) {
            for (const char* importer : {"unit_a", "operator"}) {
                json::value run = RoundTrip("unit_a", importer, k.kind, k.collection, form);
                if (!run.is_object()) continue;
                const json::value& counts = run.at("counts");
                EXPECT_EQ(counts.at("unchanged").as_int64(), k.objects)
                    << k.kind << " " << form << " by " << importer << ": " << json::serialize(run).substr(0, 2000);
                EXPECT_EQ(
                    counts.at("created").as_int64() + counts.at("updated").as_int64() + counts.at("refused").as_int64(),
                    0)
                    << k.kind << " " << form << " by " << importer << ": " << json::serialize(run).substr(0, 2000);
            }
        }
    }
}

}  // namespace
}  // namespace keyuan::testing
