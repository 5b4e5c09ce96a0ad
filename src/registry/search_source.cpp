#include "registry/search_source.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <memory>

namespace keyuan::registry {
namespace json = boost::json;

namespace {

constexpr std::string_view kNameSuffix = ".name";

/// The query and the row layout of one kind: t.id, t.org_id, o.name, t.updated_at,
/// o.district_code, every field of the spec, then the names of referenced codes.
struct Layout {
    ResourceSpec spec;
    std::string select;
    std::vector<std::string> code_names;  // "<field>.name" entries, in column order
    static constexpr std::size_t kFirstField = 5;

    explicit Layout(ResourceSpec s) : spec(std::move(s)) {
        const SearchSpec& search = *spec.search;
        std::string columns = "SELECT t.id, t.org_id, o.name, t.updated_at, o.district_code";
        std::string joins;
        for (const FieldSpec& f : spec.fields) columns += ", t." + f.name;
        for (const std::string& name : search.body) {
            if (!name.ends_with(kNameSuffix)) continue;
            std::string field = name.substr(0, name.size() - kNameSuffix.size());
            std::string alias = "r" + std::to_string(code_names.size());
            columns += ", COALESCE(" + alias + ".name, '')";
            joins +=
                " LEFT JOIN " + FindField(spec, field)->ref_table + " " + alias + " ON " + alias + ".code = t." + field;
            code_names.push_back(name);
        }
        select = columns + " FROM " + spec.table + " t JOIN organizations o ON o.id = t.org_id" + joins +
                 " WHERE t.status = 'approved'" + (spec.is_public.empty() ? "" : " AND (" + spec.is_public + ")");
    }

