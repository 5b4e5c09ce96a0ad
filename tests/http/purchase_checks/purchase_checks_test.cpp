// Purchase duplicate checks against the real binary, on each engine (issue 17 §C7): a unit files a
// check above the threshold, sees the similar instruments nearest first with their use, cannot submit
// without three quotes; experts of the applying unit are refused, the others score (each only what is
// theirs, once); the opinions stay with the deciders until the department decides with a basis; the
// bought instrument links back. Bad input named field by field; who may read what; one of many
// concurrent submissions wins.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/catalog_fixture.hpp"
#include "support/race.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

const std::string kBase = "/api/v1/purchase-checks";

json::object CheckBody(const std::string& name, std::int64_t budget_fen) {
    return json::object{{"name", name},
                        {"class_code", "0102"},
                        {"model", "Orbitrap Exploris 480"},
                        {"manufacturer", "Thermo Fisher Scientific"},
                        {"key_specs", "分辨率 480,000 FWHM，质量范围 40–6000 m/z"},
                        {"budget_fen", budget_fen},
                        {"funding_source", "central_fiscal"},
                        {"purpose", "蛋白质组学研究"},
                        {"expected_hours", 1500},
                        {"why_not_existing", "现有质谱仪机时已饱和"}};
}

json::array ThreeQuotes() {
    json::array quotes;
    for (int i = 1; i <= 3; ++i) {
        quotes.push_back(json::object{{"supplier", "供应商" + std::to_string(i)},
                                      {"model", "Orbitrap Exploris 480"},
                                      {"price_fen", 300000000 + i * 1000000}});
    }
    return quotes;
}

json::object Scoring(int necessity, const std::string& recommendation = "purchase") {
    return json::object{{"scores", json::object{{"necessity", necessity}, {"relevance", 25}, {"reasonableness", 25}}},
                        {"recommendation", recommendation},
                        {"opinion", "同类仪器机时饱和，购置必要。"}};
}

class PurchaseChecksTest : public CatalogSuite<PurchaseChecksTest> {
public:
    static void CreateUsers() {
        CatalogSuite<PurchaseChecksTest>::CreateUsers();
        for (const char* name : {"pc_expert_1", "pc_expert_2", "pc_expert_3", "pc_expert_4"}) {
            ids_[name] = CreateReadyUser(Db(), name, "expert");
            sessions_[name] = std::make_unique<Session>(LogIn(Port(), name));
        }
        ids_["pc_expert_of_a"] = CreateReadyUser(Db(), "pc_expert_of_a", "expert", {"--org", world_.org_a});
    }
    static void ReleaseSessions() {
        sessions_.clear();
        CatalogSuite<PurchaseChecksTest>::ReleaseSessions();
    }

protected:
    static Session& Expert(const std::string& name) { return *sessions_.at(name); }
    static json::array Ids(const std::vector<std::string>& names) {
        json::array out;
        for (const std::string& n : names) out.push_back(json::string(ids_.at(n)));
        return out;
    }
    static std::string Path(const std::string& id, const std::string& rest = "") { return kBase + "/" + id + rest; }
    /// How many "purchase_check_submitted" notices of the check the user has in the inbox.
    static int Submitted(Session& as, const std::string& id) {
        json::value inbox = as.Get("/api/v1/notifications?page_size=100").Json();
        int n = 0;
        for (const json::value& m : inbox.at("items").as_array())
            n += Str(m, "kind") == "purchase_check_submitted" && Str(m.at("params"), "check_id") == id;
        return n;
    }
    static std::string Create(const json::object& body) {
        HttpResponse r = As("unit_a").Post(kBase, Body(body));
        EXPECT_EQ(r.status, 201) << r.body;
        return r.status == 201 ? Str(r.Json(), "id") : "";
    }
    static HttpResponse Upload(Session& as, const std::string& id, const std::string& query, const std::string& bytes) {
        return as.Send("POST", Path(id, "/attachments?" + query), bytes,
                       {{"Content-Type", "application/octet-stream"}});
    }
    /// A required check of unit_a, submitted with three quotes, in review with three experts.
    static std::string InReview(const std::string& name) {
        json::object body = CheckBody(name, 300000000);
        body["quotes"] = ThreeQuotes();
        std::string id = Create(body);
        EXPECT_EQ(Act(As("unit_a"), "purchase-checks", id, "submit").status, 200);
        EXPECT_EQ(As("reviewer_edu")
                      .Post(Path(id, "/experts"),
                            Body({{"expert_user_ids", Ids({"pc_expert_1", "pc_expert_2", "pc_expert_3"})}}))
                      .status,
                  201);
        EXPECT_EQ(Act(As("reviewer_edu"), "purchase-checks", id, "start_review").status, 200);
        return id;
    }

