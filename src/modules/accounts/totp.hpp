#pragma once
// Time-based one-time passwords (RFC 6238) for the second login factor, with the pieces they are
// built from: SHA-1 (FIPS 180-4), HMAC-SHA1 (RFC 2104) and base32 (RFC 4648). SHA-1 is used only
// because every authenticator app implements it; HMAC-SHA1 is still sound for this purpose.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace keyuan::accounts {

/// The SHA-1 digest of `data`. Pure, thread-safe.
std::array<std::uint8_t, 20> Sha1(std::string_view data);

/// HMAC-SHA1 of `message` under `key` (any length; keys over 64 bytes are hashed first). Pure, thread-safe.
std::array<std::uint8_t, 20> HmacSha1(std::string_view key, std::string_view message);

/// `bytes` in the RFC 4648 base32 alphabet (A–Z, 2–7), upper case, without '=' padding.
std::string Base32Encode(std::string_view bytes);

/// The bytes that `text` encodes. Case-insensitive; spaces and '=' are skipped so that secrets
/// typed in groups or with padding still decode. Returns nullopt on a character outside the
/// alphabet or a symbol count that no whole number of bytes produces (a truncated secret).
std::optional<std::string> Base32Decode(std::string_view text);

/// A new shared secret: 20 bytes (160 bits, RFC 4226's recommended size) from libsodium's CSPRNG,
/// base32-encoded (32 characters). Thread-safe. Throws std::runtime_error if libsodium cannot start.
std::string NewTotpSecret();

/// The `digits`-digit code (zero-padded) for the time step containing `unix_seconds`, per RFC 6238
/// with HMAC-SHA1 and steps of `period` seconds from the Unix epoch. Returns "" when the secret is
/// not valid base32 or empty, `digits` is outside 6..8, `period` is not positive or `unix_seconds`
/// is negative. Pure, thread-safe.
std::string TotpCode(std::string_view secret_base32, std::int64_t unix_seconds, int digits = 6, int period = 30);

/// Checks a 6-digit, 30-second code typed by the user. Returns the time step it matched when
/// `code` is exactly 6 ASCII digits equal to the code of a step within `window` steps of
/// `unix_seconds` (clock drift; `window` is clamped to 0..10) and that step is greater than
/// `last_used_step`; otherwise nullopt. The caller stores the returned step as the new
/// `last_used_step` so that each code works once (0 or -1 before the first use). The codes are
/// compared in constant time. Thread-safe. Throws std::runtime_error if libsodium cannot start.
std::optional<std::int64_t> VerifyTotp(std::string_view secret_base32, std::string_view code, std::int64_t unix_seconds,
                                       std::int64_t last_used_step, int window = 1);

/// The otpauth:// URI that authenticator apps read from a QR code ("Key Uri Format"):
/// otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30. The issuer
/// and account are percent-encoded byte by byte (UTF-8 stays UTF-8); the secret is written upper
/// case without spaces or padding. Pure, thread-safe.
std::string OtpauthUri(std::string_view issuer, std::string_view account, std::string_view secret_base32);

}  // namespace keyuan::accounts
