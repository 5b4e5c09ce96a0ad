// Real answers of the catalog's own routes and their neighbours against the OpenAPI document
// (decision 13 of docs/design/data-exchange.md): organisations, bases and the industry catalog
// with their histories; spreadsheet imports (a registered kind and the high-tech catalog), their
// runs, templates and reports; achievement packages, statistics and a talent's contact; an order's
// files; the usage figures and the national report; with the refusals (401, 403, 404, 409, 422).
#include "http/imports_support.hpp"
#include "http/openapi/openapi_walk.hpp"

namespace keyuan::testing {
namespace {

class OpenApiCatalogWalkTest : public CatalogSuite<OpenApiCatalogWalkTest> {
protected:
    static json::value Document() { return Visitor().Get("/api/v1/openapi.json").Json(); }
};

TEST_F(OpenApiCatalogWalkTest, OrganisationsBasesAndTheIndustryCatalogAnswerAsTheDocumentSays) {
    const json::value document = Document();
    auto check = [&](const std::string& method, const std::string& pattern, const HttpResponse& r, int status) {
        EXPECT_TRUE(AnswersWith(document, method, pattern, r, status));
    };
    Session& op = As("operator");
    const std::string orgs = "/api/v1/organizations", org = orgs + "/{id}", a = orgs + "/" + world_.org_a;
    json::object body{{"name", "文档核对研究院"},
                      {"credit_code", "12110000400000903D"},
                      {"kind", "research_institute"},
                      {"district_code", "110108"},
                      {"contacts", json::array{json::object{{"name", "张老师"}, {"phone", "13800001111"}}}}};
    check("POST", orgs, op.Post(orgs, Body(With(body, {{"kind", "club"}}))), 422);
    check("POST", orgs, As("unit_a").Post(orgs, Body(body)), 403);
    check("POST", orgs, op.Post(orgs, Body(body)), 201);
    check("GET", orgs, Visitor().Get(orgs + "?kind=university&page_size=5"), 200);
    check("GET", orgs, op.Get(orgs + "?q=" + UrlEncode("北京")), 200);
    check("GET", orgs, Visitor().Get(orgs + "?page=0"), 422);
    check("GET", org, Visitor().Get(a), 200);
    check("GET", org, Visitor().Get(orgs + "/999999999"), 404);
    check("PATCH", org, As("unit_a").Send("PATCH", a, Body({{"address", "海淀区学院路 1 号"}, {"version", 1}})), 200);
    check("PATCH", org, As("unit_a").Send("PATCH", a, Body({{"address", "x"}}), {{"If-Match", "\"1\""}}), 409);
    check("PATCH", org, As("unit_a").Send("PATCH", a, Body({{"kind", "hospital"}})), 403);  // the operator's
    check("PATCH", org, As("unit_b").Send("PATCH", a, Body({{"address", "x"}})), 404);
    check("GET", org + "/history", As("unit_a").Get(a + "/history"), 200);
    check("GET", org + "/history", As("company").Get(a + "/history"), 403);

    const std::string bases = "/api/v1/bases", base = bases + "/{id}";
    check("POST", bases, op.Post(bases, Body({{"name", "x"}, {"kind", "hub"}})), 422);
    HttpResponse created = op.Post(
        bases,
        Body({{"name", "文档核对基地"}, {"kind", "base"}, {"org_id", world_.org_b}, {"finance_product_target", 3}}));
    ASSERT_EQ(created.status, 201) << created.body;
    check("POST", bases, created, 201);
    std::string at = bases + "/" + Str(created.Json(), "id");
    check("GET", bases, Visitor().Get(bases + "?kind=base"), 200);
    check("GET", bases, Visitor().Get(bases + "?kind=hub"), 422);
    check("GET", base, Visitor().Get(at), 200);
    check("PATCH", base, As("base").Send("PATCH", at, Body({{"description", "研发实验服务基地"}})), 200);
    check("PATCH", base, As("base").Send("PATCH", at, Body({{"org_id", nullptr}})), 403);
    check("PATCH", base, op.Send("PATCH", at, Body({{"org_id", nullptr}}), {{"If-Match", "\"1\""}}), 409);
    HttpResponse detached = op.Send("PATCH", at, Body({{"org_id", nullptr}, {"version", 2}}));
    check("PATCH", base, detached, 200);
    EXPECT_TRUE(detached.Json().at("org_id").is_null()) << detached.body;  // null detaches the base from its host
    check("GET", base + "/history", op.Get(at + "/history"), 200);
    check("GET", base + "/history", As("unit_a").Get(at + "/history"), 403);

    HttpResponse tree = Visitor().Get("/api/v1/industries");
    check("GET", "/api/v1/industries", tree, 200);
    std::string industry = Str(tree.Json().at("items").as_array()[0], "id");
    const std::string subcategories = "/api/v1/industries/{id}/subcategories",
                      add = "/api/v1/industries/" + industry + "/subcategories";
    check("POST", subcategories, op.Post(add, Body({{"name", ""}, {"code", "9999"}})), 422);
    HttpResponse added =
        op.Post(add, Body({{"name", "计算机整机（文档）"}, {"code", "3911"}, {"scope", "制造计算机"}}));
    ASSERT_EQ(added.status, 201) << added.body;
    check("POST", subcategories, added, 201);
    check("POST", subcategories, op.Post(add, Body({{"name", "计算机整机（文档）"}, {"code", "3911"}})), 409);
    check("POST", subcategories, op.Post("/api/v1/industries/999999999/subcategories", Body({{"name", "x"}})), 404);
    const std::string row = "/api/v1/industry-subcategories/" + Str(added.Json(), "id"),
                      subcategory = "/api/v1/industry-subcategories/{id}";
    check("PATCH", subcategory, op.Send("PATCH", row, Body({{"scope", "制造计算机整机"}}), {{"If-Match", "\"1\""}}),
          200);
    check("PATCH", subcategory, op.Send("PATCH", row, Body({{"scope", "x"}}), {{"If-Match", "\"1\""}}), 409);
    check("PATCH", subcategory, As("unit_a").Send("PATCH", row, Body({{"scope", "x"}})), 403);
    check("GET", subcategory + "/history", Visitor().Get(row + "/history"), 200);
}

TEST_F(OpenApiCatalogWalkTest, ImportsAnswerAsTheDocumentSays) {
    const json::value document = Document();
    auto check = [&](const std::string& method, const std::string& pattern, const HttpResponse& r, int status) {
        EXPECT_TRUE(AnswersWith(document, method, pattern, r, status));
    };
    Session& op = As("operator");
    const std::string imports = "/api/v1/imports";
    check("GET", imports + "/kinds", As("unit_a").Get(imports + "/kinds"), 200);
    check("GET", imports + "/kinds", As("company").Get(imports + "/kinds"), 403);
    check("GET", imports + "/templates/{kind}", As("unit_a").Get(imports + "/templates/instrument"), 200);
    check("GET", imports + "/templates/{kind}", As("unit_a").Get(imports + "/templates/spaceship"), 404);
    std::string file = MakeXlsx({kInstrumentHeader, InstrumentRow("文档核对光谱仪"), InstrumentRow("")});
    check("POST", imports, ImportFile(As("unit_a"), "instrument", file, "&dry_run=true"), 200);
    HttpResponse run = ImportFile(As("unit_a"), "instrument", file);
    ASSERT_EQ(run.status, 200) << run.body;
    check("POST", imports, run, 200);
    check("POST", imports, ImportFile(As("unit_a"), "spaceship", file), 422);
    check("POST", imports, ImportFile(As("unit_a"), "instrument", "not a workbook"), 422);
    check("POST", imports, ImportFile(As("company"), "instrument", file), 403);
    std::string hitech = MakeXlsx({{"产业", "子类", "行业代码", "经营范围"}, {"医药健康", "生物药品制品", "2761", ""}});
    check("POST", imports, ImportFile(op, "hitech_catalog", hitech, "&dry_run=true"), 200);
    check("GET", imports, As("unit_a").Get(imports + "?page_size=5"), 200);
    check("GET", imports, Visitor().Get(imports), 401);
    std::string id = std::to_string(run.Json().at("id").as_int64());
    check("GET", imports + "/{id}", As("unit_a").Get(imports + "/" + id), 200);
    check("GET", imports + "/{id}", As("unit_b").Get(imports + "/" + id), 404);
    check("GET", imports + "/{id}/report.xlsx", As("unit_a").Get(imports + "/" + id + "/report.xlsx"), 200);
    check("GET", imports + "/{id}/report.xlsx", As("unit_b").Get(imports + "/" + id + "/report.xlsx"), 404);
}

TEST_F(OpenApiCatalogWalkTest, PackagesStatisticsAndContactsAnswerAsTheDocumentSays) {
    const json::value document = Document();
    auto check = [&](const std::string& method, const std::string& pattern, const HttpResponse& r, int status) {
        EXPECT_TRUE(AnswersWith(document, method, pattern, r, status));
    };
    Session& op = As("operator");
    std::string achievement = CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements",
                                             json::object{{"name", "文档核对的光伏组件"},
                                                          {"class", "development_industrialization"},
                                                          {"funding", "fiscal"},
                                                          {"secret", false},
                                                          {"statuses", json::array{"1"}},
                                                          {"industry_codes", json::array{"3825"}}});
    const std::string packages = "/api/v1/achievement-packages", one = packages + "/{id}";
    check("POST", packages, op.Post(packages, Body({{"title", ""}})), 422);
    check("POST", packages, As("unit_a").Post(packages, Body({{"title", "越权"}})), 403);
    HttpResponse created = op.Post(packages, Body({{"title", "新能源科技成果包"}, {"field", "新能源"}}));
    ASSERT_EQ(created.status, 201) << created.body;
    check("POST", packages, created, 201);
    std::string at = packages + "/" + Str(created.Json(), "id");
    check("GET", one, Visitor().Get(at), 404);  // a draft
    check("PATCH", one, op.Send("PATCH", at, Body({{"description", "光伏与储能"}}), {{"If-Match", "\"1\""}}), 200);
    check("PATCH", one, op.Send("PATCH", at, Body({{"description", "x"}}), {{"If-Match", "\"1\""}}), 409);
    check("PUT", one + "/items", op.Send("PUT", at + "/items", Body({{"achievement_ids", json::array{"999999"}}})),
          422);
    check("PUT", one + "/items",
          op.Send("PUT", at + "/items", Body({{"achievement_ids", json::array{achievement}}, {"version", 2}})), 200);
    ASSERT_EQ(Act(op, "achievement-packages", Str(created.Json(), "id"), "publish").status, 200);
    check("GET", one, Visitor().Get(at), 200);
    check("GET", packages, Visitor().Get(packages), 200);
    check("GET", packages, op.Get(packages + "?status=all"), 200);
    check("GET", packages, Visitor().Get(packages + "?status=draft"), 401);
    check("GET", packages, Visitor().Get(packages + "?status=lost"), 422);
    check("GET", one + "/export", Visitor().Get(at + "/export"), 200);
    check("GET", one + "/export", Visitor().Get(at + "/export?format=csv"), 200);
    check("GET", one + "/export", Visitor().Get(at + "/export?format=pdf"), 422);

