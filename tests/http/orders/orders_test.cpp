// Service orders against the real binary, on each engine: a client orders a registered service,
// the unit quotes, the client confirms, the unit serves, attaches its report and records the
// delivery, the client rates; every side sees only its own orders, and bad input changes nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/catalog_fixture.hpp"
#include "support/race.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

using Headers = std::vector<std::pair<std::string, std::string>>;

class OrdersTest : public CatalogSuite<OrdersTest> {
protected:
    static void SetUpTestSuite() {
        CatalogSuite<OrdersTest>::SetUpTestSuite();
        service_ = CreateApproved(As("unit_a"), As("reviewer_edu"), "services", ServiceBody("材料成分检测", 50000));
    }

    static HttpResponse Order(Session& as, const std::string& requirements = "检测三份合金样品的成分") {
        return as.Post("/api/v1/orders", Body({{"service_id", service_},
                                               {"requirements", requirements},
                                               {"samples", 3},
                                               {"sample_description", "铝合金，每份约 5 克"}}));
    }

    /// An order by the company, quoted and confirmed, now in service; "" on failure.
    static std::string InService() {
        HttpResponse created = Order(As("company"));
        EXPECT_EQ(created.status, 201) << created.body;
        std::string id = Str(created.Json(), "id");
        HttpResponse quoted =
            As("unit_a").Post("/api/v1/orders/" + id + "/quotation", Body({{"quote_fen", 120000}, {"quote_days", 5}}));
        EXPECT_EQ(quoted.status, 200) << quoted.body;
        EXPECT_EQ(Act(As("company"), "orders", id, "confirm").status, 200);
        EXPECT_EQ(Act(As("unit_a"), "orders", id, "start").status, 200);
        return id;
    }

    static HttpResponse Upload(Session& as, const std::string& id, const std::string& name, const std::string& bytes) {
        return as.Send("POST", "/api/v1/orders/" + id + "/attachments?name=" + name, bytes,
                       {{"Content-Type", "application/octet-stream"}});
    }

    /// A small PDF whose bytes run through every value, NUL included (the database keeps bytes).
    static std::string Pdf() {
        std::string bytes = "%PDF-1.7\n";
        for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
        return bytes + "\n%%EOF\n";
    }

    static inline std::string service_;
};

