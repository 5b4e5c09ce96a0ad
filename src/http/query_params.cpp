#include "http/query_params.hpp"

#include "core/id.hpp"

namespace keyuan::http {

std::optional<std::int64_t> QueryId(const Request& request, std::string_view name, FieldErrors& errors) {
    std::optional<std::string> text = request.Query(name);
    if (!text) return std::nullopt;
    std::optional<std::int64_t> id = ParseId(*text);
    if (!id) errors.Add(std::string(name), "须为有效的编号", "Must be a valid id");
    return id;
}

std::string LikeContains(std::string_view text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out + "%";
}

}  // namespace keyuan::http
