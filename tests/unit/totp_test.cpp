#include "modules/accounts/totp.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace keyuan::accounts {
namespace {

std::string Hex(const std::array<std::uint8_t, 20>& digest) {
    constexpr std::string_view kHex = "0123456789abcdef";
    std::string out;
    for (std::uint8_t b : digest) {
        out.push_back(kHex[b >> 4]);
        out.push_back(kHex[b & 0x0F]);
    }
    return out;
}

std::string Repeat(char c, std::size_t n) {
    return std::string(n, c);  // NOLINT(modernize-return-braced-init-list): braces would make the 2-char string {n, c}
}

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const std::string kRfcSecret = Base32Encode("12345678901234567890");

TEST(Sha1, Fips180Vectors) {
    EXPECT_EQ(Hex(Sha1("abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
    EXPECT_EQ(Hex(Sha1("")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    EXPECT_EQ(Hex(Sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
              "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    EXPECT_EQ(
        Hex(Sha1("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                 "mnopqrstnopqrstu")),
        "a49b2446a02c645bf419f995b67091253a04a259");
    EXPECT_EQ(Hex(Sha1(Repeat('a', 1'000'000))), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST(Sha1, LengthsAroundThePaddingBoundary) {
    // 55 bytes still fit the length in the last block; 56..63 need one more block.
    EXPECT_EQ(Hex(Sha1(Repeat('a', 55))), "c1c8bbdc22796e28c0e15163d20899b65621d65a");
    EXPECT_EQ(Hex(Sha1(Repeat('a', 56))), "c2db330f6083854c99d4b5bfb6e8f29f201be699");
    EXPECT_EQ(Hex(Sha1(Repeat('a', 63))), "03f09f5b158a7a8cdad920bddc29b81c18a551f5");
    EXPECT_EQ(Hex(Sha1(Repeat('a', 64))), "0098ba824b5c16427bd7a1122a5a442a25ec644d");
    EXPECT_EQ(Hex(Sha1(Repeat('a', 65))), "11655326c708d70319be2610e8a57d9a5b959d3b");
}

TEST(HmacSha1, Rfc2202Vectors) {
    EXPECT_EQ(Hex(HmacSha1(Repeat('\x0b', 20), "Hi There")), "b617318655057264e28bc0b6fb378c8ef146be00");
    EXPECT_EQ(Hex(HmacSha1("Jefe", "what do ya want for nothing?")), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    EXPECT_EQ(Hex(HmacSha1(Repeat('\xaa', 20), Repeat('\xdd', 50))), "125d7342b9ac11cd91a39af48aa17b4f63f175d3");
    std::string key_1_to_25;
    for (char c = 1; c <= 25; ++c) key_1_to_25.push_back(c);
    EXPECT_EQ(Hex(HmacSha1(key_1_to_25, Repeat('\xcd', 50))), "4c9007f4026250c6bc8414f9bf50c86c2d7235da");
    EXPECT_EQ(Hex(HmacSha1(Repeat('\x0c', 20), "Test With Truncation")), "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04");
    // Keys longer than the 64-byte block are hashed first.
    EXPECT_EQ(Hex(HmacSha1(Repeat('\xaa', 80), "Test Using Larger Than Block-Size Key - Hash Key First")),
              "aa4ae5e15272d00e95705637ce8a3b55ed402112");
    EXPECT_EQ(
        Hex(HmacSha1(Repeat('\xaa', 80), "Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data")),
        "e8e99d0f45237d786d6bbaa7965c7808bbff1a91");
}

TEST(Base32, Rfc4648VectorsWithoutPadding) {
    EXPECT_EQ(Base32Encode(""), "");
    EXPECT_EQ(Base32Encode("f"), "MY");
    EXPECT_EQ(Base32Encode("fo"), "MZXQ");
    EXPECT_EQ(Base32Encode("foo"), "MZXW6");
    EXPECT_EQ(Base32Encode("foob"), "MZXW6YQ");
    EXPECT_EQ(Base32Encode("fooba"), "MZXW6YTB");
    EXPECT_EQ(Base32Encode("foobar"), "MZXW6YTBOI");
    EXPECT_EQ(Base32Decode("MZXW6YTBOI"), "foobar");
    EXPECT_EQ(Base32Decode(""), "");
}

TEST(Base32, DecodeIgnoresCaseSpacesAndPadding) {
    EXPECT_EQ(Base32Decode("mzxw6ytboi"), "foobar");
    EXPECT_EQ(Base32Decode("MZXW 6YTB OI"), "foobar");
    EXPECT_EQ(Base32Decode("MZXW6YTBOI======"), "foobar");
    EXPECT_EQ(Base32Decode("MY======"), "f");
}

TEST(Base32, DecodeRejectsInvalidInput) {
    EXPECT_EQ(Base32Decode("MZXW1"), std::nullopt);  // '1' is not in the alphabet
    EXPECT_EQ(Base32Decode("MZXW8"), std::nullopt);
    EXPECT_EQ(Base32Decode("MZ-XW"), std::nullopt);
    EXPECT_EQ(Base32Decode("MZXW\n"), std::nullopt);
    EXPECT_EQ(Base32Decode("M"), std::nullopt);  // 1, 3 or 6 symbols cannot end a byte string
    EXPECT_EQ(Base32Decode("MZX"), std::nullopt);
    EXPECT_EQ(Base32Decode("MZXW6Y"), std::nullopt);
}

TEST(Base32, RoundTripsEveryByteAndLength) {
    std::string all_bytes;
    for (int b = 0; b < 256; ++b) all_bytes.push_back(static_cast<char>(b));
    for (std::size_t length = 0; length <= all_bytes.size(); ++length) {
        const std::string bytes = all_bytes.substr(all_bytes.size() - length);
        const std::string encoded = Base32Encode(bytes);
        EXPECT_EQ(encoded.size(), (length * 8 + 4) / 5);
        EXPECT_EQ(Base32Decode(encoded), bytes) << length;
    }
}

TEST(Totp, Rfc6238Sha1Vectors) {
    EXPECT_EQ(kRfcSecret, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    EXPECT_EQ(TotpCode(kRfcSecret, 59, 8), "94287082");
    EXPECT_EQ(TotpCode(kRfcSecret, 1111111109, 8), "07081804");
    EXPECT_EQ(TotpCode(kRfcSecret, 1111111111, 8), "14050471");
    EXPECT_EQ(TotpCode(kRfcSecret, 1234567890, 8), "89005924");
    EXPECT_EQ(TotpCode(kRfcSecret, 2000000000, 8), "69279037");
    EXPECT_EQ(TotpCode(kRfcSecret, 20000000000, 8), "65353130");
}

TEST(Totp, SixDigitCodesAreTheLastSixDigitsZeroPadded) {
    EXPECT_EQ(TotpCode(kRfcSecret, 59), "287082");
    EXPECT_EQ(TotpCode(kRfcSecret, 1111111109), "081804");
    EXPECT_EQ(TotpCode(kRfcSecret, 30), TotpCode(kRfcSecret, 59));  // one 30-second step
}

TEST(Totp, CodeIsEmptyForUnusableInput) {
    EXPECT_EQ(TotpCode("not base32!", 59), "");
    EXPECT_EQ(TotpCode("", 59), "");
    EXPECT_EQ(TotpCode(kRfcSecret, 59, 5), "");
    EXPECT_EQ(TotpCode(kRfcSecret, 59, 9), "");
    EXPECT_EQ(TotpCode(kRfcSecret, 59, 6, 0), "");
    EXPECT_EQ(TotpCode(kRfcSecret, -1), "");
}

constexpr std::int64_t kNow = 1111111111;
constexpr std::int64_t kNowStep = kNow / 30;
constexpr std::int64_t kNeverUsed = -1;

TEST(VerifyTotp, AcceptsTheCurrentAndAdjacentSteps) {
    EXPECT_EQ(VerifyTotp(kRfcSecret, TotpCode(kRfcSecret, kNow), kNow, kNeverUsed), kNowStep);
    EXPECT_EQ(VerifyTotp(kRfcSecret, TotpCode(kRfcSecret, kNow - 30), kNow, kNeverUsed), kNowStep - 1);
    EXPECT_EQ(VerifyTotp(kRfcSecret, TotpCode(kRfcSecret, kNow + 30), kNow, kNeverUsed), kNowStep + 1);
}

TEST(VerifyTotp, RejectsStepsOutsideTheWindow) {
    EXPECT_EQ(VerifyTotp(kRfcSecret, TotpCode(kRfcSecret, kNow - 60), kNow, kNeverUsed), std::nullopt);
    EXPECT_EQ(VerifyTotp(kRfcSecret, TotpCode(kRfcSecret, kNow + 60), kNow, kNeverUsed), std::nullopt);
    EXPECT_EQ(VerifyTotp(kRfcSecret, TotpCode(kRfcSecret, kNow - 30), kNow, kNeverUsed, 0), std::nullopt);
    EXPECT_EQ(VerifyTotp(kRfcSecret, TotpCode(kRfcSecret, kNow - 60), kNow, kNeverUsed, 2), kNowStep - 2);
}

TEST(VerifyTotp, RejectsAReplayedOrOlderStep) {
    const std::string code = TotpCode(kRfcSecret, kNow);
    const std::optional<std::int64_t> first = VerifyTotp(kRfcSecret, code, kNow, kNeverUsed);
    ASSERT_EQ(first, kNowStep);
    EXPECT_EQ(VerifyTotp(kRfcSecret, code, kNow, *first), std::nullopt);
    EXPECT_EQ(VerifyTotp(kRfcSecret, code, kNow + 10, *first), std::nullopt);
    // A code from before the last used step is no longer valid either.
    EXPECT_EQ(VerifyTotp(kRfcSecret, TotpCode(kRfcSecret, kNow - 30), kNow, *first), std::nullopt);
    // The next step's code still works.
    EXPECT_EQ(VerifyTotp(kRfcSecret, TotpCode(kRfcSecret, kNow + 30), kNow + 30, *first), kNowStep + 1);
}

TEST(VerifyTotp, RejectsMalformedCodesAndSecrets) {
    const std::string good = TotpCode(kRfcSecret, kNow);
    ASSERT_EQ(good, "050471");
    EXPECT_EQ(VerifyTotp(kRfcSecret, "050472", kNow, kNeverUsed), std::nullopt);
    for (const char* bad : {"", "05047", "0504711", "05047a", " 50471", "050471 ", "-50471", "+50471",
                            "\xef\xbc\x90\xef\xbc\x95\xef\xbc\x90\xef\xbc\x94\xef\xbc\x97\xef\xbc\x91"}) {
        EXPECT_EQ(VerifyTotp(kRfcSecret, bad, kNow, kNeverUsed), std::nullopt) << bad;
    }
    EXPECT_EQ(VerifyTotp("not base32!", good, kNow, kNeverUsed), std::nullopt);
    EXPECT_EQ(VerifyTotp("", good, kNow, kNeverUsed), std::nullopt);
}

TEST(NewTotpSecret, IsTwentyRandomBytesInBase32) {
    const std::string a = NewTotpSecret();
    const std::string b = NewTotpSecret();
    EXPECT_EQ(a.size(), 32u);
    ASSERT_TRUE(Base32Decode(a).has_value());
    EXPECT_EQ(Base32Decode(a)->size(), 20u);
    EXPECT_NE(a, b);
    EXPECT_EQ(TotpCode(a, kNow).size(), 6u);
}

TEST(OtpauthUri, PercentEncodesIssuerAndAccount) {
    EXPECT_EQ(OtpauthUri("Keyuan", "alice", kRfcSecret),
              "otpauth://totp/Keyuan:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Keyuan"
              "&algorithm=SHA1&digits=6&period=30");
    EXPECT_EQ(OtpauthUri("科园 Keyuan:", "alice@example.com", "gezd gnbv===="),
              "otpauth://totp/%E7%A7%91%E5%9B%AD%20Keyuan%3A:alice%40example.com?secret=GEZDGNBV"
              "&issuer=%E7%A7%91%E5%9B%AD%20Keyuan%3A&algorithm=SHA1&digits=6&period=30");
    EXPECT_EQ(OtpauthUri("a-b_c.d~e", "x&y=z?", "MY"),
              "otpauth://totp/a-b_c.d~e:x%26y%3Dz%3F?secret=MY&issuer=a-b_c.d~e&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace keyuan::accounts
