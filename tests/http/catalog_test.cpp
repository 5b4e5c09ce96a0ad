// The resource catalog against the real binary: organisations, and labs, instruments, services
// and finance products with their validation, review workflow, scopes, history, filters,
// sorting and paging, and the instruments' registration deadline on the Chinese working-day
// calendar. Runs once per database engine. Single refusals (a permission, a bad field) are
// data in tests/http/cases/catalog/; flows with several steps are here.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <functional>
#include <set>

#include "support/catalog_fixture.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

constexpr const char* kInstruments = "/api/v1/instruments";
constexpr const char* kServices = "/api/v1/services";
constexpr const char* kLabs = "/api/v1/labs";
constexpr const char* kFinance = "/api/v1/finance-products";
constexpr const char* kOrganizations = "/api/v1/organizations";

std::set<std::string> FieldSet(const HttpResponse& r) {
    std::vector<std::string> fields = ErrorFields(r);
    return {fields.begin(), fields.end()};
}

std::string Joined(const std::vector<std::string>& list) {
    std::string out;
    for (const std::string& s : list) out += (out.empty() ? "" : " | ") + s;
    return out;
}

bool AnyContains(const std::vector<std::string>& messages, const std::string& part) {
    return std::any_of(messages.begin(), messages.end(),
                       [&](const std::string& m) { return m.find(part) != std::string::npos; });
}

std::int64_t Total(const HttpResponse& r) {
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json().at("total").as_int64() : -1;
}

// ---------------------------------------------------------------------------------------------
// Instruments: the end-to-end path, the registration deadline, and bad input.

class CatalogInstrumentTest : public CatalogSuite<CatalogInstrumentTest> {};

TEST_F(CatalogInstrumentTest, UnitRegistersDepartmentApprovesAndVisitorsFindIt) {
    Session& unit = As("unit_a");
    HttpResponse created = unit.Post(kInstruments, Body(InstrumentBody("高分辨质谱仪")));
    ASSERT_EQ(created.status, 201) << created.body;
    json::value draft = created.Json();
    std::string id = Str(draft, "id");
    ASSERT_FALSE(id.empty());
    EXPECT_EQ(Str(draft, "status"), "draft");
    EXPECT_EQ(Str(draft, "org_id"), world_.org_a);
    EXPECT_EQ(Str(draft, "org_name"), "北京示范大学");
    EXPECT_EQ(Str(draft, "name"), "高分辨质谱仪");
    EXPECT_EQ(Str(draft, "model"), "Orbitrap Exploris 480");
    EXPECT_EQ(Str(draft, "class_code"), "0102");
    EXPECT_EQ(Str(draft, "district_code"), "110108");
    EXPECT_EQ(draft.at("original_value_fen").as_int64(), 450000000);
    EXPECT_EQ(draft.at("industry_codes"), json::value(json::array{"2710"}));
    EXPECT_EQ(draft.at("version").as_int64(), 1);
    EXPECT_EQ(Str(draft, "review_reason"), "");
    EXPECT_TRUE(draft.at("registered_on").is_null());
    EXPECT_FALSE(draft.at("registered_late").as_bool());

    // A draft is invisible to visitors: 404 by id, absent from the public list.
    HttpClient visitor = Visitor();
    EXPECT_TRUE(IsError(visitor.Get(std::string(kInstruments) + "/" + id), 404, "not_found"));
    EXPECT_FALSE(HasId(ListIds(visitor.Get(std::string(kInstruments) + "?industry=27")), id));

    HttpResponse submitted = Act(unit, "instruments", id, "submit");
    ASSERT_EQ(submitted.status, 200) << submitted.body;
    EXPECT_EQ(Str(submitted.Json(), "status"), "submitted");
    EXPECT_TRUE(IsError(visitor.Get(std::string(kInstruments) + "/" + id), 404, "not_found"));

    HttpResponse approved = Act(As("reviewer_edu"), "instruments", id, "approve");
    ASSERT_EQ(approved.status, 200) << approved.body;
    EXPECT_EQ(Str(approved.Json(), "status"), "approved");

    std::vector<std::string> found =
        ListIds(visitor.Get(std::string(kInstruments) + "?industry=27&district_code=110108&class_code=0102"));
    EXPECT_TRUE(HasId(found, id)) << Joined(found);
    EXPECT_TRUE(HasId(ListIds(visitor.Get(std::string(kInstruments) + "?industry=2710")), id));
    EXPECT_TRUE(HasId(ListIds(visitor.Get(std::string(kInstruments) + "?q=" + UrlEncode("高分辨"))), id));
    EXPECT_FALSE(HasId(ListIds(visitor.Get(std::string(kInstruments) + "?industry=39")), id));
    EXPECT_FALSE(HasId(ListIds(visitor.Get(std::string(kInstruments) + "?district_code=110105")), id));
    EXPECT_FALSE(HasId(ListIds(visitor.Get(std::string(kInstruments) + "?class_code=0101")), id));

    HttpResponse one = visitor.Get(std::string(kInstruments) + "/" + id);
    ASSERT_EQ(one.status, 200) << one.body;
    json::value shown = one.Json();
    EXPECT_EQ(Str(shown, "name"), "高分辨质谱仪");
    EXPECT_EQ(Str(shown, "model"), "Orbitrap Exploris 480");
    EXPECT_EQ(Str(shown, "status"), "approved");
    EXPECT_EQ(shown.at("industry_codes"), json::value(json::array{"2710"}));
    EXPECT_EQ(shown.at("version").as_int64(), 3);  // created, submitted, approved
    EXPECT_EQ(one.Header("etag"), "\"3\"");
}

