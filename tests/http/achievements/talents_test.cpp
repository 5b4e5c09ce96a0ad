// Talents against the real binary, on each engine: a published talent's phone and e-mail are
// masked in answers and lists below its unit, and a signed-in enterprise user reveals them one
// talent at a time through …/contact, each reveal an audit record without the values.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/catalog_fixture.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

class TalentsTest : public CatalogSuite<TalentsTest> {};

TEST_F(TalentsTest, AContactIsMaskedInAnswersAndRevealedToAnEnterpriseUserWithAnAuditRecord) {
    std::string id = CreateApproved(As("unit_a"), As("reviewer_edu"), "talents",
                                    json::object{{"name", "李光伏"},
                                                 {"title", "研究员"},
                                                 {"specialties", "钙钛矿薄膜沉积与叠层电池"},
                                                 {"industry_codes", json::array{"3825"}},
                                                 {"contact_phone", "13912345678"},
                                                 {"contact_email", "li.guangfu@example.edu.cn"}});
    std::string path = "/api/v1/talents/" + id;
    for (HttpResponse r : {Visitor().Get(path), As("company").Get(path), As("unit_b").Get(path)}) {
        ASSERT_EQ(r.status, 200) << r.body;
        EXPECT_NE(Str(r.Json(), "contact_phone"), "13912345678") << r.body;
        EXPECT_EQ(r.body.find("li.guangfu@example.edu.cn"), std::string::npos) << r.body;
    }
    EXPECT_EQ(Visitor().Get("/api/v1/talents?q=" + UrlEncode("李光伏")).body.find("13912345678"), std::string::npos);
    EXPECT_EQ(Str(As("unit_a").Get(path).Json(), "contact_phone"), "13912345678");

    auto reveals = [&] {
        return RunSql(Db(),
                      "SELECT COUNT(*) FROM audit_events WHERE event_type = 'talent.contact_revealed' AND "
                      "object_id = '" +
                          id + "'")
            .out;
    };
    std::string before = reveals();
    HttpResponse revealed = As("company").Get(path + "/contact");
    ASSERT_EQ(revealed.status, 200) << revealed.body;
    EXPECT_EQ(Str(revealed.Json(), "contact_phone"), "13912345678");
    EXPECT_EQ(Str(revealed.Json(), "contact_email"), "li.guangfu@example.edu.cn");
    EXPECT_EQ(std::stoi(reveals()), std::stoi(before) + 1);
    EXPECT_EQ(RunSql(Db(),
                     "SELECT COUNT(*) FROM audit_events WHERE event_type = 'talent.contact_revealed' AND "
                     "(COALESCE(after_json, '') LIKE '%13912345678%' OR detail LIKE '%13912345678%')")
                  .out,
              "0\n")
        << "the values are never in the reveal's record";

    EXPECT_TRUE(IsError(Visitor().Get(path + "/contact"), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(As("auditor").Get(path + "/contact"), 403, "forbidden"));
    EXPECT_TRUE(IsError(As("company").Get("/api/v1/talents/999999/contact"), 404, "not_found"));
    // A draft is nobody's to reveal outside its unit.
    std::string draft = CreateResource(As("unit_a"), "talents", json::object{{"name", "王草稿"}});
    EXPECT_TRUE(IsError(As("company").Get("/api/v1/talents/" + draft + "/contact"), 404, "not_found"));
}

}  // namespace
}  // namespace keyuan::testing
