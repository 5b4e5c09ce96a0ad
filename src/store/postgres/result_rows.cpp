#include "store/postgres/result_rows.hpp"

#include <libpq-fe.h>

#include <cstdlib>
#include <vector>

#include "store/errors.hpp"

namespace keyuan::store::postgres {
namespace {

constexpr Oid kByteaOid = 17;

int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// bytea in text results is "\x" and hex (the default bytea_output): cells hold the bytes
/// themselves, as SQLite's do.
std::string DecodeBytea(const char* text, std::size_t length) {
    if (length < 2 || text[0] != '\\' || text[1] != 'x') throw DbError("unexpected bytea format", "XX000", false);
    std::string out;
    out.reserve((length - 2) / 2);
    for (std::size_t i = 2; i + 1 < length; i += 2) {
        int hi = HexDigit(text[i]), lo = HexDigit(text[i + 1]);
        if (hi < 0 || lo < 0) throw DbError("malformed bytea", "XX000", false);
        out.push_back(static_cast<char>(hi * 16 + lo));
    }
    return out;
}

}  // namespace

Rows ToRows(pg_result* result) {
    int columns = PQnfields(result);
    int count = PQntuples(result);
    std::vector<std::string> names;
    names.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) names.emplace_back(PQfname(result, c));
    Rows rows(std::move(names));
    for (int r = 0; r < count; ++r) {
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(result, r, c)) {
                rows.AppendCell(std::nullopt);
                continue;
            }
            auto length = static_cast<std::size_t>(PQgetlength(result, r, c));
            if (PQftype(result, c) == kByteaOid) {
                rows.AppendCell(DecodeBytea(PQgetvalue(result, r, c), length));
            } else {
                rows.AppendCell(std::string(PQgetvalue(result, r, c), length));
            }
        }
    }
    const char* affected = PQcmdTuples(result);
    if (*affected != '\0') rows.set_affected(std::strtoll(affected, nullptr, 10));
    return rows;
}

}  // namespace keyuan::store::postgres
