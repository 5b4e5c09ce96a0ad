// The resource catalog against the real binary: the review workflow (approve, return, withdraw),
// the history of versions, stale versions, and who sees unpublished resources.
#include "http/catalog/catalog_helpers.hpp"

namespace keyuan::testing {
namespace {

// The review workflow and who sees what.

class CatalogWorkflowTest : public CatalogSuite<CatalogWorkflowTest> {};

// Who may not review, and transitions from the wrong state: tests/http/cases/catalog/workflow.test.
TEST_F(CatalogWorkflowTest, ReviewerOfTheScopeApprovesASubmission) {
    Session& unit = As("unit_a");
    std::string id = CreateResource(unit, "instruments", InstrumentBody("教委单位的仪器"));
    ASSERT_EQ(Act(unit, "instruments", id, "submit").status, 200);
    HttpResponse approved = Act(As("reviewer_edu"), "instruments", id, "approve");
    ASSERT_EQ(approved.status, 200) << approved.body;
    EXPECT_EQ(Str(approved.Json(), "status"), "approved");
}

// A return without a reason: tests/http/cases/catalog/workflow.test.
TEST_F(CatalogWorkflowTest, ReturnedRegistrationIsEditedAndResubmitted) {
    Session& unit = As("unit_a");
    Session& reviewer = As("reviewer_edu");
    std::string id = CreateResource(unit, "instruments", InstrumentBody("被退回的仪器"));
    ASSERT_EQ(Act(unit, "instruments", id, "submit").status, 200);

    HttpResponse returned = Act(reviewer, "instruments", id, "return", Body({{"reason", "请补充主要技术指标"}}));
    ASSERT_EQ(returned.status, 200) << returned.body;
    EXPECT_EQ(Str(returned.Json(), "status"), "returned");
    EXPECT_EQ(Str(returned.Json(), "review_reason"), "请补充主要技术指标");
    EXPECT_EQ(Str(unit.Get(std::string(kInstruments) + "/" + id).Json(), "review_reason"), "请补充主要技术指标");

    HttpResponse edited = unit.Send("PATCH", std::string(kInstruments) + "/" + id,
                                    Body({{"technical_indicators", "分辨率 480,000 FWHM (m/z 200)"}}));
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(Str(edited.Json(), "status"), "returned");

    HttpResponse resubmitted = Act(unit, "instruments", id, "submit");
    ASSERT_EQ(resubmitted.status, 200) << resubmitted.body;
    EXPECT_EQ(Str(resubmitted.Json(), "status"), "submitted");
    EXPECT_EQ(Str(resubmitted.Json(), "review_reason"), "");
    HttpResponse approved = Act(reviewer, "instruments", id, "approve");
    ASSERT_EQ(approved.status, 200) << approved.body;
    EXPECT_EQ(Str(approved.Json(), "technical_indicators"), "分辨率 480,000 FWHM (m/z 200)");
}

TEST_F(CatalogWorkflowTest, EditingAnApprovedResourceSendsItBackToDraft) {
    Session& unit = As("unit_a");
    std::string id = CreateApproved(unit, As("reviewer_edu"), "instruments", InstrumentBody("修改后重审的仪器"));
    HttpClient visitor = Visitor();
    std::string path = std::string(kInstruments) + "/" + id;
    EXPECT_TRUE(HasId(ListIds(visitor.Get(std::string(kInstruments) + "?page_size=200")), id));

    HttpResponse edited = unit.Send("PATCH", path, Body({{"fee_standard", "校内 300 元/样，校外 600 元/样"}}));
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(Str(edited.Json(), "status"), "draft");
    EXPECT_EQ(edited.Json().at("version").as_int64(), 4);
    EXPECT_FALSE(HasId(ListIds(visitor.Get(std::string(kInstruments) + "?page_size=200")), id));
    EXPECT_TRUE(IsError(visitor.Get(path), 404, "not_found"));
    EXPECT_TRUE(HasId(ListIds(unit.Get(std::string(kInstruments) + "?status=draft&page_size=200")), id));
}

// For good: nothing more may be done to it (tests/http/cases/catalog/workflow.test).
TEST_F(CatalogWorkflowTest, WithdrawTakesItOutOfTheCatalogForGood) {
    Session& unit = As("unit_a");
    std::string id = CreateApproved(unit, As("reviewer_edu"), "instruments", InstrumentBody("撤回的仪器"));
    std::string path = std::string(kInstruments) + "/" + id;
    HttpResponse withdrawn = unit.Send("DELETE", path);
    ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
    EXPECT_EQ(Str(withdrawn.Json(), "status"), "withdrawn");
    EXPECT_TRUE(IsError(Visitor().Get(path), 404, "not_found"));
    EXPECT_FALSE(HasId(ListIds(Visitor().Get(std::string(kInstruments) + "?page_size=200")), id));
    EXPECT_TRUE(HasId(ListIds(unit.Get(std::string(kInstruments) + "?status=withdrawn&page_size=200")), id));
}

TEST_F(CatalogWorkflowTest, HistoryListsEveryVersionNewestFirst) {
    Session& unit = As("unit_a");
    std::string id = CreateResource(unit, "instruments", InstrumentBody("有历史的仪器"));
    std::string path = std::string(kInstruments) + "/" + id;
    ASSERT_EQ(unit.Send("PATCH", path, Body({{"name", "有历史的仪器（改名）"}})).status, 200);
    ASSERT_EQ(Act(unit, "instruments", id, "submit").status, 200);
    ASSERT_EQ(Act(As("reviewer_edu"), "instruments", id, "approve").status, 200);

    HttpResponse r = unit.Get(path + "/history");
    ASSERT_EQ(r.status, 200) << r.body;
    json::value history = r.Json();
    const json::array& items = history.at("items").as_array();
    ASSERT_EQ(items.size(), 4u) << r.body;
    const char* statuses[] = {"approved", "submitted", "draft", "draft"};
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(items[i].at("version").as_int64(), static_cast<std::int64_t>(4 - i));
        EXPECT_EQ(Str(items[i].at("data"), "status"), statuses[i]);
        EXPECT_EQ(items[i].at("data").at("version").as_int64(), static_cast<std::int64_t>(4 - i));
        EXPECT_FALSE(Str(items[i], "changed_at").empty());
        EXPECT_FALSE(Str(items[i], "changed_by").empty());
    }
    EXPECT_EQ(Str(items[3].at("data"), "name"), "有历史的仪器");
    EXPECT_EQ(Str(items[2].at("data"), "name"), "有历史的仪器（改名）");
    EXPECT_NE(Str(items[0], "changed_by"), Str(items[1], "changed_by"));  // the reviewer, then the unit
    EXPECT_EQ(Str(items[1], "changed_by"), Str(items[3], "changed_by"));
    // The reviewer in scope and the operator read it too.
    EXPECT_EQ(As("reviewer_edu").Get(path + "/history").status, 200);
    EXPECT_EQ(As("operator").Get(path + "/history").status, 200);
}

TEST_F(CatalogWorkflowTest, StaleVersionIs409) {
    Session& unit = As("unit_a");
    std::string id = CreateResource(unit, "instruments", InstrumentBody("并发修改的仪器"));
    std::string path = std::string(kInstruments) + "/" + id;
    HttpResponse got = unit.Get(path);
    EXPECT_EQ(got.Header("etag"), "\"1\"");
    HttpResponse first = unit.Send("PATCH", path, Body({{"model", "A-1"}}), {{"If-Match", got.Header("etag")}});
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.Json().at("version").as_int64(), 2);

