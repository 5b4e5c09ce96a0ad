// The operator's spreadsheet import of the high-tech catalog against the real binary: dry run
// then import, idempotent re-import, scope updates with history, GBK CSV, and sheets with bad
// rows that change nothing. Runs once per database engine.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>

#include "http/imports_support.hpp"
#include "support/catalog_fixture.hpp"
#include "support/wait_until.hpp"
#include "support/workbook.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

const std::vector<std::string> kHeader = {"产业", "子类", "行业代码", "经营范围"};

class ImportsTest : public CatalogSuite<ImportsTest> {
protected:
    static HttpResponse Import(Session& session, const std::string& file, bool dry_run,
                               const std::string& type = kXlsxType) {
        return session.Send("POST",
                            std::string("/api/v1/imports?kind=hitech_catalog&dry_run=") + (dry_run ? "true" : "false"),
                            file, {{"Content-Type", type}});
    }

    /// The sub-categories of the catalog as "industry/name/code/scope".
    static std::vector<std::string> CatalogRows() {
        HttpResponse tree = Visitor().Get("/api/v1/industries");
        EXPECT_EQ(tree.status, 200) << tree.body;
        std::vector<std::string> out;
        json::value body = tree.Json();
        for (const json::value& industry : body.at("items").as_array()) {
            for (const json::value& sub : industry.at("subcategories").as_array()) {
                out.push_back(Str(industry, "name") + "/" + Str(sub, "name") + "/" + Str(sub, "code") + "/" +
                              Str(sub, "scope"));
            }
        }
        return out;
    }

    static bool Has(const std::vector<std::string>& rows, const std::string& row) {
        return std::find(rows.begin(), rows.end(), row) != rows.end();
    }
};

TEST_F(ImportsTest, DryRunThenImportThenReimportChangesNothing) {
    std::string file = MakeXlsx({kHeader,
                                 {"医药健康", "化学药品原料药制造", "2710", "生产化学原料药"},
                                 {"新一代信息技术", "计算机整机", "3911", "制造计算机整机"}});
    std::vector<std::string> before = CatalogRows();
    HttpResponse dry = Import(As("operator"), file, true);
    ASSERT_EQ(dry.status, 200) << dry.body;
    EXPECT_EQ(dry.Json().at("dry_run").as_bool(), true);
    EXPECT_EQ(dry.Json().at("rows").as_int64(), 2);
    EXPECT_EQ(dry.Json().at("created").as_int64(), 2);
    json::value summary = dry.Json();
    EXPECT_EQ(summary.at("changes").as_array()[0].at("row").as_int64(), 2);
    EXPECT_EQ(CatalogRows(), before);  // a dry run writes nothing

    HttpResponse done = Import(As("operator"), file, false);
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_EQ(done.Json().at("created").as_int64(), 2);
    std::vector<std::string> after = CatalogRows();
    EXPECT_EQ(after.size(), before.size() + 2);
    EXPECT_TRUE(Has(after, "医药健康/化学药品原料药制造/2710/生产化学原料药"));

    HttpResponse again = Import(As("operator"), file, false);
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.Json().at("created").as_int64(), 0);
    EXPECT_EQ(again.Json().at("unchanged").as_int64(), 2);
    EXPECT_EQ(CatalogRows(), after);

    // The audit trail names the import.
    HttpResponse audit = As("auditor").Get("/api/v1/audit-events?event_type=industry_catalog.imported");
    ASSERT_EQ(audit.status, 200) << audit.body;
    EXPECT_GE(audit.Json().at("total").as_int64(), 2);
}

TEST_F(ImportsTest, ANewScopeUpdatesTheRowAndKeepsItsHistory) {
    Import(As("operator"), MakeXlsx({kHeader, {"集成电路", "集成电路设计", "6520", "设计集成电路"}}), false);
    HttpResponse changed = Import(
        As("operator"), MakeXlsx({kHeader, {"集成电路", "集成电路设计", "6520", "设计集成电路及相关软件"}}), false);
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(changed.Json().at("updated").as_int64(), 1);
    json::value summary = changed.Json();
    std::string id = Str(summary.at("changes").as_array()[0], "id");
    HttpResponse history = As("operator").Get("/api/v1/industry-subcategories/" + id + "/history");
    ASSERT_EQ(history.status, 200) << history.body;
    EXPECT_EQ(history.Json().at("items").as_array().size(), 2u);
    EXPECT_TRUE(Has(CatalogRows(), "集成电路/集成电路设计/6520/设计集成电路及相关软件"));
}

TEST_F(ImportsTest, GbkCsvFromExcelIsAccepted) {
    std::string csv = ToGbk("产业,子类,行业代码,经营范围\r\n医药健康,生物药品制品,2761,生产生物药品\r\n");
    HttpResponse done = Import(As("operator"), csv, false, "text/csv");
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_EQ(done.Json().at("created").as_int64(), 1);
    EXPECT_TRUE(Has(CatalogRows(), "医药健康/生物药品制品/2761/生产生物药品"));
}

