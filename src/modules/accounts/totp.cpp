#include "modules/accounts/totp.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "core/percent_encoding.hpp"

namespace keyuan::accounts {
namespace {

constexpr std::size_t kSecretBytes = 20;
constexpr int kVerifyDigits = 6;
constexpr int kVerifyPeriod = 30;
constexpr int kMaxWindow = 10;
constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string_view AsChars(const std::uint8_t* bytes, std::size_t size) {
    return {reinterpret_cast<const char*>(bytes), size};
}

/// libsodium must be initialised once before use; a function-local static makes that thread-safe.
void EnsureSodium() {
    static const int result = sodium_init();
    if (result < 0) throw std::runtime_error("libsodium could not be initialised");
}

int Base32Value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= '2' && c <= '7') return c - '2' + 26;
    return -1;
}

/// RFC 4226 §5.3: HMAC the big-endian counter, then take 31 bits at the offset named by the
/// last nibble ("dynamic truncation") and reduce them to `digits` decimal digits.
std::string CodeForStep(std::string_view key, std::int64_t step, int digits) {
    std::array<std::uint8_t, 8> counter{};
    const auto counter_value = static_cast<std::uint64_t>(step);
    for (int i = 0; i < 8; ++i) counter[i] = static_cast<std::uint8_t>(counter_value >> (56 - 8 * i));
    const std::array<std::uint8_t, 20> mac = HmacSha1(key, AsChars(counter.data(), counter.size()));

    const std::size_t offset = mac[19] & 0x0F;
    const std::uint32_t binary = (std::uint32_t{mac[offset] & 0x7Fu} << 24) | (std::uint32_t{mac[offset + 1]} << 16) |
                                 (std::uint32_t{mac[offset + 2]} << 8) | std::uint32_t{mac[offset + 3]};
    std::uint32_t modulus = 1;
    for (int i = 0; i < digits; ++i) modulus *= 10;

    std::string code = std::to_string(binary % modulus);
    code.insert(0, static_cast<std::size_t>(digits) - code.size(), '0');
    return code;
}

}  // namespace

std::string Base32Encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() * 8 + 4) / 5);
    std::uint32_t pending = 0;  // only the low `pending_bits` bits are meaningful
    int pending_bits = 0;
    for (char ch : bytes) {
        pending = (pending << 8) | static_cast<unsigned char>(ch);
        pending_bits += 8;
        while (pending_bits >= 5) {
            pending_bits -= 5;
            out.push_back(kBase32Alphabet[(pending >> pending_bits) & 0x1F]);
        }
    }
    if (pending_bits > 0) out.push_back(kBase32Alphabet[(pending << (5 - pending_bits)) & 0x1F]);
    return out;
}

std::optional<std::string> Base32Decode(std::string_view text) {
    std::string out;
    out.reserve(text.size() * 5 / 8);
    std::uint32_t pending = 0;
    int pending_bits = 0;
    std::size_t symbols = 0;
    for (char ch : text) {
        if (ch == ' ' || ch == '=') continue;
        const int value = Base32Value(ch);
        if (value < 0) return std::nullopt;
        ++symbols;
        pending = (pending << 5) | static_cast<std::uint32_t>(value);
        pending_bits += 5;
        if (pending_bits >= 8) {
            pending_bits -= 8;
            out.push_back(static_cast<char>((pending >> pending_bits) & 0xFF));
        }
    }
    // Whole bytes leave 0, 2, 4, 5 or 7 symbols in the last group of 8; 1, 3 or 6 mean a cut-off secret.
    const std::size_t tail = symbols % 8;
    if (tail == 1 || tail == 3 || tail == 6) return std::nullopt;
    return out;
}

std::string NewTotpSecret() {
    EnsureSodium();
    std::array<std::uint8_t, kSecretBytes> secret{};
    randombytes_buf(secret.data(), secret.size());
    std::string encoded = Base32Encode(AsChars(secret.data(), secret.size()));
    sodium_memzero(secret.data(), secret.size());
    return encoded;
}

std::string TotpCode(std::string_view secret_base32, std::int64_t unix_seconds, int digits, int period) {
    if (digits < 6 || digits > 8 || period <= 0 || unix_seconds < 0) return {};
    const std::optional<std::string> key = Base32Decode(secret_base32);
    if (!key || key->empty()) return {};
    return CodeForStep(*key, unix_seconds / period, digits);
}

std::optional<std::int64_t> VerifyTotp(std::string_view secret_base32, std::string_view code, std::int64_t unix_seconds,
                                       std::int64_t last_used_step, int window) {
    if (code.size() != kVerifyDigits) return std::nullopt;
    if (!std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    if (unix_seconds < 0) return std::nullopt;
    const std::optional<std::string> key = Base32Decode(secret_base32);
    if (!key || key->empty()) return std::nullopt;
    EnsureSodium();

    window = std::clamp(window, 0, kMaxWindow);
    const std::int64_t now_step = unix_seconds / kVerifyPeriod;
    std::optional<std::int64_t> matched;
    // Every candidate is computed and compared, whatever matched before, so that the time taken
    // does not tell an attacker which step (if any) came close.
    for (std::int64_t step = now_step - window; step <= now_step + window; ++step) {
        if (step < 0) continue;
        const std::string expected = CodeForStep(*key, step, kVerifyDigits);
        const bool equal = sodium_memcmp(expected.data(), code.data(), kVerifyDigits) == 0;
        if (equal && step > last_used_step && !matched) matched = step;
    }
    return matched;
}

std::string OtpauthUri(std::string_view issuer, std::string_view account, std::string_view secret_base32) {
    std::string secret;
    secret.reserve(secret_base32.size());
    for (char c : secret_base32) {
        if (c == ' ' || c == '=') continue;
        secret.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    std::string uri = "otpauth://totp/";
    uri += PercentEncode(issuer);
    uri += ':';
    uri += PercentEncode(account);
    uri += "?secret=";
    uri += PercentEncode(secret);
    uri += "&issuer=";
    uri += PercentEncode(issuer);
    uri += "&algorithm=SHA1&digits=6&period=30";
    return uri;
}

}  // namespace keyuan::accounts
