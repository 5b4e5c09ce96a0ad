// Files of an order: either side uploads while the order is open (the client its sample
// descriptions, the provider its test reports); whoever may read the order downloads them.
//   POST /api/v1/orders/{id}/attachments?name=报告.pdf   body: the file's bytes (≤ 10 MiB)
//   GET  /api/v1/orders/{id}/attachments/{attachment_id}
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/orders/attachments.hpp"
#include "modules/orders/lifecycle.hpp"
#include "modules/orders/module_parts.hpp"

namespace keyuan::orders {
namespace json = boost::json;
using http::Request;

void RegisterAttachmentRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;

    context.router.Post(
        "/api/v1/orders/{id}/attachments",
        [&db, &policy](Request& r) {
            std::int64_t id = http::PathId(r);
            policy.RequireAction(r.caller.get(), "service_order.read");
            // Who may comes first: to anyone else the order is not there, whatever the body holds.
            auto check = [&](store::Session& s) {
                Order order = Authorized(s, policy, r.caller.get(), id, "service_order.read");
                // The two sides of the order, not everyone who may read it (operators read all).
                bool client = order.user_id == r.caller->user_id;
                bool provider = policy.Allows(r.caller.get(), "service_order.decide", OrderScope(order.org_id, 0));
                if (!client && !provider) throw ApiError(Error::Forbidden());
                if (order.status == "rejected" || order.status == "cancelled")
                    throw ApiError(workflow::WrongState(order.status));
            };
            db.Read(check);
            std::optional<std::string> name = attachments::CleanFileName(r.Query("name").value_or(""));
            if (!name) {
                throw ApiError(Error::Validation(
                    {{"name", {"请在 name 参数中给出文件名", "name: the file's name, without folders"}}}));
            }
            std::optional<std::string_view> type = attachments::SniffFileType(r.body);
            if (!type) {
                throw ApiError(Error::Make(ErrorCode::kUnsupportedMediaType,
                                           "附件须为 PDF、PNG、JPEG、XLSX 或 DOCX 文件",
                                           "A file must be a PDF, PNG, JPEG, XLSX or DOCX"));
            }
            json::object stored;
            db.Write([&](store::Session& s) {
                check(s);  // again inside the write: the order may have closed meanwhile
                stored = StoreAttachment(s, r.ToActor(), id, *name, *type, r.body);
            });
            return http::JsonResponse(201, stored);
        },
        {.max_body_bytes = kMaxAttachmentBytes});

    context.router.Get("/api/v1/orders/{id}/attachments/{attachment_id}", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        std::int64_t attachment_id = http::PathId(r, "attachment_id");
        policy.RequireAction(r.caller.get(), "service_order.read");
        std::optional<AttachmentFile> file;
        db.Read([&](store::Session& s) {
            Authorized(s, policy, r.caller.get(), id, "service_order.read");
            file = LoadAttachment(s, id, attachment_id);
        });
        if (!file) throw ApiError(Error::NotFound());
        return attachments::DownloadResponse(file->file_name, file->content_type, file->sha256, std::move(file->bytes));
    });
}

}  // namespace keyuan::orders
