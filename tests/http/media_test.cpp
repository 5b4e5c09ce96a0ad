// Photo uploads against the real binary: content-addressed storage, immutable serving, type
// sniffing, permissions, and instruments that refer to their photos. Runs once per engine.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <map>

#include "modules/media/collector.hpp"
#include "store/database.hpp"
#include "support/catalog_fixture.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

/// A PNG signature and header chunk followed by `fill`: enough for the server, which reads
/// the signature and never decodes pixels.
std::string PngBytes(char fill) {
    std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
    return png + std::string(200, fill);
}

class MediaTest : public CatalogSuite<MediaTest> {
protected:
    static HttpResponse Upload(Session& session, const std::string& bytes, const std::string& type = "image/png") {
        return session.Send("POST", "/api/v1/media", bytes, {{"Content-Type", type}});
    }
};

TEST_F(MediaTest, UploadedPhotoIsServedByItsHashForGood) {
    std::string bytes = PngBytes('a');
    HttpResponse up = Upload(As("unit_a"), bytes);
    ASSERT_EQ(up.status, 201) << up.body;
    std::string url = Str(up.Json(), "url");
    EXPECT_TRUE(url.starts_with("/api/v1/media/")) << url;
    EXPECT_TRUE(url.ends_with(".png")) << url;
    EXPECT_EQ(Str(up.Json(), "content_type"), "image/png");

    HttpResponse got = Visitor().Get(url);
    ASSERT_EQ(got.status, 200);
    EXPECT_EQ(got.body, bytes);
    EXPECT_EQ(got.Header("content-type"), "image/png");
    EXPECT_NE(got.Header("cache-control").find("immutable"), std::string::npos);
    EXPECT_EQ(got.Header("x-content-type-options"), "nosniff");

    // The same bytes again: the same name, nothing new stored.
    HttpResponse again = Upload(As("unit_b"), bytes, "application/octet-stream");
    ASSERT_EQ(again.status, 201) << again.body;
    EXPECT_EQ(Str(again.Json(), "url"), url);

    HttpResponse audit = As("auditor").Get("/api/v1/audit-events?event_type=media.uploaded");
    ASSERT_EQ(audit.status, 200) << audit.body;
    EXPECT_GE(audit.Json().at("total").as_int64(), 1);
}

TEST_F(MediaTest, OnlyImagesFromRegisteringRolesAreAccepted) {
    EXPECT_TRUE(
        IsError(Upload(As("unit_a"), "<html><script>alert(1)</script></html>" + std::string(100, ' '), "image/png"),
                415, "unsupported_media_type"));
    EXPECT_TRUE(IsError(Upload(As("unit_a"), "\x89PNG", "image/png"), 415, "unsupported_media_type"));
    EXPECT_TRUE(IsError(Upload(As("company"), PngBytes('b')), 403, "forbidden"));
    HttpClient visitor = Visitor();
    EXPECT_TRUE(IsError(visitor.Send("POST", "/api/v1/media", PngBytes('c'), {{"Content-Type", "image/png"}}), 401,
                        "unauthenticated"));
}

TEST_F(MediaTest, NamesThatTheServerCouldNotHaveMadeAre404) {
    HttpClient visitor = Visitor();
    for (const std::string& name :
         {std::string(64, 'a') + ".png", std::string(64, 'a') + ".exe", std::string("..%2F..%2Fetc%2Fpasswd"),
          std::string(63, 'a') + ".jpg", std::string(64, 'A') + ".jpg"}) {
        EXPECT_TRUE(IsError(visitor.Get("/api/v1/media/" + name), 404, "not_found")) << name;
    }
}

TEST_F(MediaTest, InstrumentsReferToUploadedOrHttpsPhotos) {
    HttpResponse up = Upload(As("unit_a"), PngBytes('d'));
    ASSERT_EQ(up.status, 201) << up.body;
    std::string url = Str(up.Json(), "url");
    json::array photos{json::value(url), json::value("https://images.example.cn/sem.jpg")};
    HttpResponse created =
        As("unit_a").Post("/api/v1/instruments", Body(With(InstrumentBody("带照片的电镜"), {{"photos", photos}})));
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.Json().at("photos").as_array().size(), 2u);

    for (const char* bad : {"http://plain.example.cn/a.jpg", "javascript:alert(1)", "/api/v1/media/../secret"}) {
        HttpResponse refused =
            As("unit_a").Post("/api/v1/instruments",
                              Body(With(InstrumentBody("照片地址不对"), {{"photos", json::array{json::value(bad)}}})));
        ASSERT_TRUE(IsError(refused, 422, "validation_failed")) << bad << refused.body;
        EXPECT_EQ(ErrorFields(refused), std::vector<std::string>{"photos"});
    }
}

// Search results show the first photo stored here as a thumbnail; a photo elsewhere never (the
// pages' content security policy would block it, and it would tell another site who searched).
TEST_F(MediaTest, SearchResultsCarryTheFirstPhotoStoredHere) {
    HttpResponse up = Upload(As("unit_a"), PngBytes('e'));
    ASSERT_EQ(up.status, 201) << up.body;
    std::string url = Str(up.Json(), "url");
    json::array photos{json::value("https://images.example.cn/tem.jpg"), json::value(url)};
    std::string with_photo =
        CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments",
                       With(InstrumentBody("透射电子显微镜"), {{"model", "THUMB-1"}, {"photos", photos}}));
    json::array elsewhere{json::value("https://images.example.cn/tem2.jpg")};
    std::string without =
        CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments",
                       With(InstrumentBody("透射电子显微镜"), {{"model", "THUMB-2"}, {"photos", elsewhere}}));

    std::map<std::string, json::object> found;
    HttpResponse r;
    WaitUntil(
        [&] {
            r = Visitor().Get("/api/v1/search?q=THUMB&type=instrument");
            if (r.status != 200) return true;
            found.clear();
            json::value answer = r.Json();
            for (const json::value& item : answer.at("items").as_array()) {
                found.emplace(Str(item, "id"), item.as_object());
            }
            return found.size() >= 2;
        },
        std::chrono::seconds(5), std::chrono::milliseconds(50));
    ASSERT_EQ(r.status, 200) << r.body;
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(Str(found.at(with_photo), "photo"), url);
    EXPECT_FALSE(found.at(without).contains("photo")) << json::serialize(found.at(without));
}

