#include "modules/accounts/password_policy.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <span>
#include <string>
#include <utility>

namespace keyuan::embedded {
std::span<const std::pair<std::string_view, std::string_view>> CommonPasswords();
}  // namespace keyuan::embedded

namespace keyuan::accounts {
namespace {

constexpr const char* kTooShort = "At least 8 characters";
constexpr const char* kTooLong = "At most 128 characters";
constexpr const char* kTooFewClasses = "Must mix at least 3 of: lower case, upper case, digits, symbols";
constexpr const char* kIsUsername = "Must not be the user name or the user name reversed";
constexpr const char* kContainsUsername = "Must not contain the user name";
constexpr const char* kCommon = "Is a commonly used password";
constexpr const char* kCommonWithSuffix =
    "Is a commonly used password with digits or symbols added, which is still easy to guess";
constexpr const char* kProductName = "Must not contain the product name keyuan or kejiyuan";
constexpr const char* kInvalidUtf8 = "Contains invalid UTF-8";

// A password that breaks no rule, for the passing side of each case.
constexpr const char* kGood = "Tr7#mvqp";

std::set<std::string> Problems(std::string_view password, std::string_view username = "alice") {
    std::set<std::string> english;
    for (const PolicyProblem& p : CheckPassword(password, username)) {
        EXPECT_FALSE(p.zh.empty()) << p.en;
        english.insert(p.en);
    }
    return english;
}

bool Has(std::string_view password, const char* problem, std::string_view username = "alice") {
    return Problems(password, username).contains(problem);
}

TEST(PasswordPolicy, AcceptsAGoodPassword) {
    EXPECT_TRUE(CheckPassword(kGood, "alice").empty());
    EXPECT_TRUE(CheckPassword("correct-Horse-battery-staple", "alice").empty());
    EXPECT_TRUE(CheckPassword("春眠不觉晓Chun1", "alice").empty());
    EXPECT_TRUE(CheckPassword(kGood, "").empty());
}

TEST(PasswordPolicy, LengthCountsCodePoints) {
    EXPECT_TRUE(Has("Tr7#mvq", kTooShort));
    EXPECT_FALSE(Has(kGood, kTooShort));
    EXPECT_TRUE(Has("", kTooShort));
    // 6 code points in 10 bytes is still too short; 8 code points in 16 bytes is long enough.
    EXPECT_TRUE(Has("密码Tr7#", kTooShort));
    EXPECT_FALSE(Has("口令密码Tr7#", kTooShort));

    const std::string longest = "Tr7#" + std::string(124, 'q');
    EXPECT_FALSE(Has(longest, kTooLong));
    EXPECT_TRUE(Has(longest + "q", kTooLong));
    std::string chinese = "Tr7#";
    for (int i = 0; i < 124; ++i) chinese += "密";
    EXPECT_FALSE(Has(chinese, kTooLong));  // 128 code points in 376 bytes
    EXPECT_TRUE(Has(chinese + "密", kTooLong));
}

TEST(PasswordPolicy, NeedsThreeCharacterClasses) {
    EXPECT_TRUE(Has("mvqplantern", kTooFewClasses));
    EXPECT_TRUE(Has("MvqpLantern", kTooFewClasses));
    EXPECT_TRUE(Has("59302817466", kTooFewClasses));
    EXPECT_TRUE(Has("mvqp#lantern", kTooFewClasses));
    EXPECT_FALSE(Has("MvqpLantern7", kTooFewClasses));
    EXPECT_FALSE(Has("mvqp#lantern7", kTooFewClasses));
    EXPECT_FALSE(Has("MVQP#LANTERN7", kTooFewClasses));
    EXPECT_FALSE(Has("Mvqp#Lantern", kTooFewClasses));
    // Characters outside ASCII letters and digits count as symbols.
    EXPECT_FALSE(Has("mvqplantern7灯", kTooFewClasses));
}

TEST(PasswordPolicy, RejectsTheUsernameAndItsReverse) {
    EXPECT_TRUE(Has("Zhangsan", kIsUsername, "zhangsan"));
    EXPECT_TRUE(Has("NASGNAHZ", kIsUsername, "zhangsan"));
    EXPECT_TRUE(Has("王小明", kIsUsername, "明小王"));  // reversed by character, not by byte
    EXPECT_FALSE(Has(kGood, kIsUsername, "zhangsan"));
    EXPECT_FALSE(Has("Zhangsan1#", kIsUsername, "zhangsan"));
}

TEST(PasswordPolicy, RejectsContainingAUsernameOfFourOrMoreCharacters) {
    EXPECT_TRUE(Has("Lihua#2024x", kContainsUsername, "lihua"));
    EXPECT_TRUE(Has("x-LIHUA-2024", kContainsUsername, "LiHua"));
    EXPECT_FALSE(Has("Lihua#2024x", kContainsUsername, "wangwu"));
    EXPECT_FALSE(Has("Wu#2024xyzq", kContainsUsername, "wu"));     // too short to search for
    EXPECT_FALSE(Has("Zhangsan", kContainsUsername, "zhangsan"));  // reported as equal, not twice
}

TEST(PasswordPolicy, RejectsCommonPasswordsIgnoringCase) {
    for (const char* common : {"P@ssw0rd", "p@ssw0rd", "1qaz@WSX", "Admin@123", "qwer1234!", "abc@1234", "Aa123456",
                               "Password1", "Welcome1", "ZAQ1@wsx", "Huawei@123", "woaini1314", "5201314"}) {
        EXPECT_TRUE(Has(common, kCommon)) << common;
        EXPECT_FALSE(Has(common, kCommonWithSuffix)) << common;
    }
    EXPECT_FALSE(Has(kGood, kCommon));
}

TEST(PasswordPolicy, RejectsACommonPasswordWithDigitsOrSymbolsAppended) {
    for (const char* padded : {"Password123!", "Iloveyou2024!", "Welcome1!!", "QWERTY_2024", "Admin@123#",
                               "1234567890123", "Huawei@123456"}) {
        EXPECT_TRUE(Has(padded, kCommonWithSuffix)) << padded;
        EXPECT_FALSE(Has(padded, kCommon)) << padded;
    }
    // Only a trailing run of digits and symbols is stripped.
    EXPECT_FALSE(Has("xPassword1!", kCommonWithSuffix));
    EXPECT_FALSE(Has("Password1!x", kCommonWithSuffix));
    EXPECT_FALSE(Has("!Password1", kCommonWithSuffix));
}

TEST(PasswordPolicy, RejectsTheProductName) {
    EXPECT_TRUE(Has("Keyuan#2024", kProductName));
    EXPECT_TRUE(Has("my-KEYUAN-9x", kProductName));
    EXPECT_TRUE(Has("KeJiYuan!99", kProductName));
    EXPECT_FALSE(Has("Key-yuan#2024", kProductName));
    EXPECT_FALSE(Has(kGood, kProductName));
}

TEST(PasswordPolicy, RejectsInvalidUtf8) {
    for (const char* bad : {"Tr7#mvqp\xff", "Tr7#mvqp\xc0\xaf", "Tr7#mvqp\xe0\x80\xaf", "Tr7#mvqp\xed\xa0\x80",
                            "Tr7#mvqp\xf4\x90\x80\x80", "Tr7#mvqp\xe4\xb8", "Tr7#mvqp\x80"}) {
        EXPECT_TRUE(Has(bad, kInvalidUtf8)) << bad;
    }
    EXPECT_FALSE(Has("Tr7#mvqp中文😀", kInvalidUtf8));
}

TEST(PasswordPolicy, ReportsEveryProblemAtOnce) {
    EXPECT_EQ(Problems("keyuan", "keyuan"),
              (std::set<std::string>{kTooShort, kTooFewClasses, kIsUsername, kProductName}));
    EXPECT_EQ(Problems("123", "321"), (std::set<std::string>{kTooShort, kTooFewClasses, kIsUsername}));
    EXPECT_EQ(Problems("password", "bob"), (std::set<std::string>{kTooFewClasses, kCommon}));
    EXPECT_EQ(Problems("keyuan\xff", "keyu"),
              (std::set<std::string>{kInvalidUtf8, kTooShort, kTooFewClasses, kContainsUsername, kProductName}));
    EXPECT_EQ(CheckPassword("keyuan", "keyuan").size(), 4u);
}

TEST(PasswordPolicy, CommonListIsCleanAndEveryEntryIsRejected) {
    std::set<std::string> seen;
    for (const auto& [name, text] : embedded::CommonPasswords()) {
        EXPECT_EQ(name, "common-passwords.txt");
        ASSERT_TRUE(text.starts_with("#")) << "the list starts with a comment saying where it comes from";
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = std::min(text.find('\n', start), text.size());
            const std::string line(text.substr(start, end - start));
            start = end + 1;
            if (line.starts_with("#")) continue;
            EXPECT_GE(line.size(), 4u) << "short entries would reject too much as prefixes";
            EXPECT_TRUE(std::none_of(line.begin(), line.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) << line;
            EXPECT_EQ(line.find_first_of(" \t\r"), std::string::npos) << line;
            EXPECT_TRUE(seen.insert(line).second) << "duplicate " << line;
            EXPECT_TRUE(Has(line, kCommon)) << line;
        }
    }
    EXPECT_GE(seen.size(), 250u);
}

}  // namespace
}  // namespace keyuan::accounts