TEST_F(CatalogInstrumentTest, RegistrationDueDateCountsThirtyChineseWorkingDays) {
    Session& unit = As("unit_a");
    // 2026-09-15 (Tue): September has 11 working days after it (16–18, 21–24, 28–30, plus the
    // adjusted Sunday 09-20; 09-25 中秋 is off), 国庆 takes 10-01…10-07 and gives back Saturday
    // 10-10, so October holds 16 (08, 09, 10, 12–16, 19–23, 26–30 → the 27th working day is
    // 10-30) and November 2 (Mon) is the 30th.
    HttpResponse autumn =
        unit.Post(kInstruments, Body(With(InstrumentBody("中秋国庆质谱仪"), {{"acceptance_date", "2026-09-15"}})));
    ASSERT_EQ(autumn.status, 201) << autumn.body;
    EXPECT_EQ(Str(autumn.Json(), "registration_due_date"), "2026-11-02");

    // 2024-09-27 (Fri), by hand from data/cn-workdays.csv: Sun 09-29 (adjusted workday) 1,
    // Mon 09-30 2, 10-01…10-07 国庆 off, 10-08…10-11 3–6, Sat 10-12 (adjusted) 7, 10-14…10-18
    // 8–12, 10-21…10-25 13–17, 10-28…11-01 18–22, 11-04…11-08 23–27, 11-11 28, 11-12 29,
    // Wed 11-13 30.
    HttpResponse earlier =
        unit.Post(kInstruments, Body(With(InstrumentBody("二〇二四年验收的色谱仪"),
                                          {{"acceptance_date", "2024-09-27"}, {"purchase_date", "2024-08-01"}})));
    ASSERT_EQ(earlier.status, 201) << earlier.body;
    EXPECT_EQ(Str(earlier.Json(), "registration_due_date"), "2024-11-13");

    // Changing the acceptance date moves the deadline.
    std::string id = Str(earlier.Json(), "id");
    HttpResponse moved = unit.Send("PATCH", std::string(kInstruments) + "/" + id,
                                   Body({{"acceptance_date", "2026-09-15"}, {"purchase_date", "2026-09-01"}}));
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(Str(moved.Json(), "registration_due_date"), "2026-11-02");
}

TEST_F(CatalogInstrumentTest, FirstSubmissionStampsRegisteredOnAndLateness) {
    Session& unit = As("unit_a");
    std::string late = CreateResource(unit, "instruments",
                                      With(InstrumentBody("逾期登记质谱仪"), {{"acceptance_date", "2026-09-15"}}));
    std::string late_2024 = CreateResource(
        unit, "instruments",
        With(InstrumentBody("逾期登记色谱仪"), {{"acceptance_date", "2024-09-27"}, {"purchase_date", nullptr}}));
    std::string on_time = CreateResource(
        unit, "instruments",
        With(InstrumentBody("按期登记光谱仪"), {{"acceptance_date", ShanghaiDate()}, {"purchase_date", nullptr}}));
    ASSERT_FALSE(late.empty() || late_2024.empty() || on_time.empty());

    for (const std::string& id : {late, late_2024}) {
        HttpResponse r = Act(unit, "instruments", id, "submit");
        ASSERT_EQ(r.status, 200) << r.body;
        EXPECT_EQ(Str(r.Json(), "registered_on"), ShanghaiDate()) << r.body;
        EXPECT_TRUE(r.Json().at("registered_late").as_bool()) << r.body;
    }
    HttpResponse r = Act(unit, "instruments", on_time, "submit");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(Str(r.Json(), "registered_on"), ShanghaiDate());
    EXPECT_FALSE(r.Json().at("registered_late").as_bool()) << r.body;

    std::string mine = std::string(kInstruments) + "?status=all&page_size=200&org_id=" + world_.org_a;
    std::vector<std::string> flagged = ListIds(unit.Get(mine + "&registered_late=true"));
    EXPECT_TRUE(HasId(flagged, late));
    EXPECT_TRUE(HasId(flagged, late_2024));
    EXPECT_FALSE(HasId(flagged, on_time));
    std::vector<std::string> punctual = ListIds(unit.Get(mine + "&registered_late=false"));
    EXPECT_TRUE(HasId(punctual, on_time));
    EXPECT_FALSE(HasId(punctual, late));
}