TEST_F(OrdersTest, ACompanyOrdersTheLabQuotesServesDeliversAndTheCompanyRates) {
    HttpResponse empty = As("company").Post("/api/v1/orders", "{}");
    EXPECT_TRUE(IsError(empty, 422, "validation_failed")) << empty.body;
    EXPECT_EQ(ErrorFields(empty), (std::vector<std::string>{"service_id", "requirements"}));
    EXPECT_TRUE(IsError(As("company").Post("/api/v1/orders", Body({{"service_id", "99999"}, {"requirements", "x"}})),
                        422, "validation_failed"));
    EXPECT_TRUE(IsError(Visitor().Post("/api/v1/orders", Body({{"service_id", service_}, {"requirements", "x"}})), 401,
                        "unauthenticated"));

    HttpResponse created = Order(As("company"));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = Str(created.Json(), "id");
    std::string at = "/api/v1/orders/" + id;
    EXPECT_EQ(Str(created.Json(), "status"), "requested");
    EXPECT_EQ(Str(created.Json(), "org_name"), "北京示范大学");
    EXPECT_EQ(Str(created.Json(), "client_org_id"), world_.org_b);
    EXPECT_TRUE(IsError(As("unit_b").Get(at), 404, "not_found"));  // another provider sees nothing
    EXPECT_EQ(As("unit_a").Get(at).status, 200);

    // The quote goes through its own route, with a price and the days.
    EXPECT_TRUE(IsError(Act(As("unit_a"), "orders", id, "quote"), 409, "conflict"));
    HttpResponse bad = As("unit_a").Post(at + "/quotation", Body({{"quote_fen", -1}, {"quote_days", 0}}));
    EXPECT_TRUE(IsError(bad, 422, "validation_failed")) << bad.body;
    EXPECT_EQ(ErrorFields(bad), (std::vector<std::string>{"quote_fen", "quote_days"}));
    EXPECT_TRUE(
        IsError(As("company").Post(at + "/quotation", Body({{"quote_fen", 1}, {"quote_days", 1}})), 403, "forbidden"));
    EXPECT_TRUE(
        IsError(As("unit_b").Post(at + "/quotation", Body({{"quote_fen", 1}, {"quote_days", 1}})), 404, "not_found"));
    HttpResponse quoted =
        As("unit_a").Post(at + "/quotation", Body({{"quote_fen", 120000}, {"quote_days", 5}, {"note", "含报告"}}));
    ASSERT_EQ(quoted.status, 200) << quoted.body;
    EXPECT_EQ(Str(quoted.Json(), "status"), "quoted");
    EXPECT_EQ(quoted.Json().at("quote_fen").as_int64(), 120000);
    EXPECT_TRUE(IsError(As("unit_a").Post(at + "/quotation", Body({{"quote_fen", 1}, {"quote_days", 1}})), 409,
                        "conflict"));  // quoted once

    EXPECT_TRUE(IsError(Act(As("unit_a"), "orders", id, "confirm"), 404, "not_found"));  // the client confirms
    ASSERT_EQ(Act(As("company"), "orders", id, "confirm").status, 200);
    ASSERT_EQ(Act(As("unit_a"), "orders", id, "start").status, 200);

    // The lab's report travels with the order and comes back byte for byte, as a download.
    HttpResponse report = Upload(As("unit_a"), id, "%E6%A3%80%E6%B5%8B%E6%8A%A5%E5%91%8A.pdf", Pdf());
    ASSERT_EQ(report.status, 201) << report.body;
    EXPECT_EQ(Str(report.Json(), "file_name"), "检测报告.pdf");
    EXPECT_EQ(Str(report.Json(), "content_type"), "application/pdf");
    HttpResponse file = As("company").Get(at + "/attachments/" + Str(report.Json(), "id"));
    ASSERT_EQ(file.status, 200);
    EXPECT_EQ(file.body, Pdf());
    EXPECT_EQ(file.Header("content-type"), "application/pdf");
    EXPECT_EQ(file.Header("x-content-type-options"), "nosniff");
    EXPECT_NE(file.Header("content-disposition").find("filename*=UTF-8''%E6%A3%80"), std::string::npos);
    EXPECT_TRUE(IsError(As("unit_b").Get(at + "/attachments/" + Str(report.Json(), "id")), 404, "not_found"));

    std::string delivery = at + "/delivery";
    json::object delivered{{"samples", 3}, {"fee_fen", 120000}, {"service_mode", "commissioned"}};
    EXPECT_TRUE(IsError(As("company").Post(delivery, Body(delivered)), 403, "forbidden"));
    HttpResponse wrong = As("unit_a").Post(delivery, Body({{"fee_fen", -5}, {"service_mode", "mail"}}));
    EXPECT_TRUE(IsError(wrong, 422, "validation_failed")) << wrong.body;
    EXPECT_EQ(Str(As("company").Get(at).Json(), "status"), "in_service");  // nothing half-written
    HttpResponse done = As("unit_a").Post(delivery, Body(delivered));
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_EQ(Str(done.Json(), "status"), "completed");
    EXPECT_EQ(Str(done.Json().at("delivery"), "resource_kind"), "service");
    EXPECT_EQ(done.Json().at("attachments").as_array().size(), 1u);

    std::string rate = at + "/rating";
    EXPECT_TRUE(IsError(As("unit_a").Post(rate, Body({{"score", 5}})), 404, "not_found"));  // not its client
    ASSERT_EQ(As("company").Post(rate, Body({{"score", 5}, {"comment", "报告详实"}})).status, 201);
    EXPECT_TRUE(IsError(As("company").Post(rate, Body({{"score", 1}})), 409, "conflict"));  // once
    HttpResponse pub = Visitor().Get("/api/v1/ratings?resource_kind=service&resource_id=" + service_);
    ASSERT_EQ(pub.status, 200) << pub.body;
    EXPECT_GE(pub.Json().at("count").as_int64(), 1);

    // Each side's list: the client's own, the provider's queue; a stranger's queue is empty.
    HttpResponse mine = As("company").Get("/api/v1/orders?status=completed");
    ASSERT_EQ(mine.status, 200) << mine.body;
    EXPECT_TRUE(HasId(ListIds(mine), id));
    EXPECT_TRUE(HasId(ListIds(As("unit_a").Get("/api/v1/orders?view=provider")), id));
    EXPECT_FALSE(HasId(ListIds(As("unit_b").Get("/api/v1/orders?view=provider")), id));
    EXPECT_TRUE(IsError(As("company").Get("/api/v1/orders?view=provider"), 403, "forbidden"));
    EXPECT_TRUE(IsError(As("company").Get("/api/v1/orders?status=lost"), 422, "validation_failed"));
}

TEST_F(OrdersTest, RejectionNeedsAReasonAndCancellationEndsTheOrderForBothSides) {
    std::string id = Str(Order(As("company")).Json(), "id");
    EXPECT_TRUE(IsError(Act(As("unit_a"), "orders", id, "reject"), 422, "validation_failed"));
    HttpResponse rejected = Act(As("unit_a"), "orders", id, "reject", Body({{"reason", "样品不在检测范围内"}}));
    ASSERT_EQ(rejected.status, 200) << rejected.body;
    EXPECT_EQ(Str(As("company").Get("/api/v1/orders/" + id).Json(), "reason"), "样品不在检测范围内");
    HttpResponse told = As("company").Get("/api/v1/notifications?unread=true");
    ASSERT_EQ(told.status, 200);
    EXPECT_NE(told.body.find("order_rejected"), std::string::npos) << told.body;
    EXPECT_TRUE(IsError(Upload(As("company"), id, "a.pdf", Pdf()), 409, "conflict"));  // closed

    std::string second = Str(Order(As("company")).Json(), "id");
    ASSERT_EQ(Act(As("company"), "orders", second, "cancel").status, 200);
    EXPECT_TRUE(IsError(Act(As("company"), "orders", second, "confirm"), 409, "conflict"));

    std::string served = InService();
    EXPECT_TRUE(IsError(Act(As("company"), "orders", served, "cancel"), 409, "conflict"));  // too late for the client
    EXPECT_EQ(Act(As("unit_a"), "orders", served, "provider_cancel", Body({{"reason", "仪器故障"}})).status, 200);
}

