// Races on both engines (issue 11, defects 3 and 7, and the concurrency suite): many requests
// that read the same version or the same status at once, of which exactly one may win; the
// losers get 409 and the audit log records exactly what happened. Runs once per engine, and
// again in the ThreadSanitizer build.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <atomic>
#include <map>

#include "support/catalog_fixture.hpp"
#include "support/race.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

std::int64_t AuditCount(const std::string& db, const std::string& event, const std::string& object_id) {
    CommandResult r = RunSql(
        db, "SELECT count(*) FROM audit_events WHERE event_type = '" + event + "' AND object_id = '" + object_id + "'");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return std::atoll(r.out.c_str());
}

class ConcurrencyTest : public CatalogSuite<ConcurrencyTest> {};

TEST_F(ConcurrencyTest, Defect3_SameVersionPatchRaceHasExactlyOneWinner) {
    Session& unit = As("unit_a");
    std::string id = CreateResource(unit, "instruments", InstrumentBody("竞争修改的质谱仪"));
    ASSERT_FALSE(id.empty());
    std::vector<RaceRequest> requests;
    for (int i = 0; i < 50; ++i) {
        requests.push_back({&unit,
                            "PATCH",
                            "/api/v1/instruments/" + id,
                            Body({{"model", "M-" + std::to_string(i)}}),
                            {{"If-Match", "\"1\""}}});
    }
    std::map<int, int> counts = Count(Race(Port(), requests));
    EXPECT_EQ(counts[200], 1) << "winners";
    EXPECT_EQ(counts[409], 49) << "losers";
    json::value after = unit.Get("/api/v1/instruments/" + id).Json();
    EXPECT_EQ(after.at("version").as_int64(), 2);
    EXPECT_EQ(AuditCount(Db(), "instrument.updated", id), 1);
}

TEST_F(ConcurrencyTest, Defect3_SubmitRaceHasExactlyOneWinner) {
    Session& unit = As("unit_a");
    std::string id = CreateResource(unit, "instruments", InstrumentBody("竞争提交的电镜"));
    ASSERT_FALSE(id.empty());
    std::vector<RaceRequest> requests(30, {&unit, "POST", "/api/v1/instruments/" + id + "/submit", "", {}});
    std::map<int, int> counts = Count(Race(Port(), requests));
    EXPECT_EQ(counts[200], 1);
    EXPECT_EQ(counts[409], 29);
    EXPECT_EQ(AuditCount(Db(), "instrument.submitted", id), 1);
}

TEST_F(ConcurrencyTest, Defect3_ApproveAndReturnRaceHasExactlyOneWinner) {
    Session& unit = As("unit_a");
    Session& reviewer = As("reviewer_edu");
    for (int round = 0; round < 5; ++round) {
        std::string id =
            CreateResource(unit, "instruments", InstrumentBody("竞争审核的色谱仪 " + std::to_string(round)));
        ASSERT_EQ(Act(unit, "instruments", id, "submit").status, 200);
        std::vector<RaceRequest> requests;
        for (int i = 0; i < 10; ++i) {
            requests.push_back({&reviewer,
                                "POST",
                                "/api/v1/instruments/" + id + (i % 2 ? "/approve" : "/return"),
                                i % 2 ? "" : R"({"reason":"资料不全"})",
                                {}});
        }
        std::map<int, int> counts = Count(Race(Port(), requests));
        EXPECT_EQ(counts[200], 1) << "round " << round;
        EXPECT_EQ(counts[409], 9) << "round " << round;
        std::string status(unit.Get("/api/v1/instruments/" + id).Json().at("status").as_string());
        std::int64_t approved = AuditCount(Db(), "instrument.approved", id);
        std::int64_t returned = AuditCount(Db(), "instrument.returned", id);
        EXPECT_EQ(approved + returned, 1) << "round " << round;
        EXPECT_EQ(status, approved ? "approved" : "returned");
    }
}

TEST_F(ConcurrencyTest, Defect7_OrganizationPatchHonoursIfMatchAndBodyVersion) {
    Session& unit = As("unit_a");
    std::string path = "/api/v1/organizations/" + world_.org_a;
    std::int64_t version = unit.Get(path).Json().at("version").as_int64();
    // Stale, by header and by body: refused, nothing written.
    std::string stale = "\"" + std::to_string(version - 1 + 100) + "\"";
    EXPECT_TRUE(IsError(unit.Send("PATCH", path, Body({{"address", "甲"}}), {{"If-Match", stale}}), 409, "conflict"));
    EXPECT_TRUE(
        IsError(unit.Send("PATCH", path, Body({{"address", "乙"}, {"version", version + 100}})), 409, "conflict"));
    EXPECT_EQ(unit.Get(path).Json().at("version").as_int64(), version);

    std::vector<RaceRequest> requests;
    for (int i = 0; i < 50; ++i) {
        requests.push_back({&unit,
                            "PATCH",
                            path,
                            Body({{"address", "海淀区学院路 " + std::to_string(i) + " 号"}}),
                            {{"If-Match", "\"" + std::to_string(version) + "\""}}});
    }
    std::map<int, int> counts = Count(Race(Port(), requests));
    EXPECT_EQ(counts[200], 1);
    EXPECT_EQ(counts[409], 49);
    EXPECT_EQ(unit.Get(path).Json().at("version").as_int64(), version + 1);
}

