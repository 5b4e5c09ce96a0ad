#include "tools/demo/bases_and_finance.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "tools/demo/fakes.hpp"
#include "tools/demo/resources.hpp"

namespace keyuan::demo {
namespace {

std::vector<DemoOrg*> OfKind(std::vector<DemoOrg>& orgs, std::initializer_list<OrgKind> kinds) {
    std::vector<DemoOrg*> out;
    for (DemoOrg& org : orgs) {
        if (std::find(kinds.begin(), kinds.end(), org.kind) != kinds.end()) out.push_back(&org);
    }
    return out;
}

/// An institution's second round of the same product is a new edition: "（二期）".
std::string Edition(std::size_t round) {
    static constexpr std::array<std::string_view, 8> kNumerals = {"二", "三", "四", "五", "六", "七", "八", "九"};
    if (round == 0) return "";
    std::string numeral = round <= kNumerals.size() ? std::string(kNumerals[round - 1]) : std::to_string(round + 1);
    return "（" + numeral + "期）";
}

}  // namespace

BaseRows MakeBases(Random& rng, std::vector<DemoOrg>& orgs, int count, std::int64_t first_id, Date as_of) {
    BaseRows out{TableRows("bases", {"id", "name", "kind", "org_id", "domain", "description", "finance_product_target",
                                     "created_at", "updated_at"}),
                 {}};
    std::vector<DemoOrg*> institutes = OfKind(orgs, {OrgKind::kInstitute});
    std::vector<DemoOrg*> hosts = OfKind(orgs, {OrgKind::kUniversity, OrgKind::kInstitute});
    if (hosts.empty()) return out;
    if (institutes.empty()) institutes = hosts;
    int centres = std::min({kDomainCount, std::max(1, count / 3), count});
    std::int64_t id = first_id;
    for (int d = 0; d < centres; ++d, ++id) {
        std::string domain(DomainName(static_cast<Domain>(d)));
        const DemoOrg& owner = *institutes[static_cast<std::size_t>(d) % institutes.size()];
        std::string at = OfficeTime(rng, as_of.AddDays(-rng.Int(700, 1500)));
        out.rows.Add({id, "首都科技条件平台" + domain + "领域中心", "domain_centre", owner.id, domain,
                      "汇聚" + domain + "领域高校、院所和企业的仪器设施与服务资源，提供一站式检测、研发与技术转移服务",
                      rng.Int(5, 20), at, at});
        out.domain_centres.push_back(id);
    }
    for (std::size_t i = 0; i < hosts.size() && id < first_id + count; ++i, ++id) {
        DemoOrg& host = *hosts[i];
        host.base_id = id;
        std::string at = OfficeTime(rng, as_of.AddDays(-rng.Int(300, 1500)));
        out.rows.Add({id, host.name + "研发实验服务基地", "base", host.id, DomainName(host.domains.front()),
                      "依托" + host.name + "的重点实验室和工程研究中心，向社会开放共享大型科研仪器设备", rng.Int(0, 5),
                      at, at});
    }
    return out;
}

TableRows MakeFinanceProducts(Random& rng, const std::vector<DemoOrg>& orgs, int count, std::int64_t first_id,
                              const std::vector<std::int64_t>& domain_centres, Date as_of) {
    TableRows rows("finance_products", {"id", "org_id", "base_id", "name", "kind", "features", "eligibility",
                                        "amount_min_fen", "amount_max_fen", "contact_name", "contact_phone", "status",
                                        "review_reason", "version", "created_by", "created_at", "updated_at"});
    std::vector<const DemoOrg*> lenders;
    for (const DemoOrg& org : orgs) {
        if (org.kind == OrgKind::kFinancial) lenders.push_back(&org);
    }
    if (lenders.empty()) return rows;
    std::map<FinanceType, std::vector<const FinanceTemplate*>> by_type;
    for (const FinanceTemplate& t : FinanceTemplates()) by_type[t.offered_by].push_back(&t);
    std::map<std::int64_t, std::size_t> offered;  // products so far per institution
    for (int i = 0; i < count; ++i) {
        const DemoOrg& org =
            *(static_cast<std::size_t>(i) < lenders.size() ? lenders[static_cast<std::size_t>(i)] : rng.Pick(lenders));
        const std::vector<const FinanceTemplate*>& templates = by_type[org.finance_type];
        std::size_t n = offered[org.id]++;
        const FinanceTemplate& t = *templates[n % templates.size()];
        std::string name = org.short_name + "·" + std::string(t.name) + Edition(n / templates.size());
        bool promoted = !domain_centres.empty() && rng.Chance(0.4);
        Review review = PickReview(rng);
        Date created = DayBetween(rng, std::min(org.registered, as_of.AddDays(-60)), as_of.AddDays(-30));
        std::string created_at = OfficeTime(rng, created);
        rows.Add({first_id + i, org.id, promoted ? store::Param(rng.Pick(domain_centres)) : store::Param(nullptr), name,
                  t.kind, t.features, t.eligibility, t.min_wan * 1000000LL, t.max_wan * 1000000LL, org.contact.name,
                  org.contact.phone, review.status, review.reason, 1, org.admin_user_id, created_at,
                  review.status == "draft" ? created_at : OfficeTime(rng, created.AddDays(rng.Int(1, 25)))});
    }
    return rows;
}

}  // namespace keyuan::demo
