// Search over HTTP: Chinese in both scripts, English and model numbers, filters and facets,
// freshness after a change, bad queries, suggestions, and rebuilding the index.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <filesystem>

#include "support/accounts_fixture.hpp"
#include "support/catalog_fixture.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

class SearchTest : public ServerSuite<SearchTest> {
public:
    static std::string Config() { return SecurityConfig(); }
    static void CreateUsers() {
        BuildCatalogWorld(Db(), Port(), world_);
        Session& unit = world_["unit_a"];
        Session& reviewer = world_["reviewer_edu"];
        json::object sem = With(InstrumentBody("场发射扫描电子显微镜"),
                                {{"class_code", "0101"}, {"model", "SU8010"}, {"manufacturer", "日立 Hitachi"}});
        sem_id_ = CreateApproved(unit, reviewer, "instruments", sem);
        ms_id_ = CreateApproved(unit, reviewer, "instruments",
                                With(InstrumentBody("高分辨液相色谱-质谱联用仪"), {{"name_en", "Orbitrap LC-MS"}}));
        json::object cnas = With(ServiceBody("金属材料成分检测", 50000),
                                 {{"cnas_cert_no", "CNAS L1234"}, {"cnas_expiry", ShanghaiDate(365)}});
        service_id_ = CreateApproved(unit, reviewer, "services", cnas);
        draft_id_ = CreateResource(unit, "instruments", InstrumentBody("尚未提交的核磁共振波谱仪"));
        // Each object is searchable a moment after its approval; wait for all of them.
        WaitIndexed("SU8010", sem_id_);
        WaitIndexed("orbitrap", ms_id_);
        WaitIndexed("金属材料成分检测", service_id_);
    }
    static void ReleaseSessions() { world_.sessions.clear(); }

protected:
    static json::value Search(const std::string& query) {
        HttpClient client(Port());
        HttpResponse r = client.Get("/api/v1/search?" + query);
        EXPECT_EQ(r.status, 200) << query << " → " << r.body;
        return r.status == 200 ? r.Json() : json::value();
    }
    static std::vector<std::string> Ids(const json::value& result) {
        std::vector<std::string> ids;
        if (!result.is_object()) return ids;
        for (const json::value& item : result.at("items").as_array()) ids.emplace_back(item.at("id").as_string());
        return ids;
    }
    static bool Finds(const std::string& q, const std::string& id) {
        auto ids = Ids(Search("q=" + UrlEncode(q)));
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    }
    /// Polls until `q` finds (or no longer finds) `id`; returns how long it took.
    static std::chrono::milliseconds WaitIndexed(const std::string& q, const std::string& id, bool present = true) {
        auto started = std::chrono::steady_clock::now();
        WaitUntil([&] { return Finds(q, id) == present; }, 5s);
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    }

    static inline CatalogWorld world_;
    static inline std::string sem_id_, ms_id_, service_id_, draft_id_;
};

TEST_F(SearchTest, SimplifiedAndTraditionalChineseFindTheSameInstrument) {
    EXPECT_TRUE(Finds("质谱", ms_id_));
    EXPECT_TRUE(Finds("質譜", ms_id_));
    EXPECT_TRUE(Finds("質譜聯用", ms_id_));
    EXPECT_TRUE(Finds("电子显微镜", sem_id_));
    EXPECT_TRUE(Finds("電子顯微鏡", sem_id_));
}

TEST_F(SearchTest, EnglishTermsModelNumbersAndAbbreviations) {
    EXPECT_TRUE(Finds("orbitrap", ms_id_));
    EXPECT_TRUE(Finds("ORBITRAP", ms_id_));
    EXPECT_TRUE(Finds("ＯＲＢＩＴＲＡＰ", ms_id_));  // full-width
    EXPECT_TRUE(Finds("SU8010", sem_id_));
    EXPECT_TRUE(Finds("电镜", sem_id_));
    EXPECT_TRUE(Finds("SEM", sem_id_));
    EXPECT_TRUE(Finds("Hitachi", sem_id_));
}

