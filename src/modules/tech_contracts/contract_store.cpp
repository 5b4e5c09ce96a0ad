#include "modules/tech_contracts/contract_store.hpp"

#include <boost/json/array.hpp>

#include "core/clock.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::tech_contracts {
namespace json = boost::json;

namespace {

constexpr const char* kSelect =
    "SELECT c.id, c.org_id, o.name, c.district_code, COALESCE(d.name, ''), c.contract_type_id, t.type, t.subtype, "
    "c.project_name, c.signed_on, c.valid_from, c.valid_until, c.total_fen, c.tech_amount_fen, c.field_code, "
    "c.industry_code, c.government_plan, c.plan_name, c.expected_investment_fen, c.expected_output_fen, "
    "c.achievement_id, c.status, c.version, c.reason, c.submitted_on, c.decision_due_on, c.registration_no, "
    "c.approved_income_fen, c.registered_on, c.registered_by, c.created_by, c.created_at, c.updated_at, f.name_zh, "
    "c.demand_id, COALESCE(dm.title, ''), c.broker_id, COALESCE(b.name, '') "
    "FROM tech_contracts c JOIN tech_fields f ON f.code = c.field_code JOIN organizations o ON o.id = c.org_id JOIN "
    "contract_types t ON t.id = c.contract_type_id "
    "LEFT JOIN districts d ON d.code = c.district_code LEFT JOIN tech_demands dm ON dm.id = c.demand_id "
    "LEFT JOIN tech_brokers b ON b.id = c.broker_id WHERE c.id = $1";

store::Param Opt(const std::optional<std::string>& v) {
    return v ? store::Param(*v) : store::Param(nullptr);
}
store::Param Opt(const std::optional<std::int64_t>& v) {
    return v ? store::Param(*v) : store::Param(nullptr);
}
json::value Value(const std::optional<std::string>& v) {
    return v ? json::value(*v) : json::value(nullptr);
}
json::value Value(const std::optional<std::int64_t>& v) {
    return v ? json::value(*v) : json::value(nullptr);
}
json::value IdValue(const std::optional<std::int64_t>& v) {
    return v ? json::value(std::to_string(*v)) : json::value(nullptr);
}

void WriteLinks(store::Session& s, std::int64_t id, const ContractInput& in) {
    s.Execute("DELETE FROM tech_contract_parties WHERE contract_id = $1", {id});
    s.Execute("DELETE FROM tech_contract_instalments WHERE contract_id = $1", {id});
    s.Execute("DELETE FROM tech_contract_ip_types WHERE contract_id = $1", {id});
    for (std::size_t i = 0; i < in.parties.size(); ++i) {
        const Party& p = in.parties[i];
        s.Execute(
            "INSERT INTO tech_contract_parties (contract_id, position, role, name, credit_code, entity_type, "
            "country_code, division_code) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            {id, static_cast<std::int64_t>(i), p.role, p.name, p.credit_code, p.entity_type, p.country_code,
             p.division_code});
    }
    for (std::size_t i = 0; i < in.instalments.size(); ++i) {
        s.Execute(
            "INSERT INTO tech_contract_instalments (contract_id, position, due_on, amount_fen) VALUES ($1, $2, $3, $4)",
            {id, static_cast<std::int64_t>(i), in.instalments[i].due_on, in.instalments[i].amount_fen});
    }
    for (const std::string& code : in.ip_types) {
        s.Execute("INSERT INTO tech_contract_ip_types (contract_id, code) VALUES ($1, $2)", {id, code});
    }
}

