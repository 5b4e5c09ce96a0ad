#include <boost/json/array.hpp>

#include "http/paging.hpp"
#include "modules/vouchers/module_parts.hpp"

namespace keyuan::vouchers {
namespace json = boost::json;

bool ScopeToOwnOrganization(const access::Policy& policy, const Caller* caller, std::string_view action,
                            std::string_view column, workflow::Conditions& where) {
    if (Oversees(policy, caller)) return true;
    policy.RequireAction(caller, action);
    if (!caller->org_id) throw ApiError(Error::Forbidden());
    where.And(std::string(column) + " = " + where.Param(*caller->org_id));
    return false;
}

json::object ListPage(store::Database& db, const std::string& from, workflow::Conditions& where,
                      const http::Paging& paging,
                      const std::function<json::object(store::Session&, std::int64_t)>& show,
                      const std::string& order) {
    json::array items;
    std::int64_t total = 0;
    db.Read([&](store::Session& s) {
        total = s.Query("SELECT COUNT(*) FROM " + from + where.where(), where.params()).front().Int(0);
        std::string page = " ORDER BY " + order + " LIMIT " + where.Param(paging.page_size) + " OFFSET " +
                           where.Param(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
        // The table's alias is the word after its name: "vouchers v" → v.id.
        std::string alias = from.substr(from.rfind(' ') + 1);
        store::Rows rows = s.Query("SELECT " + alias + ".id FROM " + from + where.where() + page, where.params());
        for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(show(s, rows[i].Int(0)));
    });
    return http::PageEnvelope(std::move(items), total, paging);
}

}  // namespace keyuan::vouchers
