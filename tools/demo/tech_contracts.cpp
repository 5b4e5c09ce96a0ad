#include "tools/demo/tech_contracts.hpp"

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "modules/catalog/credit_code.hpp"
#include "modules/tech_contracts/tally_rebuild.hpp"

namespace keyuan::demo {

namespace {

struct Seller {
    std::int64_t org;
    std::string name, credit, district, entity;
};

// Buyers outside Beijing lean to Tianjin and Hebei, as Beijing's outflow does (policy-rules-wave2 §4).
const std::vector<std::pair<const char*, double>> kProvinces = {
    {"120000", 5}, {"130000", 6}, {"310000", 3}, {"320000", 3}, {"330000", 2}, {"370000", 2}, {"440000", 3},
    {"420000", 1}, {"510000", 1}, {"610000", 1}, {"210000", 1}, {"410000", 1}, {"500000", 1}, {"650000", 0.5}};
const std::vector<const char*> kFields = {"electronic_information",
                                          "aerospace",
                                          "advanced_manufacturing",
                                          "biomedicine",
                                          "new_materials",
                                          "new_energy",
                                          "environment",
                                          "nuclear",
                                          "agriculture",
                                          "transport",
                                          "urban_social"};
const std::vector<const char*> kIndustries = {"3825", "6513", "2710", "3832", "4420", "7320", "3562"};
const std::vector<const char*> kIpTypes = {"technical_secret", "patent", "software", "ic_layout"};
const std::vector<const char*> kProjects = {"智能传感器",     "储能电池管理系统", "工业互联网平台", "新型抗体药物",
                                            "轻量化复合材料", "城市污水处理工艺", "无人机飞控",     "农作物新品种",
                                            "轨道交通信号",   "核磁共振探头"};

std::string Buyer(Random& rng, const std::vector<std::string>& districts, std::string& country) {
    country = "142";
    double x = rng.Unit();
    if (x < 0.55) return rng.Pick(districts);
    if (x < 0.95) {
        std::vector<double> cumulative;
        double sum = 0;
        for (const auto& [code, weight] : kProvinces) cumulative.push_back(sum += weight);
        return kProvinces[rng.Weighted(cumulative)].first;
    }
    country = rng.Chance(0.5) ? "502" : "116";
    return "000000";
}

std::string BuyerCredit(std::int64_t i) {
    std::string first = "9112" + std::string(4, '0') + "MA" + std::to_string(1000000 + i).substr(0, 7);
    return first + catalog::CreditCodeCheckCharacter(first);
}

}  // namespace

void AddTechContracts(store::Database& db, Random& rng, Date as_of, int count) {
    db.Write([&](store::Session& s) {
        store::Rows orgs = s.Query(
            "SELECT id, name, credit_code, district_code, kind FROM organizations WHERE district_code LIKE '1101%' "
            "AND kind IN ('university', 'research_institute', 'enterprise') ORDER BY id LIMIT 300");
        store::Rows user = s.Query("SELECT id FROM users ORDER BY id LIMIT 1");
        if (orgs.empty() || user.empty()) return;
        std::vector<Seller> sellers;
        for (std::size_t i = 0; i < orgs.size(); ++i) {
            std::string kind(orgs[i].Text(4));
            sellers.push_back({orgs[i].Int(0), std::string(orgs[i].Text(1)), std::string(orgs[i].Text(2)),
                               std::string(orgs[i].Text(3)),
                               kind == "university"           ? "022"
                               : kind == "research_institute" ? "021"
                                                              : "150"});
        }
        std::vector<std::string> districts;
        store::Rows d = s.Query("SELECT code FROM districts ORDER BY code");
        for (std::size_t i = 0; i < d.size(); ++i) districts.emplace_back(d[i].Text(0));
        store::Rows types = s.Query("SELECT id, type FROM contract_types ORDER BY id");
        std::int64_t creator = user[0].Int(0);
        std::string now = clock::NowUtc();
        for (int i = 0; i < count; ++i) {
            const Seller& seller = rng.Pick(sellers);
            std::size_t t = rng.Index(types.size());
            std::string type(types[t].Text(1));
            Date registered = as_of.AddDays(-rng.Int(1, 730));
            Date signed_on = registered.AddDays(-rng.Int(5, 60));
            // Amounts from 5万 to 5000万 yuan, most small, a few major (≥ 1000万).
            std::int64_t total = rng.Chance(0.05) ? rng.Int(1000, 5000) * 1'000'000 : rng.Int(5, 900) * 1'000'000;
            std::int64_t tech = total - total / 10 * rng.Int(0, 3);
            bool transfer = type == "技术转让" || type == "技术许可";
            bool pending = i < 6;  // the first few await the office
            std::string country;
            std::string division = Buyer(rng, districts, country);
            std::int64_t id =
                s.Query(
                     "INSERT INTO tech_contracts (org_id, district_code, contract_type_id, project_name, signed_on, "
                     "total_fen, tech_amount_fen, field_code, industry_code, expected_investment_fen, "
                     "expected_output_fen, status, submitted_on, decision_due_on, approved_income_fen, registered_on, "
                     "created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
                     "$13, $14, $15, $16, $17, $18, $18) RETURNING id",
                     {seller.org, seller.district, types[t].Int(0), std::string(rng.Pick(kProjects)) + type,
                      signed_on.ToString(), total, tech, rng.Pick(kFields), rng.Pick(kIndustries),
                      transfer ? store::Param(total * 3) : store::Param(nullptr),
                      transfer ? store::Param(total * 8) : store::Param(nullptr), pending ? "submitted" : "registered",
                      registered.AddDays(-10).ToString(), registered.AddDays(20).ToString(),
                      pending ? store::Param(nullptr) : store::Param(tech),
                      pending ? store::Param(nullptr) : store::Param(registered.ToString()), creator, now})
                    .front()
                    .Int(0);
            if (!pending) {
                std::string number = std::to_string(registered.Year()) + "1101" + seller.district.substr(4) +
                                     std::to_string(1'000'000 + id).substr(1);
                s.Execute("UPDATE tech_contracts SET registration_no = $1 WHERE id = $2", {number, id});
            }
            s.Execute(
                "INSERT INTO tech_contract_parties (contract_id, position, role, name, credit_code, entity_type, "
                "country_code, division_code) VALUES ($1, 0, 'seller', $2, $3, $4, '142', $5), ($1, 1, 'buyer', $6, "
                "$7, '150', $8, $9)",
                {id, seller.name, seller.credit, seller.entity, seller.district, "示范采购方" + std::to_string(id),
                 country == "142" ? BuyerCredit(id) : std::string(), country, division});
            s.Execute(
                "INSERT INTO tech_contract_instalments (contract_id, position, due_on, amount_fen) VALUES ($1, 0, $2, "
                "$3)",
                {id, signed_on.AddDays(30).ToString(), total});
            s.Execute("INSERT INTO tech_contract_ip_types (contract_id, code) VALUES ($1, $2)",
                      {id, rng.Pick(kIpTypes)});
        }
        tech_contracts::RebuildTallies(s);
    });
}

}  // namespace keyuan::demo
