#include "store/param.hpp"

#include <cstdio>

namespace keyuan::store {

std::string Param::ToText() const {
    switch (kind_) {
        case Kind::kInt: return std::to_string(int_);
        case Kind::kReal: {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.17g", real_);
            return buf;
        }
        case Kind::kText: return text_;
        case Kind::kBytes: {
            // bytea's hex input format: \x followed by two hex digits per byte.
            static constexpr char kHex[] = "0123456789abcdef";
            std::string out = "\\x";
            out.reserve(2 + text_.size() * 2);
            for (unsigned char c : text_) {
                out.push_back(kHex[c >> 4]);
                out.push_back(kHex[c & 15]);
            }
            return out;
        }
        case Kind::kNull: break;
    }
    return {};
}

std::string Placeholders(std::size_t first, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += (i ? ", $" : "$") + std::to_string(first + i);
    return out;
}

}  // namespace keyuan::store
