// Lists of registered kinds carry, per item, what the signed-in caller may do to it now
// (allowed_actions, as GET …/{id}/actions answers it), so that the web's tables show their
// buttons without a request per row. Visitors and roles that may never act on the kind get
// the shared public page, without the field. Runs once per database engine.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>

#include "support/catalog_fixture.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

class ListActionsTest : public CatalogSuite<ListActionsTest> {
protected:
    /// The item `id` of a list answer (a test failure and an empty object when absent).
    static json::object Item(const HttpResponse& r, const std::string& id) {
        EXPECT_EQ(r.status, 200) << r.body;
        if (r.status != 200) return {};
        json::value body = r.Json();
        for (const json::value& item : body.at("items").as_array()) {
            if (Str(item, "id") == id) return item.as_object();
        }
        ADD_FAILURE() << "no item " << id << " in " << r.body;
        return {};
    }

    /// The item's allowed actions as strings, in order.
    static std::vector<std::string> Actions(const json::object& item) {
        std::vector<std::string> out;
        const json::value* actions = item.if_contains("allowed_actions");
        EXPECT_TRUE(actions && actions->is_array()) << json::serialize(item);
        if (!actions || !actions->is_array()) return out;
        for (const json::value& a : actions->as_array()) out.emplace_back(a.as_string());
        return out;
    }

    /// The same actions as GET …/{id}/actions answers them for `who`.
    static std::vector<std::string> ActionsRoute(Session& who, const std::string& id) {
        HttpResponse r = who.Get("/api/v1/instruments/" + id + "/actions");
        EXPECT_EQ(r.status, 200) << r.body;
        std::vector<std::string> out;
        if (r.status != 200) return out;
        json::value body = r.Json();
        for (const json::value& a : body.at("allowed_actions").as_array()) out.emplace_back(a.as_string());
        return out;
    }
};

TEST_F(ListActionsTest, TheOwnerSeesSubmitOnADraft) {
    std::string id = CreateResource(As("unit_a"), "instruments", InstrumentBody("列表中的草稿仪器"));
    json::object item = Item(As("unit_a").Get("/api/v1/instruments?status=draft"), id);
    std::vector<std::string> actions = Actions(item);
    EXPECT_EQ(actions, ActionsRoute(As("unit_a"), id));
    EXPECT_NE(std::find(actions.begin(), actions.end(), "submit"), actions.end());
    EXPECT_NE(std::find(actions.begin(), actions.end(), "update"), actions.end());
    EXPECT_EQ(std::find(actions.begin(), actions.end(), "approve"), actions.end());
}

TEST_F(ListActionsTest, TheReviewerSeesApproveAndReturnOnASubmittedOne) {
    std::string id = CreateResource(As("unit_a"), "instruments", InstrumentBody("列表中的待审仪器"));
    ASSERT_EQ(Act(As("unit_a"), "instruments", id, "submit").status, 200);
    std::vector<std::string> reviewer =
        Actions(Item(As("reviewer_edu").Get("/api/v1/instruments?status=submitted"), id));
    EXPECT_EQ(reviewer, ActionsRoute(As("reviewer_edu"), id));
    EXPECT_NE(std::find(reviewer.begin(), reviewer.end(), "approve"), reviewer.end());
    EXPECT_NE(std::find(reviewer.begin(), reviewer.end(), "return"), reviewer.end());
    // The owner, once it is submitted, may only withdraw it.
    std::vector<std::string> owner = Actions(Item(As("unit_a").Get("/api/v1/instruments?status=submitted"), id));
    EXPECT_EQ(owner, ActionsRoute(As("unit_a"), id));
    EXPECT_EQ(std::find(owner.begin(), owner.end(), "approve"), owner.end());
    EXPECT_EQ(std::find(owner.begin(), owner.end(), "submit"), owner.end());
}

TEST_F(ListActionsTest, VisitorsAndRolesWithoutAGrantGetNoActions) {
    std::string id =
        CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments", InstrumentBody("列表中的公开仪器"));
    EXPECT_FALSE(Item(Visitor().Get("/api/v1/instruments"), id).contains("allowed_actions"));
    EXPECT_FALSE(Item(As("company").Get("/api/v1/instruments"), id).contains("allowed_actions"));
    // Another unit may act on the kind, but not on this one: the field is there, empty.
    EXPECT_TRUE(Actions(Item(As("unit_b").Get("/api/v1/instruments"), id)).empty());
    // The owner's page is the owner's own: their actions, not the cached public page.
    std::vector<std::string> owner = Actions(Item(As("unit_a").Get("/api/v1/instruments"), id));
    EXPECT_EQ(owner, ActionsRoute(As("unit_a"), id));
    EXPECT_NE(std::find(owner.begin(), owner.end(), "update"), owner.end());
}

}  // namespace
}  // namespace keyuan::testing