    const std::string statistics = "/api/v1/achievements/statistics";
    for (const char* group : {"class", "status", "industry", "organization", "department", "year"}) {
        check("GET", statistics, Visitor().Get(statistics + "?group=" + group), 200);
    }
    check("GET", statistics, Visitor().Get(statistics + "?group=colour"), 422);

    std::string talent = CreateApproved(As("unit_a"), As("reviewer_edu"), "talents",
                                        json::object{{"name", "李文档"},
                                                     {"title", "研究员"},
                                                     {"specialties", "钙钛矿薄膜沉积"},
                                                     {"industry_codes", json::array{"3825"}},
                                                     {"contact_phone", "13912345678"},
                                                     {"contact_email", "li@example.edu.cn"}});
    const std::string contact = "/api/v1/talents/{id}/contact";
    check("GET", contact, As("company").Get("/api/v1/talents/" + talent + "/contact"), 200);
    check("GET", contact, Visitor().Get("/api/v1/talents/" + talent + "/contact"), 401);
    check("GET", contact, As("reviewer_health").Get("/api/v1/talents/" + talent + "/contact"), 403);
    check("GET", contact, As("company").Get("/api/v1/talents/999999999/contact"), 404);
}

TEST_F(OpenApiCatalogWalkTest, AnOrdersFilesTheUsageAndTheNationalReportAnswerAsTheDocumentSays) {
    const json::value document = Document();
    auto check = [&](const std::string& method, const std::string& pattern, const HttpResponse& r, int status) {
        EXPECT_TRUE(AnswersWith(document, method, pattern, r, status));
    };
    std::string service =
        CreateApproved(As("unit_a"), As("reviewer_edu"), "services", ServiceBody("文档核对检测", 50000));
    HttpResponse ordered = As("company").Post(
        "/api/v1/orders", Body({{"service_id", service}, {"requirements", "检测三份合金样品的成分"}, {"samples", 3}}));
    ASSERT_EQ(ordered.status, 201) << ordered.body;
    const std::string files = "/api/v1/orders/{id}/attachments",
                      at = "/api/v1/orders/" + Str(ordered.Json(), "id") + "/attachments";
    auto upload = [&](Session& who, const std::string& query, const std::string& bytes) {
        return who.Send("POST", at + query, bytes, {{"Content-Type", "application/octet-stream"}});
    };
    const std::string pdf = "%PDF-1.7\n%文档\n%%EOF\n";
    HttpResponse stored = upload(As("unit_a"), "?name=report.pdf", pdf);
    ASSERT_EQ(stored.status, 201) << stored.body;
    check("POST", files, stored, 201);
    check("POST", files, upload(As("unit_a"), "", pdf), 422);  // no name
    check("POST", files, upload(As("unit_a"), "?name=a.exe", "MZ\x90\x00"), 415);
    check("POST", files, upload(As("unit_b"), "?name=a.pdf", pdf), 404);
    check("POST", files, upload(As("reviewer_edu"), "?name=a.pdf", pdf), 403);
    check("GET", files + "/{attachment_id}", As("company").Get(at + "/" + Str(stored.Json(), "id")), 200);
    check("GET", files + "/{attachment_id}", As("company").Get(at + "/999999999"), 404);

    const std::string usage = "/api/v1/usage";
    check("GET", usage, As("unit_a").Get(usage + "?group=instrument&from=2025-01&to=2025-03"), 200);
    check("GET", usage, As("unit_a").Get(usage + "?group=month&side=client"), 200);
    check("GET", usage, As("operator").Get(usage + "?group=unit&org_id=" + world_.org_b), 200);
    check("GET", usage, As("unit_a").Get(usage + "?group=client&format=csv"), 200);
    check("GET", usage, As("unit_a").Get(usage + "?group=lab&format=xlsx"), 200);
    check("GET", usage, As("unit_a").Get(usage + "?group=colour&from=2025-13"), 422);
    check("GET", usage, As("unit_a").Get(usage + "?org_id=" + world_.org_b), 403);
    check("GET", usage, Visitor().Get(usage), 401);

    const std::string report = "/api/v1/national-report/instruments";
    std::string year = ShanghaiDate().substr(0, 4);
    check("GET", report, As("operator").Get(report + "?year=" + year), 200);
    check("GET", report, As("operator").Get(report + "?year=" + year + "&format=json"), 200);
    check("GET", report, As("operator").Get(report + "?year=" + year + "&check=1"), 200);
    check("GET", report, As("operator").Get(report + "?year=1999"), 422);
    check("GET", report, As("unit_a").Get(report + "?year=" + year), 403);
}

}  // namespace
}  // namespace keyuan::testing
