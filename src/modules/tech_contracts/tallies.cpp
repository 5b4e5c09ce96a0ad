#include "modules/tech_contracts/tallies.hpp"

#include "modules/tech_contracts/rules.hpp"

namespace keyuan::tech_contracts {

namespace {

/// The GB/T 4754 section (门类, a letter) of an industry code: its top ancestor.
std::string SectionOf(store::Session& s, const std::optional<std::string>& code) {
    if (!code) return "unknown";
    std::string current = *code;
    for (int depth = 0; depth < 5; ++depth) {
        store::Rows rows = s.Query("SELECT parent_code FROM industry_codes WHERE code = $1", {current});
        if (rows.empty()) return "unknown";
        if (rows[0].IsNull(0)) return current;
        current = rows[0].Text(0);
    }
    return "unknown";
}

std::string EntityClass(store::Session& s, const std::string& entity_type) {
    store::Rows rows = s.Query("SELECT class FROM tech_entity_types WHERE code = $1", {entity_type});
    return rows.empty() ? "other" : std::string(rows[0].Text(0));
}

}  // namespace

const std::vector<std::string>& TallyDimensions() {
    static const std::vector<std::string> kDimensions = {"type",     "subtype",         "field",
                                                         "district", "seller_district", "buyer_district",
                                                         "industry", "entity_type",     "ip_type"};
    return kDimensions;
}

std::vector<std::pair<std::string, std::string>> TallyKeys(store::Session& s, const Contract& c) {
    const ContractInput& in = c.input;
    const Party* seller = nullptr;
    const Party* buyer = nullptr;
    for (const Party& p : in.parties) {
        if (p.role == "seller" && !seller) seller = &p;
        if (p.role == "buyer" && !buyer) buyer = &p;
    }
    Region from = seller ? RegionOf(seller->country_code, seller->division_code) : Region{c.district_code, "city"};
    Region to = buyer ? RegionOf(buyer->country_code, buyer->division_code) : Region{"abroad", "abroad"};
    std::vector<std::pair<std::string, std::string>> keys = {
        {"all", ""},
        {"type", in.type},
        {"subtype", in.type + "/" + in.subtype},
        {"field", in.field_code},
        {"district", c.district_code},
        {"seller_district", from.key},
        {"buyer_district", to.key},
        {"industry", SectionOf(s, in.industry_code)},
        {"entity_type", seller ? EntityClass(s, seller->entity_type) : "other"},
        {"flow", from.key + ">" + to.key}};
    if (in.ip_types.empty()) keys.emplace_back("ip_type", "none");
    for (const std::string& code : in.ip_types) keys.emplace_back("ip_type", code);
    return keys;
}

void AddToTallies(store::Session& s, const Contract& c, const std::string& month) {
    bool major = IsMajor(c.input.total_fen);
    std::int64_t total = c.input.total_fen;
    std::int64_t tech = c.input.tech_amount_fen;
    for (const auto& [dimension, key] : TallyKeys(s, c)) {
        // One upsert per row: concurrent registrations add under the row's lock, none is lost.
        s.Execute(
            "INSERT INTO tech_contract_tallies (dimension, tally_key, month, contracts, total_fen, tech_fen, "
            "major_contracts, major_total_fen) VALUES ($1, $2, $3, 1, $4, $5, $6, $7) "
            "ON CONFLICT (dimension, month, tally_key) DO UPDATE SET contracts = tech_contract_tallies.contracts + 1, "
            "total_fen = tech_contract_tallies.total_fen + $4, tech_fen = tech_contract_tallies.tech_fen + $5, "
            "major_contracts = tech_contract_tallies.major_contracts + $6, "
            "major_total_fen = tech_contract_tallies.major_total_fen + $7",
            {dimension, key, month, total, tech, major ? 1 : 0, major ? total : 0});
    }
}

}  // namespace keyuan::tech_contracts
