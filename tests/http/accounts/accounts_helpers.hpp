#pragma once
// Helpers shared by the accounts tests of this folder: request bodies for login and password
// changes, reading Set-Cookie attributes and list answers, and joining lists for messages.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <regex>

#include "access/crypto.hpp"
#include "modules/accounts/totp.hpp"
#include "support/accounts_fixture.hpp"

namespace keyuan::testing {

namespace json = boost::json;

inline constexpr const char* kLogin = "/api/v1/auth/login";
inline constexpr const char* kPassword = "/api/v1/auth/password";

inline std::string LoginBody(const std::string& username, const std::string& password) {
    return Body({{"username", username}, {"password", password}});
}

inline std::string PasswordBody(const std::string& current, const std::string& next) {
    return Body({{"current_password", current}, {"new_password", next}});
}

/// The attributes of a Set-Cookie value after its name=value pair ("HttpOnly", "Path=/" …).
inline std::vector<std::string> CookieAttributes(const std::string& set_cookie) {
    std::vector<std::string> out;
    std::size_t at = set_cookie.find(';');
    while (at != std::string::npos) {
        std::size_t next = set_cookie.find(';', at + 1);
        std::string part = set_cookie.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
        part.erase(0, part.find_first_not_of(' '));
        out.push_back(part);
        at = next;
    }
    return out;
}

inline bool Contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

inline std::string Joined(const std::vector<std::string>& list) {
    std::string out;
    for (const std::string& s : list) out += (out.empty() ? "" : " | ") + s;
    return out;
}

/// The ids of a list answer's items.
inline std::vector<std::string> ItemIds(const HttpResponse& r) {
    std::vector<std::string> ids;
    json::value body = r.Json();
    for (const json::value& item : body.at("items").as_array()) ids.push_back(Str(item, "id"));
    return ids;
}

inline std::string Trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    return text;
}

}  // namespace keyuan::testing
