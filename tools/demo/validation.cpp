#include "tools/demo/validation.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <vector>

#include "access/policy.hpp"
#include "core/error.hpp"
#include "modules/achievements/specs.hpp"
#include "modules/catalog/organization_input.hpp"
#include "modules/catalog/specs.hpp"
#include "registry/engine.hpp"

namespace keyuan::demo {
namespace json = boost::json;
using registry::FieldType;

namespace {

/// The value of a column as the API's JSON body gives it.
json::value ToJson(const store::Param& v, FieldType type) {
    switch (type) {
        case FieldType::kBool: return v.int_value() != 0;
        case FieldType::kInt:
        case FieldType::kMoney: return v.kind() == store::Param::Kind::kInt ? json::value(v.int_value()) : nullptr;
        case FieldType::kRef: return json::string(std::to_string(v.int_value()));
        case FieldType::kEnumList:
        case FieldType::kStringList: return json::parse(v.text_value());
        default: return v.kind() == store::Param::Kind::kText ? json::value(v.text_value()) : nullptr;
    }
}

/// The body an API client would send for row `row` of `rows`: the named columns only, with
/// their types; null columns left out, as a client leaves out what it does not know.
json::object Body(const TableRows& rows, std::size_t row,
                  const std::vector<std::pair<std::string, FieldType>>& fields) {
    json::object body;
    const std::vector<std::string>& columns = rows.columns();
    for (const auto& [name, type] : fields) {
        auto at = std::find(columns.begin(), columns.end(), name);
        if (at == columns.end()) continue;
        const store::Param& v = rows.values()[row * columns.size() + static_cast<std::size_t>(at - columns.begin())];
        if (v.kind() != store::Param::Kind::kNull) body[name] = ToJson(v, type);
    }
    return body;
}

/// The link rows of each resource as the API's body gives them: the targets under the link's
/// name, or objects {target, extra…} under its detail name when it has one (industries with
/// their scopes, team members with their roles).
std::map<std::int64_t, json::array> Links(const registry::LinkSpec& link, const TableRows& rows) {
    std::map<std::int64_t, json::array> out;
    std::size_t width = rows.columns().size();
    auto text = [](const store::Param& v) {
        return v.kind() == store::Param::Kind::kInt ? std::to_string(v.int_value()) : v.text_value();
    };
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const store::Param* row = &rows.values()[r * width];
        if (link.detail_name.empty()) {
            out[row[0].int_value()].push_back(json::value(text(row[1])));
            continue;
        }
        json::object item{{link.target_column, text(row[1])}};
        for (std::size_t k = 0; k < link.extra_columns.size() && k + 2 < width; ++k) {
            item[link.extra_columns[k]] = text(row[k + 2]);
        }
        out[row[0].int_value()].push_back(std::move(item));
    }
    return out;
}

std::string Describe(const Error& e) {
    std::string out = e.message.en;
    for (const FieldError& f : e.fields) out += "; " + f.field + ": " + f.message.en;
    return out;
}

}  // namespace

struct RowChecks::Impl {
    access::Policy policy;  // the engines declare their grants here; nothing reads them
    std::vector<std::unique_ptr<registry::ResourceEngine>> engines;
};

RowChecks::RowChecks(store::Database& db) : impl_(std::make_unique<Impl>()) {
    for (registry::ResourceSpec spec :
         {catalog::LabSpec(), catalog::InstrumentSpec(), catalog::ServiceSpec(), catalog::FinanceProductSpec(),
          achievements::AchievementSpec(), achievements::TalentSpec(), achievements::TeamSpec()}) {
        impl_->engines.push_back(std::make_unique<registry::ResourceEngine>(std::move(spec), db, impl_->policy, 0));
    }
}

RowChecks::~RowChecks() = default;

void RowChecks::Check(store::Session& s, const TableRows& rows, const LinkRows& links) const {
    const std::vector<std::string>& columns = rows.columns();
    auto id_at = std::find(columns.begin(), columns.end(), "id") - columns.begin();
    auto id_of = [&](std::size_t row) { return rows.values()[row * columns.size() + id_at].int_value(); };
    auto fail = [&](std::size_t row, const ApiError& e) {
        throw std::logic_error("demo generator: " + rows.table() + " row " + std::to_string(id_of(row)) +
                               " fails validation: " + Describe(e.error()));
    };
    if (rows.table() == "organizations") {
        static const std::vector<std::pair<std::string, FieldType>> kFields = {
            {"name", FieldType::kText},           {"credit_code", FieldType::kText},     {"kind", FieldType::kText},
            {"district_code", FieldType::kText},  {"department_code", FieldType::kText}, {"is_sme", FieldType::kBool},
            {"contacts", FieldType::kStringList}, {"address", FieldType::kText}};
        for (std::size_t r = 0; r < rows.size(); ++r) {
            try {
                catalog::ReadOrgInput(Body(rows, r, kFields), s, false);
            } catch (const ApiError& e) {
                fail(r, e);
            }
        }
        return;
    }
    for (const auto& engine : impl_->engines) {
        const registry::ResourceSpec& spec = engine->spec();
        if (spec.table != rows.table()) continue;
        std::vector<std::pair<std::string, FieldType>> fields = {{"org_id", FieldType::kRef}};
        for (const registry::FieldSpec& f : spec.fields) {
            if (!f.derived) fields.emplace_back(f.name, f.type);
        }
        // Each link given, as the API takes it; one not given is left out of every body.
        std::vector<std::pair<const registry::LinkSpec*, std::map<std::int64_t, json::array>>> given;
        for (const registry::LinkSpec& l : spec.links) {
            if (auto it = links.find(l.name); it != links.end() && it->second)
                given.emplace_back(&l, Links(l, *it->second));
        }
        for (std::size_t r = 0; r < rows.size(); ++r) {
            json::object body = Body(rows, r, fields);
            for (const auto& [link, by_id] : given) {
                auto it = by_id.find(id_of(r));
                body[link->detail_name.empty() ? link->name : link->detail_name] =
                    it == by_id.end() ? json::array() : it->second;
            }
            try {
                engine->CheckCreate(s, body);
            } catch (const ApiError& e) {
                fail(r, e);
            }
        }
    }
}

void RowChecks::Insert(store::Session& s, const TableRows& rows, const LinkRows& links) const {
    Check(s, rows, links);
    InsertRows(s, rows);
}

}  // namespace keyuan::demo