TEST_F(SearchTest, RightInstrumentRanksFirst) {
    json::value r = Search("q=" + UrlEncode("扫描电镜"));
    ASSERT_FALSE(Ids(r).empty());
    EXPECT_EQ(Ids(r).front(), sem_id_);
    EXPECT_NE(std::string(r.at("items").at(0).at("snippet").as_string()), "");
    // The matched words are marked, also for Chinese typed in traditional characters.
    for (const char* q : {"质谱", "質譜"}) {
        json::value found = Search("q=" + UrlEncode(q));
        ASSERT_FALSE(Ids(found).empty()) << q;
        EXPECT_NE(std::string(found.at("items").at(0).at("snippet").as_string()).find("<mark>"), std::string::npos)
            << q << ": " << found.at("items").at(0).at("snippet");
    }
}

TEST_F(SearchTest, UnpublishedObjectsAreNeverFound) {
    EXPECT_FALSE(Finds("核磁共振", draft_id_));
    EXPECT_FALSE(Finds("尚未提交", draft_id_));
}

TEST_F(SearchTest, FiltersAndFacets) {
    json::value all = Search("q=");
    EXPECT_GE(all.at("total").as_int64(), 3);
    bool saw_instrument_facet = false;
    for (const json::value& f : all.at("facets").at("type").as_array()) {
        if (f.at("value").as_string() == "instrument") {
            saw_instrument_facet = true;
            EXPECT_EQ(f.at("count").as_int64(), 2);
        }
    }
    EXPECT_TRUE(saw_instrument_facet);
    EXPECT_TRUE(all.at("facets_exact").as_bool());
    EXPECT_EQ(Ids(Search("type=service")), std::vector<std::string>{service_id_});
    EXPECT_EQ(Ids(Search("type=service&accreditation=cnas")), std::vector<std::string>{service_id_});
    EXPECT_TRUE(Ids(Search("type=service&accreditation=cma")).empty());
    EXPECT_EQ(Ids(Search("type=service&price_min=40000&price_max=60000")), std::vector<std::string>{service_id_});
    EXPECT_TRUE(Ids(Search("type=service&price_max=100")).empty());
    EXPECT_EQ(Ids(Search("type=instrument&class_code=0101")), std::vector<std::string>{sem_id_});
    EXPECT_EQ(Ids(Search("type=instrument&industry=27&district=110108")).size(), 2u);
    EXPECT_TRUE(Ids(Search("type=instrument&district=110105")).empty());
}

TEST_F(SearchTest, ChangesAreSearchableWithinOneSecond) {
    Session& unit = world_["unit_a"];
    Session& reviewer = world_["reviewer_edu"];
    std::string id = CreateApproved(unit, reviewer, "instruments",
                                    With(InstrumentBody("X射线光电子能谱仪"), {{"model", "ESCALAB-Xi"}}));
    EXPECT_LT(WaitIndexed("ESCALAB", id), 1000ms);
    HttpResponse withdrawn = unit.Send("DELETE", "/api/v1/instruments/" + id);
    ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
    EXPECT_LT(WaitIndexed("ESCALAB", id, false), 1000ms);
}

TEST_F(SearchTest, DidYouMeanForAMisspelling) {
    json::value r = Search("q=orbitap");
    EXPECT_EQ(r.at("total").as_int64(), 0);
    ASSERT_TRUE(r.at("did_you_mean").is_string()) << json::serialize(r);
    EXPECT_EQ(r.at("did_you_mean").as_string(), "orbitrap");
}