TEST_F(CatalogInstrumentTest, BadInputNamesEveryBadFieldAtOnceAndWritesNothing) {
    Session& unit = As("unit_a");
    Session& op = As("operator");
    std::string all = std::string(kInstruments) + "?status=all&page_size=1";
    std::int64_t before = Total(op.Get(all));
    std::size_t audited_before = AuditEvents(As("auditor"), "event_type=instrument.created").size();

    std::string long_name;
    for (int i = 0; i < 101; ++i) long_name += "仪";
    json::object bad = With(InstrumentBody("坏数据"), {{"name", long_name},
                                                       {"class_code", "9999"},
                                                       {"district_code", "999999"},
                                                       {"industry_codes", json::array{"9999"}},
                                                       {"purchase_date", "2026-05-01"},  // after acceptance
                                                       {"original_value_fen", -1},
                                                       {"open_status", 3},
                                                       {"model", 480},
                                                       {"colour", "red"}});
    HttpResponse r = unit.Send("POST", kInstruments, Body(bad), {{"Accept-Language", "en"}});
    ASSERT_TRUE(IsError(r, 422, "validation_failed")) << r.body;
    EXPECT_EQ(FieldSet(r),
              (std::set<std::string>{"name", "class_code", "district_code", "industry_codes", "purchase_date",
                                     "original_value_fen", "open_status", "model", "colour"}))
        << r.body;
    EXPECT_EQ(FieldMessages(r, "name"), std::vector<std::string>{"At most 100 characters"});
    EXPECT_EQ(FieldMessages(r, "class_code"), std::vector<std::string>{"Unknown code: 9999"});
    EXPECT_EQ(FieldMessages(r, "district_code"), std::vector<std::string>{"Unknown code: 999999"});
    EXPECT_TRUE(AnyContains(FieldMessages(r, "industry_codes"), "9999")) << r.body;
    EXPECT_EQ(FieldMessages(r, "purchase_date"),
              std::vector<std::string>{"The purchase date cannot be after the acceptance date"});
    EXPECT_EQ(FieldMessages(r, "original_value_fen"), std::vector<std::string>{"Must be between 0 and 10000000000000"});
    EXPECT_EQ(FieldMessages(r, "model"), std::vector<std::string>{"Must be a string"});
    EXPECT_EQ(FieldMessages(r, "colour"), std::vector<std::string>{"Unknown field"});

    // Missing required fields are named too.
    HttpResponse empty = unit.Post(kInstruments, "{}");
    ASSERT_TRUE(IsError(empty, 422, "validation_failed")) << empty.body;
    EXPECT_EQ(FieldSet(empty), (std::set<std::string>{"name", "class_code", "original_value_fen", "acceptance_date",
                                                      "district_code", "open_status"}))
        << empty.body;

    // Bad UTF-8, and JSON that is not an object, are invalid_json.
    HttpResponse bad_utf8 = unit.Post(kInstruments, "{\"name\":\"\xC3\x28\xFF\"}");
    EXPECT_TRUE(IsError(bad_utf8, 400, "invalid_json")) << bad_utf8.body;
    EXPECT_TRUE(IsError(unit.Post(kInstruments, "[1,2]"), 400, "invalid_json"));
    EXPECT_TRUE(IsError(unit.Post(kInstruments, "{\"name\":"), 400, "invalid_json"));

    EXPECT_EQ(Total(op.Get(all)), before);
    EXPECT_EQ(AuditEvents(As("auditor"), "event_type=instrument.created").size(), audited_before);
}

TEST_F(CatalogInstrumentTest, TextSearchIgnoresLetterCaseOnEveryEngine) {
    std::string id = CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments",
                                    With(InstrumentBody("大小写检索质谱仪"), {{"model", "Zeta Probe QX-9"}}));
    HttpClient visitor = Visitor();
    EXPECT_TRUE(HasId(ListIds(visitor.Get(std::string(kInstruments) + "?q=Zeta%20Probe")), id));
    EXPECT_TRUE(HasId(ListIds(visitor.Get(std::string(kInstruments) + "?q=zeta%20probe")), id))
        << "?q= matched case-insensitively on SQLite only";
}

TEST_F(CatalogInstrumentTest, TextSearchTreatsLikeWildcardsLiterally) {
    std::string percent = CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments",
                                         With(InstrumentBody("纯度99%分析仪"), {{"model", "WILD-1"}}));
    std::string digits = CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments",
                                        With(InstrumentBody("纯度990分析仪"), {{"model", "WILD-2"}}));
    HttpClient visitor = Visitor();
    EXPECT_EQ(ListIds(visitor.Get(std::string(kInstruments) + "?q=" + UrlEncode("99%"))),
              std::vector<std::string>{percent});
    EXPECT_EQ(ListIds(visitor.Get(std::string(kInstruments) + "?q=" + UrlEncode("纯度99_"))),
              std::vector<std::string>{})
        << "'_' matched any character";
    EXPECT_TRUE(HasId(ListIds(visitor.Get(std::string(kInstruments) + "?q=" + UrlEncode("纯度990"))), digits));
}

