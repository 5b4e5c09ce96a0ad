// The resource catalog against the real binary: instruments end to end, their registration deadline
// on the Chinese working-day calendar, bad input, text search and idempotent retries. Runs once per
// database engine. Single refusals are data in tests/http/cases/catalog/.
#include "http/catalog/catalog_helpers.hpp"

namespace keyuan::testing {
namespace {

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

}  // namespace
}  // namespace keyuan::testing
