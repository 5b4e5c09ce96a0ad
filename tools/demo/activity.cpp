// A year of sharing before the catalog's day: bookings of the instruments that take online
// bookings and orders of service products, by the firms' users, most of them delivered and many
// rated, so that the calendars, the desks, the ratings and the usage statistics have something
// to show. Read back from what the generator wrote (instruments with rules, services, clients)
// and drawn from the same seeded generator, so the same seed gives the same rows.
#include "tools/demo/activity.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "core/clock.hpp"
#include "tools/demo/bulk_insert.hpp"

namespace keyuan::demo {
namespace {

constexpr int kHistoryDays = 365;
constexpr std::int64_t kShanghaiOffsetMinutes = 8 * 60;

struct Resource {
    std::int64_t id = 0;
    std::int64_t org_id = 0;
    std::int64_t internal_fen_per_hour = 0;  // services: a typical price
    std::int64_t external_fen_per_hour = 0;
    std::int64_t admin_user_id = 0;  // who records its deliveries and answers its ratings
};

struct Client {
    std::int64_t user_id = 0;
    std::int64_t org_id = 0;
    std::string district_code;
};

/// What clients write when they rate, from very poor to very satisfied (the national
/// platform's five levels).
constexpr std::array<std::array<const char*, 2>, 5> kComments = {{
    {"预约后设备故障，未能完成测试", "未按约定时间提供服务"},
    {"等待时间较长，数据交付偏慢", "操作说明不够清楚"},
    {"基本满足需求", "服务一般，价格合理"},
    {"数据质量好，工程师耐心", "响应及时，流程顺畅"},
    {"非常专业，结果超出预期，会再次预约", "老师指导细致，样品处理规范"},
}};
constexpr std::array<const char*, 6> kPurposes = {"材料表征与成分分析", "样品形貌观察", "新产品性能测试",
                                                  "工艺验证实验",       "失效分析",     "研发项目委托检测"};
constexpr std::array<const char*, 3> kReplies = {"感谢您的评价，欢迎再次预约", "已改进排期，感谢反馈",
                                                 "感谢支持，我们会继续提升服务"};

int Score(Random& rng) {
    double x = rng.Unit();  // mostly satisfied, as published ratings are
    return x < 0.02 ? 1 : x < 0.06 ? 2 : x < 0.2 ? 3 : x < 0.55 ? 4 : 5;
}

std::vector<Resource> ReadResources(store::Session& s, const std::string& sql) {
    std::vector<Resource> out;
    store::Rows rows = s.Query(sql);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out.push_back({rows[i].Int(0), rows[i].Int(1), rows[i].Int(2), rows[i].Int(3), rows[i].Int(4)});
    }
    return out;
}

class ActivityMaker {
public:
    ActivityMaker(Random& rng, Date as_of, std::vector<Client> clients, std::vector<std::string> industries)
        : rng_(rng), as_of_(as_of), clients_(std::move(clients)), industries_(std::move(industries)) {}

    /// Bookings of one instrument on distinct past working days, so that none overlap.
    void BookInstrument(const Resource& instrument) {
        int count = static_cast<int>(rng_.Int(3, 24));
        std::set<std::int64_t> days;
        while (static_cast<int>(days.size()) < count) days.insert(rng_.Int(1, kHistoryDays));
        for (std::int64_t back : days) {
            Date day = as_of_.AddDays(-back);
            if (day.Weekday() > 5) continue;  // the demo rules book working days
            const Client& client = PickClient();
            std::int64_t local_start = rng_.Int(9, 15) * 60;
            std::int64_t minutes = rng_.Int(1, std::min<std::int64_t>(3, (17 * 60 - local_start) / 60)) * 60;
            std::int64_t start = day.days() * 1440 + local_start - kShanghaiOffsetMinutes;
            std::int64_t id = next_booking_++;
            double x = rng_.Unit();
            std::string status = x < 0.84 ? "completed" : x < 0.94 ? "cancelled" : "rejected";
            std::string stamp = clock::FormatUtc((start - rng_.Int(2, 10) * 1440) * 60);
            std::string reason = status == "rejected" ? "该时段设备维护" : "";
            bookings_.Add({id, instrument.id, instrument.org_id, client.org_id, client.user_id, client.user_id, status,
                           start, start + minutes, clock::FormatUtc(start * 60),
                           clock::FormatUtc((start + minutes) * 60), rng_.Pick(kPurposes), rng_.Int(0, 6), reason,
                           stamp, stamp});
            if (status != "completed") continue;
            std::int64_t price = client.org_id == instrument.org_id ? instrument.internal_fen_per_hour
                                                                    : instrument.external_fen_per_hour;
            Deliver("booking", id, "instrument", instrument, client, "occupancy", minutes, 0, price * minutes / 60,
                    day);
        }
    }

