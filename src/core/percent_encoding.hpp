#pragma once
// RFC 3986 percent-encoding, for query values, URIs (otpauth://) and RFC 6266 file names.

#include <string>
#include <string_view>

namespace keyuan {

/// Every byte outside the unreserved set (ALPHA, DIGIT, '-', '.', '_', '~') as %XX, upper-case
/// hex: a space becomes %20 (authenticator apps do not read '+'), UTF-8 is encoded byte by byte.
std::string PercentEncode(std::string_view text);

}  // namespace keyuan
