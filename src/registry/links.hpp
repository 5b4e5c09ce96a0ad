#pragma once
// The generic links of a kind (LinkSpec): read with the resource in one statement, shown,
// read from a request and checked, saved. Internal to the registry.

#include <boost/json/object.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "http/json.hpp"
#include "registry/spec.hpp"

namespace keyuan::registry {

/// Per link name, its rows: the target, then the extra columns.
using Links = std::map<std::string, std::vector<std::vector<std::string>>, std::less<>>;

/// ", (SELECT <json array of rows>) …", one column per link, to follow the fields.
std::string LinkColumns(const ResourceSpec& spec, bool postgres);
/// Reads the link columns from `first_col` on (NULL or "[]" for none), each sorted.
void ParseLinks(const ResourceSpec& spec, const store::Row& row, std::size_t first_col, Links& out);
void LinksToJson(const ResourceSpec& spec, const Links& links, boost::json::object& out);
/// Replaces the resource's rows of every link in `links`.
void SaveLinks(store::Session& s, const ResourceSpec& spec, std::int64_t id, const Links& links);

/// Reads the links given in the body (format errors recorded); `keys` names where each was given.
void ReadLinks(http::JsonReader& reader, const ResourceSpec& spec, Links& given,
               std::map<std::string, std::string>& keys);
/// Checks that every given target exists, and fills in the links not given from `existing`.
void CheckLinks(store::Session& s, const ResourceSpec& spec, FieldErrors& errors, const Links* existing,
                const std::map<std::string, std::string>& keys, Links& links);

}  // namespace keyuan::registry
