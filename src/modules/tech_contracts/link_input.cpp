#include "modules/tech_contracts/link_input.hpp"

#include "core/id.hpp"

namespace keyuan::tech_contracts {

namespace {

std::optional<std::int64_t> ReadDemand(store::Session& s, const std::optional<std::string>& text, ContractInput& in,
                                       FieldErrors& errors) {
    if (!text || text->empty()) return std::nullopt;
    std::optional<std::int64_t> id = ParseId(*text);
    store::Rows rows = id ? s.Query(
                                "SELECT o.credit_code FROM tech_demands d JOIN organizations o ON o.id = d.org_id "
                                "WHERE d.id = $1 AND d.status IN ('approved', 'closed')",
                                {*id})
                          : store::Rows{};
    if (rows.empty()) {
        errors.Add("demand_id", "须为已发布的技术需求", "Must be a published technology demand");
        return std::nullopt;
    }
    std::string credit(rows[0].Text(0));
    bool buyer = false;
    for (const Party& p : in.parties) buyer = buyer || (p.role == "buyer" && p.credit_code == credit);
    if (!buyer) {
        errors.Add("demand_id", "需求发布企业须为合同买方（统一社会信用代码一致）",
                   "The demand's enterprise must be a buyer (same credit code)");
    }
    return id;
}

bool Assigned(store::Session& s, std::int64_t demand, std::int64_t broker, const char* statuses) {
    return !s.Query(std::string("SELECT 1 FROM tech_broker_assignments WHERE demand_id = $1 AND broker_id = $2 AND "
                                "status IN ") +
                        statuses,
                    {demand, broker})
                .empty();
}

}  // namespace

std::optional<std::int64_t> ActiveBrokerOf(store::Session& s, std::int64_t user_id) {
    store::Rows rows = s.Query("SELECT id FROM tech_brokers WHERE user_id = $1 AND status = 'active'", {user_id});
    return rows.empty() ? std::nullopt : std::optional<std::int64_t>(rows[0].Int(0));
}

void ReadLinks(store::Session& s, const std::optional<std::string>& demand, const std::optional<std::string>& broker,
               std::optional<std::int64_t> filing_broker, ContractInput& in, FieldErrors& errors) {
    in.demand_id = ReadDemand(s, demand, in, errors);
    if (filing_broker) {
        // A broker acts only within the demands assigned to them (issue 18 "Bad input").
        in.broker_id = filing_broker;
        if (broker && !broker->empty() && ParseId(*broker) != filing_broker) {
            errors.Add("broker_id", "经纪人只能以本人名义申请", "A broker files in their own name");
        }
        if (!demand || demand->empty()) {
            errors.Add("demand_id", "经纪人须关联指派给您的技术需求", "A broker files for a demand assigned to them");
        } else if (in.demand_id && !Assigned(s, *in.demand_id, *filing_broker, "('accepted')")) {
            errors.Add("demand_id", "该需求未指派给您或您尚未接受",
                       "This demand is not assigned to you (or not accepted)");
        }
        return;
    }
    if (!broker || broker->empty()) return;
    std::optional<std::int64_t> id = ParseId(*broker);
    if (!id || s.Query("SELECT 1 FROM tech_brokers WHERE id = $1 AND status = 'active'", {*id}).empty()) {
        errors.Add("broker_id", "须为在册的技术经纪人", "Must be an active technology broker");
        return;
    }
    if (in.demand_id && !Assigned(s, *in.demand_id, *id, "('accepted', 'ended')")) {
        errors.Add("broker_id", "该经纪人未受托办理此需求", "This broker did not handle the demand");
        return;
    }
    in.broker_id = id;
}

}  // namespace keyuan::tech_contracts
