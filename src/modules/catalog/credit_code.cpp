#include "modules/catalog/credit_code.hpp"

#include <array>

namespace keyuan::catalog {
namespace {

// GB 32100-2015: 31 characters (no I, O, Z, S, V) and the weights 3^(i) mod 31.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int ValueOf(char c) {
    std::size_t pos = kAlphabet.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

}  // namespace

char CreditCodeCheckCharacter(std::string_view first17) {
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) sum += ValueOf(first17[i]) * kWeights[i];
    int check = 31 - sum % 31;
    return kAlphabet[check == 31 ? 0 : static_cast<std::size_t>(check)];
}

std::optional<CreditCodeProblem> CheckCreditCode(std::string_view code) {
    if (code.size() != 18) {
        return CreditCodeProblem{"统一社会信用代码须为 18 位（当前 " + std::to_string(code.size()) + " 位）",
                                 "Must be 18 characters (got " + std::to_string(code.size()) + ")"};
    }
    for (std::size_t i = 0; i < code.size(); ++i) {
        if (ValueOf(code[i]) < 0) {
            std::string at = std::to_string(i + 1);
            return CreditCodeProblem{"第 " + at + " 位字符“" + std::string(1, code[i]) +
                                         "”无效（只允许数字和除 I、O、Z、S、V 外的大写字母）",
                                     "Character " + at + " ('" + std::string(1, code[i]) +
                                         "') is not allowed (digits and capital letters except I, O, Z, S, V)"};
        }
    }
    char expected = CreditCodeCheckCharacter(code.substr(0, 17));
    if (code[17] != expected) {
        return CreditCodeProblem{"第 18 位校验码错误：应为“" + std::string(1, expected) + "”，实为“" +
                                     std::string(1, code[17]) + "”；请核对前 17 位",
                                 "Check character (18th) is wrong: expected '" + std::string(1, expected) + "', got '" +
                                     std::string(1, code[17]) + "'; check the first 17 characters"};
    }
    return std::nullopt;
}

}  // namespace keyuan::catalog