TEST_F(CatalogInstrumentTest, IdempotencyKeyMakesARetryReturnTheFirstAnswer) {
    Session& unit = As("unit_a");
    std::string all = std::string(kInstruments) + "?status=all&page_size=1";
    std::int64_t before = Total(unit.Get(all));
    std::string body = Body(InstrumentBody("重试登记的仪器"));
    HttpResponse first = unit.Send("POST", kInstruments, body, {{"Idempotency-Key", "register-retry-1"}});
    ASSERT_EQ(first.status, 201) << first.body;
    HttpResponse retry = unit.Send("POST", kInstruments, body, {{"Idempotency-Key", "register-retry-1"}});
    EXPECT_EQ(retry.status, 201) << retry.body;
    EXPECT_EQ(Str(retry.Json(), "id"), Str(first.Json(), "id"));
    EXPECT_EQ(Total(unit.Get(all)), before + 1);
}

// ---------------------------------------------------------------------------------------------
// Organisations.

class CatalogOrganizationTest : public CatalogSuite<CatalogOrganizationTest> {};

// Who else may not: tests/http/cases/catalog/organizations.test.
TEST_F(CatalogOrganizationTest, OperatorCreatesAnOrganization) {
    json::object body{{"name", "自行登记的单位"},
                      {"credit_code", "12110000400000003A"},
                      {"kind", "other"},
                      {"district_code", "110101"}};
    HttpResponse created = As("operator").Post(kOrganizations, Body(body));
    ASSERT_EQ(created.status, 201) << created.body;
    json::value org = created.Json();
    EXPECT_EQ(Str(org, "name"), "自行登记的单位");
    EXPECT_EQ(Str(org, "credit_code"), "12110000400000003A");
    EXPECT_EQ(Str(org, "kind"), "other");
    EXPECT_EQ(Str(org, "district_code"), "110101");
    EXPECT_EQ(Str(org, "department_code"), "");
    EXPECT_FALSE(org.at("is_sme").as_bool());
    EXPECT_EQ(org.at("version").as_int64(), 1);
}

TEST_F(CatalogOrganizationTest, ListFiltersByKindDistrictDepartmentAndName) {
    HttpClient visitor = Visitor();
    auto ids = [&](const std::string& query) {
        return ListIds(visitor.Get(std::string(kOrganizations) + "?" + query));
    };
    std::vector<std::string> universities = ids("kind=university");
    EXPECT_TRUE(HasId(universities, world_.org_a));
    EXPECT_FALSE(HasId(universities, world_.org_b));
    EXPECT_EQ(ids("district_code=110105"), std::vector<std::string>{world_.org_b});
    EXPECT_EQ(ids("department_code=health"), std::vector<std::string>{world_.org_b});
    EXPECT_EQ(ids("q=" + UrlEncode("示范")), std::vector<std::string>{world_.org_a});
    std::vector<std::string> haidian = ids("district_code=110108");
    EXPECT_TRUE(HasId(haidian, world_.org_a));
    EXPECT_TRUE(HasId(haidian, world_.org_fin));
    EXPECT_FALSE(HasId(haidian, world_.org_b));
}

// What a unit administrator may not edit: tests/http/cases/catalog/organizations.test.
TEST_F(CatalogOrganizationTest, UnitAdminEditsTheirOwnOrganization) {
    Session& unit = As("unit_a");
    std::string mine = std::string(kOrganizations) + "/" + world_.org_a;
    HttpResponse r = unit.Send("PATCH", mine, Body({{"address", "北京市海淀区学院路 1 号"}}));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(Str(r.Json(), "address"), "北京市海淀区学院路 1 号");
    EXPECT_EQ(Str(r.Json(), "name"), "北京示范大学");
    EXPECT_EQ(Str(Visitor().Get(mine).Json(), "address"), "北京市海淀区学院路 1 号");
}

TEST_F(CatalogOrganizationTest, CachedPublicAnswersFollowEveryChange) {
    // Public reads are cached until something public changes: each change below must show at once.
    Session& unit = As("unit_b");
    std::string id = CreateApproved(unit, As("reviewer_health"), "instruments", InstrumentBody("缓存检验用光谱仪"));
    std::string one = std::string(kInstruments) + "/" + id;
    std::string list = std::string(kInstruments) + "?org_id=" + world_.org_b + "&page_size=200";
    HttpClient visitor = Visitor();
    ASSERT_EQ(visitor.Get(one).status, 200);
    ASSERT_TRUE(HasId(ListIds(visitor.Get(list)), id));
    EXPECT_EQ(visitor.Get(one).Header("etag"), "\"3\"");  // created, submitted, approved

    // The owner's name is part of the answer.
    ASSERT_EQ(
        unit.Send("PATCH", std::string(kOrganizations) + "/" + world_.org_b, Body({{"name", "朝阳医学研究院"}})).status,
        200);
    EXPECT_EQ(Str(visitor.Get(one).Json(), "org_name"), "朝阳医学研究院");
    ASSERT_EQ(
        unit.Send("PATCH", std::string(kOrganizations) + "/" + world_.org_b, Body({{"name", "朝阳医学研究所"}})).status,
        200);

    // Withdrawn: gone from the page and by id.
    ASSERT_EQ(unit.Send("DELETE", one).status, 200);
    EXPECT_TRUE(IsError(visitor.Get(one), 404, "not_found"));
    EXPECT_FALSE(HasId(ListIds(visitor.Get(list)), id));
}

