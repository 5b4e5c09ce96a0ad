#pragma once
// Demo rows pass the validation of the module that owns them before they are bulk-inserted:
// organisations catalog's (credit code, district, department), the registered kinds the
// registry's (types, limits, references, industry codes, cross-field rules), exactly as an
// operator's create through the API. The rows are still written in bulk, for speed.

#include <memory>

#include "store/database.hpp"
#include "tools/demo/bulk_insert.hpp"

namespace keyuan::demo {

class RowChecks {
public:
    /// The registered kinds' engines over `db` (their grants go into a policy of their own).
    explicit RowChecks(store::Database& db);
    ~RowChecks();
    RowChecks(const RowChecks&) = delete;
    RowChecks& operator=(const RowChecks&) = delete;

    /// Validates every row of `rows` (organizations or a registered kind's table) within `s`,
    /// where the rows it refers to must already be; `links` are the kind's industry link rows
    /// (first column the resource id), or null. A row that fails is a bug in the generator:
    /// throws std::logic_error naming the table, the row and the fields. Other tables pass.
    void Check(store::Session& s, const TableRows& rows, const TableRows* links = nullptr) const;

    /// Check, then InsertRows.
    void Insert(store::Session& s, const TableRows& rows, const TableRows* links = nullptr) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace keyuan::demo
