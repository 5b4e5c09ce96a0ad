// Real answers against the OpenAPI document (decision 13 of docs/design/data-exchange.md): each
// catalog kind's create, get, list, patch, workflow steps and withdrawal, and the refusals
// (401, 404, 409, 422), must have a status the document lists and a body its schema accepts;
// every registered kind's required fields are the ones a bare POST is refused for.
#include <iostream>
#include <set>

#include "http/catalog/catalog_helpers.hpp"
#include "http/openapi/openapi_walk.hpp"

namespace keyuan::testing {
namespace {

class OpenApiWalkTest : public CatalogSuite<OpenApiWalkTest> {
protected:
    static json::value Document() {
        HttpResponse r = Visitor().Get("/api/v1/openapi.json");
        EXPECT_EQ(r.status, 200);
        return r.Json();
    }
};

struct Walked {
    const char* collection;
    const char* owner;
    const char* reviewer;
    json::object body;
};

TEST_F(OpenApiWalkTest, CatalogKindsAnswerAsTheDocumentSays) {
    const json::value document = Document();
    std::vector<Walked> kinds = {{"instruments", "unit_a", "reviewer_edu", InstrumentBody("扫描电子显微镜")},
                                 {"services", "unit_a", "reviewer_edu", ServiceBody("材料成分检测", 50000)},
                                 {"labs", "unit_a", "reviewer_edu", LabBody("先进材料重点实验室")},
                                 {"finance-products", "finance", "base", FinanceProductBody("科技成果转化贷")}};
    HttpClient visitor = Visitor();
    for (Walked& k : kinds) {
        SCOPED_TRACE(k.collection);
        std::string base = std::string("/api/v1/") + k.collection, one = base + "/{id}";
        Session& owner = As(k.owner);
        HttpResponse created = owner.Post(base, Body(k.body));
        ASSERT_EQ(created.status, 201) << created.body;
        EXPECT_TRUE(Conforms(document, "POST", base, created));
        std::string id = Str(created.Json(), "id"), at = base + "/" + id;
        EXPECT_TRUE(Conforms(document, "GET", one, owner.Get(at)));
        EXPECT_TRUE(Conforms(document, "GET", base, owner.Get(base + "?status=all&page_size=5")));
        HttpResponse patched = owner.Send("PATCH", at, Body({{"version", 1}}));
        EXPECT_EQ(patched.status, 200) << patched.body;
        EXPECT_TRUE(Conforms(document, "PATCH", one, patched));
        HttpResponse stale = owner.Send("PATCH", at, Body({{"version", 1}}));
        EXPECT_EQ(stale.status, 409) << stale.body;
        EXPECT_TRUE(Conforms(document, "PATCH", one, stale));
        HttpResponse wrong = owner.Send("PATCH", at, R"({"name": 12, "version": 2})");
        EXPECT_EQ(wrong.status, 422) << wrong.body;
        EXPECT_TRUE(Conforms(document, "PATCH", one, wrong));
        EXPECT_TRUE(Conforms(document, "POST", base, visitor.Post(base, Body(k.body))));       // 401
        EXPECT_TRUE(Conforms(document, "GET", one, visitor.Get(base + "/999999999")));         // 404
        EXPECT_TRUE(Conforms(document, "GET", base, visitor.Get(base + "?status=nonsense")));  // 422
        EXPECT_TRUE(Conforms(document, "GET", base, visitor.Get(base + "?sort=-id")));
        for (const char* action : {"submit", "approve"}) {
            Session& actor = std::string(action) == "submit" ? owner : As(k.reviewer);
            HttpResponse moved = Act(actor, k.collection, id, action);
            EXPECT_EQ(moved.status, 200) << moved.body;
            EXPECT_TRUE(Conforms(document, "POST", one + "/" + action, moved));
        }
        EXPECT_TRUE(Conforms(document, "POST", one + "/submit", Act(owner, k.collection, id, "submit")));  // 409
        EXPECT_TRUE(Conforms(document, "GET", one, visitor.Get(at)));
        EXPECT_TRUE(Conforms(document, "GET", base, visitor.Get(base)));
        EXPECT_TRUE(Conforms(document, "GET", one + "/actions", owner.Get(at + "/actions")));
        EXPECT_TRUE(Conforms(document, "GET", one + "/steps", owner.Get(at + "/steps")));
        EXPECT_TRUE(Conforms(document, "GET", one + "/history", owner.Get(at + "/history")));
        EXPECT_TRUE(Conforms(document, "DELETE", one, owner.Send("DELETE", at)));
    }
}

TEST_F(OpenApiWalkTest, HandDescribedRoutesAnswerAsTheirDescriptions) {
    const json::value document = Document();
    HttpClient visitor = Visitor();
    Session& unit = As("unit_a");
    EXPECT_TRUE(Conforms(document, "POST", "/api/v1/auth/login", unit.login));
    EXPECT_TRUE(Conforms(document, "POST", "/api/v1/auth/login",
                         visitor.Post("/api/v1/auth/login", R"({"username": "unit_a", "password": "wrong-Pa55"})")));
    EXPECT_TRUE(Conforms(document, "POST", "/api/v1/auth/login", visitor.Post("/api/v1/auth/login", "{}")));
    EXPECT_TRUE(Conforms(document, "GET", "/api/v1/me", unit.Get("/api/v1/me")));
    EXPECT_TRUE(Conforms(document, "GET", "/api/v1/me", visitor.Get("/api/v1/me")));
    EXPECT_TRUE(Conforms(document, "GET", "/api/v1/users", As("operator").Get("/api/v1/users?page_size=5")));
    EXPECT_TRUE(Conforms(document, "GET", "/api/v1/search", visitor.Get("/api/v1/search?q=" + UrlEncode("显微镜"))));
    EXPECT_TRUE(Conforms(document, "GET", "/api/v1/search", visitor.Get("/api/v1/search?sort=cheapest")));
    EXPECT_TRUE(Conforms(document, "GET", "/api/v1/search/suggest", visitor.Get("/api/v1/search/suggest?q=x")));
    EXPECT_TRUE(Conforms(document, "GET", "/api/v1/industries/suggest",
                         visitor.Get("/api/v1/industries/suggest?text=" + UrlEncode("原料药检测"))));
    EXPECT_TRUE(Conforms(document, "GET", "/api/v1/orders", unit.Get("/api/v1/orders")));
    EXPECT_TRUE(Conforms(document, "POST", "/api/v1/orders", unit.Post("/api/v1/orders", "{}")));
    EXPECT_TRUE(Conforms(document, "GET", "/api/v1/bookings", unit.Get("/api/v1/bookings")));
    EXPECT_TRUE(Conforms(document, "POST", "/api/v1/bookings", unit.Post("/api/v1/bookings", "{}")));
    EXPECT_TRUE(Conforms(document, "GET", "/api/v1/vouchers", unit.Get("/api/v1/vouchers")));
}

TEST_F(OpenApiWalkTest, EveryRegisteredKindIsRefusedForExactlyItsRequiredFields) {
    const json::value document = Document();
    std::vector<std::pair<std::string, std::string>> kinds = RegisteredKinds(document);
    ASSERT_GE(kinds.size(), 6u) << "the registered kinds' POSTs should name their Create schemas";
    Session& op = As("operator");
    std::size_t refused_kinds = 0, objects = 0;
    for (const auto& [name, base] : kinds) {
        SCOPED_TRACE(base);
        // A bare body is refused for every required field the document names, and the refusal
        // names nothing the document calls optional (but the organisation an operator must name).
        HttpResponse bare = op.Post(base, "{}");
        EXPECT_TRUE(Conforms(document, "POST", base, bare));
        if (bare.status != 422) continue;  // a kind the operator may not create: its grant says so (403)
        ++refused_kinds;
        std::set<std::string> refused = FieldSet(bare), required;
        const json::object& create = document.at("components").at("schemas").at(name + "Create").as_object();
        if (const json::value* list = create.if_contains("required")) {
            for (const json::value& f : list->as_array()) required.insert(std::string(f.as_string()));
        }
        for (const std::string& f : required) EXPECT_TRUE(refused.contains(f)) << f << " required but not refused";
        const json::object& props = create.at("properties").as_object();
        for (const std::string& f : refused) EXPECT_TRUE(props.contains(f)) << f << " refused but not in the schema";
        // Lists of every state, and one object of each, as the operator sees them.
        HttpResponse page = op.Get(base + "?status=all&page_size=3");
        EXPECT_TRUE(Conforms(document, "GET", base, page));
        EXPECT_TRUE(Conforms(document, "GET", base, Visitor().Get(base)));
        if (page.status != 200) continue;
        json::value listed = page.Json();
        for (const json::value& item : listed.at("items").as_array()) {
            std::string at = base + "/" + Str(item, "id");
            ++objects;
            EXPECT_TRUE(Conforms(document, "GET", base + "/{id}", op.Get(at)));
            EXPECT_TRUE(Conforms(document, "GET", base + "/{id}/actions", op.Get(at + "/actions")));
            EXPECT_TRUE(Conforms(document, "GET", base + "/{id}/steps", op.Get(at + "/steps")));
        }
    }
    // The operator registers for any organisation: most kinds' refusals were compared, and the
    // catalog test's objects (this suite's) were read back through every kind's list.
    EXPECT_GE(refused_kinds, kinds.size() / 2) << refused_kinds << " of " << kinds.size();
    EXPECT_GE(objects, 4u);
    std::cout << "[ openapi  ] " << kinds.size() << " kinds, " << refused_kinds << " bare POSTs compared, " << objects
              << " objects read\n";
}

}  // namespace
}  // namespace keyuan::testing
