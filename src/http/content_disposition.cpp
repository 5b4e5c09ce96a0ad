#include "http/content_disposition.hpp"

namespace keyuan::http {

std::string AttachmentDisposition(std::string_view file_name, std::string_view ascii_name) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string ascii, encoded;
    for (unsigned char c : file_name) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                     c == '-' || c == '_';
        ascii.push_back(plain ? static_cast<char>(c) : '_');
        if (plain) {
            encoded.push_back(static_cast<char>(c));
        } else {
            encoded += '%';
            encoded.push_back(kHex[c >> 4]);
            encoded.push_back(kHex[c & 15]);
        }
    }
    if (!ascii_name.empty()) ascii = ascii_name;
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace keyuan::http