TEST_F(CatalogOrganizationTest, CachedPublicPagesFollowWritesOfOtherServers) {
    // Pages are answered from memory without asking the database while this server has written
    // nothing; a write through another process (here: the database's own client, bumping the
    // change counter as keyuan does) must still show within the documented quarter second.
    std::string id =
        CreateApproved(As("unit_b"), As("reviewer_health"), "instruments", InstrumentBody("他处修改检验用光谱仪"));
    std::string list = std::string(kInstruments) + "?org_id=" + world_.org_b + "&page_size=200&sort=-created_at";
    HttpClient visitor = Visitor();
    auto model_in_page = [&]() -> std::string {
        HttpResponse page = visitor.Get(list);
        if (page.status != 200) return "status " + std::to_string(page.status);
        json::value body = page.Json();
        for (const auto& item : body.at("items").as_array()) {
            if (Str(item, "id") == id) return Str(item, "model");
        }
        return "missing";
    };
    auto model_by_id = [&]() -> std::string {
        HttpResponse one = visitor.Get(std::string(kInstruments) + "/" + id);
        return one.status == 200 ? Str(one.Json(), "model") : "status " + std::to_string(one.status);
    };
    for (int i = 0; i < 2; ++i) {  // the second time from memory, trusted
        ASSERT_EQ(model_in_page(), "Orbitrap Exploris 480");
        ASSERT_EQ(model_by_id(), "Orbitrap Exploris 480");
    }
    CommandResult write = RunSql(Db(), "UPDATE instruments SET model = 'Q Exactive HF' WHERE id = " + id +
                                           "; UPDATE change_counter SET value = value + 1 WHERE id = 1;");
    ASSERT_EQ(write.exit_code, 0) << write.err;
    for (const auto& read : {std::function<std::string()>(model_in_page), std::function<std::string()>(model_by_id)}) {
        auto written = std::chrono::steady_clock::now();
        std::string seen;
        WaitUntil([&] { return (seen = read()) == "Q Exactive HF"; }, 3s);
        EXPECT_EQ(seen, "Q Exactive HF");
        EXPECT_LT(std::chrono::steady_clock::now() - written, 1s);
    }
}

TEST_F(CatalogOrganizationTest, APublishedResourceReadFromMemoryFollowsItsOwnersChangeAtOnce) {
    std::string id =
        CreateApproved(As("unit_b"), As("reviewer_health"), "instruments", InstrumentBody("缓存后修改的色谱仪"));
    std::string path = std::string(kInstruments) + "/" + id;
    HttpClient visitor = Visitor();
    HttpResponse first = visitor.Get(path);
    ASSERT_EQ(first.status, 200) << first.body;
    HttpResponse again = visitor.Get(path);  // from memory
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(again.Header("etag"), "\"" + std::to_string(first.Json().at("version").as_int64()) + "\"");
    // A change takes it back to draft: no longer public, from the very next read.
    HttpResponse changed = As("unit_b").Send("PATCH", path, Body({{"model", "Vanquish"}}));
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_TRUE(IsError(visitor.Get(path), 404, "not_found"));
    EXPECT_EQ(Str(As("unit_b").Get(path).Json(), "model"), "Vanquish");
    // Approved again, the visitor sees the new version at once.
    ASSERT_EQ(Act(As("unit_b"), "instruments", id, "submit").status, 200);
    ASSERT_EQ(Act(As("reviewer_health"), "instruments", id, "approve").status, 200);
    EXPECT_EQ(Str(visitor.Get(path).Json(), "model"), "Vanquish");
}

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
// Service products: prices, accreditation, price filters and sorting.

class CatalogServiceTest : public CatalogSuite<CatalogServiceTest> {
protected:
    /// Creates and approves a service of org_a in `field` (an exact-match filter that keeps
    /// each test's services apart).
    static std::string Approved(json::object body) {
        return CreateApproved(As("unit_a"), As("reviewer_edu"), "services", body);
    }
};

// A missing or negative price: tests/http/cases/catalog/resources.test.
TEST_F(CatalogServiceTest, NegotiableServiceHasNoPriceUntilItLeavesNegotiation) {
    Session& unit = As("unit_a");
    HttpResponse negotiable =
        unit.Post(kServices, Body(With(ServiceBody("面议的联合研发", 0),
                                       {{"price_fen", nullptr}, {"price_unit", "negotiable"}, {"kind", "rnd"}})));
    ASSERT_EQ(negotiable.status, 201) << negotiable.body;
    EXPECT_TRUE(negotiable.Json().at("price_fen").is_null());
    EXPECT_EQ(Str(negotiable.Json(), "price_unit"), "negotiable");

    // Leaving negotiation later needs a price.
    std::string id = Str(negotiable.Json(), "id");
    HttpResponse priced = unit.Send("PATCH", std::string(kServices) + "/" + id, Body({{"price_unit", "per_project"}}));
    ASSERT_TRUE(IsError(priced, 422, "validation_failed")) << priced.body;
    EXPECT_EQ(ErrorFields(priced), std::vector<std::string>{"price_fen"});
}

