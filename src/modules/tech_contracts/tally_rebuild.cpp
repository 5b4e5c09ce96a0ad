#include "modules/tech_contracts/tally_rebuild.hpp"

#include "modules/tech_contracts/tallies.hpp"

namespace keyuan::tech_contracts {

namespace {

/// A party's region (rules.hpp RegionOf) in SQL.
std::string RegionSql(const std::string& p) {
    return "CASE WHEN " + p + ".country_code <> '142' OR length(" + p +
           ".division_code) <> 6 THEN 'abroad' WHEN substr(" + p + ".division_code, 1, 4) = '1101' THEN " + p +
           ".division_code ELSE substr(" + p + ".division_code, 1, 2) || '0000' END";
}

// The registered contracts with their first seller (sp) and first buyer (bp), the type, the seller's
// legal-person class and the industry code's ancestors (i1 … i4).
constexpr const char* kFrom =
    " FROM tech_contracts c JOIN contract_types t ON t.id = c.contract_type_id "
    "LEFT JOIN tech_contract_parties sp ON sp.contract_id = c.id AND sp.position = (SELECT MIN(x.position) FROM "
    "tech_contract_parties x WHERE x.contract_id = c.id AND x.role = 'seller') "
    "LEFT JOIN tech_contract_parties bp ON bp.contract_id = c.id AND bp.position = (SELECT MIN(y.position) FROM "
    "tech_contract_parties y WHERE y.contract_id = c.id AND y.role = 'buyer') "
    "LEFT JOIN tech_entity_types e ON e.code = sp.entity_type "
    "LEFT JOIN industry_codes i1 ON i1.code = c.industry_code LEFT JOIN industry_codes i2 ON i2.code = i1.parent_code "
    "LEFT JOIN industry_codes i3 ON i3.code = i2.parent_code LEFT JOIN industry_codes i4 ON i4.code = i3.parent_code";

std::string KeyOf(const std::string& dimension) {
    if (dimension == "all") return "''";
    if (dimension == "type") return "t.type";
    if (dimension == "subtype") return "t.type || '/' || t.subtype";
    if (dimension == "field") return "c.field_code";
    if (dimension == "district") return "c.district_code";
    if (dimension == "seller_district") return "COALESCE(" + RegionSql("sp") + ", c.district_code)";
    if (dimension == "buyer_district") return "COALESCE(" + RegionSql("bp") + ", 'abroad')";
    if (dimension == "flow")
        return "COALESCE(" + RegionSql("sp") + ", c.district_code) || '>' || COALESCE(" + RegionSql("bp") +
               ", 'abroad')";
    if (dimension == "entity_type") return "COALESCE(e.class, 'other')";
    if (dimension == "industry") {
        return "CASE WHEN i1.code IS NULL THEN 'unknown' WHEN i1.parent_code IS NULL THEN i1.code WHEN i2.parent_code "
               "IS NULL THEN i2.code WHEN i3.parent_code IS NULL THEN i3.code ELSE COALESCE(i4.code, 'unknown') END";
    }
    return "COALESCE(ip.code, 'none')";  // ip_type
}

}  // namespace

std::string TallyAggregateSql(const std::string& dimension) {
    std::string key = KeyOf(dimension);
    std::string from = kFrom;
    if (dimension == "ip_type") from += " LEFT JOIN tech_contract_ip_types ip ON ip.contract_id = c.id";
    return "SELECT " + key +
           " AS k, substr(c.registered_on, 1, 7) AS m, COUNT(*) AS n, SUM(c.total_fen) AS total, "
           "SUM(c.tech_amount_fen) AS tech, SUM(CASE WHEN c.total_fen >= 1000000000 THEN 1 ELSE 0 END) AS major_n, "
           "SUM(CASE WHEN c.total_fen >= 1000000000 THEN c.total_fen ELSE 0 END) AS major_total" +
           from + " WHERE c.status = 'registered' GROUP BY " +
           // PostgreSQL refuses a constant in GROUP BY: "all" groups by month alone.
           (dimension == "all" ? std::string() : key + ", ") + "substr(c.registered_on, 1, 7)";
}

std::int64_t RebuildTallies(store::Session& s) {
    s.Execute("DELETE FROM tech_contract_tallies");
    std::vector<std::string> dimensions = TallyDimensions();
    dimensions.insert(dimensions.end(), {"all", "flow"});
    std::int64_t rows = 0;
    for (const std::string& d : dimensions) {
        rows += s.Execute(
            "INSERT INTO tech_contract_tallies (dimension, tally_key, month, contracts, total_fen, tech_fen, "
            "major_contracts, major_total_fen) SELECT '" +
            d + "', k, m, n, total, tech, major_n, major_total FROM (" + TallyAggregateSql(d) + ") a");
    }
    // The serials: past the largest number each prefix (all but the last 6 digits) has given.
    s.Execute(
        "INSERT INTO tech_contract_serials (prefix, last_serial) SELECT substr(registration_no, 1, length("
        "registration_no) - 6), MAX(CAST(substr(registration_no, length(registration_no) - 5) AS INTEGER)) FROM "
        "tech_contracts WHERE registration_no IS NOT NULL GROUP BY substr(registration_no, 1, length(registration_no) "
        "- 6) "
        "ON CONFLICT (prefix) DO UPDATE SET last_serial = excluded.last_serial");
    return rows;
}

}  // namespace keyuan::tech_contracts
