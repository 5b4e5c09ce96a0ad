#include "http/authz/matrix_objects.hpp"

#include <boost/json.hpp>

namespace keyuan::testing {

std::string CreatedId(const HttpResponse& r, int status) {
    EXPECT_EQ(r.status, status) << r.body;
    return r.status == status ? Str(r.Json(), "id") : "";
}
namespace json = boost::json;

/// A booking of an org_a instrument by the enterprise account (inside), and one of an org_b
/// instrument by org_b's enterprise user (outside).
void MakeBookingObjects(const TradeActors& a, MatrixObjects& objects) {
    Session& op = a.op;
    auto bookable = [&](const std::string& org) {
        json::object body = InstrumentBody("矩阵用可预约仪器");
        body["org_id"] = org;
        std::string id = CreateApproved(op, op, "instruments", body);
        HttpResponse rules = op.Send("PUT", "/api/v1/instruments/" + id + "/booking-rules",
                                     Body({{"weekdays", "1234567"}, {"working_days_only", false}}));
        EXPECT_EQ(rules.status, 200) << rules.body;
        return id;
    };
    auto book = [](Session& as, const std::string& instrument) {
        std::string day = ShanghaiDate(3);
        HttpResponse r = as.Post("/api/v1/bookings", Body({{"instrument_id", instrument},
                                                           {"starts_at", day + "T09:30:00+08:00"},
                                                           {"ends_at", day + "T10:30:00+08:00"}}));
        EXPECT_EQ(r.status, 201) << r.body;
        return Str(r.Json(), "id");
    };
    std::string inside = bookable(a.org_a), outside = bookable(a.org_b);
    objects["/api/v1/bookings"] = {book(a.enterprise, inside), book(a.company, outside)};
    // A rating of each: a second booking, moved into the past, delivered and rated.
    auto rating = [&](Session& client, Session& provider, const std::string& instrument) {
        std::string day = ShanghaiDate(4);
        HttpResponse booked = client.Post("/api/v1/bookings", Body({{"instrument_id", instrument},
                                                                    {"starts_at", day + "T09:30:00+08:00"},
                                                                    {"ends_at", day + "T10:30:00+08:00"}}));
        std::string id = Str(booked.Json(), "id");
        EXPECT_EQ(Act(provider, "bookings", id, "approve").status, 200);
        RunSql(a.db,
               "UPDATE bookings SET start_minute = start_minute - 20160, end_minute = end_minute - 20160 "
               "WHERE id = " +
                   id);
        HttpResponse delivered =
            provider.Post("/api/v1/bookings/" + id + "/delivery",
                          Body({{"minutes_used", 60}, {"fee_fen", 100}, {"service_mode", "occupancy"}}));
        EXPECT_EQ(delivered.status, 200) << delivered.body;
        HttpResponse rated = client.Post("/api/v1/bookings/" + id + "/rating", Body({{"score", 5}}));
        EXPECT_EQ(rated.status, 201) << rated.body;
        return Str(rated.Json(), "id");
    };
    objects["/api/v1/ratings"] = {rating(a.enterprise, a.unit_a, inside), rating(a.company, a.unit_b, outside)};
    // A message in the enterprise account's inbox (its booking was approved): nobody else's.
    HttpResponse inbox = a.enterprise.Get("/api/v1/notifications");
    std::string message = Str(inbox.Json().at("items").at(0), "id");
    objects["/api/v1/notifications"] = {message, message};
    // The feed of an account the matrix does not play (its own POST would reset the token).
    std::string feed = Str(a.company.Post("/api/v1/me/calendar-feed", "{}").Json(), "url");
    std::string token = feed.substr(feed.rfind('/') + 1);
    objects["/api/v1/calendar-feeds"] = {token, token};
}

void MakeOrderObjects(const TradeActors& a, MatrixObjects& objects) {
    auto order = [&](Session& client, const std::string& org) {
        json::object body = ServiceBody("矩阵用可订购服务", 10000);
        body["org_id"] = org;
        std::string service = CreateApproved(a.op, a.op, "services", body);
        HttpResponse r = client.Post("/api/v1/orders", Body({{"service_id", service}, {"requirements", "矩阵"}}));
        EXPECT_EQ(r.status, 201) << r.body;
        return Str(r.Json(), "id");
    };
    auto attach = [](Session& client, const std::string& id) {
        HttpResponse r = client.Send("POST", "/api/v1/orders/" + id + "/attachments?name=m.pdf", "%PDF-1.7 matrix",
                                     {{"Content-Type", "application/pdf"}});
        EXPECT_EQ(r.status, 201) << r.body;
        return Str(r.Json(), "id");
    };
    std::string inside = order(a.enterprise, a.org_a), outside = order(a.company, a.org_b);
    objects["/api/v1/orders"] = {inside, outside};
    objects["{attachment_id}"] = {attach(a.enterprise, inside), attach(a.company, outside)};
}

}  // namespace keyuan::testing