TEST_F(CatalogServiceTest, AccreditationFlagsAndFilter) {
    std::string field = "认可筛选";
    std::string expired =
        Approved(With(ServiceBody("CNAS 已过期的检测", 50000),
                      {{"field", field}, {"cnas_cert_no", "CNAS L0001"}, {"cnas_expiry", "2025-06-30"}}));
    std::string cnas =
        Approved(With(ServiceBody("CNAS 有效的检测", 50000),
                      {{"field", field}, {"cnas_cert_no", "CNAS L0002"}, {"cnas_expiry", "2099-12-31"}}));
    std::string cma =
        Approved(With(ServiceBody("CMA 有效的检测", 50000),
                      {{"field", field}, {"cma_cert_no", "CMA 110012345678"}, {"cma_expiry", "2099-12-31"}}));
    std::string none = Approved(With(ServiceBody("未认可的检测", 50000), {{"field", field}}));

    HttpClient visitor = Visitor();
    json::value e = visitor.Get(std::string(kServices) + "/" + expired).Json();
    EXPECT_FALSE(e.at("cnas_valid").as_bool());
    EXPECT_FALSE(e.at("cma_valid").as_bool());
    EXPECT_FALSE(e.at("accredited").as_bool());
    EXPECT_TRUE(e.at("accreditation_expired").as_bool());
    json::value c = visitor.Get(std::string(kServices) + "/" + cnas).Json();
    EXPECT_TRUE(c.at("cnas_valid").as_bool());
    EXPECT_TRUE(c.at("accredited").as_bool());
    EXPECT_FALSE(c.at("accreditation_expired").as_bool());
    json::value n = visitor.Get(std::string(kServices) + "/" + none).Json();
    EXPECT_FALSE(n.at("accredited").as_bool());
    EXPECT_FALSE(n.at("accreditation_expired").as_bool());

    std::string base = std::string(kServices) + "?field=" + UrlEncode(field) + "&sort=id&accreditation=";
    EXPECT_EQ(ListIds(visitor.Get(base + "cnas")), std::vector<std::string>{cnas});
    EXPECT_EQ(ListIds(visitor.Get(base + "cma")), std::vector<std::string>{cma});
    EXPECT_EQ(ListIds(visitor.Get(base + "any")), (std::vector<std::string>{cnas, cma}));
}

TEST_F(CatalogServiceTest, PriceRangeFilterIsInclusive) {
    std::string field = "价格区间";
    std::string cheap = Approved(With(ServiceBody("便宜的检测", 5000), {{"field", field}}));
    std::string middle = Approved(With(ServiceBody("中等的检测", 20000), {{"field", field}}));
    std::string dear = Approved(With(ServiceBody("昂贵的检测", 80000), {{"field", field}}));
    HttpClient visitor = Visitor();
    std::string base = std::string(kServices) + "?sort=price_fen&field=" + UrlEncode(field);
    EXPECT_EQ(ListIds(visitor.Get(base + "&price_fen_min=20000&price_fen_max=80000")),
              (std::vector<std::string>{middle, dear}));
    EXPECT_EQ(ListIds(visitor.Get(base + "&price_fen_max=19999")), std::vector<std::string>{cheap});
    EXPECT_EQ(ListIds(visitor.Get(base + "&price_fen_min=80001")), std::vector<std::string>{});
}

TEST_F(CatalogServiceTest, SortByPrice) {
    std::string field = "价格排序";
    std::string b = Approved(With(ServiceBody("乙", 30000), {{"field", field}}));
    std::string a = Approved(With(ServiceBody("甲", 10000), {{"field", field}}));
    std::string c = Approved(With(ServiceBody("丙", 90000), {{"field", field}}));
    HttpClient visitor = Visitor();
    std::string base = std::string(kServices) + "?field=" + UrlEncode(field) + "&sort=";
    HttpResponse ascending = visitor.Get(base + "price_fen");
    EXPECT_EQ(ListIds(ascending), (std::vector<std::string>{a, b, c}));
    std::vector<std::int64_t> prices;
    json::value listed = ascending.Json();
    for (const json::value& item : listed.at("items").as_array()) prices.push_back(item.at("price_fen").as_int64());
    EXPECT_EQ(prices, (std::vector<std::int64_t>{10000, 30000, 90000}));
    EXPECT_EQ(ListIds(visitor.Get(base + "-price_fen")), (std::vector<std::string>{c, b, a}));
}

