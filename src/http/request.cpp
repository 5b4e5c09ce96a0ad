#include "http/request.hpp"

#include "core/utf8.hpp"

namespace keyuan::http {

std::string_view MethodName(Method method) {
    switch (method) {
        case Method::kGet: return "GET";
        case Method::kHead: return "HEAD";
        case Method::kPost: return "POST";
        case Method::kPut: return "PUT";
        case Method::kPatch: return "PATCH";
        case Method::kDelete: return "DELETE";
        case Method::kOptions: return "OPTIONS";
        case Method::kOther: return "OTHER";
    }
    return "OTHER";
}

bool IsMutating(Method method) {
    return method != Method::kGet && method != Method::kHead && method != Method::kOptions;
}

std::string CookieValue(std::string_view header, std::string_view name) {
    while (!header.empty()) {
        std::size_t semi = header.find(';');
        std::string_view part = header.substr(0, semi);
        header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=') {
            return std::string(part.substr(name.size() + 1));
        }
    }
    return "";
}

std::string_view Request::HeaderValue(std::string_view lower_name) const {
    for (const Header& h : headers) {
        if (h.name == lower_name) return h.value;
    }
    return {};
}

std::string_view Request::PathParam(std::string_view name) const {
    for (const auto& [key, value] : path_params) {
        if (key == name) return value;
    }
    return {};
}

std::optional<std::string> Request::Query(std::string_view name) const {
    for (auto& [key, value] : QueryParams()) {
        if (key == name) return value;
    }
    return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> Request::QueryParams() const {
    std::vector<std::pair<std::string, std::string>> out;
    std::string_view rest = query_string;
    while (!rest.empty()) {
        std::size_t amp = rest.find('&');
        std::string_view part = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        if (part.empty()) continue;
        std::size_t eq = part.find('=');
        auto key = PercentDecode(part.substr(0, eq), true);
        auto value = PercentDecode(eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1), true);
        if (key && value) out.emplace_back(std::move(*key), std::move(*value));
    }
    return out;
}

void Response::SetHeader(std::string name, std::string value) {
    for (Header& h : headers) {
        if (h.name == name) {
            h.value = std::move(value);
            return;
        }
    }
    headers.push_back(Header{std::move(name), std::move(value)});
}

std::optional<Error> CheckQueryString(std::string_view query_string) {
    std::string_view rest = query_string;
    while (!rest.empty()) {
        std::size_t amp = rest.find('&');
        std::string_view part = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        std::size_t eq = part.find('=');
        std::optional<std::string> name = PercentDecode(part.substr(0, eq), true);
        std::optional<std::string> value =
            PercentDecode(eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1), true);
        if (name && value && utf8::IsCleanText(*name, utf8::Controls::kNone) &&
            utf8::IsCleanText(*value, utf8::Controls::kNone)) {
            continue;
        }
        std::string field = name && utf8::IsCleanText(*name, utf8::Controls::kNone) ? *name : "query";
        return Error::Validation({{field,
                                   {"查询参数须为合法的 UTF-8 文本，不得含控制字符或不完整的 % 转义",
                                    "Query parameters must be valid UTF-8 text without control characters or "
                                    "broken % escapes"}}});
    }
    return std::nullopt;
}

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            int hi = hex(text[i + 1]);
            int lo = hex(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

}  // namespace keyuan::http
