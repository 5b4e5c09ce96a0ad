#include "access/crypto.hpp"

#include <sodium.h>

#include <atomic>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace keyuan::access {
namespace {

constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19u * 1024 * 1024;

/// The cost of hashes made in this process: the constants above, unless a test fixture lowered it.
std::atomic<bool> minimal_cost{false};

void EnsureSodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

std::string RandomToken(std::size_t bytes) {
    EnsureSodium();
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string out(sodium_base64_encoded_len(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(out.find('\0'));
    sodium_memzero(raw.data(), raw.size());
    return out;
}

std::string Sha256Hex(std::string_view data) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string Sha256FileHex(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::vector<char> block(1 << 20);
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(block.data()),
                                  static_cast<unsigned long long>(in.gcount()));
    }
    if (in.bad()) throw std::runtime_error("cannot read " + path);
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string HashPassword(std::string_view password) {
    EnsureSodium();
    char out[crypto_pwhash_STRBYTES];
    const bool minimal = minimal_cost.load(std::memory_order_relaxed);
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), minimal ? crypto_pwhash_OPSLIMIT_MIN : kOpsLimit,
                              minimal ? crypto_pwhash_MEMLIMIT_MIN : kMemLimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("password hashing ran out of memory");
    }
    return out;
}

void UseMinimalPasswordHashCostInThisProcess() {
    minimal_cost.store(true, std::memory_order_relaxed);
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
    EnsureSodium();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void VerifyDummyPassword(std::string_view password) {
    static const std::string dummy = HashPassword(RandomToken(16));
    VerifyPassword(password, dummy);
}

}  // namespace keyuan::access
