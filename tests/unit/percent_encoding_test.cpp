// One percent-encoding for query values, otpauth:// URIs and download names (RFC 3986).
#include <gtest/gtest.h>

#include "core/percent_encoding.hpp"
#include "http/content_disposition.hpp"

namespace keyuan {
namespace {

TEST(PercentEncoding, KeepsTheUnreservedAndEncodesEveryOtherByte) {
    EXPECT_EQ(PercentEncode("Az09-._~"), "Az09-._~");
    EXPECT_EQ(PercentEncode("a b+c&d=e/f:g%"), "a%20b%2Bc%26d%3De%2Ff%3Ag%25");
    EXPECT_EQ(PercentEncode("显微镜"), "%E6%98%BE%E5%BE%AE%E9%95%9C");
    EXPECT_EQ(PercentEncode(std::string_view("\0\xff", 2)), "%00%FF");
    EXPECT_EQ(PercentEncode(""), "");
}

TEST(PercentEncoding, ADownloadNamesItsFileInUtf8AndInAscii) {
    EXPECT_EQ(http::AttachmentDisposition("仪器 2026.xlsx"),
              "attachment; filename=\"_______2026.xlsx\"; filename*=UTF-8''%E4%BB%AA%E5%99%A8%202026.xlsx");
    EXPECT_EQ(http::AttachmentDisposition("仪器.csv", "instruments.csv"),
              "attachment; filename=\"instruments.csv\"; filename*=UTF-8''%E4%BB%AA%E5%99%A8.csv");
}

}  // namespace
}  // namespace keyuan
