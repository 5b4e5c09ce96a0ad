#include "changes/chain_hash.hpp"

#include <sodium.h>

namespace keyuan::changes {

std::string ChainHash(std::string_view prev_hash, std::initializer_list<std::string_view> fields) {
    std::string material(prev_hash);
    for (std::string_view field : fields) {
        material.push_back('\x1f');
        material.append(field);
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(material.data()), material.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string OptionalField(const std::optional<std::string>& field) {
    return field ? "v" + *field : std::string("\x00", 1);
}

}  // namespace keyuan::changes
