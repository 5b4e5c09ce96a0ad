#pragma once

#include <string>
#include <string_view>

#include "http/middleware.hpp"
#include "modules/accounts/service.hpp"

namespace keyuan::accounts {

inline constexpr std::string_view kSessionCookie = "keyuan_session";
/// The session cookie's name behind TLS ([security] cookie_secure).
inline constexpr std::string_view kSecureSessionCookie = "__Host-keyuan_session";

/// The session cookie's name under `settings`.
std::string_view SessionCookieName(const SecuritySettings& settings);

/// The Set-Cookie value for the session; max_age 0 deletes it, -1 leaves it a session cookie.
std::string SessionCookie(const std::string& value, const SecuritySettings& settings, int max_age = -1);

/// Sets Request::caller from a bearer token or the session cookie, enforcing CSRF on
/// cookie-authenticated writes and the pending password-change and second-factor gates.
http::Middleware MakeAuthentication(AccountService& service);

}  // namespace keyuan::accounts
