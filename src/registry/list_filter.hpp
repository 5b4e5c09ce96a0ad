#pragma once
// A list request's conditions, shared by the JSON list (list_query.cpp) and the file export
// (export.cpp), so that an export holds exactly the rows the list would page through.

#include <string>
#include <vector>

#include "access/policy.hpp"
#include "core/caller.hpp"
#include "http/request.hpp"
#include "registry/spec.hpp"
#include "store/param.hpp"

namespace keyuan::registry {

struct ListFilter {
    std::string status;  // approved (default), another state, or all
    std::string where;   // " WHERE …" over t (the kind's table) and o (its organisation)
    bool needs_org = false;
    std::vector<store::Param> params;
    std::string order;  // " ORDER BY …"

    /// " FROM table t [JOIN organizations o] WHERE …".
    std::string From(const std::string& table) const;
};

/// The request's status, filters, scope and sort; throws ApiError 401/403 for an unpublished
/// status the caller may not read, 422 naming every unknown or bad filter. Ignores paging and
/// the answer's form (page, page_size, format, charset).
ListFilter ReadListFilter(const ResourceSpec& spec, const access::Policy& policy, const Caller* caller,
                          const http::Request& r);

}  // namespace keyuan::registry
