#include "support/stored_zip.hpp"

#include <array>
#include <cstdint>

namespace keyuan::testing {
namespace {

std::uint32_t Crc32(const std::string& data) {
    static const std::array<std::uint32_t, 256> kTable = [] {
        std::array<std::uint32_t, 256> table{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }();
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char b : data) crc = kTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

void Put16(std::string& out, std::uint32_t v) {
    out.push_back(static_cast<char>(v & 0xFF));
    out.push_back(static_cast<char>((v >> 8) & 0xFF));
}

void Put32(std::string& out, std::uint32_t v) {
    Put16(out, v & 0xFFFF);
    Put16(out, v >> 16);
}

}  // namespace

std::string StoredZip(const std::vector<std::pair<std::string, std::string>>& parts) {
    std::string out, central;
    for (const auto& part : parts) {
        const std::string& name = part.first;  // not a structured binding: clang 14 cannot capture one
        const std::string& data = part.second;
        std::uint32_t offset = static_cast<std::uint32_t>(out.size());
        std::uint32_t crc = Crc32(data);
        auto fields = [&](std::string& to) {
            Put16(to, 20);    // version needed
            Put16(to, 0);     // flags
            Put16(to, 0);     // stored
            Put16(to, 0);     // time
            Put16(to, 0x21);  // date 1980-01-01
            Put32(to, crc);
            Put32(to, static_cast<std::uint32_t>(data.size()));
            Put32(to, static_cast<std::uint32_t>(data.size()));
            Put16(to, static_cast<std::uint32_t>(name.size()));
            Put16(to, 0);  // extra length
        };
        Put32(out, 0x04034b50);
        fields(out);
        out += name;
        out += data;
        Put32(central, 0x02014b50);
        Put16(central, 20);  // version made by
        fields(central);
        Put16(central, 0);  // comment length
        Put16(central, 0);  // disk
        Put16(central, 0);  // internal attributes
        Put32(central, 0);  // external attributes
        Put32(central, offset);
        central += name;
    }
    std::uint32_t central_offset = static_cast<std::uint32_t>(out.size());
    out += central;
    Put32(out, 0x06054b50);
    Put16(out, 0);
    Put16(out, 0);
    Put16(out, static_cast<std::uint32_t>(parts.size()));
    Put16(out, static_cast<std::uint32_t>(parts.size()));
    Put32(out, static_cast<std::uint32_t>(central.size()));
    Put32(out, central_offset);
    Put16(out, 0);
    return out;
}

}  // namespace keyuan::testing