    static inline std::map<std::string, std::string> ids_;
    static inline std::map<std::string, std::unique_ptr<Session>> sessions_;
};

TEST_F(PurchaseChecksTest, ARequiredCheckRunsFromTheUnitThroughThePanelToTheLinkedInstrument) {
    std::string own = CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments", InstrumentBody("本校质谱仪"));
    std::string far = CreateApproved(As("unit_b"), As("reviewer_health"), "instruments",
                                     With(InstrumentBody("朝阳质谱仪"), {{"district_code", "110105"}}));
    json::object rules{{"weekdays", "12345"}, {"opens_at", "08:30"}, {"closes_at", "17:30"}};
    ASSERT_EQ(As("unit_a").Send("PUT", "/api/v1/instruments/" + own + "/booking-rules", Body(rules)).status, 200);
    std::string id = Create(CheckBody("高分辨质谱仪", 300000000));
    HttpResponse created = As("unit_a").Get(Path(id));
    ASSERT_EQ(created.status, 200) << created.body;
    EXPECT_EQ(Str(created.Json(), "status"), "draft");
    EXPECT_TRUE(created.Json().at("required").as_bool()) << "3,000,000 元 reaches the 2,000,000 元 threshold";

    // The similar instruments: the unit's own first, then the city's, each with its use.
    HttpResponse similar = As("unit_a").Get(Path(id, "/similar"));
    ASSERT_EQ(similar.status, 200) << similar.body;
    json::value listed = similar.Json();
    std::vector<std::string> order;
    for (const json::value& item : listed.at("items").as_array()) order.push_back(Str(item, "instrument_id"));
    ASSERT_TRUE(HasId(order, own) && HasId(order, far)) << similar.body;
    EXPECT_LT(std::find(order.begin(), order.end(), own), std::find(order.begin(), order.end(), far));
    const json::value& first = listed.at("items").as_array().front();
    EXPECT_EQ(Str(first, "tier"), "unit");
    EXPECT_GE(first.at("likeness").as_int64(), 70) << "same class, model and maker";
    EXPECT_FALSE(first.at("saturated").as_bool());
    EXPECT_TRUE(first.at("bookable").as_bool()) << "it takes bookings online";
    EXPECT_FALSE(listed.at("items").as_array().back().at("bookable").as_bool());

    // Three quotes are required above the threshold: named, and nothing moves.
    HttpResponse refused = Act(As("unit_a"), "purchase-checks", id, "submit");
    EXPECT_EQ(refused.status, 422) << refused.body;
    EXPECT_NE(refused.body.find("\"quotes\""), std::string::npos) << refused.body;
    EXPECT_EQ(Str(As("unit_a").Get(Path(id)).Json(), "status"), "draft");

    HttpResponse patched =
        As("unit_a").Send("PATCH", Path(id), Body({{"quotes", ThreeQuotes()}}),
                          {{"If-Match", "\"" + std::to_string(created.Json().at("version").as_int64()) + "\""}});
    ASSERT_EQ(patched.status, 200) << patched.body;
    HttpResponse file = Upload(As("unit_a"), id, "name=报价单1.pdf&purpose=quote", "%PDF-1.7 quote one");
    ASSERT_EQ(file.status, 201) << file.body;
    EXPECT_EQ(Upload(As("unit_a"), id, "name=x.pdf&purpose=lunch", "%PDF-1.7").status, 422);
    EXPECT_EQ(Upload(As("unit_a"), id, "name=x.html&purpose=quote", "<script>").status, 415);
    EXPECT_EQ(Upload(As("unit_b"), id, "name=x.pdf&purpose=quote", "%PDF-1.7").status, 404);

    HttpResponse submitted = Act(As("unit_a"), "purchase-checks", id, "submit");
    ASSERT_EQ(submitted.status, 200) << submitted.body;
    EXPECT_EQ(Str(submitted.Json(), "status"), "submitted");
    EXPECT_FALSE(submitted.Json().at("similar_snapshot").is_null());
    EXPECT_EQ(Upload(As("unit_a"), id, "name=late.pdf&purpose=quote", "%PDF-1.7").status, 409)
        << "no change once submitted";
    EXPECT_FALSE(As("unit_a").Get(Path(id, "/similar")).Json().at("frozen_at").is_null());
    // The department's reviewers are told in their inbox; another department's are not.
    EXPECT_EQ(Submitted(As("reviewer_edu"), id), 1);
    EXPECT_EQ(Submitted(As("reviewer_health"), id), 0);

    // The panel: never an expert of the applying unit; the others are told.
    HttpResponse conflicted =
        As("reviewer_edu")
            .Post(Path(id, "/experts"), Body({{"expert_user_ids", Ids({"pc_expert_of_a", "pc_expert_1"})}}));
    EXPECT_EQ(conflicted.status, 422) << conflicted.body;
    EXPECT_NE(conflicted.body.find(ids_.at("pc_expert_of_a")), std::string::npos) << conflicted.body;
    EXPECT_EQ(
        As("reviewer_health").Post(Path(id, "/experts"), Body({{"expert_user_ids", Ids({"pc_expert_1"})}})).status, 404)
        << "another department's reviewer does not see the check";
    ASSERT_EQ(
        As("reviewer_edu")
            .Post(Path(id, "/experts"), Body({{"expert_user_ids", Ids({"pc_expert_1", "pc_expert_2", "pc_expert_3"})}}))
            .status,
        201);
    EXPECT_NE(Expert("pc_expert_1").Get("/api/v1/notifications").body.find("expert_assigned"), std::string::npos);
    EXPECT_NE(Expert("pc_expert_1").Get("/api/v1/expert-assignments").body.find(id), std::string::npos);
    EXPECT_EQ(Expert("pc_expert_1").Get(Path(id)).status, 200) << "an assigned expert reads the check";
    EXPECT_EQ(Expert("pc_expert_4").Get(Path(id)).status, 404) << "an expert not assigned does not";

    EXPECT_EQ(Expert("pc_expert_1").Post(Path(id, "/reviews"), Body(Scoring(35))).status, 409) << "not in review yet";
    ASSERT_EQ(Act(As("reviewer_edu"), "purchase-checks", id, "start_review").status, 200);
    EXPECT_EQ(Expert("pc_expert_4").Post(Path(id, "/reviews"), Body(Scoring(35))).status, 404) << "not theirs";
    HttpResponse bad = Expert("pc_expert_1")
                           .Post(Path(id, "/reviews"),
                                 Body({{"scores", json::object{{"necessity", 41}, {"taste", 3}}}, {"opinion", "短"}}));
    EXPECT_EQ(bad.status, 422) << bad.body;
    for (const char* field : {"scores.necessity", "scores.taste", "scores.relevance", "opinion", "recommendation"})
        EXPECT_NE(bad.body.find(field), std::string::npos) << field << " in " << bad.body;
    ASSERT_EQ(Expert("pc_expert_1").Post(Path(id, "/reviews"), Body(Scoring(35))).status, 201);
    EXPECT_EQ(Expert("pc_expert_1").Post(Path(id, "/reviews"), Body(Scoring(20))).status, 409) << "once";

    // Until the decision the unit learns nothing of the opinions; an expert sees only their own.
    json::value unit_view = As("unit_a").Get(Path(id, "/reviews")).Json();
    EXPECT_EQ(Str(unit_view, "visible"), "none");
    EXPECT_TRUE(unit_view.at("items").as_array().empty());
    json::value expert_view = Expert("pc_expert_2").Get(Path(id, "/reviews")).Json();
    EXPECT_EQ(expert_view.at("items").as_array().size(), 1u);
    EXPECT_TRUE(expert_view.at("items").as_array()[0].at("opinion").is_null());

    json::object decision{{"reason", "同类仪器饱和"}, {"basis", json::array{"comparables_saturated"}}};
    HttpResponse early = As("reviewer_edu").Post(Path(id, "/recommend"), Body(decision));
    EXPECT_EQ(early.status, 409) << "two experts have not scored: " << early.body;
    for (const char* name : {"pc_expert_2", "pc_expert_3"})
        ASSERT_EQ(Expert(name).Post(Path(id, "/reviews"), Body(Scoring(30))).status, 201);
    HttpResponse wrong_basis =
        As("reviewer_edu")
            .Post(Path(id, "/recommend"), Body({{"reason", "可共享"}, {"basis", json::array{"comparable_available"}}}));
    EXPECT_EQ(wrong_basis.status, 422) << "a basis against a purchase does not recommend it: " << wrong_basis.body;
    EXPECT_NE(wrong_basis.body.find("basis[0]"), std::string::npos) << wrong_basis.body;
    HttpResponse decided = As("reviewer_edu").Post(Path(id, "/recommend"), Body(decision));
    ASSERT_EQ(decided.status, 200) << decided.body;
    EXPECT_EQ(Str(decided.Json(), "status"), "recommended");
    EXPECT_EQ(decided.Json().at("panel_summary").at("scored").as_int64(), 3);
    EXPECT_NE(As("unit_a").Get("/api/v1/notifications").body.find("purchase_check_decided"), std::string::npos);

    // Decided: the unit reads the opinions, numbered, without the experts' names.
    json::value opened = As("unit_a").Get(Path(id, "/reviews")).Json();
    EXPECT_EQ(Str(opened, "visible"), "opinions");
    ASSERT_EQ(opened.at("items").as_array().size(), 3u);
    EXPECT_FALSE(opened.at("items").as_array()[0].as_object().contains("expert_name"));

    // The bought instrument links back, once.
    std::string bought = CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments", InstrumentBody("新购质谱仪"));
    EXPECT_EQ(As("unit_a").Post(Path(id, "/instrument"), Body({{"instrument_id", far}})).status, 422)
        << "not the unit's";
    HttpResponse linked = As("unit_a").Post(Path(id, "/instrument"), Body({{"instrument_id", bought}}));
    ASSERT_EQ(linked.status, 200) << linked.body;
    EXPECT_EQ(Str(linked.Json().at("instrument"), "id"), bought);
    EXPECT_EQ(As("unit_a").Post(Path(id, "/instrument"), Body({{"instrument_id", own}})).status, 409);
}