void ReadLinks(store::Session& s, Contract& c) {
    store::Rows parties = s.Query(
        "SELECT role, name, credit_code, entity_type, country_code, division_code FROM tech_contract_parties "
        "WHERE contract_id = $1 ORDER BY position",
        {c.id});
    for (std::size_t i = 0; i < parties.size(); ++i) {
        store::Row r = parties[i];
        c.input.parties.push_back({std::string(r.Text(0)), std::string(r.Text(1)), std::string(r.Text(2)),
                                   std::string(r.Text(3)), std::string(r.Text(4)), std::string(r.Text(5))});
    }
    store::Rows instalments = s.Query(
        "SELECT due_on, amount_fen FROM tech_contract_instalments WHERE contract_id = $1 ORDER BY position", {c.id});
    for (std::size_t i = 0; i < instalments.size(); ++i) {
        c.input.instalments.push_back({std::string(instalments[i].Text(0)), instalments[i].Int(1)});
    }
    store::Rows ip = s.Query(
        "SELECT i.code FROM tech_contract_ip_types i JOIN tech_ip_types t ON t.code = i.code "
        "WHERE i.contract_id = $1 ORDER BY t.position",
        {c.id});
    for (std::size_t i = 0; i < ip.size(); ++i) c.input.ip_types.emplace_back(ip[i].Text(0));
}

}  // namespace

std::optional<Contract> LoadContract(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(kSelect, {id});
    if (rows.empty()) return std::nullopt;
    store::Row r = rows[0];
    Contract c;
    c.id = r.Int(0);
    c.org_id = r.Int(1);
    c.org_name = r.Text(2);
    c.district_code = r.Text(3);
    c.district_name = r.Text(4);
    ContractInput& in = c.input;
    in.contract_type_id = r.Int(5);
    in.type = r.Text(6);
    in.subtype = r.Text(7);
    in.project_name = r.Text(8);
    in.signed_on = r.Text(9);
    in.valid_from = r.OptText(10);
    in.valid_until = r.OptText(11);
    in.total_fen = r.Int(12);
    in.tech_amount_fen = r.Int(13);
    in.field_code = r.Text(14);
    in.industry_code = r.OptText(15);
    in.government_plan = r.Bool(16);
    in.plan_name = r.Text(17);
    in.expected_investment_fen = r.OptInt(18);
    in.expected_output_fen = r.OptInt(19);
    in.achievement_id = r.OptInt(20);
    c.status = r.Text(21);
    c.version = r.Int(22);
    c.reason = r.Text(23);
    c.submitted_on = r.OptText(24);
    c.decision_due_on = r.OptText(25);
    c.registration_no = r.OptText(26);
    c.approved_income_fen = r.OptInt(27);
    c.registered_on = r.OptText(28);
    c.registered_by = r.OptInt(29);
    c.created_by = r.Int(30);
    c.created_at = r.Text(31);
    c.updated_at = r.Text(32);
    c.field_name = r.Text(33);
    in.demand_id = r.OptInt(34);
    c.demand_title = r.Text(35);
    in.broker_id = r.OptInt(36);
    c.broker_name = r.Text(37);
    ReadLinks(s, c);
    return c;
}

access::ObjectScope ScopeOf(const Contract& c) {
    return access::ObjectScope{.owner_user_id = c.created_by, .org_id = c.org_id, .district_code = c.district_code};
}

std::int64_t InsertContract(store::Session& s, const ContractInput& in, std::int64_t org_id,
                            const std::string& district, std::int64_t user_id) {
    std::string now = clock::NowUtc();
    std::int64_t id =
        s.Query(
             "INSERT INTO tech_contracts (org_id, district_code, contract_type_id, project_name, signed_on, "
             "valid_from, valid_until, total_fen, tech_amount_fen, field_code, industry_code, government_plan, "
             "plan_name, expected_investment_fen, expected_output_fen, achievement_id, created_by, created_at, "
             "updated_at, demand_id, broker_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
             "$15, "
             "$16, $17, $18, $18, $19, $20) RETURNING id",
             {org_id,
              district,
              in.contract_type_id,
              in.project_name,
              in.signed_on,
              Opt(in.valid_from),
              Opt(in.valid_until),
              in.total_fen,
              in.tech_amount_fen,
              in.field_code,
              Opt(in.industry_code),
              in.government_plan,
              in.plan_name,
              Opt(in.expected_investment_fen),
              Opt(in.expected_output_fen),
              Opt(in.achievement_id),
              user_id,
              now,
              Opt(in.demand_id),
              Opt(in.broker_id)})
            .front()
            .Int(0);
    WriteLinks(s, id, in);
    return id;
}