TEST_F(SearchTest, BadQueriesGet4xxOrASensibleAnswer) {
    HttpClient client(Port());
    EXPECT_TRUE(IsError(client.Get("/api/v1/search?q=" + std::string(1001, 'a')), 422, "validation_failed"));
    EXPECT_TRUE(IsError(client.Get("/api/v1/search?q=%FF%FE"), 422, "validation_failed"));
    EXPECT_TRUE(IsError(client.Get("/api/v1/search?page_size=500"), 422, "validation_failed"));
    EXPECT_TRUE(IsError(client.Get("/api/v1/search?type=spaceship"), 422, "validation_failed"));
    EXPECT_TRUE(IsError(client.Get("/api/v1/search?sort=random"), 422, "validation_failed"));
    for (const char* q : {"AND OR NOT", "\"unbalanced", "(((", "质谱 NEAR/3 仪", "*", "a:b:c", "\\x00"}) {
        EXPECT_EQ(client.Get("/api/v1/search?q=" + UrlEncode(q)).status, 200) << q;
    }
    // Control characters are refused at the edge for every query parameter (issue 11, defect 11).
    EXPECT_TRUE(
        IsError(client.Get("/api/v1/search?q=" + UrlEncode(std::string(300, '\x01'))), 422, "validation_failed"));
}

TEST_F(SearchTest, SuggestionsAsYouType) {
    HttpClient client(Port());
    HttpResponse r = client.Get("/api/v1/search/suggest?q=" + UrlEncode("场发射"));
    ASSERT_EQ(r.status, 200);
    json::value body = r.Json();
    ASSERT_FALSE(body.at("items").as_array().empty()) << r.body;
    EXPECT_EQ(body.at("items").at(0).as_string(), "场发射扫描电子显微镜");
}

TEST_F(SearchTest, IndustryCodeSuggestion) {
    HttpClient client(Port());
    HttpResponse r = client.Get("/api/v1/industries/suggest?text=" + UrlEncode("移动通信基站设备研发与制造"));
    ASSERT_EQ(r.status, 200) << r.body;
    json::value body = r.Json();
    const json::array& items = body.at("items").as_array();
    ASSERT_FALSE(items.empty());
    EXPECT_EQ(items.at(0).at("code").as_string(), "3921");
    EXPECT_GT(items.at(0).at("score").as_int64(), 0);
    EXPECT_TRUE(IsError(client.Get("/api/v1/industries/suggest"), 422, "validation_failed"));
}

TEST(SearchIndexLifecycle, RebuildsFromTheDatabaseWhenTheIndexIsMissing) {
    auto suite = StartSuiteServer("SearchRebuild", SecurityConfig());
    if (!suite) GTEST_SKIP() << "PostgreSQL not configured";
    CatalogWorld world;
    BuildCatalogWorld(suite->db_url, suite->port(), world);
    std::string id = CreateApproved(world["unit_a"], world["reviewer_edu"], "instruments",
                                    With(InstrumentBody("核磁共振波谱仪"), {{"model", "AVANCE-NEO-600"}}));
    world.sessions.clear();
    std::string index_dir = ::testing::TempDir() + "/rebuild-index-" + std::to_string(::getpid());
    std::filesystem::remove_all(index_dir);
    std::string db = suite->db_url;
    suite->server.reset();  // stop the server, whose own index sits elsewhere

    auto rebuilt = RunKeyuan({"index", "rebuild", "--db", db, "--index", index_dir});
    ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
    EXPECT_NE(rebuilt.out.find("indexed 1 documents"), std::string::npos) << rebuilt.out;

    // A server started on a missing index builds it by itself; until it has, searches answer 503
    // with Retry-After, never an empty list that would read as "nothing registered".
    std::filesystem::remove_all(index_dir);
    auto server = TestServer::Start(db, {"--config", suite->config_path, "--index", index_dir});
    HttpClient client(server->port());
    bool found = WaitUntil(
        [&] {
            HttpResponse r = client.Get("/api/v1/search?q=" + UrlEncode("核磁共振"));
            if (r.status == 503) {
                EXPECT_EQ(r.Header("retry-after"), "30");
                EXPECT_NE(r.body.find("\"code\":\"unavailable\""), std::string::npos) << r.body;
                return false;
            }
            bool has = r.status == 200 && r.body.find("\"id\":\"" + id + "\"") != std::string::npos;
            EXPECT_TRUE(has) << "answered while building: " << r.status << " " << r.body;
            return true;
        },
        5s, 20ms);
    EXPECT_TRUE(found);
}

}  // namespace
}  // namespace keyuan::testing
