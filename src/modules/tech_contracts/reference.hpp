#pragma once
// The reference lists of form JJ-001 (migration 0037 and the shared contract types) as the API shows them,
// and the names of the statistics' keys.

#include <boost/json/object.hpp>

#include <map>
#include <string>

#include "store/database.hpp"

namespace keyuan::tech_contracts {

/// {types: [{id, type, subtype, legal_basis}], fields, ip_types, entity_types, provinces, districts}:
/// each list of {code, name_zh, name_en, …}.
boost::json::object ReferenceJson(store::Session& s);

/// The display name of each key of a statistics dimension ("110108" → 海淀区, "abroad" → 境外 …), in
/// Chinese and English.
struct KeyName {
    std::string zh, en;
};
std::map<std::string, KeyName> KeyNames(store::Session& s, const std::string& dimension);

/// The name of a region key of the map (a Beijing district, a province, abroad).
std::map<std::string, KeyName> RegionNames(store::Session& s);

}  // namespace keyuan::tech_contracts
