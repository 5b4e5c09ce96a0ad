#pragma once
// The fixture of the assessment tests: the catalog's world with an instrument in scope for each of
// org_a (北京示范大学, department edu) and org_b (朝阳医学研究所, department health), a year of
// their records in 2026 (org_a: busy and shared, well rated; org_b: a little internal use and poor
// ratings), two finance bureau reviewers, and short forms of the cycle's requests.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/catalog_fixture.hpp"

namespace keyuan::testing {

namespace json = boost::json;

template <typename Suite>
class AssessmentSuite : public CatalogSuite<Suite> {
    using Base = CatalogSuite<Suite>;

public:
    static void CreateUsers() {
        Base::CreateUsers();
        for (const char* name : {"bureau_1", "bureau_2"}) {
            CreateReadyUser(Base::Db(), name, "finance_reviewer");
            bureau_[name] = std::make_unique<Session>(LogIn(Base::Port(), name));
        }
    }
    static void ReleaseSessions() {
        bureau_.clear();
        Base::ReleaseSessions();
    }
    static void SetUpTestSuite() {
        Base::SetUpTestSuite();
        instrument_a_ =
            CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments", InstrumentBody("透射电子显微镜"));
        instrument_b_ =
            CreateApproved(As("unit_b"), As("reviewer_health"), "instruments", InstrumentBody("流式细胞仪"));
        // org_a: 30 deliveries of 4 hours, 24 to other organisations at 800 元, 6 internal at 200 元,
        // rated 5; org_b: 6 internal deliveries of 1 hour, rated 2.
        std::string sql;
        auto delivery = [&](int n, const std::string& instrument, const std::string& provider,
                            const std::string& client, bool internal, int minutes, int fee_fen, int score) {
            std::string id = std::to_string(900000 + n);
            std::string day = "2026-" + std::string(n % 12 + 1 < 10 ? "0" : "") + std::to_string(n % 12 + 1) + "-15";
            sql +=
                "INSERT INTO deliveries (id, source_kind, source_id, resource_kind, resource_id, provider_org_id, "
                "client_org_id, client_user_id, internal, service_mode, minutes_used, fee_fen, delivered_on, "
                "recorded_by, recorded_at) VALUES (" +
                id + ", 'booking', " + id + ", 'instrument', " + instrument + ", " + provider + ", " + client +
                ", (SELECT id FROM users WHERE username = 'company'), " + (internal ? "1" : "0") + ", 'occupancy', " +
                std::to_string(minutes) + ", " + std::to_string(fee_fen) + ", '" + day +
                "', (SELECT id FROM users WHERE username = 'operator'), '" + day + "T08:00:00Z');\n";
            sql +=
                "INSERT INTO ratings (delivery_id, resource_kind, resource_id, provider_org_id, score, rated_by, "
                "rated_at) VALUES (" +
                id + ", 'instrument', " + instrument + ", " + provider + ", " + std::to_string(score) +
                ", (SELECT id FROM users WHERE username = 'company'), '" + day + "T09:00:00Z');\n";
        };
        const CatalogWorld& w = Base::world_;
        for (int i = 0; i < 30; ++i) {
            bool internal = i % 5 == 0;
            delivery(i, instrument_a_, w.org_a, internal ? w.org_a : w.org_b, internal, 240, internal ? 20000 : 80000,
                     5);
        }
        for (int i = 30; i < 36; ++i) delivery(i, instrument_b_, w.org_b, w.org_b, true, 60, 0, 2);
        // One delivery of 2025 that the 2026 cycle must not count.
        delivery(36, instrument_a_, w.org_a, w.org_b, false, 600, 100000, 5);
        sql += "UPDATE deliveries SET delivered_on = '2025-12-31' WHERE id = 900036;\n";
        CommandResult r = RunSql(Base::Db(), sql);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

protected:
    static Session& As(const std::string& name) {
        auto it = bureau_.find(name);
        return it != bureau_.end() ? *it->second : Base::As(name);
    }
    static HttpResponse Step(const std::string& who, const std::string& collection, const std::string& id,
                             const std::string& action, const std::string& body = "{}") {
        return As(who).Post("/api/v1/" + collection + "/" + id + "/" + action, body);
    }
    /// The result of `org` in the cycle, as the operator lists it.
    static json::object ResultOf(const std::string& cycle, const std::string& org) {
        json::value list = As("operator").Get("/api/v1/assessment-cycles/" + cycle + "/results?org_id=" + org).Json();
        EXPECT_EQ(list.at("items").as_array().size(), 1u) << json::serialize(list);
        return list.at("items").as_array().at(0).as_object();
    }

    static inline std::string instrument_a_, instrument_b_;
    static inline std::map<std::string, std::unique_ptr<Session>> bureau_;
};

}  // namespace keyuan::testing
