#pragma once
// The fixture of the technology demand tests: the catalog's world (org_a 北京示范大学 in 海淀区,
// org_b 朝阳医学研究所 in 朝阳区, "company" the enterprise account of org_b) plus "company_a" (an
// enterprise account of org_a, reviewed by reviewer_edu and officer_haidian) and nine broker
// accounts without profiles; short forms of the demand's and the broker's requests.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/catalog_fixture.hpp"

namespace keyuan::testing {

namespace json = boost::json;

template <typename Suite>
class TechDemandsSuite : public CatalogSuite<Suite> {
    using Base = CatalogSuite<Suite>;

public:
    static void CreateUsers() {
        Base::CreateUsers();
        CreateReadyUser(Base::Db(), "company_a", "enterprise", {"--org", Base::world_.org_a});
        Base::world_.sessions.emplace("company_a", LogIn(Base::Port(), "company_a"));
        for (const char* name : {"broker_1", "broker_2", "broker_3", "broker_4", "broker_5", "broker_6", "broker_7",
                                 "broker_8", "broker_9"}) {
            CreateReadyUser(Base::Db(), name, "broker");
            Base::world_.sessions.emplace(name, LogIn(Base::Port(), name));
        }
    }

protected:
    using Base::As;

    static json::object DemandBody(const std::string& title, int deadline_days = 30) {
        return json::object{{"title", title},
                            {"description", "现有产线的" + title + "良率偏低，寻求工艺改进方案"},
                            {"district_code", "110108"},
                            {"budget_min_fen", 50'000'000},
                            {"budget_max_fen", 200'000'000},
                            {"deadline", ShanghaiDate(deadline_days)},
                            {"cooperation_forms", json::array{"development", "transfer"}},
                            {"industry_codes", json::array{"3825"}},
                            {"contact_name", "王工"},
                            {"contact_phone", "13812345678"},
                            {"contact_email", "wang.gong@example.cn"}};
    }
    /// A public achievement that demands of industry `industry` can be matched with (applied
    /// research, transformation status 4), for CreateApproved by unit_b.
    static json::object MatchableAchievement(const std::string& name, const std::string& description,
                                             const std::string& industry = "3825") {
        return json::object{{"name", name},
                            {"class", "applied_research"},
                            {"funding", "fiscal"},
                            {"programme", "北京市科技计划"},
                            {"secret", false},
                            {"statuses", json::array{"4"}},
                            {"industry_codes", json::array{industry}},
                            {"keywords", json::array{}},
                            {"description", description}};
    }
    /// Published by company_a and approved by its department: the id.
    static std::string Published(const std::string& title, json::object changes = {}) {
        return CreateApproved(As("company_a"), As("reviewer_edu"), "tech-demands", With(DemandBody(title), changes));
    }
    static json::object BrokerBody(const std::string& name) {
        return json::object{{"name", name},
                            {"certificate_no", "JSJJ-" + name},
                            {"level", "intermediate"},
                            {"issuing_body", "北京技术市场协会"},
                            {"valid_until", ShanghaiDate(365)},
                            {"industry_codes", json::array{"3825", "6513"}},
                            {"district_codes", json::array{"110108", "110105"}},
                            {"introduction", "从事新能源领域技术转移 8 年"},
                            {"phone", "13900001111"},
                            {"email", name + "@broker.example.cn"}};
    }
    /// `user` registers a profile and the operator activates it: the broker's id.
    static std::string ActiveBroker(const std::string& user) {
        HttpResponse created = As(user).Post("/api/v1/tech-brokers", Body(BrokerBody(user)));
        EXPECT_EQ(created.status, 201) << created.body;
        std::string id = Str(created.Json(), "id");
        HttpResponse activated = As("operator").Post("/api/v1/tech-brokers/" + id + "/activate", "");
        EXPECT_EQ(activated.status, 200) << activated.body;
        return id;
    }
    /// company_a asks the broker to handle the demand: the assignment's id ("" unless 201).
    static std::string Ask(const std::string& demand, const std::string& broker, const std::string& who = "company_a") {
        HttpResponse r = As(who).Post("/api/v1/tech-demands/" + demand + "/brokers", Body({{"broker_id", broker}}));
        EXPECT_EQ(r.status, 201) << r.body;
        return r.status == 201 ? Str(r.Json(), "id") : "";
    }
    static HttpResponse OnAssignment(const std::string& who, const std::string& id, const std::string& action,
                                     const json::object& body = {}) {
        return As(who).Post("/api/v1/tech-broker-assignments/" + id + "/" + action, Body(body));
    }
    static json::object Work(const std::string& kind, const std::string& note) {
        return json::object{{"work_date", ShanghaiDate()}, {"kind", kind}, {"note", note}};
    }
};

}  // namespace keyuan::testing
