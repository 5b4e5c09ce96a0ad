#include "modules/notifications/module.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/notifications/mail_job.hpp"
#include "modules/notifications/service.hpp"
#include "modules/notifications/settings.hpp"

namespace keyuan::notifications {
namespace json = boost::json;
using http::Request;

bool Notify(store::Session& s, std::int64_t user_id, std::string_view kind, const json::object& params,
            const std::optional<std::string>& dedupe_key) {
    if (dedupe_key &&
        !s.Query("SELECT 1 FROM notifications WHERE user_id = $1 AND dedupe_key = $2", {user_id, *dedupe_key})
             .empty()) {
        return false;
    }
    s.Execute("INSERT INTO notifications (user_id, kind, params, dedupe_key, created_at) VALUES ($1, $2, $3, $4, $5)",
              {user_id, std::string(kind), json::serialize(params), dedupe_key, clock::NowUtc()});
    return true;
}

void NotifyUnit(store::Session& s, std::int64_t org_id, std::string_view kind, const json::object& params) {
    // One statement for every administrator of the unit (in the order of their ids), not one
    // query for them and one INSERT each: a booking notifies its provider on every request.
    s.Execute(
        "INSERT INTO notifications (user_id, kind, params, created_at) "
        "SELECT u.id, CAST($2 AS TEXT), CAST($3 AS TEXT), CAST($4 AS TEXT) FROM users u "
        "JOIN user_roles r ON r.user_id = u.id WHERE u.org_id = $1 AND u.disabled = 0 AND r.role = 'unit_admin' "
        "ORDER BY u.id",
        {org_id, std::string(kind), json::serialize(params), clock::NowUtc()});
}

void Register(modules::ModuleContext& context) {
    store::Database& db = context.db;

    // Every signed-in user has an inbox: no grant, the caller's own rows only.
    context.router.Get("/api/v1/notifications", [&db](Request& r) {
        r.SignedIn();
        http::Paging paging = http::ParsePaging(r);
        std::string unread_only = r.Query("unread").value_or("false");
        if (unread_only != "true" && unread_only != "false") {
            throw ApiError(Error::Validation({{"unread", {"须为 true 或 false", "unread: true or false"}}}));
        }
        std::string where = " WHERE user_id = $1" + std::string(unread_only == "true" ? " AND read_at IS NULL" : "");
        json::object answer;
        db.Read([&](store::Session& s) {
            std::int64_t me = r.caller->user_id;
            std::int64_t total = s.Query("SELECT COUNT(*) FROM notifications" + where, {me}).front().Int(0);
            std::int64_t unread =
                s.Query("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL", {me})
                    .front()
                    .Int(0);
            store::Rows rows =
                s.Query("SELECT id, kind, params, created_at, read_at FROM notifications" + where +
                            " ORDER BY id DESC LIMIT $2 OFFSET $3",
                        {me, paging.page_size, static_cast<std::int64_t>(paging.page - 1) * paging.page_size});
            json::array items;
            for (std::size_t i = 0; i < rows.size(); ++i) {
                json::object item{{"id", std::to_string(rows[i].Int(0))},
                                  {"kind", rows[i].Text(1)},
                                  {"params", json::parse(rows[i].Text(2))},
                                  {"created_at", rows[i].Text(3)}};
                item["read_at"] = rows[i].IsNull(4) ? json::value(nullptr) : json::value(rows[i].Text(4));
                items.push_back(std::move(item));
            }
            answer = http::PageEnvelope(std::move(items), total, paging);
            answer["unread_count"] = unread;
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Post("/api/v1/notifications/{id}/read", [&db](Request& r) {
        std::int64_t id = http::PathId(r);
        r.SignedIn();
        db.Write([&](store::Session& s) {
            // Another user's message is not there for the caller: 404, never 403.
            if (s.Query("SELECT 1 FROM notifications WHERE id = $1 AND user_id = $2", {id, r.caller->user_id})
                    .empty()) {
                throw ApiError(Error::NotFound());
            }
            s.Execute("UPDATE notifications SET read_at = $1 WHERE id = $2 AND read_at IS NULL", {clock::NowUtc(), id});
        });
        return http::Response{.status = 204};
    });

    context.router.Post("/api/v1/notifications/read-all", [&db](Request& r) {
        r.SignedIn();
        std::int64_t marked = 0;
        db.Write([&](store::Session& s) {
            marked = s.Execute("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL",
                               {clock::NowUtc(), r.caller->user_id});
        });
        return http::JsonResponse(200, json::object{{"marked", marked}});
    });

    RegisterMail(context);
    DescribeRoutes(context.router);
}

void Declare(modules::Declarations& declarations) {
    declarations.settings.push_back(MailSettingsReader());
}

}  // namespace keyuan::notifications
