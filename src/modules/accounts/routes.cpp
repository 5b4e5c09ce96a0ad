#include <boost/json/array.hpp>

#include "core/id.hpp"
#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/accounts/colleagues.hpp"
#include "modules/accounts/json_views.hpp"
#include "modules/accounts/middleware.hpp"
#include "modules/accounts/module.hpp"

namespace keyuan::accounts {
namespace json = boost::json;
using http::Request;
using http::Response;

namespace {

const Caller& RequireSession(const Request& r) {
    const Caller& caller = r.SignedIn();
    if (caller.via != Caller::Via::kSession) {
        throw ApiError(
            Error::Make(ErrorCode::kForbidden, "此操作须在浏览器会话中进行", "This needs a browser session"));
    }
    return caller;
}

std::vector<Role> ParseRoles(const std::vector<std::string>& names, FieldErrors& errors) {
    std::vector<Role> roles;
    for (const std::string& name : names) {
        if (auto role = ParseRole(name)) {
            roles.push_back(*role);
        } else {
            errors.Add("roles", "未知角色：" + name, "Unknown role: " + name);
        }
    }
    return roles;
}

std::optional<std::int64_t> ParseOptionalId(http::JsonReader& reader, std::string_view field) {
    std::optional<std::string> text = reader.String(field, {.max_chars = 20});
    if (!text) return std::nullopt;
    if (std::optional<std::int64_t> id = ParseId(*text)) return id;
    reader.errors().Add(std::string(field), "须为有效的编号", "Must be a valid id");
    return std::nullopt;
}

Response Login(AccountService& service, Request& r) {
    json::object body = http::ParseJsonObject(r);
    http::JsonReader reader(body);
    auto username = reader.String("username", {.required = true, .max_chars = 64});
    auto password = reader.String("password", {.required = true, .max_chars = 128});
    reader.Finish();
    Result<LoginOutcome> outcome =
        service.Login(*username, *password, r.ToActor(), std::string(r.HeaderValue("user-agent")));
    if (!outcome) return http::ErrorResponse(outcome.error(), r.lang);
    const LoginOutcome& o = outcome.value();
    Response response = http::JsonResponse(200, json::object{{"user", UserToJson(o.user)},
                                                             {"csrf_token", o.csrf_token},
                                                             {"second_factor_required", o.second_factor_required},
                                                             {"second_factor_enrolled", o.second_factor_enrolled},
                                                             {"must_change_password", o.must_change_password}});
    response.headers.push_back({"set-cookie", SessionCookie(o.session_token, service.settings())});
    response.SetHeader("cache-control", "no-store");
    return response;
}

std::string ReadCode(const Request& r) {
    json::object body = http::ParseJsonObject(r);
    http::JsonReader reader(body);
    auto code = reader.String("code", {.required = true, .max_chars = 10});
    reader.Finish();
    return *code;
}

void AddSessionRoutes(http::Router& router, AccountService& service) {
    router.Post("/api/v1/auth/login", [&service](Request& r) { return Login(service, r); });
    router.Post("/api/v1/auth/logout", [&service](Request& r) {
        service.Logout(RequireSession(r), r.ToActor());
        Response response;
        response.status = 204;
        response.headers.push_back({"set-cookie", SessionCookie("", service.settings(), 0)});
        return response;
    });
    router.Get("/api/v1/me", [&service](Request& r) {
        const Caller& caller = r.SignedIn();
        json::object out = UserToJson(service.Me(caller));
        out["second_factor_passed"] = caller.mfa_passed;
        return http::JsonResponse(200, out);
    });
    router.Post("/api/v1/auth/password", [&service](Request& r) {
        const Caller& caller = RequireSession(r);
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        auto current = reader.String("current_password", {.required = true, .max_chars = 128});
        auto next = reader.String("new_password", {.required = true, .max_chars = 512});
        reader.Finish();
        service.ChangePassword(caller, *current, *next, r.ToActor());
        return http::JsonResponse(200, UserToJson(service.Me(caller)));
    });
    router.Post("/api/v1/auth/totp/enroll", [&service](Request& r) {
        TotpEnrollment e = service.EnrollTotp(RequireSession(r), r.ToActor());
        Response response = http::JsonResponse(201, json::object{{"secret", e.secret}, {"otpauth_uri", e.otpauth_uri}});
        response.SetHeader("cache-control", "no-store");
        return response;
    });
    router.Post("/api/v1/auth/totp/activate", [&service](Request& r) {
        const Caller& caller = RequireSession(r);  // 401 before the body is looked at
        service.ActivateTotp(caller, ReadCode(r), r.ToActor());
        return http::JsonResponse(200, json::object{{"second_factor_passed", true}});
    });
    router.Post("/api/v1/auth/totp/verify", [&service](Request& r) {
        const Caller& caller = RequireSession(r);
        service.VerifyTotp(caller, ReadCode(r), r.ToActor());
        return http::JsonResponse(200, json::object{{"second_factor_passed", true}});
    });
}

void AddTokenRoutes(http::Router& router, AccountService& service) {
    router.Get("/api/v1/tokens", [&service](Request& r) {
        json::array items;
        for (const TokenView& t : service.ListTokens(r.SignedIn())) items.push_back(TokenToJson(t));
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });
    router.Post("/api/v1/tokens", [&service](Request& r) {
        const Caller& caller = RequireSession(r);
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        auto name = reader.String("name", {.required = true, .max_chars = 100});
        auto days = reader.Int("days", false, 1, service.settings().token_max_days);
        reader.Finish();
        CreatedToken created = service.CreateToken(caller, *name, static_cast<int>(days.value_or(90)), r.ToActor());
        json::object out = TokenToJson(created.token);
        out["token"] = created.secret;
        Response response = http::JsonResponse(201, out);
        response.SetHeader("cache-control", "no-store");
        return response;
    });
    router.Delete("/api/v1/tokens/{id}", [&service](Request& r) {
        service.RevokeToken(r.SignedIn(), http::PathId(r), r.ToActor());
        Response response;
        response.status = 204;
        return response;
    });
}

NewUser ReadNewUser(const Request& r) {
    json::object body = http::ParseJsonObject(r);
    http::JsonReader reader(body);
    NewUser user;
    user.username = reader.String("username", {.required = true, .max_chars = 32}).value_or("");
    user.password = reader.String("password", {.required = true, .max_chars = 512}).value_or("");
    user.display_name = reader.String("display_name", {.max_chars = 50}).value_or("");
    user.org_id = ParseOptionalId(reader, "org_id");
    user.department_code = reader.String("department_code", {.max_chars = 20}).value_or("");
    user.district_code = reader.String("district_code", {.max_chars = 20}).value_or("");
    user.phone = reader.String("phone", {.max_chars = 20}).value_or("");
    user.email = reader.String("email", {.max_chars = 100}).value_or("");
    auto roles = reader.StringList("roles", true, 14, 40);
    if (roles) user.roles = ParseRoles(*roles, reader.errors());
    user.input_errors = reader.Collect();  // reported together with the service's own checks
    return user;
}

void AddUserRoutes(http::Router& router, AccountService& service) {
    router.Post("/api/v1/users", [&service](Request& r) {
        service.CheckCreateAllowed(r.caller.get());
        NewUser user = ReadNewUser(r);
        return http::JsonResponse(201, UserToJson(service.CreateUser(r.caller.get(), user, r.ToActor())));
    });
    router.Get("/api/v1/users", [&service](Request& r) {
        http::Paging paging = http::ParsePaging(r);
        UserFilter filter{
            .role = r.Query("role"), .q = r.Query("q"), .page = paging.page, .page_size = paging.page_size};
        FieldErrors errors;
        filter.org_id = http::QueryId(r, "org_id", errors);
        errors.ThrowIfAny();
        auto [users, total] = service.ListUsers(r.caller.get(), filter);
        json::array items;
        for (const UserView& u : users) items.push_back(UserToJson(u));
        return http::JsonResponse(200, http::PageEnvelope(std::move(items), total, paging));
    });
    router.Get("/api/v1/users/{id}", [&service](Request& r) {
        return http::JsonResponse(200, UserToJson(service.GetUser(r.caller.get(), http::PathId(r))));
    });
    router.Patch("/api/v1/users/{id}", [&service](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        UserChanges changes;
        if (auto roles = reader.StringList("roles", false, 14, 40)) changes.roles = ParseRoles(*roles, reader.errors());
        changes.disabled = reader.Bool("disabled", false);
        changes.display_name = reader.String("display_name", {.max_chars = 50});
        changes.phone = reader.String("phone", {.max_chars = 20});
        changes.email = reader.String("email", {.max_chars = 100});
        auto version = reader.Int("version", false, 1, INT64_MAX);
        reader.Finish();
        std::int64_t expected = version.value_or(0);
        if (std::optional<std::int64_t> if_match = http::IfMatchVersion(r)) expected = *if_match;
        UserView after = service.UpdateUser(r.caller.get(), id, expected, changes, r.ToActor());
        // 202: what was asked waits for a second security administrator (pending_role_grant).
        bool waiting = changes.roles && after.pending_grant_id && after.pending_roles == *changes.roles;
        return http::JsonResponse(waiting ? 202 : 200, UserToJson(after));
    });
    router.Post("/api/v1/users/{id}/unlock", [&service](Request& r) {
        return http::JsonResponse(200, UserToJson(service.UnlockUser(r.caller.get(), http::PathId(r), r.ToActor())));
    });
}

void AddRoleGrantRoutes(http::Router& router, AccountService& service) {
    router.Get("/api/v1/role-grants", [&service](Request& r) {
        std::optional<std::string> status = r.Query("status");
        if (status && *status != "pending" && *status != "confirmed" && *status != "refused" &&
            *status != "superseded") {
            throw ApiError(Error::Validation({{"status",
                                               {"须为 pending、confirmed、refused 或 superseded",
                                                "Must be pending, confirmed, refused or superseded"}}}));
        }
        json::array items;
        for (const RoleGrantView& g : service.ListRoleGrants(r.caller.get(), status))
            items.push_back(RoleGrantToJson(g));
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });
    router.Post("/api/v1/role-grants/{id}/confirm", [&service](Request& r) {
        return http::JsonResponse(
            200, RoleGrantToJson(service.ConfirmRoleGrant(r.caller.get(), http::PathId(r), r.ToActor())));
    });
    router.Post("/api/v1/role-grants/{id}/refuse", [&service](Request& r) {
        return http::JsonResponse(
            200, RoleGrantToJson(service.RefuseRoleGrant(r.caller.get(), http::PathId(r), r.ToActor())));
    });
}

}  // namespace

void Register(modules::ModuleContext& context) {
    DeclarePermissions(context.policy);
    AccountService& service = context.Keep(
        std::make_unique<AccountService>(context.db, context.policy, context.settings.Of<SecuritySettings>()));
    context.middleware.push_back(MakeAuthentication(service));
    AddSessionRoutes(context.router, service);
    AddTokenRoutes(context.router, service);
    AddUserRoutes(context.router, service);
    AddColleagueRoutes(context.router, service);
    AddRoleGrantRoutes(context.router, service);
    DescribeRoutes(context.router);
}

}  // namespace keyuan::accounts