TEST_F(PurchaseChecksTest, BadInputIsNamedFieldByFieldAndNothingIsStored) {
    HttpResponse r =
        As("unit_a").Post(kBase, Body({{"name", ""},
                                       {"class_code", "9999"},
                                       {"budget_fen", -5},
                                       {"funding_source", "lottery"},
                                       {"expected_hours", 9000},
                                       {"quotes", json::array{json::object{{"supplier", "甲"}, {"price_fen", 0}}}},
                                       {"colour", "red"}}));
    ASSERT_EQ(r.status, 422) << r.body;
    for (const char* field : {"\"name\"", "\"class_code\"", "\"budget_fen\"", "\"funding_source\"",
                              "\"expected_hours\"", "quotes[0].price_fen", "\"colour\""})
        EXPECT_NE(r.body.find(field), std::string::npos) << field << " in " << r.body;
    EXPECT_EQ(As("unit_a").Get(kBase + "?q=" + UrlEncode("甲")).Json().at("total").as_int64(), 0);

    EXPECT_EQ(As("company").Post(kBase, Body(CheckBody("企业购置", 100))).status, 403)
        << "an enterprise files no checks";
    EXPECT_EQ(Visitor().Post(kBase, Body(CheckBody("访客", 100))).status, 401);
    std::string id = Create(CheckBody("液相色谱仪", 50000000));
    EXPECT_EQ(As("unit_b").Send("PATCH", Path(id), Body({{"name", "别人的"}})).status, 404);
    EXPECT_EQ(As("reviewer_health").Get(Path(id)).status, 404);
    EXPECT_EQ(As("reviewer_edu").Get(Path(id)).status, 200);
    EXPECT_EQ(As("unit_a").Send("PATCH", Path(id), Body({{"name", "改名"}}), {{"If-Match", "\"99\""}}).status, 409);
    EXPECT_EQ(As("operator").Send("PUT", "/api/v1/purchase-check-settings", Body({{"threshold_fen", 0}})).status, 422);
    EXPECT_EQ(
        As("unit_a")
            .Send("PUT", "/api/v1/purchase-check-settings", Body({{"threshold_fen", 100}, {"saturation_hours", 1}}))
            .status,
        403);
}