    /// Orders of one service product, in every state an order can be in.
    void OrderService(const Resource& service) {
        int count = static_cast<int>(rng_.Int(1, 6));
        for (int k = 0; k < count; ++k) {
            const Client& client = PickClient();
            Date day = as_of_.AddDays(-rng_.Int(1, kHistoryDays));
            std::int64_t id = next_order_++;
            double x = rng_.Unit();
            std::string status = x < 0.7    ? "completed"
                                 : x < 0.76 ? "in_service"
                                 : x < 0.8  ? "confirmed"
                                 : x < 0.85 ? "quoted"
                                 : x < 0.9  ? "requested"
                                 : x < 0.95 ? "cancelled"
                                            : "rejected";
            bool quoted = status != "requested" && (status != "cancelled" || rng_.Chance(0.5)) && status != "rejected";
            std::int64_t samples = rng_.Int(1, 20);
            std::int64_t fee = service.external_fen_per_hour * samples / 4;  // a price per sample of the demo
            std::string stamp = clock::FormatUtc((day.days() * 1440 - kShanghaiOffsetMinutes + 600) * 60);
            orders_.Add({id, service.id, service.org_id, client.org_id, client.user_id, status,
                         std::string(rng_.Pick(kPurposes)) + "，请按相关国家标准出具报告", samples,
                         "样品 " + std::to_string(samples) + " 件，常温保存",
                         quoted ? store::Param(fee) : store::Param(nullptr),
                         quoted ? store::Param(rng_.Int(3, 15)) : store::Param(nullptr), quoted ? "含报告费" : "",
                         status == "rejected" ? "本实验室暂不具备该项目资质" : "", stamp, stamp});
            if (status == "completed") {
                Deliver("order", id, "service", service, client, rng_.Chance(0.7) ? "commissioned" : "technical", 0,
                        samples, fee, day.AddDays(rng_.Int(3, 15)));
            }
        }
    }

    void Insert(store::Session& s) const {
        for (const TableRows* t : {&bookings_, &orders_, &deliveries_, &ratings_}) InsertRows(s, *t);
        // The resources' rating counters, as each rating keeps them.
        s.Execute(
            "INSERT INTO rating_totals (resource_kind, resource_id, rating_count, score_sum) "
            "SELECT resource_kind, resource_id, COUNT(*), SUM(score) FROM ratings GROUP BY resource_kind, resource_id");
    }

    std::int64_t next_booking_ = 1, next_order_ = 1, next_delivery_ = 1, next_rating_ = 1;

private:
    /// Any firm's user; demo_enterprise (the first) more often, so that its pages show a history.
    const Client& PickClient() { return rng_.Chance(0.05) ? clients_[0] : clients_[rng_.Index(clients_.size())]; }

    void Deliver(const char* kind, std::int64_t source_id, const char* resource_kind, const Resource& resource,
                 const Client& client, const char* mode, std::int64_t minutes, std::int64_t samples, std::int64_t fee,
                 Date on) {
        std::int64_t provider = resource.org_id;
        if (on.days() > as_of_.days()) on = as_of_;
        std::int64_t id = next_delivery_++;
        // Most clients are firms of the high-tech industries the platform serves (seed 000).
        store::Param industry =
            rng_.Chance(0.65) ? store::Param(industries_[rng_.Index(industries_.size())]) : store::Param(nullptr);
        std::string at = clock::FormatUtc((on.days() * 1440 - kShanghaiOffsetMinutes + 17 * 60) * 60);
        deliveries_.Add({id, kind, source_id, resource_kind, resource.id, provider, client.org_id, client.user_id,
                         industry, client.district_code, client.org_id == provider ? 1 : 0, mode, minutes, samples, fee,
                         on.ToString(), resource.admin_user_id, at});
        if (!rng_.Chance(0.6)) return;
        int score = Score(rng_);
        bool replied = rng_.Chance(0.3);
        std::string rated_at = clock::FormatUtc((on.days() * 1440 - kShanghaiOffsetMinutes + 20 * 60) * 60);
        ratings_.Add({next_rating_++, id, resource_kind, resource.id, provider, score,
                      kComments[score - 1][rng_.Index(2)], client.user_id, rated_at,
                      replied ? store::Param(rng_.Pick(kReplies)) : store::Param(nullptr),
                      replied ? store::Param(resource.admin_user_id) : store::Param(nullptr),
                      replied ? store::Param(rated_at) : store::Param(nullptr)});
    }

