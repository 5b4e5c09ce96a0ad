#pragma once
// The request and response that handlers see. Free of Beast and Boost.JSON so that every
// module can include it cheaply; the server converts at the edge.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/caller.hpp"
#include "core/error.hpp"

namespace keyuan::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

/// "GET", "POST" …
std::string_view MethodName(Method method);

/// Whether a request of this method may change something (every method but GET, HEAD and OPTIONS).
bool IsMutating(Method method);

/// The value of cookie `name` in a Cookie header ("a=1; b=2"); "" when it is not there.
std::string CookieValue(std::string_view cookie_header, std::string_view name);

/// The language answers are written in: Chinese unless the client asks for English.
enum class Lang { kZh, kEn };

struct Header {
    std::string name;  // lower case
    std::string value;
};

class Request {
public:
    Method method = Method::kGet;
    std::string target;        // as received, path and query
    std::string path;          // percent-decoded path
    std::string_view route;    // the matched route's pattern (/api/v1/labs/{id}); empty if none
    std::string query_string;  // raw, without '?'
    std::vector<Header> headers;
    std::string body;
    std::string remote_address;
    std::string request_id;
    Lang lang = Lang::kZh;
    std::vector<std::pair<std::string, std::string>> path_params;
    std::shared_ptr<const Caller> caller;  // set by authentication; null for a visitor

    /// Who made the request, for audit records.
    Actor ToActor() const { return Actor{caller.get(), remote_address, request_id}; }
    /// The signed-in caller; a visitor gets 401 (for routes open to anyone signed in, whose
    /// finer checks are on the objects).
    const Caller& SignedIn() const {
        if (!caller) throw ApiError(Error::Unauthenticated());
        return *caller;
    }

    /// The header's value, or "" when absent. `lower_name` must be lower case.
    std::string_view HeaderValue(std::string_view lower_name) const;
    /// Whether the request says who sends it (an Authorization header or any cookie).
    bool CarriesCredentials() const { return !HeaderValue("authorization").empty() || !HeaderValue("cookie").empty(); }
    /// A `{name}` segment of the matched route.
    std::string_view PathParam(std::string_view name) const;
    /// The first value of a query parameter, percent-decoded.
    std::optional<std::string> Query(std::string_view name) const;
    /// Every query parameter, percent-decoded, in order.
    std::vector<std::pair<std::string, std::string>> QueryParams() const;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::vector<Header> headers;
    std::string body;
    /// For HEAD answers and files: the length to announce when the body is left out.
    std::optional<std::uint64_t> content_length;

    void SetHeader(std::string name, std::string value);
    static Response Json(int status, std::string body) {
        Response r;
        r.status = status;
        r.body = std::move(body);
        return r;
    }
};

/// Checks the query string at the edge, before any handler or cache sees it: every escape
/// well-formed, every decoded name and value valid UTF-8 without control characters. Returns
/// the 422 to answer, or nullopt when the query is clean.
std::optional<Error> CheckQueryString(std::string_view query_string);

/// Decodes %XX and (for queries) '+'; returns nullopt for a malformed escape.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

}  // namespace keyuan::http