TEST_F(CatalogServiceTest, UnpricedServicesSortLastOnEveryEngine) {
    std::string field = "面议排序";
    std::string low = Approved(With(ServiceBody("低价", 10000), {{"field", field}}));
    std::string open = Approved(
        With(ServiceBody("面议", 0), {{"field", field}, {"price_fen", nullptr}, {"price_unit", "negotiable"}}));
    std::string high = Approved(With(ServiceBody("高价", 90000), {{"field", field}}));
    HttpClient visitor = Visitor();
    std::string base = std::string(kServices) + "?field=" + UrlEncode(field) + "&sort=";
    // SQLite sorts NULL first when ascending, PostgreSQL last: the same request must not
    // answer in a different order on the two engines.
    EXPECT_EQ(ListIds(visitor.Get(base + "price_fen")), (std::vector<std::string>{low, high, open}));
    EXPECT_EQ(ListIds(visitor.Get(base + "-price_fen")), (std::vector<std::string>{high, low, open}));
}

// ---------------------------------------------------------------------------------------------
// Labs and finance products.

class CatalogLabFinanceTest : public CatalogSuite<CatalogLabFinanceTest> {};

TEST_F(CatalogLabFinanceTest, LabIndustriesKeepTheirScopePhrase) {
    Session& unit = As("unit_a");
    json::object body = With(
        LabBody("创新药物研究重点实验室"),
        {{"industries", json::array{json::object{{"code", "3921"}},
                                    json::object{{"code", "2710"}, {"scope", "化学原料药的合成工艺研究与检测"}}}}});
    HttpResponse created = unit.Post(kLabs, Body(body));
    ASSERT_EQ(created.status, 201) << created.body;
    json::array expected{json::object{{"code", "2710"}, {"scope", "化学原料药的合成工艺研究与检测"}},
                         json::object{{"code", "3921"}, {"scope", ""}}};
    EXPECT_EQ(created.Json().at("industries"), json::value(expected)) << created.body;
    EXPECT_EQ(created.Json().at("industry_codes"), json::value(json::array{"2710", "3921"}));

    std::string id = Str(created.Json(), "id");
    ASSERT_EQ(Act(unit, "labs", id, "submit").status, 200);
    ASSERT_EQ(Act(As("reviewer_edu"), "labs", id, "approve").status, 200);
    HttpClient visitor = Visitor();
    HttpResponse shown = visitor.Get(std::string(kLabs) + "/" + id);
    ASSERT_EQ(shown.status, 200);
    EXPECT_EQ(shown.Json().at("industries"), json::value(expected));
    EXPECT_TRUE(HasId(ListIds(visitor.Get(std::string(kLabs) + "?industry=271")), id));

    // The 2018 high-tech catalog maps 3921 to 新一代信息技术.
    CommandResult hitech = RunSql(Db(), "SELECT id FROM hitech_industries WHERE name = '新一代信息技术'");
    ASSERT_EQ(hitech.exit_code, 0) << hitech.err;
    std::string hitech_id = hitech.out.substr(0, hitech.out.find_first_of("\r\n"));
    EXPECT_TRUE(HasId(ListIds(visitor.Get(std::string(kLabs) + "?industry=hitech:" + hitech_id)), id));

    // Changing the scope phrase keeps the codes.
    HttpResponse edited =
        unit.Send("PATCH", std::string(kLabs) + "/" + id,
                  Body({{"industries", json::array{json::object{{"code", "2710"}, {"scope", "原料药质量检测"}}}}}));
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(edited.Json().at("industries"),
              json::value(json::array{json::object{{"code", "2710"}, {"scope", "原料药质量检测"}}}));
}

TEST_F(CatalogLabFinanceTest, FinanceProductsByAFinancialInstitutionCountTowardsTheTarget) {
    HttpClient visitor = Visitor();
    HttpResponse before = visitor.Get(std::string(kFinance) + "/summary");
    ASSERT_EQ(before.status, 200) << before.body;
    std::int64_t approved_before = before.Json().at("approved_count").as_int64();
    EXPECT_EQ(before.Json().at("target").as_int64(), 20);

    Session& bank = As("finance");
    HttpResponse created = bank.Post(kFinance, Body(FinanceProductBody("科创信用贷")));
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(Str(created.Json(), "org_id"), world_.org_fin);
    EXPECT_EQ(Str(created.Json(), "status"), "draft");
    std::string id = Str(created.Json(), "id");
    // Not yet approved: not counted.
    EXPECT_EQ(visitor.Get(std::string(kFinance) + "/summary").Json().at("approved_count").as_int64(), approved_before);

    ASSERT_EQ(Act(bank, "finance-products", id, "submit").status, 200);
    // Finance products are reviewed by the base administrator, not by a department.
    EXPECT_TRUE(IsError(Act(As("reviewer_edu"), "finance-products", id, "approve"), 403, "forbidden"));
    HttpResponse approved = Act(As("base"), "finance-products", id, "approve");
    ASSERT_EQ(approved.status, 200) << approved.body;

    json::value after = visitor.Get(std::string(kFinance) + "/summary").Json();
    EXPECT_EQ(after.at("approved_count").as_int64(), approved_before + 1);
    EXPECT_EQ(after.at("target").as_int64(), 20);
    EXPECT_EQ(after.at("target_met").as_bool(), approved_before + 1 >= 20);
    EXPECT_TRUE(HasId(ListIds(visitor.Get(std::string(kFinance) + "?kind=loan")), id));
}