    Values Read(const store::Row& r, std::map<std::string, std::string, std::less<>>& extra) const {
        Values v;
        std::size_t col = kFirstField;
        for (const FieldSpec& f : spec.fields) {
            if (r.IsNull(col)) {
                v.emplace(f.name, nullptr);
            } else if (IsIntType(f.type)) {
                v.emplace(f.name, r.Int(col));
            } else {
                v.emplace(f.name, std::string(r.Text(col)));
            }
            ++col;
        }
        for (const std::string& name : code_names) extra[name] = std::string(r.Text(col++));
        extra["org_name"] = std::string(r.Text(2));
        return v;
    }
};

std::string TextOf(const Values& v, const std::map<std::string, std::string, std::less<>>& extra,
                   const std::string& name) {
    if (auto it = extra.find(name); it != extra.end()) return it->second;
    auto it = v.find(name);
    if (it == v.end() || it->second.kind() == store::Param::Kind::kNull) return "";
    return it->second.ToText();
}

/// The texts of `names` joined with spaces; a list field (keywords) by its items, not its JSON.
std::string Joined(const ResourceSpec& spec, const Values& v,
                   const std::map<std::string, std::string, std::less<>>& extra,
                   const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::string text = TextOf(v, extra, names[i]);
        const FieldSpec* f = FindField(spec, names[i]);
        if (f && IsListType(f->type) && !text.empty()) {
            std::error_code ec;
            json::value list = json::parse(text, ec);
            if (!ec && list.is_array()) {
                text.clear();
                for (const json::value& item : list.as_array()) {
                    if (item.is_string()) text += (text.empty() ? "" : " ") + std::string(item.as_string());
                }
            }
        }
        out += (i ? " " : "") + text;
    }
    return out;
}

/// What a page of documents links to, read for the page's id range in one query per link
/// (statuses, industry codes with their scope phrases, the high-tech industries of those codes)
/// rather than once per document: an index rebuild reads a table in pages of hundreds.
struct Linked {
    std::map<std::int64_t, std::vector<std::string>> statuses;
    std::map<std::int64_t, std::vector<std::pair<std::string, std::string>>> codes;
    std::map<std::int64_t, std::vector<std::int64_t>> hitech;
};

Linked LoadLinked(store::Session& s, const Layout& layout, std::int64_t first_id, std::int64_t last_id) {
    const ResourceSpec& spec = layout.spec;
    const SearchSpec& search = *spec.search;
    Linked out;
    if (const LinkSpec* link = search.status_link.empty() ? nullptr : FindLink(spec, search.status_link)) {
        store::Rows rows =
            s.Query("SELECT " + link->owner_column + ", " + link->target_column + " FROM " + link->table + " WHERE " +
                        link->owner_column + " BETWEEN $1 AND $2 ORDER BY 1, 2",
                    {first_id, last_id});
        for (std::size_t i = 0; i < rows.size(); ++i) out.statuses[rows[i].Int(0)].emplace_back(rows[i].Text(1));
    }
    if (const LinkSpec* link = FindLink(spec, "industry_codes")) {
        std::string scope = link->extra_columns.empty() ? "''" : link->extra_columns.front();
        store::Rows codes = s.Query("SELECT " + link->owner_column + ", code, " + scope + " FROM " + link->table +
                                        " WHERE " + link->owner_column + " BETWEEN $1 AND $2 ORDER BY 1, 2",
                                    {first_id, last_id});
        for (std::size_t i = 0; i < codes.size(); ++i) {
            out.codes[codes[i].Int(0)].emplace_back(codes[i].Text(1), codes[i].Text(2));
        }
        store::Rows hitech =
            s.Query("SELECT DISTINCT l." + link->owner_column + ", x.industry_id FROM hitech_subcategories x JOIN " +
                        link->table + " l ON l.code = x.code WHERE l." + link->owner_column +
                        " BETWEEN $1 AND $2 ORDER BY 1, 2",
                    {first_id, last_id});
        for (std::size_t i = 0; i < hitech.size(); ++i) out.hitech[hitech[i].Int(0)].push_back(hitech[i].Int(1));
    }
    return out;
}

search::SearchDocument Build(const Layout& layout, const store::Row& r, const Linked& linked) {
    const ResourceSpec& spec = layout.spec;
    const SearchSpec& search = *spec.search;
    search::SearchDocument d;
    d.type = spec.kind;
    d.id = r.Int(0);
    d.org_id = r.Int(1);
    d.updated_at = r.Text(3);
    std::map<std::string, std::string, std::less<>> extra;
    Values v = layout.Read(r, extra);
    d.title = Joined(spec, v, extra, search.title);
    if (!search.label.empty()) d.label = TextOf(v, extra, search.label);
    d.body = Joined(spec, v, extra, search.body);
    if (!search.class_code.empty()) d.class_code = TextOf(v, extra, search.class_code);
    if (!search.district.empty()) {
        auto it = v.find(search.district);
        bool missing = it == v.end() || it->second.kind() == store::Param::Kind::kNull;
        d.district_code =
            missing && search.district_from_org ? std::string(r.Text(4)) : TextOf(v, extra, search.district);
    }
    if (!search.open_status.empty()) d.open_status = TextOf(v, extra, search.open_status);
    if (auto it = v.find(search.price); it != v.end() && it->second.kind() == store::Param::Kind::kInt) {
        d.price_fen = it->second.int_value();
    }
    if (auto it = linked.statuses.find(d.id); it != linked.statuses.end()) d.statuses = it->second;
    json::object display;
    for (const std::string& name : search.display) {
        const FieldSpec* f = FindField(spec, name);
        if (name == search.district) {
            display[name] = d.district_code;
        } else if (f && IsIntType(f->type)) {
            const store::Param& p = v.at(name);
            display[name] = p.kind() == store::Param::Kind::kInt ? json::value(p.int_value()) : json::value(nullptr);
        } else {
            display[name] = TextOf(v, extra, name);
        }
    }
    if (search.extra) search.extra(v, d, display);
    d.display_json = json::serialize(display);
    // Industry codes are a facet of their own; their scope phrases (labs) are searched as body.
    if (auto it = linked.codes.find(d.id); it != linked.codes.end()) {
        for (const auto& [code, scope] : it->second) {
            d.industry_codes.push_back(code);
            d.body += " " + scope;
        }
    }
    if (auto it = linked.hitech.find(d.id); it != linked.hitech.end()) d.hitech_industries = it->second;
    return d;
}

}  // namespace

search::Source SearchSourceOf(const ResourceSpec& spec) {
    auto layout = std::make_shared<const Layout>(spec);
    search::Source source{.type = spec.kind};
    source.load = [layout](store::Session& s, std::int64_t id) -> std::optional<search::SearchDocument> {
        store::Rows rows = s.Query(layout->select + " AND t.id = $1", {id});
        if (rows.empty()) return std::nullopt;
        return Build(*layout, rows.front(), LoadLinked(s, *layout, id, id));
    };
    source.load_after = [layout](store::Session& s, std::int64_t after_id, int limit) {
        std::vector<search::SearchDocument> out;
        store::Rows rows = s.Query(layout->select + " AND t.id > $1 ORDER BY t.id LIMIT $2", {after_id, limit});
        if (rows.empty()) return out;
        Linked linked = LoadLinked(s, *layout, rows[0].Int(0), rows[rows.size() - 1].Int(0));
        for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(Build(*layout, rows[i], linked));
        return out;
    };
    source.owned_by = [table = spec.table](store::Session& s, std::int64_t org_id) {
        std::vector<std::int64_t> out;
        store::Rows rows = s.Query("SELECT id FROM " + table + " WHERE org_id = $1", {org_id});
        for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows[i].Int(0));
        return out;
    };
    return source;
}

}  // namespace keyuan::registry
