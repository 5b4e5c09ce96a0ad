#pragma once
// A registered kind's list as a file (docs/design/data-exchange.md §10): GET /api/v1/{collection}
// with format=xlsx|csv takes the list's filters, status and sort and the caller's visibility
// (hidden fields empty, masked ones masked), and answers every matching row — up to kExportRowLimit —
// in the columns of the kind's spreadsheet declaration, written page by page.

#include <optional>
#include <string>
#include <vector>

#include "exchange/columns.hpp"
#include "exchange/export_stream.hpp"
#include "http/request.hpp"
#include "registry/engine.hpp"

namespace keyuan::registry {

/// More rows than this are refused (422 naming the limit): narrow the filters.
inline constexpr std::size_t kExportRowLimit = 100000;

struct ExportForm {
    std::string format;  // xlsx | csv
    exchange::CsvCharset charset = exchange::CsvCharset::kUtf8;
};

/// The file form the request asks for with format= (and charset= for CSV); nullopt for the JSON
/// list (no format, or format=json). Throws ApiError 422 naming format or charset otherwise.
std::optional<ExportForm> ExportFormOf(const http::Request& r);

/// The kind's spreadsheet columns: its declaration, or (a kind without one) its id, fields and links.
exchange::Columns ExportColumns(const ResourceSpec& spec);

/// The list as a file; throws ApiError like the list (401/403/422), and 422 on `rows` past the limit.
http::Response ExportList(const ResourceEngine& engine, store::Database& db, const access::Policy& policy,
                          const Caller* caller, const http::Request& r, const ExportForm& form);

}  // namespace keyuan::registry
