#include "registry/links.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

#include "core/id.hpp"
#include "registry/reference_checks.hpp"

namespace keyuan::registry {
namespace json = boost::json;

const LinkSpec* FindLink(const ResourceSpec& spec, std::string_view name) {
    for (const LinkSpec& l : spec.links) {
        if (l.name == name) return &l;
    }
    return nullptr;
}

std::string LinkColumns(const ResourceSpec& spec, bool postgres) {
    // Each link rides along as one JSON array per row, so that a resource (or a page) is one
    // statement: on PostgreSQL every statement saved is a round trip saved.
    std::string out;
    for (std::size_t i = 0; i < spec.links.size(); ++i) {
        const LinkSpec& l = spec.links[i];
        std::string alias = "l" + std::to_string(i);
        std::string items = alias + "." + l.target_column;
        for (const std::string& extra : l.extra_columns) items += ", " + alias + "." + extra;
        out += std::string(", (SELECT ") + (postgres ? "json_agg(json_build_array(" : "json_group_array(json_array(") +
               items + ")) FROM " + l.table + " " + alias + " WHERE " + alias + "." + l.owner_column + " = t.id)";
    }
    return out;
}

void ParseLinks(const ResourceSpec& spec, const store::Row& row, std::size_t first_col, Links& out) {
    for (std::size_t i = 0; i < spec.links.size(); ++i) {
        auto& rows = out[spec.links[i].name];
        if (row.IsNull(first_col + i)) continue;  // PostgreSQL's json_agg of nothing
        json::value parsed = json::parse(row.Text(first_col + i));
        for (const json::value& item : parsed.as_array()) {
            std::vector<std::string> cells;
            for (const json::value& cell : item.as_array()) {
                cells.push_back(cell.is_string() ? std::string(cell.get_string()) : json::serialize(cell));
            }
            rows.push_back(std::move(cells));
        }
        std::sort(rows.begin(), rows.end());
    }
}

void LinksToJson(const ResourceSpec& spec, const Links& links, json::object& out) {
    for (const LinkSpec& l : spec.links) {
        json::array targets, detailed;
        auto it = links.find(l.name);
        for (const auto& cells : it == links.end() ? std::vector<std::vector<std::string>>() : it->second) {
            targets.emplace_back(cells.at(0));
            json::object detail{{l.target_column, cells.at(0)}};
            for (std::size_t k = 0; k < l.extra_columns.size(); ++k) detail[l.extra_columns[k]] = cells.at(k + 1);
            detailed.push_back(std::move(detail));
        }
        out[l.name] = std::move(targets);
        if (!l.detail_name.empty()) out[l.detail_name] = std::move(detailed);
    }
}

void SaveLinks(store::Session& s, const ResourceSpec& spec, std::int64_t id, const Links& links) {
    for (const LinkSpec& l : spec.links) {
        auto it = links.find(l.name);
        if (it == links.end()) continue;
        // Sent, not waited for (Session::Send): a create or update writes several such rows.
        s.Send("DELETE FROM " + l.table + " WHERE " + l.owner_column + " = $1", {id});
        std::string columns = l.owner_column + ", " + l.target_column, placeholders = "$1, $2";
        for (std::size_t k = 0; k < l.extra_columns.size(); ++k) {
            columns += ", " + l.extra_columns[k];
            placeholders += ", $" + std::to_string(k + 3);
        }
        for (const auto& cells : it->second) {
            std::vector<store::Param> params = {id};
            if (l.target_is_id) {
                params.emplace_back(ParseId(cells.at(0)).value_or(0));
            } else {
                params.emplace_back(cells.at(0));
            }
            for (std::size_t k = 0; k < l.extra_columns.size(); ++k) params.emplace_back(cells.at(k + 1));
            s.Send("INSERT INTO " + l.table + " (" + columns + ") VALUES (" + placeholders + ")", params);
        }
    }
}

namespace {

/// Reads [{target, extra…}] into `rows`; false if it is not such an array.
bool ReadDetailed(const json::value& detailed, const LinkSpec& l, std::vector<std::vector<std::string>>& rows) {
    if (!detailed.is_array() || detailed.as_array().size() > l.max_items) return false;
    for (const json::value& item : detailed.as_array()) {
        const json::object* o = item.if_object();
        const json::value* target = o ? o->if_contains(l.target_column) : nullptr;
        if (!target || !target->is_string()) return false;
        std::vector<std::string> cells = {std::string(target->as_string())};
        for (const std::string& extra : l.extra_columns) {
            const json::value* v = o->if_contains(extra);
            if (v && (!v->is_string() || v->as_string().size() > l.max_extra_chars)) return false;
            cells.push_back(v ? std::string(v->as_string()) : "");
        }
        rows.push_back(std::move(cells));
    }
    return true;
}

std::size_t CountOf(const Links& links, const std::string& name) {
    auto it = links.find(name);
    return it == links.end() ? 0 : it->second.size();
}

void TooFew(const LinkSpec& l, const std::string& key, FieldErrors& errors) {
    std::string n = std::to_string(l.min_items);
    errors.Add(key, "至少须有 " + n + " 项", "At least " + n + " required");
}

}  // namespace

void ReadLinks(http::JsonReader& reader, const ResourceSpec& spec, Links& given,
               std::map<std::string, std::string>& keys) {
    for (const LinkSpec& l : spec.links) {
        if (auto targets = reader.StringList(l.name, false, l.max_items, l.max_target_chars)) {
            auto& rows = given[l.name];
            for (const std::string& target : *targets) {
                std::vector<std::string> cells(1 + l.extra_columns.size());
                cells[0] = target;
                rows.push_back(std::move(cells));
            }
            keys[l.name] = l.name;
        }
        if (l.detail_name.empty()) continue;
        const json::value* detailed = reader.Raw(l.detail_name);
        if (!detailed) continue;
        if (!ReadDetailed(*detailed, l, given[l.name])) {
            std::string shape = l.target_column;
            for (const std::string& extra : l.extra_columns) shape += ", " + extra;
            std::string max = std::to_string(l.max_items);
            reader.errors().Add(l.detail_name, "须为 [{" + shape + "}] 数组，最多 " + max + " 项",
                                "Must be an array of up to " + max + " {" + shape + "} objects");
        }
        keys[l.name] = l.detail_name;
    }
}

void CheckLinks(store::Session& s, const ResourceSpec& spec, FieldErrors& errors, const Links* existing,
                const std::map<std::string, std::string>& keys, Links& links) {
    for (const LinkSpec& l : spec.links) {
        auto key = keys.find(l.name);
        if (key == keys.end()) {
            if (existing && existing->count(l.name)) links[l.name] = existing->at(l.name);
            if (l.min_items > CountOf(links, l.name)) TooFew(l, l.name, errors);
            continue;
        }
        if (l.min_items > CountOf(links, l.name)) TooFew(l, key->second, errors);
        std::string sql = "SELECT 1 FROM " + l.target_table + " WHERE " +
                          (l.target_key.empty() ? l.target_column : l.target_key) + " = $1" +
                          (l.target_where.empty() ? "" : " AND " + l.target_where);
        for (const auto& cells : links[l.name]) {
            std::optional<std::int64_t> id = l.target_is_id ? ParseId(cells.at(0)) : std::nullopt;
            bool found = l.target_is_id ? id && ReferenceExists(s, sql, {*id}) : ReferenceExists(s, sql, {cells.at(0)});
            if (!found) errors.Add(key->second, l.unknown_zh + cells.at(0), l.unknown_en + cells.at(0));
        }
    }
}

}  // namespace keyuan::registry