TEST_F(PurchaseChecksTest, AnOptionalCheckIsDecidedWithoutAPanelAndOneOfManySubmissionsWins) {
    std::string id = Create(CheckBody("小型离心机", 5000000));  // 5万元: below the threshold
    std::vector<RaceRequest> submits(10, RaceRequest{&As("unit_a"), "POST", Path(id, "/submit"), "{}"});
    std::map<int, int> counts = Count(Race(Port(), submits));
    EXPECT_EQ(counts[200], 1);
    EXPECT_EQ(counts[409], 9);
    EXPECT_EQ(Submitted(As("reviewer_edu"), id), 1) << "one notice for the one submission that won";
    EXPECT_FALSE(As("unit_a").Get(Path(id)).Json().at("required").as_bool());
    ASSERT_EQ(Act(As("operator"), "purchase-checks", id, "start_review").status, 200);
    HttpResponse decided =
        As("operator")
            .Post(Path(id, "/advise_sharing"),
                  Body({{"reason", "可共享海淀区同类仪器"}, {"basis", json::array{"comparable_available"}}}));
    ASSERT_EQ(decided.status, 200) << decided.body;
    EXPECT_EQ(Str(decided.Json(), "status"), "sharing_advised");

    // The one required check in review: two deciders at once, one wins.
    std::string contested = InReview("竞争决定的质谱仪");
    for (const char* name : {"pc_expert_1", "pc_expert_2", "pc_expert_3"})
        ASSERT_EQ(Expert(name).Post(Path(contested, "/reviews"), Body(Scoring(30))).status, 201);
    json::object yes{{"reason", "必要"}, {"basis", json::array{"no_comparable"}}};
    json::object no{{"reason", "可共享"}, {"basis", json::array{"comparable_available"}}};
    std::vector<RaceRequest> decisions;
    for (int i = 0; i < 4; ++i) {
        decisions.push_back({&As("reviewer_edu"), "POST", Path(contested, "/recommend"), Body(yes)});
        decisions.push_back({&As("operator"), "POST", Path(contested, "/advise_sharing"), Body(no)});
    }
    std::map<int, int> decided_counts = Count(Race(Port(), decisions));
    EXPECT_EQ(decided_counts[200], 1);
    EXPECT_EQ(decided_counts[409], 7);
}

