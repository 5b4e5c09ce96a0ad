// SHA-1 (FIPS 180-4) and HMAC-SHA1 (RFC 2104), the hash under TOTP codes: kept apart from the
// one-time-password logic in totp.cpp, which only calls HmacSha1.
#include <algorithm>
#include <bit>
#include <cstring>

#include "modules/accounts/totp.hpp"

namespace keyuan::accounts {
namespace {

constexpr std::size_t kSha1BlockSize = 64;
constexpr std::size_t kSha1DigestSize = 20;

std::string_view BytesAsChars(const std::uint8_t* bytes, std::size_t size) {
    return {reinterpret_cast<const char*>(bytes), size};
}

/// Streaming SHA-1 (FIPS 180-4 §6.1), so that HMAC can hash pad || message without copying.
class Sha1Hasher {
public:
    void Update(std::string_view data) {
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(data.data());
        std::size_t size = data.size();
        total_bytes_ += size;
        if (buffered_ > 0) {
            std::size_t take = std::min(kSha1BlockSize - buffered_, size);
            std::memcpy(buffer_.data() + buffered_, bytes, take);
            buffered_ += take;
            bytes += take;
            size -= take;
            if (buffered_ < kSha1BlockSize) return;
            Compress(buffer_.data());
            buffered_ = 0;
        }
        for (; size >= kSha1BlockSize; bytes += kSha1BlockSize, size -= kSha1BlockSize) Compress(bytes);
        std::memcpy(buffer_.data(), bytes, size);
        buffered_ = size;
    }

    std::array<std::uint8_t, kSha1DigestSize> Finish() {
        const std::uint64_t bit_length = total_bytes_ * 8;
        // Pad with 0x80 then zeros up to 56 bytes mod 64, leaving room for the 64-bit length.
        std::array<std::uint8_t, kSha1BlockSize + 8> padding{0x80};
        std::size_t padding_size = buffered_ < 56 ? 56 - buffered_ : 120 - buffered_;
        Update(BytesAsChars(padding.data(), padding_size));
        std::array<std::uint8_t, 8> length{};
        for (int i = 0; i < 8; ++i) length[i] = static_cast<std::uint8_t>(bit_length >> (56 - 8 * i));
        Update(BytesAsChars(length.data(), length.size()));

        std::array<std::uint8_t, kSha1DigestSize> digest{};
        for (std::size_t i = 0; i < state_.size(); ++i) {
            for (std::size_t j = 0; j < 4; ++j) {
                digest[4 * i + j] = static_cast<std::uint8_t>(state_[i] >> (24 - 8 * j));
            }
        }
        return digest;
    }

private:
    void Compress(const std::uint8_t* block) {
        std::array<std::uint32_t, 80> w{};
        for (std::size_t t = 0; t < 16; ++t) {
            w[t] = (std::uint32_t{block[4 * t]} << 24) | (std::uint32_t{block[4 * t + 1]} << 16) |
                   (std::uint32_t{block[4 * t + 2]} << 8) | std::uint32_t{block[4 * t + 3]};
        }
        for (std::size_t t = 16; t < 80; ++t) w[t] = std::rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);

        auto [a, b, c, d, e] = state_;
        for (std::size_t t = 0; t < 80; ++t) {
            std::uint32_t f = 0;
            std::uint32_t k = 0;
            if (t < 20) {
                f = (b & c) | (~b & d);
                k = 0x5A827999;
            } else if (t < 40) {
                f = b ^ c ^ d;
                k = 0x6ED9EBA1;
            } else if (t < 60) {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8F1BBCDC;
            } else {
                f = b ^ c ^ d;
                k = 0xCA62C1D6;
            }
            std::uint32_t temp = std::rotl(a, 5) + f + e + k + w[t];
            e = d;
            d = c;
            c = std::rotl(b, 30);
            b = a;
            a = temp;
        }
        state_[0] += a;
        state_[1] += b;
        state_[2] += c;
        state_[3] += d;
        state_[4] += e;
    }

    std::array<std::uint32_t, 5> state_{0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    std::array<std::uint8_t, kSha1BlockSize> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t total_bytes_ = 0;
};

}  // namespace

std::array<std::uint8_t, 20> Sha1(std::string_view data) {
    Sha1Hasher hasher;
    hasher.Update(data);
    return hasher.Finish();
}

std::array<std::uint8_t, 20> HmacSha1(std::string_view key, std::string_view message) {
    std::array<std::uint8_t, kSha1BlockSize> key_block{};
    if (key.size() > kSha1BlockSize) {
        const std::array<std::uint8_t, 20> key_digest = Sha1(key);
        std::copy(key_digest.begin(), key_digest.end(), key_block.begin());
    } else {
        std::memcpy(key_block.data(), key.data(), key.size());
    }
    std::array<std::uint8_t, kSha1BlockSize> inner_pad{};
    std::array<std::uint8_t, kSha1BlockSize> outer_pad{};
    for (std::size_t i = 0; i < kSha1BlockSize; ++i) {
        inner_pad[i] = key_block[i] ^ 0x36;
        outer_pad[i] = key_block[i] ^ 0x5C;
    }

    Sha1Hasher inner;
    inner.Update(BytesAsChars(inner_pad.data(), inner_pad.size()));
    inner.Update(message);
    const std::array<std::uint8_t, 20> inner_digest = inner.Finish();

    Sha1Hasher outer;
    outer.Update(BytesAsChars(outer_pad.data(), outer_pad.size()));
    outer.Update(BytesAsChars(inner_digest.data(), inner_digest.size()));
    return outer.Finish();
}

}  // namespace keyuan::accounts
