#include "http/content_disposition.hpp"

#include "core/percent_encoding.hpp"

namespace keyuan::http {

std::string AttachmentDisposition(std::string_view file_name, std::string_view ascii_name) {
    std::string ascii;
    for (unsigned char c : file_name) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                     c == '-' || c == '_';
        ascii.push_back(plain ? static_cast<char>(c) : '_');
    }
    if (!ascii_name.empty()) ascii = ascii_name;
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + PercentEncode(file_name);
}

}  // namespace keyuan::http