TEST_F(ImportsTest, ASheetWithBadRowsNamesEachAndChangesNothing) {
    std::vector<std::string> before = CatalogRows();
    std::string file = MakeXlsx({kHeader,
                                 {"医药健康", "合格的一行", "2720", "生产化学药品制剂"},
                                 {"不存在的产业", "子类", "2710", ""},
                                 {"医药健康", "代码不对", "9999", ""},
                                 {"医药健康", "", "2710", ""},
                                 {"医药健康", "合格的一行", "2720", "重复"}});
    HttpResponse bad = Import(As("operator"), file, false);
    ASSERT_TRUE(IsError(bad, 422, "validation_failed")) << bad.body;
    EXPECT_EQ(ErrorFields(bad), (std::vector<std::string>{"rows[3].industry", "rows[4].code", "rows[5].subcategory",
                                                          "rows[6].subcategory"}));
    EXPECT_EQ(CatalogRows(), before);  // not even the good row

    HttpResponse no_header = Import(As("operator"), MakeXlsx({{"名称", "代码"}, {"x", "2710"}}), true);
    ASSERT_TRUE(IsError(no_header, 422, "validation_failed")) << no_header.body;
    EXPECT_EQ(ErrorFields(no_header), (std::vector<std::string>{"file", "file"}));  // 产业 and 子类
    HttpResponse damaged = Import(As("operator"), file.substr(0, file.size() / 3), false);
    ASSERT_TRUE(IsError(damaged, 422, "validation_failed")) << damaged.body;
    EXPECT_EQ(ErrorFields(damaged), std::vector<std::string>{"file"});
    EXPECT_TRUE(IsError(Import(As("operator"), "", false), 422, "validation_failed"));
}

TEST_F(ImportsTest, OnlyTheOperatorImportsAndTheKindIsChecked) {
    std::string file = MakeXlsx({kHeader, {"医药健康", "越权导入", "2710", ""}});
    EXPECT_TRUE(IsError(Import(As("unit_a"), file, false), 403, "forbidden"));
    HttpClient visitor = Visitor();
    EXPECT_TRUE(
        IsError(visitor.Send("POST", "/api/v1/imports?kind=hitech_catalog", file, {{"Content-Type", kXlsxType}}), 401,
                "unauthenticated"));
    HttpResponse kind =
        As("operator").Send("POST", "/api/v1/imports?kind=labs&dry_run=maybe", file, {{"Content-Type", kXlsxType}});
    ASSERT_TRUE(IsError(kind, 422, "validation_failed")) << kind.body;
    EXPECT_EQ(ErrorFields(kind), (std::vector<std::string>{"kind", "dry_run"}));
}

TEST_F(ImportsTest, OperatorMaintainsSubcategoriesOneByOne) {
    json::value tree = Visitor().Get("/api/v1/industries").Json();
    std::string industry = Str(tree.at("items").as_array()[0], "id");
    std::string path = "/api/v1/industries/" + industry + "/subcategories";
    Session& op = As("operator");
    HttpResponse bad = op.Post(path, Body({{"name", ""}, {"code", "9999"}, {"scope", std::string(601, 'x')}}));
    ASSERT_TRUE(IsError(bad, 422, "validation_failed")) << bad.body;
    EXPECT_EQ(ErrorFields(bad), (std::vector<std::string>{"name", "scope", "code"}));
    EXPECT_TRUE(IsError(As("unit_a").Post(path, Body({{"name", "越权子类"}, {"code", "3911"}})), 403, "forbidden"));

    HttpResponse added =
        op.Post(path, Body({{"name", "计算机整机（手工）"}, {"code", "3911"}, {"scope", "制造计算机"}}));
    ASSERT_EQ(added.status, 201) << added.body;
    EXPECT_EQ(Str(added.Json(), "code_name"), "计算机整机制造");
    EXPECT_TRUE(IsError(op.Post(path, Body({{"name", "计算机整机（手工）"}, {"code", "3911"}})), 409, "conflict"));

    std::string row = "/api/v1/industry-subcategories/" + Str(added.Json(), "id");
    HttpResponse edited = op.Send("PATCH", row, Body({{"scope", "制造计算机整机"}}), {{"If-Match", "\"1\""}});
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(edited.Json().at("version").as_int64(), 2);
    HttpResponse stale = op.Send("PATCH", row, Body({{"scope", "过期的修改"}}), {{"If-Match", "\"1\""}});
    EXPECT_TRUE(IsError(stale, 409, "conflict")) << stale.body;
    EXPECT_TRUE(
        Has(CatalogRows(), Str(tree.at("items").as_array()[0], "name") + "/计算机整机（手工）/3911/制造计算机整机"));
    EXPECT_EQ(op.Get(row + "/history").Json().at("items").as_array().size(), 2u);
}

TEST_F(ImportsTest, MappingACodeBringsItsResourcesIntoTheIndustryEverywhere) {
    // An instrument with a code that no catalog row maps yet.
    std::string id = CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments",
                                    With(InstrumentBody("精密绘图仪"), {{"industry_codes", json::array{"4013"}}}));
    json::value tree = Visitor().Get("/api/v1/industries").Json();
    const json::value& industry = tree.at("items").as_array()[2];
    std::string filter = "industry=hitech:" + Str(industry, "id");
    EXPECT_FALSE(HasId(ListIds(Visitor().Get("/api/v1/instruments?" + filter + "&page_size=200")), id));

    HttpResponse mapped =
        Import(As("operator"), MakeXlsx({kHeader, {Str(industry, "name"), "测量仪器", "4013", ""}}), false);
    ASSERT_EQ(mapped.status, 200) << mapped.body;
    // The catalog list follows at once; the search index within a second.
    EXPECT_TRUE(HasId(ListIds(Visitor().Get("/api/v1/instruments?" + filter + "&page_size=200")), id));
    HttpResponse r;
    bool found = false;
    WaitUntil(
        [&] {
            r = Visitor().Get("/api/v1/search?q=%E7%BB%98%E5%9B%BE%E4%BB%AA&" + filter);  // 绘图仪
            if (r.status != 200) return true;
            json::value body = r.Json();
            for (const json::value& item : body.at("items").as_array()) found = found || Str(item, "id") == id;
            return found;
        },
        std::chrono::seconds(2), std::chrono::milliseconds(50));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_TRUE(found) << "not found by the catalog industry in search";
}

}  // namespace
}  // namespace keyuan::testing
