#pragma once
// Content-Disposition for a download: "attachment" with an ASCII stand-in name for old clients
// and the real UTF-8 name (Chinese included) in RFC 6266's filename*.

#include <string>
#include <string_view>

namespace keyuan::http {

/// attachment; filename="<ASCII, others as _>"; filename*=UTF-8''<percent-encoded name>
std::string AttachmentDisposition(std::string_view file_name);

}  // namespace keyuan::http
