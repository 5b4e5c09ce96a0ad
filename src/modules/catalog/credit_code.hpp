#pragma once
// The 18-character unified social credit code (统一社会信用代码, GB 32100-2015).

#include <optional>
#include <string>
#include <string_view>

namespace keyuan::catalog {

/// Why a code is wrong, in both languages; nullopt when it is valid. The message names the
/// position and the expected check character, so a typo can be found.
struct CreditCodeProblem {
    std::string zh;
    std::string en;
};
std::optional<CreditCodeProblem> CheckCreditCode(std::string_view code);

/// The check character for the first 17 characters (which must be valid).
char CreditCodeCheckCharacter(std::string_view first17);

}  // namespace keyuan::catalog
