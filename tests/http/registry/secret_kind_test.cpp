// A test-only kind with a confidentiality flag (ResourceSpec::is_public): an approved but
// secret note is neither in the public list, nor readable by id, nor a search document, while
// its owner and the operator still read it. Nothing outside this folder knows the kind.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "jobs/scheduler.hpp"
#include "modules/module_context.hpp"
#include "registry/routes.hpp"
#include "registry/search_source.hpp"
#include "support/toy_kind.hpp"

namespace keyuan::registry {
namespace {
namespace json = boost::json;

ResourceSpec NoteSpec() {
    ResourceSpec spec{.kind = "toy_note", .collection = "toy-notes", .table = "toy_notes"};
    spec.fields = {{.name = "name", .required = true, .max_chars = 100},
                   {.name = "secret", .type = FieldType::kBool, .filter = true}};
    spec.is_public = "t.secret = 0";
    // List membership through the generic link: partner organisations, each with its role.
    spec.links = {LinkSpec{.name = "partner_ids",
                           .table = "toy_note_partners",
                           .owner_column = "note_id",
                           .target_column = "org_id",
                           .target_table = "organizations",
                           .target_key = "id",
                           .target_is_id = true,
                           .extra_columns = {"role"},
                           .detail_name = "partners",
                           .max_target_chars = 20}};
    spec.search = SearchSpec{.title = {"name"}, .display = {"name"}};
    return spec;
}

class SecretKindTest : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = testing::ToyDatabase("toy_notes",
                                   "org_id BIGINT NOT NULL, name TEXT NOT NULL, secret INTEGER NOT NULL DEFAULT 0, "
                                   "status TEXT NOT NULL DEFAULT 'draft', review_reason TEXT NOT NULL DEFAULT '', "
                                   "version INTEGER NOT NULL DEFAULT 1, created_by BIGINT, "
                                   "created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT ''");
        if (!db_) GTEST_SKIP() << "PostgreSQL not configured";
        db_->Write([&](store::Session& s) {
            s.ExecScript("CREATE TABLE toy_note_partners (note_id BIGINT NOT NULL, org_id BIGINT NOT NULL, role TEXT)");
            org_ = s.InsertReturningId(
                "INSERT INTO organizations (name, credit_code, kind, created_at, updated_at) "
                "VALUES ('示例单位', '91110108MA00000000', 'enterprise', '', '') RETURNING id",
                {});
            public_ = s.InsertReturningId(
                "INSERT INTO toy_notes (org_id, name, secret, status) VALUES ($1, '公开笔记', 0, 'approved') RETURNING "
                "id",
                {org_});
            secret_ = s.InsertReturningId(
                "INSERT INTO toy_notes (org_id, name, secret, status) VALUES ($1, '保密笔记', 1, 'approved') RETURNING "
                "id",
                {org_});
        });
        modules::ModuleContext context{router_,   *db_,       policy_, middleware_,   "test",
                                       settings_, scheduler_, kept_,   declarations_, services_};
        engine_ = RegisterResource(context, NoteSpec(), 1 << 20);
    }

    std::pair<int, json::value> Get(const std::string& path, const std::string& query, const Caller* caller) {
        return testing::CallRoute(router_, http::Method::kGet, path, caller, "", query);
    }

    std::vector<std::int64_t> ListedIds(const std::string& query, const Caller* caller) {
        auto [status, body] = Get("/api/v1/toy-notes", query, caller);
        EXPECT_EQ(status, 200);
        std::vector<std::int64_t> ids;
        if (status != 200) return ids;
        for (const json::value& item : body.at("items").as_array())
            ids.push_back(std::stoll(item.at("id").as_string().c_str()));
        return ids;
    }

    std::unique_ptr<store::Database> db_;
    access::Policy policy_;
    http::Router router_;
    std::vector<http::Middleware> middleware_;
    modules::Settings settings_;
    jobs::Scheduler scheduler_{clock::Current()};
    std::vector<std::shared_ptr<void>> kept_;
    modules::Declarations declarations_;
    modules::Services services_;
    std::unique_ptr<ResourceEngine> engine_;
    std::int64_t org_ = 0, public_ = 0, secret_ = 0;
};