// Without an organisation, or with an unknown one: tests/http/cases/catalog/resources.test.
TEST_F(CatalogLabFinanceTest, OperatorRegistersForANamedOrganization) {
    Session& op = As("operator");
    HttpResponse created = op.Post(kLabs, Body(With(LabBody("代为登记的实验室"), {{"org_id", world_.org_b}})));
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(Str(created.Json(), "org_id"), world_.org_b);
    EXPECT_EQ(Str(created.Json(), "org_name"), "朝阳医学研究所");
}

// ---------------------------------------------------------------------------------------------
// Lists: pages and range filters (paging bounds, unknown filters and sorting refused:
// tests/http/cases/catalog/lists.test).

class CatalogListTest : public CatalogSuite<CatalogListTest> {};

TEST_F(CatalogListTest, PagesSplitTheMatchesAndReportTheTotal) {
    std::vector<std::string> ids;
    for (const char* name : {"分页实验室一", "分页实验室二", "分页实验室三"}) {
        ids.push_back(CreateApproved(As("unit_a"), As("reviewer_edu"), "labs", LabBody(name)));
    }
    HttpClient visitor = Visitor();
    std::string base = std::string(kLabs) + "?q=" + UrlEncode("分页实验室") + "&sort=id&page_size=2";
    HttpResponse first = visitor.Get(base);
    EXPECT_EQ(ListIds(first), (std::vector<std::string>{ids[0], ids[1]}));
    EXPECT_EQ(first.Json().at("total").as_int64(), 3);
    EXPECT_EQ(first.Json().at("page").as_int64(), 1);
    HttpResponse second = visitor.Get(base + "&page=2");
    EXPECT_EQ(ListIds(second), std::vector<std::string>{ids[2]});
    EXPECT_EQ(second.Json().at("total").as_int64(), 3);
    EXPECT_EQ(second.Json().at("page").as_int64(), 2);
    HttpResponse beyond = visitor.Get(base + "&page=3");
    EXPECT_EQ(ListIds(beyond), std::vector<std::string>{});
    EXPECT_EQ(beyond.Json().at("total").as_int64(), 3);
    // Newest first by default.
    EXPECT_EQ(ListIds(visitor.Get(std::string(kLabs) + "?q=" + UrlEncode("分页实验室"))),
              (std::vector<std::string>{ids[2], ids[1], ids[0]}));
}

TEST_F(CatalogListTest, RangeFiltersOnMoneyAndDates) {
    std::string small = CreateApproved(
        As("unit_a"), As("reviewer_edu"), "instruments",
        With(InstrumentBody("范围筛选小仪器"),
             {{"original_value_fen", 100000}, {"acceptance_date", "2025-03-10"}, {"purchase_date", "2025-03-01"}}));
    std::string large = CreateApproved(
        As("unit_a"), As("reviewer_edu"), "instruments",
        With(InstrumentBody("范围筛选大仪器"),
             {{"original_value_fen", 900000000}, {"acceptance_date", "2026-01-20"}, {"purchase_date", "2026-01-01"}}));
    HttpClient visitor = Visitor();
    std::string base = std::string(kInstruments) + "?q=" + UrlEncode("范围筛选") + "&sort=original_value_fen";
    EXPECT_EQ(ListIds(visitor.Get(base)), (std::vector<std::string>{small, large}));
    EXPECT_EQ(ListIds(visitor.Get(base + "&original_value_fen_min=100001")), std::vector<std::string>{large});
    EXPECT_EQ(ListIds(visitor.Get(base + "&original_value_fen_max=100000")), std::vector<std::string>{small});
    EXPECT_EQ(ListIds(visitor.Get(base + "&acceptance_date_min=2025-12-31")), std::vector<std::string>{large});
    EXPECT_EQ(ListIds(visitor.Get(base + "&acceptance_date_max=2025-03-10")), std::vector<std::string>{small});
    EXPECT_EQ(ListIds(visitor.Get(base + "&registration_due_date_min=2026-01-01")), std::vector<std::string>{large});
}

TEST_F(CatalogListTest, NonNumericIdFilterIsNotAServerError) {
    HttpClient visitor = Visitor();
    for (const char* query : {"org_id=abc", "lab_id=abc", "org_id=99999999999999999999"}) {
        HttpResponse r = visitor.Get(std::string(kInstruments) + "?" + query);
        EXPECT_LT(r.status, 500) << query << ": " << r.body;
        if (r.status == 200) {
            EXPECT_EQ(r.Json().at("total").as_int64(), 0) << query;
        } else {
            EXPECT_TRUE(IsError(r, 422, "validation_failed")) << query << ": " << r.body;
        }
    }
}

}  // namespace
}  // namespace keyuan::testing
