// Beast's HTTP messages to the server's Request and back: method, path (percent-decoded and
// checked), headers, the request id and the answer's language; the security headers every
// answer carries.
#include <random>

#include "core/utf8.hpp"
#include "http/server_impl.hpp"

namespace keyuan::http {
namespace {

/// A client-supplied request id is kept only if it is short and plain, so that it can be
/// logged and echoed safely.
bool IsSafeRequestId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                  c == '.';
        if (!ok) return false;
    }
    return true;
}

Lang ParseLang(std::string_view accept_language) {
    std::string_view first = accept_language.substr(0, accept_language.find_first_of(",;"));
    return first.size() >= 2 && (first[0] == 'e' || first[0] == 'E') && (first[1] == 'n' || first[1] == 'N')
               ? Lang::kEn
               : Lang::kZh;
}

}  // namespace

Method ToMethod(bhttp::verb verb) {
    switch (verb) {
        case bhttp::verb::get: return Method::kGet;
        case bhttp::verb::head: return Method::kHead;
        case bhttp::verb::post: return Method::kPost;
        case bhttp::verb::put: return Method::kPut;
        case bhttp::verb::patch: return Method::kPatch;
        case bhttp::verb::delete_: return Method::kDelete;
        case bhttp::verb::options: return Method::kOptions;
        default: return Method::kOther;
    }
}

std::string NewRequestId() {
    thread_local std::mt19937_64 rng(std::random_device{}());
    static const char kHex[] = "0123456789abcdef";
    std::uint64_t v = rng();
    std::string id(16, '0');
    for (int i = 0; i < 16; ++i) id[static_cast<std::size_t>(i)] = kHex[(v >> (i * 4)) & 0xF];
    return id;
}

/// Fills our Request from Beast's; returns false if the target is not a valid origin-form path.
bool ConvertRequest(BeastRequest&& in, Request& out) {
    out.method = ToMethod(in.method());
    out.target = std::string(in.target());
    std::string_view target = out.target;
    std::size_t q = target.find('?');
    auto path = PercentDecode(target.substr(0, q), false);
    if (!path || path->empty() || (*path)[0] != '/' || !utf8::IsCleanText(*path, utf8::Controls::kNone)) return false;
    out.path = std::move(*path);
    if (q != std::string_view::npos) out.query_string = std::string(target.substr(q + 1));
    out.headers.reserve(16);
    for (const auto& field : in) {
        std::string name(field.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.headers.push_back(Header{std::move(name), std::string(field.value())});
    }
    std::string_view incoming_id = out.HeaderValue("x-request-id");
    out.request_id = IsSafeRequestId(incoming_id) ? std::string(incoming_id) : NewRequestId();
    out.lang = ParseLang(out.HeaderValue("accept-language"));
    out.body = std::move(in.body());
    return true;
}

BeastResponse ConvertResponse(Response&& in, const Request& req, unsigned version, bool keep_alive, bool hsts) {
    BeastResponse res{static_cast<bhttp::status>(in.status), version};
    res.set(bhttp::field::server, "keyuan");
    res.set(bhttp::field::content_type, in.content_type);
    res.set("X-Request-Id", req.request_id);
    res.set("X-Content-Type-Options", "nosniff");
    if (hsts) res.set(bhttp::field::strict_transport_security, "max-age=31536000; includeSubDomains");
    // insert, not set: a response may carry several headers of one name (Set-Cookie).
    for (Header& h : in.headers) res.insert(h.name, h.value);
    res.keep_alive(keep_alive);
    std::uint64_t length = in.content_length.value_or(in.body.size());
    if (req.method != Method::kHead && in.status != 304 && in.status != 204) res.body() = std::move(in.body);
    res.content_length(length);
    return res;
}

}  // namespace keyuan::http
