#pragma once
// Content-Disposition for a download: "attachment" with an ASCII stand-in name for old clients
// and the real UTF-8 name (Chinese included) in RFC 6266's filename*.

#include <string>
#include <string_view>

namespace keyuan::http {

/// attachment; filename="<ASCII, others as _>"; filename*=UTF-8''<percent-encoded name>
/// `ascii_name`, when given, is the old clients' name instead of the underscored one (an English
/// name for a Chinese one reads better than "____-2026.csv").
std::string AttachmentDisposition(std::string_view file_name, std::string_view ascii_name = {});

}  // namespace keyuan::http
