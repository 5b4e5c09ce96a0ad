// The OpenAPI descriptions of the accounts routes (routes.cpp, colleagues.cpp), written by hand
// because their bodies are read field by field: the limits here are the JsonReader's there.
#include "http/router.hpp"
#include "modules/accounts/module.hpp"

namespace keyuan::accounts {
namespace {

constexpr std::string_view kUser = R"({"type": "object",
  "required": ["id", "username", "roles", "disabled", "locked", "must_change_password", "version"],
  "properties": {
    "id": {"type": "string", "pattern": "^[0-9]+$"}, "username": {"type": "string"},
    "display_name": {"type": "string"}, "org_id": {"type": "string", "nullable": true},
    "department_code": {"type": "string"}, "district_code": {"type": "string"},
    "phone": {"type": "string"}, "email": {"type": "string"},
    "roles": {"type": "array", "items": {"type": "string"}},
    "disabled": {"type": "boolean"}, "locked": {"type": "boolean"},
    "must_change_password": {"type": "boolean"}, "totp_enabled": {"type": "boolean"},
    "last_login_at": {"type": "string", "nullable": true}, "created_at": {"type": "string"},
    "version": {"type": "integer"}}})";

}  // namespace

void DescribeRoutes(http::Router& router) {
    using http::Method;
    using http::Schema;
    using http::SchemaRef;
    router.AddSchema("User", Schema(kUser));
    router.Describe(Method::kPost, "/api/v1/auth/login",
                    {.summary = "Sign in: a session cookie and the CSRF token for later writes",
                     .tags = {"auth"},
                     .request = Schema(R"({"type": "object", "required": ["username", "password"], "properties": {
                         "username": {"type": "string", "maxLength": 64},
                         "password": {"type": "string", "maxLength": 128}}})"),
                     .response = Schema(R"({"type": "object", "required": ["user", "csrf_token"], "properties": {
                         "user": {"$ref": "#/components/schemas/User"}, "csrf_token": {"type": "string"},
                         "second_factor_required": {"type": "boolean"}, "second_factor_enrolled": {"type": "boolean"},
                         "must_change_password": {"type": "boolean"}}})"),
                     .status = 200,
                     .errors = {400, 401, 422, 429}});
    router.Describe(Method::kPost, "/api/v1/auth/logout",
                    {.summary = "Sign out (ends the session)", .tags = {"auth"}, .status = 204, .errors = {401, 403}});
    router.Describe(
        Method::kGet, "/api/v1/me",
        {.summary = "The signed-in user", .tags = {"auth"}, .response = SchemaRef("User"), .errors = {401}});
    router.Describe(Method::kPost, "/api/v1/auth/password",
                    {.summary = "Change one's password (in a browser session)",
                     .tags = {"auth"},
                     .request = Schema(R"({"type": "object", "required": ["current_password", "new_password"],
                         "properties": {"current_password": {"type": "string", "maxLength": 128},
                         "new_password": {"type": "string", "maxLength": 512}}})"),
                     .response = SchemaRef("User"),
                     .status = 200,
                     .errors = {400, 401, 403, 422}});
    http::RouteDoc code{
        .summary = "",
        .tags = {"auth"},
        .request = Schema(R"({"type": "object", "required": ["code"],
                            "properties": {"code": {"type": "string", "maxLength": 10}}})"),
        .response = Schema(R"({"type": "object", "properties": {"second_factor_passed": {"type": "boolean"}}})"),
        .status = 200,
        .errors = {400, 401, 403, 422, 429}};
    code.summary = "Turn the second factor on with a first code";
    router.Describe(Method::kPost, "/api/v1/auth/totp/activate", code);
    code.summary = "Pass the second factor for this session";
    router.Describe(Method::kPost, "/api/v1/auth/totp/verify", code);
    router.Describe(Method::kPost, "/api/v1/auth/totp/enroll",
                    {.summary = "Start enrolling a TOTP second factor",
                     .tags = {"auth"},
                     .response = Schema(R"({"type": "object", "required": ["secret", "otpauth_uri"], "properties": {
                         "secret": {"type": "string"}, "otpauth_uri": {"type": "string"}}})"),
                     .errors = {401, 403, 409}});
    router.Describe(Method::kPost, "/api/v1/tokens",
                    {.summary = "Create an API token for machine clients (shown once)",
                     .tags = {"auth"},
                     .request = Schema(R"({"type": "object", "required": ["name"], "properties": {
                         "name": {"type": "string", "maxLength": 100}, "days": {"type": "integer", "minimum": 1}}})"),
                     .response = Schema(R"({"type": "object", "required": ["id", "token"]})"),
                     .errors = {400, 401, 403, 422}});
    router.Describe(Method::kGet, "/api/v1/tokens",
                    {.summary = "The caller's API tokens", .tags = {"auth"}, .errors = {401}});
    router.Describe(Method::kDelete, "/api/v1/tokens/{id}",
                    {.summary = "Revoke an API token", .tags = {"auth"}, .status = 204, .errors = {401, 404}});
    router.Describe(Method::kPost, "/api/v1/users",
                    {.summary = "Create an account",
                     .tags = {"users"},
                     .request = Schema(R"({"type": "object", "required": ["username", "password", "roles"],
                         "properties": {"username": {"type": "string", "maxLength": 32},
                         "password": {"type": "string", "maxLength": 512},
                         "display_name": {"type": "string", "maxLength": 50},
                         "org_id": {"type": "string", "pattern": "^[0-9]+$", "maxLength": 20},
                         "department_code": {"type": "string", "maxLength": 20},
                         "district_code": {"type": "string", "maxLength": 20},
                         "phone": {"type": "string", "maxLength": 20}, "email": {"type": "string", "maxLength": 100},
                         "roles": {"type": "array", "maxItems": 14, "items": {"type": "string", "maxLength": 40}}}})"),
                     .response = SchemaRef("User"),
                     .errors = {400, 401, 403, 409, 422}});
    router.Describe(Method::kGet, "/api/v1/users",
                    {.summary = "Accounts in the caller's scope",
                     .tags = {"users"},
                     .params = {{.name = "role"},
                                {.name = "q"},
                                {.name = "org_id"},
                                {.name = "page", .schema = {{"type", "integer"}}},
                                {.name = "page_size", .schema = {{"type", "integer"}}}},
                     .response = Schema(R"({"type": "object", "required": ["items", "total"], "properties": {
                         "items": {"type": "array", "items": {"$ref": "#/components/schemas/User"}},
                         "total": {"type": "integer"}}})"),
                     .errors = {401, 403, 422}});
    router.Describe(
        Method::kGet, "/api/v1/users/{id}",
        {.summary = "One account", .tags = {"users"}, .response = SchemaRef("User"), .errors = {401, 403, 404}});
    router.Describe(Method::kPatch, "/api/v1/users/{id}",
                    {.summary = "Change an account (roles may wait for a second administrator: 202)",
                     .tags = {"users"},
                     .request = Schema(R"({"type": "object", "properties": {
                         "roles": {"type": "array", "maxItems": 14, "items": {"type": "string", "maxLength": 40}},
                         "disabled": {"type": "boolean"}, "display_name": {"type": "string", "maxLength": 50},
                         "phone": {"type": "string", "maxLength": 20}, "email": {"type": "string", "maxLength": 100},
                         "version": {"type": "integer", "minimum": 1}}})"),
                     .response = SchemaRef("User"),
                     .errors = {400, 401, 403, 404, 409, 422}});
    // Unlocking, the second administrator's role grants and the colleagues' picker.
    router.Describe(Method::kPost, "/api/v1/users/{id}/unlock",
                    {.summary = "Unlock an account locked after failed sign-ins",
                     .tags = {"users"},
                     .response = SchemaRef("User"),
                     .status = 200,
                     .errors = {401, 403, 404}});
    router.AddSchema("RoleGrant", Schema(R"({"type": "object",
      "required": ["id", "user_id", "username", "roles", "status", "requested_by", "requested_at", "decided_by",
                   "decided_at", "version"],
      "properties": {"id": {"type": "string", "pattern": "^[0-9]+$"},
        "user_id": {"type": "string", "pattern": "^[0-9]+$"}, "username": {"type": "string"},
        "roles": {"type": "array", "items": {"type": "string"}},
        "status": {"type": "string", "enum": ["pending", "confirmed", "refused", "superseded"]},
        "requested_by": {"type": "string", "pattern": "^[0-9]+$"}, "requested_at": {"type": "string"},
        "decided_by": {"type": "string", "nullable": true}, "decided_at": {"type": "string", "nullable": true},
        "version": {"type": "integer"}}})"));
    router.Describe(
        Method::kGet, "/api/v1/role-grants",
        {.summary = "Role changes waiting for (or decided by) a second security administrator",
         .tags = {"users"},
         .params = {{.name = "status",
                     .schema = {{"type", "string"}, {"enum", {"pending", "confirmed", "refused", "superseded"}}}}},
         .response = Schema(R"({"type": "object", "required": ["items"], "properties": {
                         "items": {"type": "array", "items": {"$ref": "#/components/schemas/RoleGrant"}}}})"),
         .errors = {401, 403, 422}});
    for (const char* step : {"confirm", "refuse"}) {
        router.Describe(
            Method::kPost, std::string("/api/v1/role-grants/{id}/") + step,
            {.summary = std::string(step) == "confirm" ? "Confirm a pending role change (another administrator)"
                                                       : "Refuse a pending role change",
             .tags = {"users"},
             .response = SchemaRef("RoleGrant"),
             .status = 200,
             .errors = {401, 403, 404, 409}});
    }
    router.Describe(Method::kGet, "/api/v1/colleagues",
                    {.summary = "Up to 20 active users of the caller's organisation (never the caller)",
                     .tags = {"users"},
                     .params = {{.name = "q", .description = "part of a name"}},
                     .response = Schema(R"({"type": "object", "required": ["items"], "properties": {
                         "items": {"type": "array", "items": {"type": "object", "required": ["id", "display_name"],
                           "properties": {"id": {"type": "string", "pattern": "^[0-9]+$"},
                             "display_name": {"type": "string"}, "username": {"type": "string"}}}}}})"),
                     .errors = {401}});
}

}  // namespace keyuan::accounts
