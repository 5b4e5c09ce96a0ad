#include "modules/tech_contracts/reference.hpp"

#include <boost/json/array.hpp>

namespace keyuan::tech_contracts {
namespace json = boost::json;

namespace {

json::array Rows(store::Session& s, const std::string& sql, std::initializer_list<const char*> names) {
    store::Rows rows = s.Query(sql);
    json::array out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        json::object item;
        std::size_t col = 0;
        for (const char* name : names) item[name] = rows[i].Text(col++);
        out.push_back(std::move(item));
    }
    return out;
}

std::map<std::string, KeyName> Named(store::Session& s, const std::string& sql) {
    std::map<std::string, KeyName> out;
    store::Rows rows = s.Query(sql);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out[std::string(rows[i].Text(0))] = {std::string(rows[i].Text(1)), std::string(rows[i].Text(2))};
    }
    return out;
}

}  // namespace

json::object ReferenceJson(store::Session& s) {
    return json::object{
        {"types", Rows(s, "SELECT id, type, subtype, legal_basis FROM contract_types ORDER BY id",
                       {"id", "type", "subtype", "legal_basis"})},
        {"fields",
         Rows(s, "SELECT code, name_zh, name_en FROM tech_fields ORDER BY position", {"code", "name_zh", "name_en"})},
        {"ip_types",
         Rows(s, "SELECT code, name_zh, name_en FROM tech_ip_types ORDER BY position", {"code", "name_zh", "name_en"})},
        {"entity_types", Rows(s, "SELECT code, name_zh, name_en, class FROM tech_entity_types ORDER BY code",
                              {"code", "name_zh", "name_en", "class"})},
        {"provinces", Rows(s, "SELECT code, name_zh, name_en, short_name FROM tech_provinces ORDER BY code",
                           {"code", "name_zh", "name_en", "short_name"})},
        {"districts",
         Rows(s, "SELECT code, name, name_en FROM districts ORDER BY code", {"code", "name_zh", "name_en"})}};
}

std::map<std::string, KeyName> RegionNames(store::Session& s) {
    std::map<std::string, KeyName> out = Named(s, "SELECT code, name, name_en FROM districts");
    for (auto& [code, name] : Named(s, "SELECT code, short_name, name_en FROM tech_provinces")) out[code] = name;
    out["abroad"] = {"境外", "Abroad"};
    return out;
}

std::map<std::string, KeyName> KeyNames(store::Session& s, const std::string& dimension) {
    if (dimension == "field") return Named(s, "SELECT code, name_zh, name_en FROM tech_fields");
    if (dimension == "ip_type") return Named(s, "SELECT code, name_zh, name_en FROM tech_ip_types");
    if (dimension == "district" || dimension == "seller_district" || dimension == "buyer_district")
        return RegionNames(s);
    if (dimension == "industry") {
        std::map<std::string, KeyName> out = Named(s, "SELECT code, name, name FROM industry_codes WHERE level = 1");
        out["unknown"] = {"未填行业", "Not given"};
        return out;
    }
    if (dimension == "entity_type") {
        return {{"enterprise", {"企业法人", "Enterprises"}},
                {"research", {"科研机构", "Research institutes"}},
                {"university", {"高等院校", "Universities"}},
                {"other", {"其他", "Other"}}};
    }
    return {};  // type, subtype, month: the key is its own name
}

}  // namespace keyuan::tech_contracts