void UpdateContract(store::Session& s, const Contract& before, const ContractInput& in) {
    store::UpdateGuarded(
        s, {.table = "tech_contracts", .id = before.id, .version = before.version, .status = before.status},
        "contract_type_id = $1, project_name = $2, signed_on = $3, valid_from = $4, valid_until = $5, total_fen = $6, "
        "tech_amount_fen = $7, field_code = $8, industry_code = $9, government_plan = $10, plan_name = $11, "
        "expected_investment_fen = $12, expected_output_fen = $13, achievement_id = $14, updated_at = $15, demand_id = "
        "$16, "
        "broker_id = $17",
        {in.contract_type_id, in.project_name, in.signed_on, Opt(in.valid_from), Opt(in.valid_until), in.total_fen,
         in.tech_amount_fen, in.field_code, Opt(in.industry_code), in.government_plan, in.plan_name,
         Opt(in.expected_investment_fen), Opt(in.expected_output_fen), Opt(in.achievement_id), clock::NowUtc(),
         Opt(in.demand_id), Opt(in.broker_id)});
    WriteLinks(s, before.id, in);
}

json::object ContractJson(const Contract& c) {
    const ContractInput& in = c.input;
    json::array parties, instalments, ip_types;
    for (const Party& p : in.parties) {
        parties.push_back(json::object{{"role", p.role},
                                       {"name", p.name},
                                       {"credit_code", p.credit_code},
                                       {"entity_type", p.entity_type},
                                       {"country_code", p.country_code},
                                       {"division_code", p.division_code}});
    }
    for (const Instalment& i : in.instalments) {
        instalments.push_back(json::object{{"due_on", i.due_on}, {"amount_fen", i.amount_fen}});
    }
    for (const std::string& code : in.ip_types) ip_types.push_back(json::string(code));
    return json::object{{"id", std::to_string(c.id)},
                        {"status", c.status},
                        {"version", c.version},
                        {"org_id", std::to_string(c.org_id)},
                        {"org_name", c.org_name},
                        {"district_code", c.district_code},
                        {"district_name", c.district_name},
                        {"project_name", in.project_name},
                        {"contract_type_id", std::to_string(in.contract_type_id)},
                        {"type", in.type},
                        {"subtype", in.subtype},
                        {"signed_on", in.signed_on},
                        {"valid_from", Value(in.valid_from)},
                        {"valid_until", Value(in.valid_until)},
                        {"total_fen", in.total_fen},
                        {"tech_amount_fen", in.tech_amount_fen},
                        {"field_code", in.field_code},
                        {"field_name", c.field_name},
                        {"industry_code", Value(in.industry_code)},
                        {"government_plan", in.government_plan},
                        {"plan_name", in.plan_name},
                        {"expected_investment_fen", Value(in.expected_investment_fen)},
                        {"expected_output_fen", Value(in.expected_output_fen)},
                        {"achievement_id", IdValue(in.achievement_id)},
                        {"demand_id", IdValue(in.demand_id)},
                        {"demand_title", c.demand_title},
                        {"broker_id", IdValue(in.broker_id)},
                        {"broker_name", c.broker_name},
                        {"ip_types", std::move(ip_types)},
                        {"parties", std::move(parties)},
                        {"instalments", std::move(instalments)},
                        {"reason", c.reason},
                        {"submitted_on", Value(c.submitted_on)},
                        {"decision_due_on", Value(c.decision_due_on)},
                        {"registration_no", Value(c.registration_no)},
                        {"approved_income_fen", Value(c.approved_income_fen)},
                        {"registered_on", Value(c.registered_on)},
                        {"registered_by", IdValue(c.registered_by)},
                        {"created_at", c.created_at},
                        {"updated_at", c.updated_at}};
}

}  // namespace keyuan::tech_contracts
