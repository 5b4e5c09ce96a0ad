// Technology demands against the real binary, on each engine (issue 18 §1, §6): an enterprise
// publishes a demand, its department approves it, and then it is public: in the list with its
// filters, by id with its contact masked for everyone but its readers, and in the common search
// (simplified and traditional characters, with the facets type, industry, district and
// cooperation form); the owner closes it as solved and it leaves the public list and search.
#include <boost/json.hpp>

#include "http/tech_demands/tech_demands_fixture.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

using namespace std::chrono_literals;

class TechDemandsTest : public TechDemandsSuite<TechDemandsTest> {
protected:
    static bool Listed(const std::string& query, const std::string& id) {
        return HasId(ListIds(Visitor().Get("/api/v1/tech-demands?" + query)), id);
    }
    static json::value Search(const std::string& query) {
        HttpResponse r = Visitor().Get("/api/v1/search?" + query);
        EXPECT_EQ(r.status, 200) << r.body;
        return r.status == 200 ? r.Json() : json::value(json::object{{"items", json::array{}}});
    }
    static bool Searched(const std::string& query, const std::string& id) {
        json::value result = Search(query);
        for (const json::value& item : result.at("items").as_array()) {
            if (Str(item, "type") == "tech_demand" && Str(item, "id") == id) return true;
        }
        return false;
    }
};

TEST_F(TechDemandsTest, APublishedDemandIsPublicWithItsFiltersAndItsContactMasked) {
    HttpResponse created = As("company_a").Post("/api/v1/tech-demands", Body(DemandBody("钙钛矿组件封装")));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = Str(created.Json(), "id");
    EXPECT_EQ(Str(created.Json(), "status"), "draft");
    EXPECT_FALSE(created.Json().at("expired").as_bool());
    EXPECT_EQ(Visitor().Get("/api/v1/tech-demands/" + id).status, 404) << "a draft is not public";
    ASSERT_EQ(Act(As("company_a"), "tech-demands", id, "submit").status, 200);
    HttpResponse approved = Act(As("reviewer_edu"), "tech-demands", id, "approve");
    ASSERT_EQ(approved.status, 200) << approved.body;

    HttpResponse read = Visitor().Get("/api/v1/tech-demands/" + id);
    ASSERT_EQ(read.status, 200) << read.body;
    json::value d = read.Json();
    EXPECT_EQ(json::serialize(d.at("cooperation_forms")), R"(["development","transfer"])");
    EXPECT_EQ(d.at("budget_max_fen").as_int64(), 200'000'000);
    EXPECT_EQ(Str(d, "contact_phone"), "138****5678") << "masked for visitors";
    EXPECT_EQ(Str(As("company").Get("/api/v1/tech-demands/" + id).Json(), "contact_phone"), "138****5678")
        << "and for other signed-in users: the contact goes to the brokers it asks";
    EXPECT_EQ(Str(As("company_a").Get("/api/v1/tech-demands/" + id).Json(), "contact_phone"), "13812345678");
    EXPECT_EQ(Str(As("officer_haidian").Get("/api/v1/tech-demands/" + id).Json(), "contact_phone"), "13812345678");

    // Each filter that fits finds it; each that does not leaves it out.
    EXPECT_TRUE(Listed("industry=382", id));
    EXPECT_FALSE(Listed("industry=6513", id));
    EXPECT_TRUE(Listed("district_code=110108", id));
    EXPECT_FALSE(Listed("district_code=110105", id));
    EXPECT_TRUE(Listed("cooperation_form=transfer", id));
    EXPECT_FALSE(Listed("cooperation_form=joint_lab", id));
    // A budget window overlapping 0.5–2 million yuan, and one above it.
    EXPECT_TRUE(Listed("budget_max_fen_min=100000000&budget_min_fen_max=300000000", id));
    EXPECT_FALSE(Listed("budget_max_fen_min=300000000", id));
    EXPECT_TRUE(Listed("deadline_min=" + ShanghaiDate(29) + "&deadline_max=" + ShanghaiDate(31), id));
    EXPECT_FALSE(Listed("deadline_max=" + ShanghaiDate(10), id));
    EXPECT_TRUE(Listed("expired=false", id));
    EXPECT_FALSE(Listed("expired=true", id));
    EXPECT_TRUE(Listed("q=" + UrlEncode("组件封装"), id));
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/tech-demands?expired=maybe"), 422, "validation_failed"));
    EXPECT_EQ(ErrorFields(Visitor().Get("/api/v1/tech-demands?expired=maybe&colour=red")),
              (std::vector<std::string>{"expired", "colour"}));
}

