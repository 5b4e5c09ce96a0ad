// Authentication of every request: bearer token or session cookie, then the CSRF check
// and the gates for a pending password change or second factor.
#include "modules/accounts/middleware.hpp"

#include "access/crypto.hpp"
#include "http/json.hpp"

namespace keyuan::accounts {
namespace {

/// Paths a session may use before its second factor is verified.
bool IsSecondFactorPath(std::string_view path) {
    return path.starts_with("/api/v1/auth/totp/") || path == "/api/v1/auth/logout" || path == "/api/v1/auth/login" ||
           path == "/api/v1/me";
}

/// Paths a session may use while a password change is pending.
bool IsPasswordChangePath(std::string_view path) {
    return IsSecondFactorPath(path) || path == "/api/v1/auth/password";
}

bool SetsSessionCookie(const http::Response& response, std::string_view name) {
    for (const http::Header& h : response.headers) {
        if (h.name == "set-cookie" && h.value.starts_with(name)) return true;
    }
    return false;
}

}  // namespace

std::string_view SessionCookieName(const SecuritySettings& settings) {
    // Behind TLS the __Host- prefix makes browsers refuse the cookie unless it is Secure, has
    // Path=/ and no Domain: a sibling subdomain cannot plant or overwrite it.
    return settings.cookie_secure ? kSecureSessionCookie : kSessionCookie;
}

std::string SessionCookie(const std::string& value, const SecuritySettings& settings, int max_age) {
    std::string cookie = std::string(SessionCookieName(settings)) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
    if (settings.cookie_secure) cookie += "; Secure";
    if (max_age >= 0) cookie += "; Max-Age=" + std::to_string(max_age);
    return cookie;
}

http::Middleware MakeAuthentication(AccountService& service) {
    return [&service](http::Request& request, const http::Next& next) -> http::Response {
        std::string_view authorization = request.HeaderValue("authorization");
        if (authorization.starts_with("Bearer ")) {
            request.caller = service.AuthenticateToken(std::string(authorization.substr(7)), request.ToActor());
            if (!request.caller) {
                return http::ErrorResponse(Error::Make(ErrorCode::kUnauthenticated, "访问令牌无效、已过期或已吊销",
                                                       "The token is invalid, expired or revoked"),
                                           request.lang);
            }
            return next(request);
        }
        std::string_view cookie_name = SessionCookieName(service.settings());
        std::string token = http::CookieValue(request.HeaderValue("cookie"), cookie_name);
        if (token.empty() || token.size() > 100) return next(request);
        std::string csrf;
        std::shared_ptr<Caller> caller = service.AuthenticateSession(token, csrf);
        if (!caller) {
            // An unknown or expired session: continue as a visitor and drop the cookie.
            http::Response response = next(request);
            if (!SetsSessionCookie(response, cookie_name)) {  // a login just issued a new one
                response.headers.push_back({"set-cookie", SessionCookie("", service.settings(), 0)});
            }
            return response;
        }
        // Set before the checks below, so that a refusal is audited with the user's name.
        request.caller = caller;
        bool exempt_from_csrf = request.path == "/api/v1/auth/login";
        if (http::IsMutating(request.method) && !exempt_from_csrf &&
            !access::ConstantTimeEquals(request.HeaderValue("x-csrf-token"), csrf)) {
            throw ApiError(Error::Make(ErrorCode::kCsrfFailed, "缺少或错误的 X-CSRF-Token 请求头",
                                       "Missing or wrong X-CSRF-Token header"));
        }
        if (!caller->mfa_passed && !IsSecondFactorPath(request.path)) {
            throw ApiError(Error::Make(ErrorCode::kSecondFactorRequired, "请先完成动态口令验证",
                                       "Complete the second factor (TOTP) first"));
        }
        if (caller->must_change_password && !IsPasswordChangePath(request.path)) {
            throw ApiError(
                Error::Make(ErrorCode::kPasswordChangeRequired, "首次登录须先修改密码", "Change your password first"));
        }
        return next(request);
    };
}

}  // namespace keyuan::accounts