// The deadlines on the server's own clock: a submitted check is due for review in 10 working days,
// one in review for a decision in 20; past them it is on the department's overdue list, and only
// there (another department's reviewer does not see it).
class PurchaseCheckDeadlinesTest : public CatalogSuite<PurchaseCheckDeadlinesTest> {
public:
    static constexpr bool kInProcess = true;
};

TEST_F(PurchaseCheckDeadlinesTest, ASubmittedCheckIsOverdueAfterTenWorkingDaysAndLeavesTheListWhenReviewed) {
    HttpResponse created = As("unit_a").Post(kBase, Body(CheckBody("逾期查重的离心机", 5000000)));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = Str(created.Json(), "id");
    ASSERT_EQ(Act(As("unit_a"), "purchase-checks", id, "submit").status, 200);
    // Sessions end after idle days on this clock too: each look is a fresh login.
    auto overdue = [&](const std::string& name) {
        Session as = LogIn(Port(), name);
        return ListIds(as.Get(kBase + "/overdue"));
    };
    EXPECT_FALSE(HasId(overdue("reviewer_edu"), id));
    ServerClock().Advance(9 * 86400);  // nine calendar days: at most seven working days
    EXPECT_FALSE(HasId(overdue("reviewer_edu"), id));
    ServerClock().Advance(14 * 86400);  // 23 days: more than ten working days, whatever the holidays
    EXPECT_TRUE(HasId(overdue("reviewer_edu"), id));
    EXPECT_TRUE(HasId(overdue("operator"), id));
    EXPECT_FALSE(HasId(overdue("reviewer_health"), id)) << "another department's";
    Session reviewer = LogIn(Port(), "reviewer_edu");
    ASSERT_EQ(Act(reviewer, "purchase-checks", id, "start_review").status, 200);
    EXPECT_FALSE(HasId(overdue("reviewer_edu"), id)) << "in review, due in 20 working days from now";
    ServerClock().Advance(35 * 86400);
    EXPECT_TRUE(HasId(overdue("reviewer_edu"), id));
}

}  // namespace
}  // namespace keyuan::testing