TEST_F(TechDemandsTest, SearchFindsDemandsWithTheirFacetsInSimplifiedAndTraditionalCharacters) {
    std::string id = Published("固态电池电解质", {{"cooperation_forms", json::array{"licence", "joint_lab"}}});
    ASSERT_TRUE(WaitUntil([&] { return Searched("type=tech_demand&q=" + UrlEncode("固态电池"), id); }, 5s));
    EXPECT_TRUE(Searched("type=tech_demand&q=" + UrlEncode("固態電池電解質"), id)) << "traditional";
    json::value found = Search("type=tech_demand&q=" + UrlEncode("固态电池电解质"));
    auto facet = [&](const char* name) {
        std::map<std::string, std::int64_t> out;
        if (!found.at("facets").as_object().contains(name)) return out;
        for (const json::value& v : found.at("facets").at(name).as_array())
            out[Str(v, "value")] = v.at("count").as_int64();
        return out;
    };
    EXPECT_EQ(facet("type")["tech_demand"], 1) << found;
    EXPECT_EQ(facet("status")["licence"], 1) << "the cooperation forms: " << found;
    EXPECT_EQ(facet("status")["joint_lab"], 1) << found;
    EXPECT_EQ(facet("status").count("transfer"), 0u) << found;
    EXPECT_EQ(facet("district_code")["110108"], 1) << found;
    EXPECT_EQ(facet("industry")["38"], 1) << found;
    EXPECT_TRUE(Searched("type=tech_demand&status=joint_lab&q=" + UrlEncode("固态电池"), id));
    EXPECT_FALSE(Searched("type=tech_demand&status=transfer&q=" + UrlEncode("固态电池"), id));
    EXPECT_FALSE(Searched("type=tech_demand&district=110105&q=" + UrlEncode("固态电池"), id));
    EXPECT_TRUE(Searched("type=tech_demand&industry=3825&q=" + UrlEncode("固态电池"), id));
    // The masked contact never reaches the search card.
    EXPECT_EQ(json::serialize(found).find("13812345678"), std::string::npos);
}

TEST_F(TechDemandsTest, TheOwnerClosesADemandAsSolvedAndItLeavesThePublicListAndSearch) {
    std::string id = Published("光伏背板耐候测试");
    ASSERT_TRUE(WaitUntil([&] { return Searched("type=tech_demand&q=" + UrlEncode("背板耐候"), id); }, 5s));
    HttpResponse actions = As("company_a").Get("/api/v1/tech-demands/" + id + "/actions");
    EXPECT_NE(actions.body.find("\"solve\""), std::string::npos) << actions.body;
    EXPECT_TRUE(IsError(Act(As("company_a"), "tech-demands", id, "solve"), 422, "validation_failed"))
        << "closing needs a reason";
    EXPECT_EQ(Act(As("company"), "tech-demands", id, "solve", Body({{"reason", "别人的需求"}})).status, 404)
        << "another organisation's enterprise";
    HttpResponse solved = Act(As("company_a"), "tech-demands", id, "solve", Body({{"reason", "已与高校签订开发合同"}}));
    ASSERT_EQ(solved.status, 200) << solved.body;
    EXPECT_EQ(Str(solved.Json(), "status"), "closed");
    EXPECT_EQ(Str(solved.Json(), "closed_outcome"), "solved");
    EXPECT_EQ(Str(solved.Json(), "review_reason"), "已与高校签订开发合同");
    EXPECT_EQ(Visitor().Get("/api/v1/tech-demands/" + id).status, 404);
    EXPECT_FALSE(Listed("q=" + UrlEncode("背板耐候"), id));
    EXPECT_TRUE(HasId(ListIds(As("company_a").Get("/api/v1/tech-demands?status=closed")), id));
    EXPECT_TRUE(WaitUntil([&] { return !Searched("type=tech_demand&q=" + UrlEncode("背板耐候"), id); }, 5s));
    // Closed is final: no edit, no second closing, no withdrawal.
    HttpResponse edit = As("company_a").Send("PATCH", "/api/v1/tech-demands/" + id, Body({{"title", "再开"}}));
    EXPECT_TRUE(IsError(edit, 409, "conflict")) << edit.body;
    EXPECT_TRUE(IsError(Act(As("company_a"), "tech-demands", id, "abandon", Body({{"reason", "x"}})), 409, "conflict"));
    EXPECT_TRUE(IsError(Act(As("company_a"), "tech-demands", id, "withdraw"), 409, "conflict"));
    HttpResponse steps = As("company_a").Get("/api/v1/tech-demands/" + id + "/steps");
    EXPECT_NE(steps.body.find("\"solve\""), std::string::npos) << steps.body;
}

}  // namespace
}  // namespace keyuan::testing
