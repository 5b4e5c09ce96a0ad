#pragma once
// Whether a referenced row exists (an organisation, a code of a reference table, a lab of the
// same unit): the registry's validation asks once per field of every object it writes. Inside
// a ReferenceChecksOnce scope, a reference found once is not asked for again.

#include <initializer_list>
#include <set>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace keyuan::registry {

/// True when `sql` (a SELECT 1 … with its parameters) answers a row.
bool ReferenceExists(store::Session& s, std::string_view sql, std::initializer_list<store::Param> params);

/// While it lives, ReferenceExists on this thread and session remembers the references it found
/// (not those it did not: a later row of the same transaction may create one): for a transaction
/// that validates many objects naming the same few codes (an import: each row's district,
/// industry codes and class code, one round trip each on PostgreSQL). Rows of reference tables
/// are not deleted while objects refer to them, so a reference found stays found.
class ReferenceChecksOnce {
public:
    explicit ReferenceChecksOnce(store::Session& s);
    ~ReferenceChecksOnce();
    ReferenceChecksOnce(const ReferenceChecksOnce&) = delete;
    ReferenceChecksOnce& operator=(const ReferenceChecksOnce&) = delete;

private:
    friend bool ReferenceExists(store::Session&, std::string_view, std::initializer_list<store::Param>);
    store::Session& session_;
    std::set<std::string, std::less<>> found_;
    ReferenceChecksOnce* outer_;
};

}  // namespace keyuan::registry