TEST_F(SecretKindTest, ASecretApprovedObjectIsNotPublic) {
    Caller owner{.user_id = 7, .username = "owner", .org_id = org_, .roles = {Role::kUnitAdmin}};
    Caller stranger{.user_id = 8, .username = "stranger", .org_id = org_ + 1, .roles = {Role::kEnterprise}};
    Caller op{.user_id = 9, .username = "op", .roles = {Role::kOperator}};
    std::string one = "/api/v1/toy-notes/";
    for (const Caller* reader : std::initializer_list<const Caller*>{nullptr, &stranger}) {
        // Twice: the second answer may come from the cache of public answers.
        for (int round = 0; round < 2; ++round) {
            EXPECT_EQ(ListedIds("", reader), std::vector<std::int64_t>{public_});
            EXPECT_EQ(ListedIds("secret=1", reader), std::vector<std::int64_t>{});
            EXPECT_EQ(Get(one + std::to_string(public_), "", reader).first, 200);
            EXPECT_EQ(Get(one + std::to_string(secret_), "", reader).first, 404);
        }
    }
    // The review routes do not tell a signed-in stranger that the secret one exists either.
    EXPECT_EQ(Get(one + std::to_string(public_) + "/actions", "", &stranger).first, 200);
    EXPECT_EQ(Get(one + std::to_string(secret_) + "/actions", "", &stranger).first, 404);
    EXPECT_EQ(Get(one + std::to_string(secret_) + "/actions", "", &owner).first, 200);
    for (const Caller* reader : {&owner, &op}) {
        EXPECT_EQ(Get(one + std::to_string(secret_), "", reader).first, 200);
        EXPECT_EQ(ListedIds("status=all", reader), (std::vector<std::int64_t>{secret_, public_}));  // newest first
    }
    db_->Read([&](store::Session& s) {
        search::Source source = SearchSourceOf(NoteSpec());
        EXPECT_TRUE(source.load(s, public_).has_value());
        EXPECT_FALSE(source.load(s, secret_).has_value());
        std::vector<search::SearchDocument> all = source.load_after(s, 0, 10);
        ASSERT_EQ(all.size(), 1u);
        EXPECT_EQ(all[0].id, public_);
    });
}

TEST_F(SecretKindTest, LinksAreReadCheckedShownAndKept) {
    Caller owner{.user_id = 7, .username = "owner", .org_id = org_, .roles = {Role::kUnitAdmin}};
    std::string org = std::to_string(org_);
    auto [created, note] =
        testing::CallRoute(router_, http::Method::kPost, "/api/v1/toy-notes", &owner,
                           R"({"name": "合作笔记", "partners": [{"org_id": ")" + org + R"(", "role": "lead"}]})");
    ASSERT_EQ(created, 201) << json::serialize(note);
    EXPECT_EQ(json::serialize(note.at("partner_ids")), "[\"" + org + "\"]");
    EXPECT_EQ(json::serialize(note.at("partners")), R"([{"org_id":")" + org + R"(","role":"lead"}])");
    std::string path = "/api/v1/toy-notes/" + std::string(note.at("id").as_string());
    // An unknown target is refused under the key it was given as; the stored links stay.
    auto [refused, error] =
        testing::CallRoute(router_, http::Method::kPatch, path, &owner, R"({"partner_ids": ["999999"]})");
    EXPECT_EQ(refused, 422);
    auto [renamed, after] = testing::CallRoute(router_, http::Method::kPatch, path, &owner, R"({"name": "改名"})");
    ASSERT_EQ(renamed, 200) << json::serialize(after);
    EXPECT_EQ(json::serialize(after.at("partners")), R"([{"org_id":")" + org + R"(","role":"lead"}])");
    auto [emptied, none] = testing::CallRoute(router_, http::Method::kPatch, path, &owner, R"({"partner_ids": []})");
    ASSERT_EQ(emptied, 200);
    EXPECT_EQ(json::serialize(none.at("partner_ids")), "[]");
}

}  // namespace
}  // namespace keyuan::registry
