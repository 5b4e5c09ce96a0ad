#pragma once
// Personal information masked for everyone but its owner and the operator (PIPL; MLPS 8.1.4.11).

#include <string>
#include <string_view>

namespace keyuan::access {

/// "13812345678" → "138****5678"; short values keep only their first character.
std::string MaskPhone(std::string_view phone);
/// "zhang.san@example.cn" → "z***@example.cn".
std::string MaskEmail(std::string_view email);
/// "110101199003071234" → "110***********1234".
std::string MaskIdNumber(std::string_view id);

}  // namespace keyuan::access
