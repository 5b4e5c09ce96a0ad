#pragma once
// Demo rows pass the validation of the module that owns them before they are bulk-inserted:
// organisations catalog's (credit code, district, department), the registered kinds the
// registry's (types, limits, references, industry codes, cross-field rules), exactly as an
// operator's create through the API. The rows are still written in bulk, for speed.

#include <map>
#include <memory>
#include <string>

#include "store/database.hpp"
#include "tools/demo/bulk_insert.hpp"

namespace keyuan::demo {

/// A kind's link rows by link name ("industry_codes", "statuses", "member_ids"): first column the
/// resource id, then the target, then the link's extra columns in the spec's order.
using LinkRows = std::map<std::string, const TableRows*>;

class RowChecks {
public:
    /// The registered kinds' engines over `db` (their grants go into a policy of their own).
    explicit RowChecks(store::Database& db);
    ~RowChecks();
    RowChecks(const RowChecks&) = delete;
    RowChecks& operator=(const RowChecks&) = delete;

    /// Validates every row of `rows` (organizations or a registered kind's table) within `s`,
    /// where the rows it refers to must already be; `links` are the kind's link rows, given to
    /// the check as the API takes them (a link with a minimum, as an achievement's statuses, is
    /// refused when its rows are missing). A row that fails is a bug in the generator: throws
    /// std::logic_error naming the table, the row and the fields. Other tables pass.
    void Check(store::Session& s, const TableRows& rows, const LinkRows& links = {}) const;

    /// Check, then InsertRows.
    void Insert(store::Session& s, const TableRows& rows, const LinkRows& links = {}) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace keyuan::demo