// Near the end of the suite: it removes every unreferenced upload of the suite's database.
TEST_F(MediaTest, CollectRemovesOnlyPhotosThatNothingRefersTo) {
    auto upload = [&](char fill) {
        HttpResponse up = Upload(As("unit_a"), PngBytes(fill));
        EXPECT_EQ(up.status, 201) << up.body;
        return Str(up.Json(), "url");
    };
    std::string in_use = upload('f'), orphan = upload('g'), in_history = upload('h');
    auto photos_of = [](const std::string& url) { return json::array{json::value(url)}; };
    CreateResource(As("unit_a"), "instruments",
                   With(InstrumentBody("在用照片的仪器"), {{"photos", photos_of(in_use)}}));
    std::string changed = CreateResource(As("unit_a"), "instruments",
                                         With(InstrumentBody("换过照片的仪器"), {{"photos", photos_of(in_history)}}));
    ASSERT_EQ(As("unit_a").Send("PATCH", "/api/v1/instruments/" + changed, Body({{"photos", json::array{}}})).status,
              200);

    std::string name = orphan.substr(orphan.rfind('/') + 1);
    std::vector<std::string> base = {"media", "collect", "--db", Db(), "--media", MediaDirOf(Db())};
    auto collect = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = base;
        args.insert(args.end(), extra.begin(), extra.end());
        return RunKeyuan(args);
    };
    // Within the grace period nothing goes; a dry run only lists.
    CommandResult young = collect({"--grace-hours", "1"});
    ASSERT_EQ(young.exit_code, 0) << young.err;
    EXPECT_EQ(young.out.find(name), std::string::npos) << young.out;
    CommandResult dry = collect({"--grace-hours", "0", "--dry-run"});
    ASSERT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_NE(dry.out.find("would remove " + name), std::string::npos) << dry.out;
    EXPECT_EQ(Visitor().Get(orphan).status, 200);

    CommandResult done = collect({"--grace-hours", "0"});
    ASSERT_EQ(done.exit_code, 0) << done.err;
    EXPECT_NE(done.out.find("removed " + name), std::string::npos) << done.out;
    EXPECT_TRUE(IsError(Visitor().Get(orphan), 404, "not_found"));
    EXPECT_EQ(Visitor().Get(in_use).status, 200);
    EXPECT_EQ(Visitor().Get(in_history).status, 200);  // an earlier version still shows it
    json::array events = AuditEvents(As("auditor"), "event_type=media.collected");
    ASSERT_FALSE(events.empty());
    EXPECT_NE(json::serialize(events.back()).find(name), std::string::npos);

    // Bad input: nothing removed, a clear message.
    for (const char* hours : {"-1", "1x", "", "99999"}) {
        CommandResult bad = collect({"--grace-hours", hours});
        EXPECT_EQ(bad.exit_code, 2) << hours;
        EXPECT_NE(bad.err.find("--grace-hours"), std::string::npos) << hours << ": " << bad.err;
    }
}

// A column that a module declares (here a table only this test has) keeps the photos it
// names; the collector knows no table of its own but object_versions.
TEST_F(MediaTest, CollectKeepsPhotosThatADeclaredColumnRefersTo) {
    auto upload = [&](char fill) {
        HttpResponse up = Upload(As("unit_a"), PngBytes(fill));
        EXPECT_EQ(up.status, 201) << up.body;
        return Str(up.Json(), "url");
    };
    std::string kept = upload('k'), orphan = upload('o');
    auto db = store::Open(Db());
    db->Write([&](store::Session& s) {
        s.Execute("CREATE TABLE test_posters (id INTEGER PRIMARY KEY, picture TEXT)");
        s.Execute("INSERT INTO test_posters (id, picture) VALUES (1, $1)", {"{\"poster\": \"" + kept + "\"}"});
    });
    std::vector<modules::MediaReference> declared = {{"test_posters", "picture"}};
    media::CollectReport report =
        media::CollectUnreferenced(*db, declared, MediaDirOf(Db()), std::chrono::seconds(0), false);
    auto removed = [&](const std::string& url) {
        std::string name = url.substr(url.rfind('/') + 1);
        return std::find(report.removed.begin(), report.removed.end(), name) != report.removed.end();
    };
    EXPECT_FALSE(removed(kept));
    EXPECT_TRUE(removed(orphan));
    EXPECT_EQ(Visitor().Get(kept).status, 200);
    EXPECT_TRUE(IsError(Visitor().Get(orphan), 404, "not_found"));
    // Without the declaration the same photo is nobody's.
    media::CollectReport undeclared =
        media::CollectUnreferenced(*db, {}, MediaDirOf(Db()), std::chrono::seconds(0), true);
    std::string name = kept.substr(kept.rfind('/') + 1);
    EXPECT_NE(std::find(undeclared.removed.begin(), undeclared.removed.end(), name), undeclared.removed.end());
    db->Write([](store::Session& s) { s.Execute("DROP TABLE test_posters"); });
}

}  // namespace
}  // namespace keyuan::testing
