#include "access/masking.hpp"

namespace keyuan::access {
namespace {

std::string KeepEnds(std::string_view text, std::size_t head, std::size_t tail) {
    if (text.empty()) return "";
    if (text.size() <= head + tail) return std::string(text.substr(0, 1)) + std::string(text.size() - 1, '*');
    return std::string(text.substr(0, head)) + std::string(text.size() - head - tail, '*') +
           std::string(text.substr(text.size() - tail));
}

}  // namespace

std::string MaskPhone(std::string_view phone) {
    return KeepEnds(phone, 3, 4);
}

std::string MaskEmail(std::string_view email) {
    std::size_t at = email.find('@');
    if (at == std::string_view::npos || at == 0) return KeepEnds(email, 1, 0);
    return std::string(email.substr(0, 1)) + "***" + std::string(email.substr(at));
}

std::string MaskIdNumber(std::string_view id) {
    return KeepEnds(id, 3, 4);
}

}  // namespace keyuan::access