TEST_F(OrdersTest, AttachmentsAreCheckedByContentNameSizeAndCount) {
    std::string id = InService();
    EXPECT_TRUE(IsError(Upload(As("company"), id, "notes.pdf", "just text, not a PDF"), 415, "unsupported_media_type"));
    EXPECT_TRUE(IsError(Upload(As("company"), id, "", Pdf()), 422, "validation_failed"));
    EXPECT_TRUE(IsError(Upload(As("unit_b"), id, "a.pdf", Pdf()), 404, "not_found"));
    HttpResponse nested = Upload(As("company"), id, "..%2F..%2Fetc%2Fpasswd.pdf", Pdf());
    ASSERT_EQ(nested.status, 201) << nested.body;
    EXPECT_EQ(Str(nested.Json(), "file_name"), "passwd.pdf");  // folders are dropped
    // Larger than any JSON route takes, within the file limit; past it, 413 before the body is read.
    std::string big = Pdf() + std::string(3 * 1024 * 1024, 'x');
    EXPECT_EQ(Upload(As("company"), id, "big.pdf", big).status, 201);
    auto announced = [](const std::string& target, std::size_t length) {
        std::string head =
            "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(length) + "\r\n\r\n";
        return RawStatus(RawExchange(Port(), head, std::chrono::seconds(3)));
    };
    EXPECT_EQ(announced("/api/v1/orders/" + id + "/attachments?name=a.pdf", 10 * 1024 * 1024 + 1), 413);
    EXPECT_EQ(announced("/api/v1/orders", 2 * 1024 * 1024), 413);  // other routes keep the small limit
    // Seven more make ten; of five racing for more, none gets in; a fresh order's last place goes to one.
    for (int i = 0; i < 8; ++i) ASSERT_EQ(Upload(As("company"), id, "r.pdf", Pdf()).status, 201);
    EXPECT_TRUE(IsError(Upload(As("company"), id, "r.pdf", Pdf()), 409, "conflict"));
    std::string other = InService();
    for (int i = 0; i < 9; ++i) ASSERT_EQ(Upload(As("unit_a"), other, "r.pdf", Pdf()).status, 201);
    std::vector<RaceRequest> racing;
    for (int i = 0; i < 6; ++i) {
        racing.push_back({&As("unit_a"),
                          "POST",
                          "/api/v1/orders/" + other + "/attachments?name=r.pdf",
                          Pdf(),
                          {{"Content-Type", "application/pdf"}}});
    }
    std::map<int, int> count = Count(Race(Port(), racing));
    EXPECT_EQ(count[201], 1);
    EXPECT_EQ(count[409], 5);
    EXPECT_EQ(As("unit_a").Get("/api/v1/orders/" + other).Json().at("attachments").as_array().size(), 10u);
}

TEST_F(OrdersTest, OfManyConcurrentConfirmationsExactlyOneWins) {
    HttpResponse created = Order(As("company"));
    std::string id = Str(created.Json(), "id");
    ASSERT_EQ(
        As("unit_a").Post("/api/v1/orders/" + id + "/quotation", Body({{"quote_fen", 1000}, {"quote_days", 2}})).status,
        200);
    std::vector<RaceRequest> racing(20,
                                    RaceRequest{&As("company"), "POST", "/api/v1/orders/" + id + "/confirm", "{}", {}});
    std::map<int, int> count = Count(Race(Port(), racing));
    EXPECT_EQ(count[200], 1);
    EXPECT_EQ(count[409], 19);
    HttpResponse steps = As("company").Get("/api/v1/orders/" + id + "/steps");
    ASSERT_EQ(steps.status, 200) << steps.body;
    EXPECT_EQ(steps.Json().at("items").as_array().size(), 2u) << steps.body;  // quote, confirm: once each
}

TEST_F(OrdersTest, ARetriedOrderWithItsIdempotencyKeyIsCreatedOnce) {
    Headers key = {{"Idempotency-Key", "order-retry-1"}};
    std::string body = Body({{"service_id", service_}, {"requirements", "重复提交测试"}});
    HttpResponse first = As("company").Send("POST", "/api/v1/orders", body, key);
    ASSERT_EQ(first.status, 201) << first.body;
    HttpResponse retry = As("company").Send("POST", "/api/v1/orders", body, key);
    EXPECT_EQ(retry.status, 201);
    EXPECT_EQ(Str(retry.Json(), "id"), Str(first.Json(), "id"));
    json::value list = As("company").Get("/api/v1/orders?page_size=100").Json();
    int same = 0;
    for (const json::value& item : list.at("items").as_array()) same += Str(item, "requirements") == "重复提交测试";
    EXPECT_EQ(same, 1);
}

}  // namespace
}  // namespace keyuan::testing