    HttpResponse stale = unit.Send("PATCH", path, Body({{"model", "B-1"}}), {{"If-Match", "\"1\""}});
    EXPECT_TRUE(IsError(stale, 409, "conflict")) << stale.body;
    HttpResponse stale_body = unit.Send("PATCH", path, Body({{"model", "B-2"}, {"version", 1}}));
    EXPECT_TRUE(IsError(stale_body, 409, "conflict")) << stale_body.body;
    EXPECT_EQ(Str(unit.Get(path).Json(), "model"), "A-1");

    HttpResponse current = unit.Send("PATCH", path, Body({{"model", "C-1"}, {"version", 2}}));
    ASSERT_EQ(current.status, 200) << current.body;
    EXPECT_EQ(current.Json().at("version").as_int64(), 3);
}

TEST_F(CatalogWorkflowTest, UnpublishedListsFollowTheReadersScope) {
    std::string a = CreateResource(As("unit_a"), "instruments", InstrumentBody("海淀教委仪器"));
    std::string b = CreateResource(As("unit_b"), "instruments",
                                   With(InstrumentBody("朝阳卫健仪器"), {{"district_code", "110105"}}));
    ASSERT_EQ(Act(As("unit_a"), "instruments", a, "submit").status, 200);
    ASSERT_EQ(Act(As("unit_b"), "instruments", b, "submit").status, 200);
    std::string submitted = std::string(kInstruments) + "?status=submitted&page_size=200";

    std::vector<std::string> edu = ListIds(As("reviewer_edu").Get(submitted));
    EXPECT_TRUE(HasId(edu, a));
    EXPECT_FALSE(HasId(edu, b));
    std::vector<std::string> health = ListIds(As("reviewer_health").Get(submitted));
    EXPECT_TRUE(HasId(health, b));
    EXPECT_FALSE(HasId(health, a));
    std::vector<std::string> haidian = ListIds(As("officer_haidian").Get(submitted));
    EXPECT_TRUE(HasId(haidian, a));
    EXPECT_FALSE(HasId(haidian, b));
    EXPECT_EQ(As("officer_haidian").Get(std::string(kInstruments) + "/" + a).status, 200);
    EXPECT_TRUE(IsError(As("officer_haidian").Get(std::string(kInstruments) + "/" + b), 404, "not_found"));
    std::vector<std::string> unit_b = ListIds(As("unit_b").Get(submitted));
    EXPECT_TRUE(HasId(unit_b, b));
    EXPECT_FALSE(HasId(unit_b, a));
    std::vector<std::string> everything = ListIds(As("operator").Get(submitted));
    EXPECT_TRUE(HasId(everything, a));
    EXPECT_TRUE(HasId(everything, b));
}

}  // namespace
}  // namespace keyuan::testing
