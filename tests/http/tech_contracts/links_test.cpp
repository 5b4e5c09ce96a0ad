// The demand a contract answers and its broker (issue 18 §3–4): an active broker files for the seller a
// contract of a demand assigned to them (and accepted), the contract carries the broker's name and the
// demand; a broker outside their demands, a demand whose enterprise is not a buyer, an unpublished demand
// and an inactive broker are refused by name. Demands and brokers are rows of migration 0035, made here in
// SQL (the demands module's routes are another branch's).
#include "http/tech_contracts/tech_contracts_fixture.hpp"

namespace keyuan::testing {
namespace {

class TechContractLinksTest : public TechContractsSuite<TechContractLinksTest> {
public:
    static void CreateUsers() {
        TechContractsSuite::CreateUsers();
        broker_user_ = CreateReadyUser(Db(), "broker_1", "broker");
        world_.sessions.emplace("broker_1", LogIn(Port(), "broker_1"));
        idle_user_ = CreateReadyUser(Db(), "broker_2", "broker");
        world_.sessions.emplace("broker_2", LogIn(Port(), "broker_2"));
    }
    static void SetUpTestSuite() {
        TechContractsSuite::SetUpTestSuite();
        const std::string now = "'2026-01-01T00:00:00Z'";
        broker_ = Insert(
            "INSERT INTO tech_brokers (user_id, name, certificate_no, level, issuing_body, valid_until, "
            "status, created_at, updated_at) VALUES (" +
            broker_user_ + ", '王经纪', 'JJR-001', 'senior', '北京技术市场协会', '2030-12-31', 'active', " + now +
            ", " + now + ") RETURNING id");
        idle_broker_ = Insert(
            "INSERT INTO tech_brokers (user_id, name, certificate_no, level, issuing_body, valid_until, "
            "status, created_at, updated_at) VALUES (" +
            idle_user_ + ", '李经纪', 'JJR-002', 'junior', '北京技术市场协会', '2030-12-31', 'active', " + now + ", " +
            now + ") RETURNING id");
        // 京科银行 (org_fin, 91110108MA0000001D) publishes a demand; a draft one is not published.
        demand_ = Insert(
            "INSERT INTO tech_demands (org_id, title, district_code, deadline, status, created_at, "
            "updated_at) VALUES (" +
            world_.org_fin + ", '储能电池热管理技术需求', '110108', '2030-01-01', 'approved', " + now + ", " + now +
            ") RETURNING id");
        draft_demand_ = Insert(
            "INSERT INTO tech_demands (org_id, title, district_code, deadline, status, created_at, "
            "updated_at) VALUES (" +
            world_.org_fin + ", '未发布的需求', '110108', '2030-01-01', 'draft', " + now + ", " + now +
            ") RETURNING id");
        Insert(
            "INSERT INTO tech_broker_assignments (demand_id, broker_id, status, requested_by, created_at, updated_at) "
            "VALUES (" +
            demand_ + ", " + broker_ + ", 'accepted', " + broker_user_ + ", " + now + ", " + now + ") RETURNING id");
    }

protected:
    static std::string Insert(const std::string& sql) {
        CommandResult r = RunSql(Db(), sql);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        std::string out = r.out;
        while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
        return out.substr(out.find_first_not_of(" \n"));
    }
    /// The contract body with 京科银行 as the buyer, for `demand`, filed by a broker for org_a.
    static json::object BrokerBody(const std::string& name, const std::string& demand) {
        json::object body = ContractBody(name);
        body["parties"] = json::array{Seller(), Buyer("91110108MA0000001D", "110108")};
        body["demand_id"] = demand;
        body["seller_org_id"] = world_.org_a;
        return body;
    }

    static inline std::string broker_user_, idle_user_, broker_, idle_broker_, demand_, draft_demand_;
};

TEST_F(TechContractLinksTest, ABrokerFilesForAnAssignedDemandAndTheContractCarriesTheirName) {
    HttpResponse created = As("broker_1").Post("/api/v1/tech-contracts", Body(BrokerBody("经纪撮合的合同", demand_)));
    ASSERT_EQ(created.status, 201) << created.body;
    json::value c = created.Json();
    std::string id = Str(c, "id");
    EXPECT_EQ(Str(c, "org_id"), world_.org_a) << "the seller's contract";
    EXPECT_EQ(Str(c, "broker_name"), "王经纪");
    EXPECT_EQ(Str(c, "demand_title"), "储能电池热管理技术需求");
    EXPECT_TRUE(HasId(ListIds(As("broker_1").Get("/api/v1/tech-contracts")), id)) << "the broker's own list";
    EXPECT_TRUE(HasId(ListIds(As("unit_a").Get("/api/v1/tech-contracts?view=mine")), id)) << "the seller sees it";
    EXPECT_TRUE(IsError(As("broker_2").Get(Path(id)), 404, "not_found")) << "another broker does not";
    ASSERT_EQ(AttachText("broker_1", id).status, 201);
    ASSERT_EQ(Step("broker_1", id, "submit").status, 200);
    HttpResponse registered = Step("officer_haidian", id, "register");
    ASSERT_EQ(registered.status, 200) << registered.body;
    EXPECT_EQ(Str(registered.Json(), "broker_name"), "王经纪");
    EXPECT_EQ(Str(registered.Json(), "demand_id"), demand_);
}

TEST_F(TechContractLinksTest, OutsideTheirDemandsAndOtherBadLinksAreRefusedByName) {
    auto refused = [](const std::string& who, const json::object& body, const std::string& field) {
        HttpResponse r = As(who).Post("/api/v1/tech-contracts", Body(body));
        EXPECT_TRUE(IsError(r, 422, "validation_failed")) << r.body;
        EXPECT_NE(r.body.find("\"" + field + "\""), std::string::npos) << field << ": " << r.body;
    };
    refused("broker_2", BrokerBody("非受托需求", demand_), "demand_id");  // not assigned to broker_2
    json::object no_demand = BrokerBody("无需求", demand_);
    no_demand.erase("demand_id");
    refused("broker_1", no_demand, "demand_id");
    json::object no_seller = BrokerBody("无卖方单位", demand_);
    no_seller.erase("seller_org_id");
    refused("broker_1", no_seller, "seller_org_id");
    refused("unit_a", With(ContractBody("需求方不是买方"), {{"demand_id", demand_}}), "demand_id");
    json::object unpublished = BrokerBody("未发布需求", draft_demand_);
    unpublished.erase("seller_org_id");
    refused("unit_a", unpublished, "demand_id");
    json::object other_broker = BrokerBody("他人经纪", demand_);
    other_broker.erase("seller_org_id");
    other_broker["broker_id"] = idle_broker_;
    refused("unit_a", other_broker, "broker_id");  // broker_2 did not handle the demand
    // A broker without an active profile files nothing.
    RunSql(Db(), "UPDATE tech_brokers SET status = 'suspended' WHERE id = " + idle_broker_);
    EXPECT_TRUE(
        IsError(As("broker_2").Post("/api/v1/tech-contracts", Body(BrokerBody("停用", demand_))), 403, "forbidden"));
    // The seller's unit names the broker who handled the demand.
    json::object named = BrokerBody("单位申报经纪合同", demand_);
    named.erase("seller_org_id");
    named["broker_id"] = broker_;
    HttpResponse ok = As("unit_a").Post("/api/v1/tech-contracts", Body(named));
    ASSERT_EQ(ok.status, 201) << ok.body;
    EXPECT_EQ(Str(ok.Json(), "broker_name"), "王经纪");
}

}  // namespace
}  // namespace keyuan::testing
