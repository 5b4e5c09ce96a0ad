#include "core/id.hpp"

#include <charconv>
#include <set>

namespace keyuan {

std::optional<std::int64_t> ParseInt64(std::string_view text) {
    std::int64_t value = 0;
    const char* end = text.data() + text.size();
    auto [stop, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || stop != end) return std::nullopt;
    return value;
}

std::optional<std::int64_t> ParseId(std::string_view text) {
    if (text.size() > 18) return std::nullopt;  // ParseInt64 refuses "", and < 1 a sign
    std::optional<std::int64_t> value = ParseInt64(text);
    if (!value || *value < 1) return std::nullopt;
    return value;
}

std::vector<std::int64_t> ParseIdList(const std::vector<std::string>& texts,
                                      const std::function<bool(std::int64_t)>& fits, std::string& bad) {
    std::vector<std::int64_t> ids;
    std::set<std::int64_t> seen;
    for (const std::string& text : texts) {
        std::optional<std::int64_t> id = ParseId(text);
        if (!id || !seen.insert(*id).second || !fits(*id)) bad += (bad.empty() ? "" : ", ") + text;
        if (id) ids.push_back(*id);
    }
    return ids;
}

}  // namespace keyuan
