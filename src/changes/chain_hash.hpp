#pragma once
// The hash that links a record to the one before it in an append-only chain (the audit log, the
// voucher ledger): sha256 over the previous record's hash and the record's fields, each field
// preceded by a byte that cannot occur in UTF-8 text, as lowercase hex.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace keyuan::changes {

/// The hash of the first record's predecessor.
inline constexpr std::string_view kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

std::string ChainHash(std::string_view prev_hash, std::initializer_list<std::string_view> fields);

/// A field that may be NULL, told apart from "" ("v…" for a value, one NUL byte for NULL).
std::string OptionalField(const std::optional<std::string>& field);

}  // namespace keyuan::changes
