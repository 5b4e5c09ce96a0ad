#pragma once
// Secrets: random tokens, hashes for lookup, password hashing (Argon2id via libsodium).

#include <string>
#include <string_view>

namespace keyuan::access {

/// `bytes` random bytes from the system CSPRNG, base64url without padding.
std::string RandomToken(std::size_t bytes);
/// SHA-256 as lower-case hex; used to store session ids and tokens (high-entropy secrets).
std::string Sha256Hex(std::string_view data);
/// SHA-256 of a file's content as lower-case hex, read in blocks (a backup's database may be gigabytes).
/// Throws std::runtime_error naming the file if it cannot be read.
std::string Sha256FileHex(const std::string& path);
/// Compares secrets without leaking where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);
/// Argon2id, t = 2, m = 19 MiB, p = 1 (OWASP ASVS), as a self-describing $argon2id$ string.
std::string HashPassword(std::string_view password);
/// Test fixtures only: HashPassword in this process uses Argon2id's smallest cost (t = 1, 8 KiB).
/// Fixtures create hundreds of accounts and sign each in; at the real cost, hashing was over half
/// of the HTTP suites' CPU. No command or server calls it: a server verifies each hash at the cost
/// written in it, so it checks the fixtures' accounts cheaply and hashes every password it is given
/// (sign-up, change, the administrators' console) at the real cost.
void UseMinimalPasswordHashCostInThisProcess();
/// Checks a password against HashPassword's output (at the cost written in the hash).
bool VerifyPassword(std::string_view password, const std::string& hash);
/// Spends the same time as a real verification, for unknown users (no timing oracle).
void VerifyDummyPassword(std::string_view password);

}  // namespace keyuan::access
