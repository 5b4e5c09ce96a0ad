#pragma once
// The rules a new password must meet, after common practice for MLPS (等保) level 3: length,
// a mix of character classes, nothing guessable from the user name, the product or the lists of
// most used passwords.

#include <string>
#include <string_view>
#include <vector>

namespace keyuan::accounts {

/// One rule a password breaks, worded for the person choosing it.
struct PolicyProblem {
    std::string zh;
    std::string en;
};

/// Every rule that `password` breaks for the account `username`; empty when it is acceptable.
/// Lengths count UTF-8 code points; upper/lower case and digits are ASCII, any other character
/// counts as a symbol. Comparisons with the user name and the common-password list ignore ASCII
/// case. Thread-safe; the first call builds the common-password set from the embedded list.
std::vector<PolicyProblem> CheckPassword(std::string_view password, std::string_view username);

}  // namespace keyuan::accounts
