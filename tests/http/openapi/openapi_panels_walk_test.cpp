// Real answers against the OpenAPI document (decision 13 of docs/design/data-exchange.md) for the
// modules described from their declarations: a purchase check from the form to the linked
// instrument — its files (attachments), its panel (experts, eligible experts, reviews), the
// decision, the settings, an expert's assignments — with the refusals (401, 404, 409, 415, 422).
// Each answer's status must be one the document lists and its body must conform to the schema.
#include "http/catalog/catalog_helpers.hpp"
#include "http/openapi/openapi_walk.hpp"

namespace keyuan::testing {
namespace {

const std::string kChecks = "/api/v1/purchase-checks";

class OpenApiPanelsWalkTest : public CatalogSuite<OpenApiPanelsWalkTest> {
public:
    static void CreateUsers() {
        CatalogSuite<OpenApiPanelsWalkTest>::CreateUsers();
        for (const char* name : {"oa_expert_1", "oa_expert_2", "oa_expert_3"}) {
            ids_[name] = CreateReadyUser(Db(), name, "expert");
            experts_[name] = std::make_unique<Session>(LogIn(Port(), name));
        }
    }
    static void ReleaseSessions() {
        experts_.clear();
        CatalogSuite<OpenApiPanelsWalkTest>::ReleaseSessions();
    }

protected:
    static inline std::map<std::string, std::string> ids_;
    static inline std::map<std::string, std::unique_ptr<Session>> experts_;
};

json::object WalkedCheckBody() {
    json::array quotes;
    for (int i = 1; i <= 3; ++i)
        quotes.push_back(json::object{{"supplier", "供应商" + std::to_string(i)}, {"price_fen", 300000000 + i}});
    return json::object{{"name", "高分辨质谱仪"},
                        {"class_code", "0102"},
                        {"key_specs", "分辨率 480,000 FWHM"},
                        {"budget_fen", 300000000},
                        {"funding_source", "central_fiscal"},
                        {"why_not_existing", "现有质谱仪机时已饱和"},
                        {"quotes", quotes}};
}

TEST_F(OpenApiPanelsWalkTest, APurchaseCheckItsFilesAndItsPanelAnswerAsTheDocumentSays) {
    HttpResponse doc = Visitor().Get("/api/v1/openapi.json");
    ASSERT_EQ(doc.status, 200);
    const json::value document = doc.Json();
    Session& unit = As("unit_a");
    Session& reviewer = As("reviewer_edu");
    const std::string one = kChecks + "/{id}";
    auto check = [&](const std::string& method, const std::string& pattern, const HttpResponse& r) {
        EXPECT_TRUE(Conforms(document, method, pattern, r));
    };

    HttpResponse created = unit.Post(kChecks, Body(WalkedCheckBody()));
    ASSERT_EQ(created.status, 201) << created.body;
    check("POST", kChecks, created);
    std::string id = Str(created.Json(), "id"), at = kChecks + "/" + id;
    check("POST", kChecks, unit.Post(kChecks, R"({"name": 3, "budget_fen": -1, "quotes": [{}]})"));  // 422
    check("POST", kChecks, Visitor().Post(kChecks, Body(WalkedCheckBody())));                        // 401
    check("GET", one, unit.Get(at));
    check("GET", one, As("unit_b").Get(at));  // 404
    check("GET", kChecks, unit.Get(kChecks + "?page_size=5&required=true"));
    check("GET", kChecks, unit.Get(kChecks + "?required=maybe"));  // 422
    check("PATCH", one, unit.Send("PATCH", at, Body({{"expected_hours", 1500}, {"version", 1}})));
    check("PATCH", one, unit.Send("PATCH", at, Body({{"expected_hours", 1}, {"version", 1}})));  // 409
    check("GET", one + "/similar", unit.Get(at + "/similar"));

    const std::string files = one + "/attachments", file = files + "/{attachment_id}";
    auto upload = [&](const std::string& query, const std::string& bytes) {
        return unit.Send("POST", at + "/attachments?" + query, bytes, {{"Content-Type", "application/octet-stream"}});
    };
    HttpResponse added = upload("name=" + UrlEncode("报价单.pdf") + "&purpose=quote", "%PDF-1.7 quote");
    ASSERT_EQ(added.status, 201) << added.body;
    check("POST", files, added);
    check("POST", files, upload("name=x.pdf&purpose=lunch", "%PDF-1.7"));   // 422
    check("POST", files, upload("name=x.html&purpose=quote", "<script>"));  // 415
    check("GET", files, unit.Get(at + "/attachments"));
    std::string file_at = at + "/attachments/" + Str(added.Json(), "id");
    check("GET", file, unit.Get(file_at));
    check("DELETE", file, unit.Send("DELETE", file_at));
    check("DELETE", file, unit.Send("DELETE", file_at));  // 404

    ASSERT_EQ(Act(unit, "purchase-checks", id, "submit").status, 200);
    check("GET", one + "/eligible-experts", reviewer.Get(at + "/eligible-experts?q=oa_"));
    json::array three{json::string(ids_.at("oa_expert_1")), json::string(ids_.at("oa_expert_2")),
                      json::string(ids_.at("oa_expert_3"))};
    check("POST", one + "/experts", reviewer.Post(at + "/experts", Body({{"expert_user_ids", json::array{"x"}}})));
    HttpResponse assigned = reviewer.Post(at + "/experts", Body({{"expert_user_ids", three}}));
    ASSERT_EQ(assigned.status, 201) << assigned.body;
    check("POST", one + "/experts", assigned);
    check("GET", "/api/v1/expert-assignments", experts_.at("oa_expert_1")->Get("/api/v1/expert-assignments"));
    check("GET", "/api/v1/expert-assignments", experts_.at("oa_expert_1")->Get("/api/v1/expert-assignments?status=x"));
    ASSERT_EQ(Act(reviewer, "purchase-checks", id, "start_review").status, 200);
    json::object scoring{{"scores", json::object{{"necessity", 35}, {"relevance", 25}, {"reasonableness", 25}}},
                         {"recommendation", "purchase"},
                         {"opinion", "同类仪器机时饱和，购置必要。"}};
    check("POST", one + "/reviews",
          experts_.at("oa_expert_1")->Post(at + "/reviews", Body({{"scores", json::object{{"necessity", 99}}}})));
    for (const auto& [name, expert] : experts_) {
        HttpResponse scored = expert->Post(at + "/reviews", Body(scoring));
        ASSERT_EQ(scored.status, 201) << scored.body;
        check("POST", one + "/reviews", scored);
    }
    check("POST", one + "/reviews", experts_.at("oa_expert_1")->Post(at + "/reviews", Body(scoring)));  // 409
    check("DELETE", one + "/experts/{user_id}", reviewer.Send("DELETE", at + "/experts/" + ids_.at("oa_expert_1")));
    check("GET", one + "/reviews", reviewer.Get(at + "/reviews"));
    check("GET", one + "/reviews", experts_.at("oa_expert_2")->Get(at + "/reviews"));
    check("GET", one + "/reviews", unit.Get(at + "/reviews"));
    check("POST", one + "/recommend", reviewer.Post(at + "/recommend", Body({{"reason", "x"}, {"basis", "no"}})));
    HttpResponse decided = reviewer.Post(
        at + "/recommend", Body({{"reason", "同类仪器饱和"}, {"basis", json::array{"comparables_saturated"}}}));
    ASSERT_EQ(decided.status, 200) << decided.body;
    check("POST", one + "/recommend", decided);
    check("GET", one + "/reviews", unit.Get(at + "/reviews"));
    check("POST", one + "/instrument", unit.Post(at + "/instrument", Body({{"instrument_id", "999999"}})));  // 422
    std::string bought = CreateApproved(unit, reviewer, "instruments", InstrumentBody("新购质谱仪"));
    HttpResponse linked = unit.Post(at + "/instrument", Body({{"instrument_id", bought}}));
    ASSERT_EQ(linked.status, 200) << linked.body;
    check("POST", one + "/instrument", linked);
    check("GET", one, unit.Get(at));

    const std::string settings = "/api/v1/purchase-check-settings";
    HttpResponse current = unit.Get(settings);
    check("GET", settings, current);
    check("PUT", settings, unit.Send("PUT", settings, Body({{"threshold_fen", 1}})));            // 403
    check("PUT", settings, As("operator").Send("PUT", settings, Body({{"threshold_fen", 1}})));  // 422
}

TEST_F(OpenApiPanelsWalkTest, TheInboxTheAuditTrailAndPhotosAnswerAsTheDocumentSays) {
    const json::value document = Visitor().Get("/api/v1/openapi.json").Json();
    auto check = [&](const std::string& method, const std::string& pattern, const HttpResponse& r) {
        EXPECT_TRUE(Conforms(document, method, pattern, r));
    };
    Session& unit = As("unit_a");
    const std::string inbox = "/api/v1/notifications";
    check("GET", inbox, unit.Get(inbox + "?unread=true&page_size=5"));
    check("GET", inbox, unit.Get(inbox + "?unread=maybe"));                         // 422
    check("GET", inbox, Visitor().Get(inbox));                                      // 401
    check("POST", inbox + "/{id}/read", unit.Post(inbox + "/999999999/read", ""));  // 404
    check("POST", inbox + "/read-all", unit.Post(inbox + "/read-all", ""));
    const std::string trail = "/api/v1/audit-events";
    check("GET", trail, As("auditor").Get(trail + "?page_size=3"));
    check("GET", trail, As("auditor").Get(trail + "?from=yesterday"));  // 422
    check("GET", trail, unit.Get(trail));                               // 403
    check("GET", trail + "/export", As("auditor").Get(trail + "/export?event_type=media.uploaded"));
    std::string png = std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) + std::string(200, 'o');
    HttpResponse photo = unit.Send("POST", "/api/v1/media", png, {{"Content-Type", "image/png"}});
    ASSERT_EQ(photo.status, 201) << photo.body;
    check("POST", "/api/v1/media", photo);
    check("POST", "/api/v1/media", unit.Send("POST", "/api/v1/media", "GIF89a", {{"Content-Type", "image/gif"}}));
    check("GET", "/api/v1/media/{name}", Visitor().Get(Str(photo.Json(), "url")));
    check("GET", "/api/v1/media/{name}", Visitor().Get("/api/v1/media/nothing.png"));  // 404
    // The technology market's public figures and the contracts' lists and refusals.
    const std::string contracts = "/api/v1/tech-contracts", market = "/api/v1/tech-market";
    check("GET", market + "/monitor", Visitor().Get(market + "/monitor"));
    check("GET", market + "/statistics", Visitor().Get(market + "/statistics"));
    check("GET", market + "/statistics", Visitor().Get(market + "/statistics?format=pdf"));  // 422
    check("GET", market + "/map", Visitor().Get(market + "/map"));
    check("GET", contracts + "/reference", unit.Get(contracts + "/reference"));
    check("GET", contracts + "/reference", Visitor().Get(contracts + "/reference"));  // 401
    check("GET", contracts, As("operator").Get(contracts + "?view=all&page_size=5"));
    check("GET", contracts, As("operator").Get(contracts + "?status=lost"));      // 422
    check("POST", contracts, unit.Post(contracts, Body({{"project_name", 5}})));  // 422
    check("GET", contracts + "/{id}", unit.Get(contracts + "/999999999"));        // 404
    // An instrument's booking rules, availability, trained users and calendar feeds.
    std::string instrument = CreateApproved(unit, As("reviewer_edu"), "instruments", InstrumentBody("原子力显微镜"));
    const std::string one = "/api/v1/instruments/{id}", at = "/api/v1/instruments/" + instrument;
    check("GET", one + "/booking-rules", Visitor().Get(at + "/booking-rules"));  // not bookable yet
    check("PUT", one + "/booking-rules", unit.Send("PUT", at + "/booking-rules", Body({{"opens_at", "25:99"}})));
    HttpResponse rules = unit.Send("PUT", at + "/booking-rules",
                                   Body({{"weekdays", "12345"}, {"opens_at", "08:30"}, {"closes_at", "17:30"}}));
    ASSERT_EQ(rules.status, 200) << rules.body;
    check("PUT", one + "/booking-rules", rules);
    check("GET", one + "/booking-rules", Visitor().Get(at + "/booking-rules"));
    check("GET", one + "/availability", Visitor().Get(at + "/availability"));
    check("GET", one + "/availability", Visitor().Get(at + "/availability?from=2026-01-01&to=2027-01-01"));  // 422
    HttpResponse trained =
        unit.Post(at + "/trained-users", Body({{"user_id", Str(unit.login.Json().at("user"), "id")}}));
    check("POST", one + "/trained-users", trained);
    check("GET", one + "/trained-users", unit.Get(at + "/trained-users"));
    check("DELETE", one + "/trained-users/{user_id}", unit.Send("DELETE", at + "/trained-users/999999999"));
    HttpResponse feed = unit.Post(at + "/calendar-feed", "");
    ASSERT_EQ(feed.status, 200) << feed.body;
    check("POST", one + "/calendar-feed", feed);
    check("POST", "/api/v1/me/calendar-feed", unit.Post("/api/v1/me/calendar-feed", ""));
    check("GET", "/api/v1/calendar-feeds/{token}", Visitor().Get("/api/v1/calendar-feeds/nothing"));  // 404
    // Ratings: a resource's list, and the refusals of a delivery and a rating out of turn.
    check("GET", "/api/v1/ratings",
          Visitor().Get("/api/v1/ratings?resource_kind=instrument&resource_id=" + instrument));
    check("GET", "/api/v1/ratings", Visitor().Get("/api/v1/ratings?resource_kind=lab"));  // 422
    check("POST", "/api/v1/ratings/{id}/reply",
          unit.Post("/api/v1/ratings/999999999/reply", Body({{"reply", "谢谢"}})));
    check("POST", "/api/v1/bookings/{id}/delivery",
          unit.Post("/api/v1/bookings/999999999/delivery", Body({{"fee_fen", 0}, {"service_mode", "remote"}})));
    check("POST", "/api/v1/orders/{id}/rating", unit.Post("/api/v1/orders/999999999/rating", Body({{"score", 9}})));
    // The reference lists, a unit's colleagues, role grants and unlocking.
    for (const char* list : {"/api/v1/districts", "/api/v1/departments", "/api/v1/instrument-classes",
                             "/api/v1/industry-codes", "/api/v1/industry-codes?q=38"}) {
        std::string path(list);
        check("GET", path.substr(0, path.find('?')), Visitor().Get(path));
    }
    check("GET", "/api/v1/colleagues", unit.Get("/api/v1/colleagues?q=a"));
    check("GET", "/api/v1/colleagues", Visitor().Get("/api/v1/colleagues"));  // 401
    check("GET", "/api/v1/role-grants", unit.Get("/api/v1/role-grants"));     // 403
    check("POST", "/api/v1/users/{id}/unlock", unit.Post("/api/v1/users/999999999/unlock", ""));
    const std::string report = "/api/v1/instruments/registration-report";
    check("GET", report, As("reviewer_edu").Get(report));
    check("GET", report, Visitor().Get(report));  // 401
    check("GET", "/api/v1/finance-products/summary", Visitor().Get("/api/v1/finance-products/summary"));
    check("GET", "/api/v1/calendar-days", Visitor().Get("/api/v1/calendar-days?year=2026"));
    check("POST", "/api/v1/calendar-days", As("operator").Post("/api/v1/calendar-days", Body({{"days", 3}})));  // 422
    check("POST", "/api/v1/calendar-days", unit.Post("/api/v1/calendar-days", Body({{"days", 3}})));            // 403
}

}  // namespace
}  // namespace keyuan::testing