TEST_F(ConcurrencyTest, PatchWithoutVersionStillLosesNoUpdate) {
    // Without If-Match every PATCH may win, but each one is applied whole on top of the last:
    // the version counts every accepted write and the audit log has one record for each.
    Session& unit = As("unit_a");
    std::string id = CreateResource(unit, "instruments", InstrumentBody("无版本并发修改的光谱仪"));
    std::vector<RaceRequest> requests;
    for (int i = 0; i < 20; ++i) {
        requests.push_back(
            {&unit, "PATCH", "/api/v1/instruments/" + id, Body({{"model", "N-" + std::to_string(i)}}), {}});
    }
    std::map<int, int> counts = Count(Race(Port(), requests));
    EXPECT_EQ(counts[200] + counts[409], 20);
    EXPECT_GE(counts[200], 1);
    json::value after = unit.Get("/api/v1/instruments/" + id).Json();
    EXPECT_EQ(after.at("version").as_int64(), 1 + counts[200]);
    EXPECT_EQ(AuditCount(Db(), "instrument.updated", id), counts[200]);
}

}  // namespace
}  // namespace keyuan::testing

namespace keyuan::testing {
namespace {

TEST_F(ConcurrencyTest, Defect10_IdempotentPostRaceCreatesOneObject) {
    Session& unit = As("unit_a");
    std::string body = Body(InstrumentBody("幂等并发登记的核磁共振仪"));
    std::vector<RaceRequest> requests(20,
                                      {&unit, "POST", "/api/v1/instruments", body, {{"Idempotency-Key", "race-1"}}});
    std::map<int, int> counts = Count(Race(Port(), requests));
    EXPECT_GE(counts[201], 1);
    EXPECT_EQ(counts[201] + counts[409], 20);
    CommandResult created = RunSql(Db(), "SELECT count(*) FROM instruments WHERE name = '幂等并发登记的核磁共振仪'");
    EXPECT_EQ(std::atoll(created.out.c_str()), 1) << created.out << created.err;
    // Every later retry gets the one answer.
    HttpResponse retry = unit.Send("POST", "/api/v1/instruments", body, {{"Idempotency-Key", "race-1"}});
    EXPECT_EQ(retry.status, 201);
    EXPECT_EQ(retry.Header("idempotent-replayed"), "true");
}

TEST_F(ConcurrencyTest, Defect10_AKeyWhoseAnswerWasLostReturnsTheCommittedObject) {
    // What a kill -9 between the commit and storing the final answer leaves: the key row
    // written with the object's transaction, its answer recovered from that transaction.
    Session& unit = As("unit_a");
    std::string body = Body(InstrumentBody("崩溃后重试的热分析仪"));
    HttpResponse first = unit.Send("POST", "/api/v1/instruments", body, {{"Idempotency-Key", "crash-1"}});
    ASSERT_EQ(first.status, 201) << first.body;
    std::string id = Str(first.Json(), "id");
    CommandResult rewind =
        RunSql(Db(),
               "UPDATE idempotency_keys SET answer_state = 'committed', response_body = (SELECT "
               "after_json FROM audit_events WHERE event_type = 'instrument.created' AND object_id = '" +
                   id + "') WHERE idem_key = 'crash-1'");
    ASSERT_EQ(rewind.exit_code, 0) << rewind.err;
    HttpResponse retry = unit.Send("POST", "/api/v1/instruments", body, {{"Idempotency-Key", "crash-1"}});
    EXPECT_EQ(retry.status, 201) << retry.body;
    EXPECT_EQ(retry.Header("idempotent-replayed"), "recovered");
    EXPECT_EQ(Str(retry.Json(), "id"), id);
    // A row left by the old middleware (in progress, stored before the handler ran) blocks a
    // retry for a minute at most, not 24 hours.
    CommandResult stale =
        RunSql(Db(),
               "INSERT INTO idempotency_keys (caller, idem_key, method, path, request_hash, status, "
               "response_body, created_at) SELECT caller, 'old-1', method, path, request_hash, 0, '', "
               "'2020-01-01T00:00:00Z' FROM idempotency_keys WHERE idem_key = 'crash-1'");
    ASSERT_EQ(stale.exit_code, 0) << stale.err;
    HttpResponse fresh = unit.Send("POST", "/api/v1/instruments", Body(InstrumentBody("旧键重试的仪器")),
                                   {{"Idempotency-Key", "old-1"}});
    EXPECT_EQ(fresh.status, 201) << fresh.body;
}

TEST_F(ConcurrencyTest, Defect10_TheKeyCommitsWithTheWriteOrNotAtAll) {
    // A refused write stores the refusal as the answer; nothing half-written stays behind.
    Session& unit = As("unit_a");
    std::string bad = Body(With(InstrumentBody("缺少字段的仪器"), {{"name", nullptr}}));
    HttpResponse refused = unit.Send("POST", "/api/v1/instruments", bad, {{"Idempotency-Key", "bad-1"}});
    EXPECT_TRUE(IsError(refused, 422, "validation_failed")) << refused.body;
    HttpResponse again = unit.Send("POST", "/api/v1/instruments", bad, {{"Idempotency-Key", "bad-1"}});
    EXPECT_EQ(again.status, 422);
    EXPECT_EQ(again.Header("idempotent-replayed"), "true");
    CommandResult keys = RunSql(Db(), "SELECT answer_state FROM idempotency_keys WHERE idem_key = 'bad-1'");
    EXPECT_EQ(keys.out.substr(0, 5), "final") << keys.out;
}

}  // namespace
}  // namespace keyuan::testing
