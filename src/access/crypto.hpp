#pragma once
// Secrets: random tokens, hashes for lookup, password hashing (Argon2id via libsodium).

#include <string>
#include <string_view>

namespace keyuan::access {

/// `bytes` random bytes from the system CSPRNG, base64url without padding.
std::string RandomToken(std::size_t bytes);
/// SHA-256 as lower-case hex; used to store session ids and tokens (high-entropy secrets).
std::string Sha256Hex(std::string_view data);
/// Compares secrets without leaking where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);
/// Argon2id, t = 2, m = 19 MiB, p = 1 (OWASP ASVS), as a self-describing $argon2id$ string.
std::string HashPassword(std::string_view password);
/// Checks a password against HashPassword's output.
bool VerifyPassword(std::string_view password, const std::string& hash);
/// Spends the same time as a real verification, for unknown users (no timing oracle).
void VerifyDummyPassword(std::string_view password);

}  // namespace keyuan::access