    Random& rng_;
    Date as_of_;
    std::vector<Client> clients_;
    std::vector<std::string> industries_;
    TableRows bookings_{
        "bookings",
        {"id", "instrument_id", "org_id", "client_org_id", "user_id", "booked_by", "status", "start_minute",
         "end_minute", "starts_at", "ends_at", "purpose", "samples", "reason", "created_at", "updated_at"}};
    TableRows orders_{
        "service_orders",
        {"id", "service_id", "org_id", "client_org_id", "user_id", "status", "requirements", "samples",
         "sample_description", "quote_fen", "quote_days", "quote_note", "reason", "created_at", "updated_at"}};
    TableRows deliveries_{
        "deliveries",
        {"id", "source_kind", "source_id", "resource_kind", "resource_id", "provider_org_id", "client_org_id",
         "client_user_id", "client_industry_code", "client_district_code", "internal", "service_mode", "minutes_used",
         "samples", "fee_fen", "delivered_on", "recorded_by", "recorded_at"}};
    TableRows ratings_{"ratings",
                       {"id", "delivery_id", "resource_kind", "resource_id", "provider_org_id", "score", "comment",
                        "rated_by", "rated_at", "reply", "replied_by", "replied_at"}};
};

}  // namespace

void AddActivity(store::Session& s, Random& rng, Date as_of, std::int64_t most_resources) {
    std::vector<Client> clients;
    store::Rows rows = s.Query(
        "SELECT u.id, u.org_id, COALESCE(o.district_code, '') FROM users u JOIN user_roles r ON r.user_id = u.id "
        "JOIN organizations o ON o.id = u.org_id WHERE r.role = 'enterprise' ORDER BY u.id");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        clients.push_back({rows[i].Int(0), rows[i].Int(1), std::string(rows[i].Text(2))});
    }
    std::vector<std::string> industries;
    store::Rows codes = s.Query("SELECT code FROM hitech_subcategories ORDER BY code");
    for (std::size_t i = 0; i < codes.size(); ++i) industries.emplace_back(codes[i].Text(0));
    if (clients.empty() || industries.empty()) return;

    // Resources of units that have an administrator to serve them (every unit that owns labs).
    std::string admin =
        "(SELECT MIN(a.user_id) FROM user_roles a JOIN users au ON au.id = a.user_id WHERE a.role = 'unit_admin' "
        "AND au.org_id = x.org_id)";
    std::string limit = " ORDER BY 1 LIMIT " + std::to_string(most_resources);
    std::vector<Resource> instruments =
        ReadResources(s,
                      "SELECT r.instrument_id, x.org_id, COALESCE(r.internal_fen_per_hour, 0), "
                      "COALESCE(r.external_fen_per_hour, 0), " +
                          admin + " AS admin FROM booking_rules r JOIN instruments x ON x.id = r.instrument_id WHERE " +
                          admin + " IS NOT NULL" + limit);
    std::vector<Resource> services =
        ReadResources(s, "SELECT x.id, x.org_id, 0, 40000 + (x.id % 12) * 5000, " + admin +
                             " AS admin FROM services x WHERE x.status = 'approved' AND x.id % 4 = 0 AND " + admin +
                             " IS NOT NULL" + limit);

    ActivityMaker maker(rng, as_of, std::move(clients), std::move(industries));
    maker.next_booking_ = NextId(s, "bookings");
    maker.next_order_ = NextId(s, "service_orders");
    maker.next_delivery_ = NextId(s, "deliveries");
    maker.next_rating_ = NextId(s, "ratings");
    for (const Resource& instrument : instruments) maker.BookInstrument(instrument);
    for (const Resource& service : services) maker.OrderService(service);
    maker.Insert(s);
    for (const char* table : {"bookings", "service_orders", "deliveries", "ratings"}) ResetIdSequence(s, table);
}

}  // namespace keyuan::demo
