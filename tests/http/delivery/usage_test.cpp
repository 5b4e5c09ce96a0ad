// Usage statistics against the real binary, on each engine: bookings and deliveries written
// straight into the database across three months (one booking starts on 1 February in Beijing
// while it is still 31 January in UTC), inside and outside the unit, to high-tech and other
// industries, by bookings and by service orders; every figure asserted exactly, per group, per
// side and per scope, and the CSV and XLSX downloads read back.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/date.hpp"
#include "exchange/table.hpp"
#include "support/catalog_fixture.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

/// Minutes since the epoch of a local (Asia/Shanghai) time.
std::int64_t Local(int y, int m, int d, int hh, int mm) {
    return Date::FromYmd(y, m, d).days() * 1440 + hh * 60 + mm - 480;
}

std::string User(const std::string& username) {
    return "(SELECT id FROM users WHERE username = '" + username + "')";
}

class UsageTest : public CatalogSuite<UsageTest> {
protected:
    static void SetUpTestSuite() {
        CatalogSuite<UsageTest>::SetUpTestSuite();
        lab_ = CreateResource(As("unit_a"), "labs", LabBody("统计用实验室"));
        json::object in_lab = With(InstrumentBody("统计用电镜"), {{"lab_id", lab_}});
        a1_ = CreateResource(As("unit_a"), "instruments", in_lab);
        a2_ = CreateResource(As("unit_a"), "instruments", InstrumentBody("统计用色谱仪"));
        sa_ = CreateResource(As("unit_a"), "services", With(ServiceBody("统计用检测", 1000), {{"lab_id", lab_}}));
        b1_ = CreateResource(As("unit_b"), "instruments", InstrumentBody("朝阳统计用质谱仪"));
        std::string sql;
        int n = 0;
        auto booking = [&](const std::string& instrument, const std::string& provider, const std::string& client,
                           const std::string& user, const char* status, std::int64_t start, int minutes) {
            std::string id = std::to_string(900000 + ++n);
            sql +=
                "INSERT INTO bookings (id, instrument_id, org_id, client_org_id, user_id, booked_by, status, "
                "start_minute, end_minute, starts_at, ends_at, created_at, updated_at) VALUES (" +
                id + ", " + instrument + ", " + provider + ", " + client + ", " + User(user) + ", " + User(user) +
                ", '" + status + "', " + std::to_string(start) + ", " + std::to_string(start + minutes) +
                ", 'x', 'x', 'x', 'x');\n";
            return id;
        };
        auto delivery = [&](const char* kind, const std::string& source, const char* resource_kind,
                            const std::string& resource, const std::string& provider, const std::string& client,
                            const char* industry, bool internal, int minutes, int samples, int fee, int voucher,
                            const char* day) {
            sql +=
                "INSERT INTO deliveries (source_kind, source_id, resource_kind, resource_id, provider_org_id, "
                "client_org_id, client_user_id, client_industry_code, internal, service_mode, minutes_used, "
                "samples, fee_fen, voucher_fen, delivered_on, recorded_by, recorded_at) VALUES ('" +
                std::string(kind) + "', " + source + ", '" + resource_kind + "', " + resource + ", " + provider + ", " +
                client + ", " + User("company") + ", " + industry + ", " + (internal ? "1" : "0") + ", 'occupancy', " +
                std::to_string(minutes) + ", " + std::to_string(samples) + ", " + std::to_string(fee) + ", " +
                std::to_string(voucher) + ", '" + day + "', " + User("unit_a") + ", 'x');\n";
        };
        const std::string a = world_.org_a, b = world_.org_b;
        booking(a1_, a, b, "company", "approved", Local(2025, 1, 10, 9, 0), 120);
        std::string late_january = booking(a1_, a, b, "company", "completed", Local(2025, 1, 31, 22, 0), 90);
        std::string first_of_february = booking(a2_, a, a, "unit_a", "completed", Local(2025, 2, 1, 1, 0), 120);
        booking(a1_, a, b, "company", "cancelled", Local(2025, 2, 5, 9, 0), 60);
        booking(a1_, a, b, "company", "rejected", Local(2025, 2, 6, 9, 0), 60);
        booking(a1_, a, b, "company", "requested", Local(2025, 3, 3, 10, 0), 60);
        booking(a1_, a, b, "company", "approved", Local(2025, 4, 1, 10, 0), 60);  // after the period
        std::string served_by_b = booking(b1_, b, a, "unit_a", "completed", Local(2025, 2, 10, 9, 0), 180);
        delivery("booking", late_january, "instrument", a1_, a, b, "'3921'", false, 90, 0, 45000, 10000, "2025-01-31");
        delivery("booking", first_of_february, "instrument", a2_, a, a, "'2710'", true, 120, 0, 0, 0, "2025-02-01");
        delivery("order", "901", "service", sa_, a, b, "'3962'", false, 0, 5, 80000, 0, "2025-03-15");
        delivery("order", "902", "service", sa_, a, "NULL", "NULL", false, 0, 2, 20000, 0, "2025-03-31");
        delivery("booking", served_by_b, "instrument", b1_, b, a, "'3921'", false, 180, 0, 90000, 0, "2025-02-10");
        delivery("order", "903", "service", sa_, a, b, "'3921'", false, 0, 1, 5000, 0, "2025-04-01");
        CommandResult r = RunSql(Db(), sql);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    static json::value Usage(const std::string& who, const std::string& query) {
        HttpResponse r = As(who).Get("/api/v1/usage?from=2025-01&to=2025-03&" + query);
        EXPECT_EQ(r.status, 200) << query << ": " << r.body;
        return r.status == 200 ? r.Json() : json::value();
    }

    /// The figures of `object` that a test names, in the order named.
    static std::vector<std::int64_t> Figures(const json::value& object, const std::vector<const char*>& names) {
        std::vector<std::int64_t> out;
        for (const char* name : names) out.push_back(object.at(name).as_int64());
        return out;
    }

    static std::vector<std::string> Keys(const json::value& report) {
        std::vector<std::string> out;
        for (const json::value& item : report.at("items").as_array()) {
            out.push_back(item.at("key").is_null() ? "-" : std::string(item.at("key").as_string()));
        }
        return out;
    }

    static inline std::string lab_, a1_, a2_, sa_, b1_;
};

const std::vector<const char*> kAll = {"bookings",
                                       "booked_minutes",
                                       "deliveries",
                                       "used_minutes",
                                       "samples",
                                       "internal_deliveries",
                                       "external_deliveries",
                                       "internal_minutes",
                                       "external_minutes",
                                       "fee_fen",
                                       "voucher_fen",
                                       "hitech_deliveries",
                                       "hitech_minutes",
                                       "hitech_fee_fen"};

TEST_F(UsageTest, ByMonthInShanghaiTimeWithTotals) {
    json::value report = Usage("unit_a", "group=month");
    ASSERT_TRUE(report.is_object());
    EXPECT_EQ(Keys(report), (std::vector<std::string>{"2025-01", "2025-02", "2025-03"}));
    const json::array& items = report.at("items").as_array();
    EXPECT_EQ(Figures(items[0], kAll),
              (std::vector<std::int64_t>{2, 210, 1, 90, 0, 0, 1, 0, 90, 45000, 10000, 1, 90, 45000}));
    EXPECT_EQ(Figures(items[1], kAll), (std::vector<std::int64_t>{1, 120, 1, 120, 0, 1, 0, 120, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(Figures(items[2], kAll), (std::vector<std::int64_t>{1, 60, 2, 0, 7, 0, 2, 0, 0, 100000, 0, 1, 0, 80000}));
    const json::value& totals = report.at("totals");
    EXPECT_EQ(Figures(totals, kAll),
              (std::vector<std::int64_t>{4, 390, 4, 210, 7, 1, 3, 120, 90, 145000, 10000, 2, 90, 125000}));
    EXPECT_DOUBLE_EQ(totals.at("hitech_share").as_double(), 0.5);
    EXPECT_DOUBLE_EQ(totals.at("booked_hours").as_double(), 6.5);
    EXPECT_EQ(report.at("org_id").as_string(), world_.org_a);
    EXPECT_TRUE(items[1].at("hitech_share").is_double());
}

TEST_F(UsageTest, ByInstrumentLabClientAndServicesOnly) {
    json::value by_resource = Usage("unit_a", "group=instrument");
    EXPECT_EQ(Keys(by_resource), (std::vector<std::string>{sa_, a1_, a2_}));  // by revenue
    const json::array& resources = by_resource.at("items").as_array();
    EXPECT_EQ(resources[0].at("resource_kind").as_string(), "service");
    EXPECT_EQ(resources[0].at("name").as_string(), "统计用检测");
    EXPECT_EQ(Figures(resources[1], {"bookings", "booked_minutes", "deliveries", "used_minutes", "fee_fen"}),
              (std::vector<std::int64_t>{3, 270, 1, 90, 45000}));
    EXPECT_EQ(resources[1].at("name").as_string(), "统计用电镜");

    json::value by_lab = Usage("unit_a", "group=lab");
    EXPECT_EQ(Keys(by_lab), (std::vector<std::string>{lab_, "-"}));
    EXPECT_EQ(by_lab.at("items").at(0).at("name").as_string(), "统计用实验室");
    EXPECT_EQ(Figures(by_lab.at("items").at(0), {"booked_minutes", "deliveries", "fee_fen", "samples"}),
              (std::vector<std::int64_t>{270, 3, 145000, 7}));

    json::value by_client = Usage("unit_a", "group=client");
    EXPECT_EQ(Keys(by_client), (std::vector<std::string>{world_.org_b, "-", world_.org_a}));
    EXPECT_EQ(Figures(by_client.at("items").at(0), {"booked_minutes", "fee_fen", "hitech_deliveries"}),
              (std::vector<std::int64_t>{270, 125000, 2}));

    json::value services = Usage("unit_a", "group=month&resource_kind=service");
    EXPECT_EQ(Figures(services.at("totals"), {"bookings", "deliveries", "samples", "fee_fen"}),
              (std::vector<std::int64_t>{0, 2, 7, 100000}));
}

TEST_F(UsageTest, EachUnitSeesItsOwnOperatorsSeeAll) {
    json::value b = Usage("unit_b", "group=unit");
    EXPECT_EQ(Keys(b), std::vector<std::string>{world_.org_b});
    EXPECT_EQ(Figures(b.at("totals"), {"bookings", "booked_minutes", "deliveries", "fee_fen"}),
              (std::vector<std::int64_t>{1, 180, 1, 90000}));
    EXPECT_TRUE(IsError(As("unit_a").Get("/api/v1/usage?org_id=" + world_.org_b), 403, "forbidden"));
    EXPECT_TRUE(IsError(As("company").Get("/api/v1/usage"), 403, "forbidden"));

    json::value all = Usage("operator", "group=unit");
    EXPECT_EQ(Keys(all), (std::vector<std::string>{world_.org_a, world_.org_b}));
    EXPECT_EQ(Figures(all.at("totals"), {"bookings", "booked_minutes", "deliveries", "fee_fen"}),
              (std::vector<std::int64_t>{5, 570, 5, 235000}));
    json::value only_b = Usage("operator", "group=month&org_id=" + world_.org_b);
    EXPECT_EQ(only_b.at("totals").at("fee_fen").as_int64(), 90000);
}

TEST_F(UsageTest, AClientUnitSeesWhatItConsumed) {
    json::value consumed = Usage("unit_a", "group=unit&side=client");
    EXPECT_EQ(consumed.at("side").as_string(), "client");
    EXPECT_EQ(Keys(consumed), (std::vector<std::string>{world_.org_b, world_.org_a}));
    EXPECT_EQ(Figures(consumed.at("items").at(0), {"bookings", "booked_minutes", "used_minutes", "fee_fen"}),
              (std::vector<std::int64_t>{1, 180, 180, 90000}));
    EXPECT_EQ(Figures(consumed.at("totals"), {"bookings", "booked_minutes", "deliveries", "fee_fen"}),
              (std::vector<std::int64_t>{2, 300, 2, 90000}));
}

TEST_F(UsageTest, CsvAndXlsxDownloads) {
    HttpResponse csv = As("unit_a").Get("/api/v1/usage?group=month&from=2025-01&to=2025-03&format=csv");
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
    EXPECT_NE(csv.Header("content-disposition").find("attachment; filename=\"usage-month-2025-01-2025-03.csv\""),
              std::string::npos);
    EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_NE(csv.body.find("\"月份\",\"预约次数\",\"预约机时（小时）\""), std::string::npos);
    EXPECT_NE(csv.body.find("\"2025-01\",2,3.50,1,1.50,0,0,1,0.00,1.50,450.00,100.00,1,450.00,100.0\r\n"),
              std::string::npos)
        << csv.body;
    EXPECT_NE(csv.body.find("\"合计\",4,6.50,4,3.50,7,1,3,2.00,1.50,1450.00,100.00,2,1250.00,50.0\r\n"),
              std::string::npos)
        << csv.body;

    HttpResponse xlsx = As("unit_a").Get("/api/v1/usage?group=client&from=2025-01&to=2025-03&format=xlsx");
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_NE(xlsx.Header("content-disposition").find("usage-client-2025-01-2025-03.xlsx"), std::string::npos);
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
    exchange::Table table = exchange::ReadXlsx(xlsx.body);
    ASSERT_EQ(table.rows.size(), 5u);  // header, three clients, totals
    EXPECT_EQ(table.rows[0].cells[0], "用户单位");
    EXPECT_EQ(table.rows[1].cells[0], "朝阳医学研究所");
    EXPECT_EQ(table.rows[2].cells[0], "（个人用户）");
    EXPECT_EQ(table.rows[4].cells[0], "合计");
    EXPECT_EQ(table.rows[4].cells[10], "1450");
}

}  // namespace
}  // namespace keyuan::testing
