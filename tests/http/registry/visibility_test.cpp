// Field visibility of registered kinds (FieldSpec::visibility): a visitor, a signed-in user of
// another organisation, the owner and the operator each see what they should of a published
// instrument, by id and in lists, and no cached public answer carries what a visitor must not see.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/catalog/catalog_helpers.hpp"
#include "support/catalog_fixture.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

class RegistryVisibilityTest : public CatalogSuite<RegistryVisibilityTest> {
protected:
    static std::string Published() {
        static std::string id =
            CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments",
                           With(InstrumentBody("可见性测试质谱仪"), {{"contact_name", "张三"},
                                                                     {"contact_phone", "13812345678"},
                                                                     {"contact_email", "zhang.san@example.cn"},
                                                                     {"duty_free", true},
                                                                     {"customs_supervision_end", "2029-04-01"}}));
        return id;
    }

    /// The instrument as `get` answers it by id and in the list filtered to its name.
    static void ExpectSeen(const std::function<HttpResponse(const std::string&)>& get, const std::string& phone,
                           const std::string& email, bool customs, const std::string& who) {
        std::string id = Published();
        HttpResponse one = get(std::string(kInstruments) + "/" + id);
        ASSERT_EQ(one.status, 200) << who << ": " << one.body;
        HttpResponse list = get(std::string(kInstruments) + "?class_code=0102&page_size=100");
        ASSERT_EQ(list.status, 200) << who << ": " << list.body;
        json::value listed, page = list.Json();
        for (const json::value& item : page.at("items").as_array()) {
            if (Str(item, "id") == id) listed = item;
        }
        ASSERT_TRUE(listed.is_object()) << who << ": not listed";
        for (const json::value& shown : {one.Json(), listed}) {
            EXPECT_EQ(Str(shown, "contact_name"), "张三") << who;
            EXPECT_EQ(Str(shown, "contact_phone"), phone) << who;
            EXPECT_EQ(Str(shown, "contact_email"), email) << who;
            if (customs) {
                EXPECT_EQ(Str(shown, "customs_supervision_end"), "2029-04-01") << who;
            } else {
                EXPECT_TRUE(shown.at("customs_supervision_end").is_null()) << who;
            }
        }
    }
};

TEST_F(RegistryVisibilityTest, EachReaderSeesTheirLevel) {
    auto visitor = [](const std::string& path) { return Visitor().Get(path); };
    auto as = [](const char* user) { return [user](const std::string& path) { return As(user).Get(path); }; };
    // The owner and the operator first: what they see must not reach the visitor's cached answers.
    ExpectSeen(as("unit_a"), "13812345678", "zhang.san@example.cn", true, "owner");
    ExpectSeen(as("operator"), "13812345678", "zhang.san@example.cn", true, "operator");
    ExpectSeen(as("company"), "13812345678", "zhang.san@example.cn", false, "signed-in, other organisation");
    ExpectSeen(as("unit_b"), "13812345678", "zhang.san@example.cn", false, "unit admin of another organisation");
    // Twice: the second answer comes from the public cache.
    ExpectSeen(visitor, "138****5678", "z***@example.cn", false, "visitor");
    ExpectSeen(visitor, "138****5678", "z***@example.cn", false, "visitor, cached");
    ExpectSeen(as("company"), "13812345678", "zhang.san@example.cn", false, "signed-in, cached");
}

TEST_F(RegistryVisibilityTest, TheKindDescribesVisibilityAndMasking) {
    HttpResponse r = Visitor().Get("/api/v1/kinds/instrument");
    ASSERT_EQ(r.status, 200) << r.body;
    std::map<std::string, std::pair<std::string, std::string>> seen;
    json::value kind = r.Json();
    for (const json::value& f : kind.at("fields").as_array()) {
        seen[Str(f, "name")] = {Str(f, "visibility"), Str(f, "mask")};
    }
    EXPECT_EQ(seen["name"], (std::pair<std::string, std::string>{"public", "none"}));
    EXPECT_EQ(seen["contact_phone"], (std::pair<std::string, std::string>{"signed_in", "phone"}));
    EXPECT_EQ(seen["contact_email"], (std::pair<std::string, std::string>{"signed_in", "email"}));
    EXPECT_EQ(seen["customs_supervision_end"], (std::pair<std::string, std::string>{"owner", "none"}));
}

}  // namespace
}  // namespace keyuan::testing
