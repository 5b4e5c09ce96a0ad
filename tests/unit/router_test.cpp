#include "http/router.hpp"

#include <gtest/gtest.h>

namespace keyuan::http {
namespace {

Handler Named(std::string name) {
    return [name](Request&) {
        Response r;
        r.body = name;
        return r;
    };
}

std::string Call(const RouteMatch& m) {
    Request req;
    return (*m.handler)(req).body;
}

TEST(Router, MatchesLiteralsAndParameters) {
    Router router;
    router.Get("/api/v1/instruments", Named("list"));
    router.Get("/api/v1/instruments/{id}", Named("one"));
    router.Post("/api/v1/instruments/{id}/submit", Named("submit"));
    RouteMatch m = router.Match(Method::kGet, "/api/v1/instruments/42");
    ASSERT_EQ(m.kind, RouteMatch::Kind::kFound);
    EXPECT_EQ(Call(m), "one");
    ASSERT_EQ(m.params.size(), 1u);
    EXPECT_EQ(m.params[0].first, "id");
    EXPECT_EQ(m.params[0].second, "42");
    EXPECT_EQ(Call(router.Match(Method::kGet, "/api/v1/instruments")), "list");
    EXPECT_EQ(Call(router.Match(Method::kPost, "/api/v1/instruments/7/submit")), "submit");
}

TEST(Router, PrefersLiteralSegmentsOverParameters) {
    Router router;
    router.Get("/api/v1/labs/{id}", Named("one"));
    router.Get("/api/v1/labs/export", Named("export"));
    EXPECT_EQ(Call(router.Match(Method::kGet, "/api/v1/labs/export")), "export");
    EXPECT_EQ(Call(router.Match(Method::kGet, "/api/v1/labs/9")), "one");
}

TEST(Router, ReportsMethodNotAllowedWithAllowList) {
    Router router;
    router.Get("/api/v1/users/{id}", Named("get"));
    router.Patch("/api/v1/users/{id}", Named("patch"));
    RouteMatch m = router.Match(Method::kDelete, "/api/v1/users/1");
    EXPECT_EQ(m.kind, RouteMatch::Kind::kMethodNotAllowed);
    EXPECT_EQ(m.allow, "GET, PATCH");
    EXPECT_EQ(router.Match(Method::kGet, "/api/v1/nothing").kind, RouteMatch::Kind::kNotFound);
}

TEST(Router, HeadFallsBackToGet) {
    Router router;
    router.Get("/x", Named("get"));
    EXPECT_EQ(router.Match(Method::kHead, "/x").kind, RouteMatch::Kind::kFound);
}

TEST(Router, IgnoresTrailingAndDoubleSlashes) {
    Router router;
    router.Get("/api/v1/health", Named("h"));
    EXPECT_EQ(router.Match(Method::kGet, "/api/v1/health/").kind, RouteMatch::Kind::kFound);
    EXPECT_EQ(router.Match(Method::kGet, "//api//v1/health").kind, RouteMatch::Kind::kFound);
}

TEST(Router, RejectsDuplicateAndMalformedPatterns) {
    Router router;
    router.Get("/a/{id}", Named("1"));
    EXPECT_THROW(router.Get("/a/{id}", Named("2")), std::logic_error);
    EXPECT_THROW(router.Get("a/b", Named("3")), std::logic_error);
    EXPECT_NO_THROW(router.Post("/a/{id}", Named("4")));
}

TEST(PercentDecode, DecodesAndRejectsBadEscapes) {
    EXPECT_EQ(PercentDecode("%E8%B4%A8%E8%B0%B1", false).value(), "质谱");
    EXPECT_EQ(PercentDecode("a+b", true).value(), "a b");
    EXPECT_EQ(PercentDecode("a+b", false).value(), "a+b");
    EXPECT_FALSE(PercentDecode("%zz", false).has_value());
    EXPECT_FALSE(PercentDecode("%4", false).has_value());
    EXPECT_FALSE(PercentDecode("%", false).has_value());
}

TEST(Request, QueryParametersAreDecoded) {
    Request req;
    req.query_string = "q=%E8%B4%A8%E8%B0%B1&page=2&&empty=&q=second";
    EXPECT_EQ(req.Query("q").value(), "质谱");
    EXPECT_EQ(req.Query("page").value(), "2");
    EXPECT_EQ(req.Query("empty").value(), "");
    EXPECT_FALSE(req.Query("missing").has_value());
    EXPECT_EQ(req.QueryParams().size(), 4u);
}

TEST(RouterTest, OnlyRoutesThatTakeFilesRaiseTheBodyLimit) {
    Router router;
    EXPECT_EQ(router.LargestBodyLimit(), 0u);
    router.Post("/api/v1/orders", Named("order"));
    router.Post("/api/v1/orders/{id}/attachments", Named("file"), {.max_body_bytes = 10 << 20});
    EXPECT_EQ(router.LargestBodyLimit(), 10u << 20);
    EXPECT_EQ(router.BodyLimit(Method::kPost, "/api/v1/orders/7/attachments", 1024), 10u << 20);
    EXPECT_EQ(router.BodyLimit(Method::kPost, "/api/v1/orders", 1024), 1024u);
    EXPECT_EQ(router.BodyLimit(Method::kPut, "/api/v1/orders/7/attachments", 1024), 1024u);  // another method
    EXPECT_EQ(router.BodyLimit(Method::kPost, "/nowhere", 1024), 1024u);
}

}  // namespace
}  // namespace keyuan::http
