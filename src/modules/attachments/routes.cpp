// The routes of a kind's files (service.hpp). Who may comes first: outside the object's scope
// the object is not there (404), whatever the body holds.
#include <boost/json/serialize.hpp>

#include <algorithm>

#include "access/crypto.hpp"
#include "changes/audit.hpp"
#include "core/clock.hpp"
#include "http/content_disposition.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/attachments/service.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::attachments {
namespace json = boost::json;
using http::Request;

namespace {

workflow::Subject Authorized(store::Session& s, const access::Policy& policy, const Caller* caller,
                             const AttachmentSpec& spec, std::int64_t id, const std::string& permission) {
    std::optional<workflow::Subject> subject = spec.load(s, id);
    if (!subject) throw ApiError(Error::NotFound());
    policy.Authorize(caller, permission, subject->scope);
    return *subject;
}

/// The owner changes files only while the object is theirs to change (a draft, returned).
workflow::Subject ForChange(store::Session& s, const access::Policy& policy, const Caller* caller,
                            const AttachmentSpec& spec, std::int64_t id) {
    workflow::Subject subject = Authorized(s, policy, caller, spec, id, spec.kind + ".attach");
    if (std::find(spec.upload_states.begin(), spec.upload_states.end(), subject.state) == spec.upload_states.end())
        throw ApiError(workflow::WrongState(subject.state));
    return subject;
}

struct Upload {
    std::string name;
    std::string purpose;
    std::string_view type;
};

Upload ReadUpload(const AttachmentSpec& spec, const Request& r) {
    FieldErrors errors;
    Upload u;
    if (auto name = CleanFileName(r.Query("name").value_or(""))) {
        u.name = *name;
    } else {
        errors.Add("name", "请在 name 参数中给出文件名", "name: the file's name, without folders");
    }
    u.purpose = r.Query("purpose").value_or("");
    if (std::find(spec.purposes.begin(), spec.purposes.end(), u.purpose) == spec.purposes.end()) {
        std::string list;
        for (const std::string& p : spec.purposes) list += (list.empty() ? "" : ", ") + p;
        errors.Add("purpose", "须为以下之一：" + list, "One of: " + list);
    }
    errors.ThrowIfAny();
    std::optional<std::string_view> type = SniffFileType(r.body);
    if (!type) {
        throw ApiError(Error::Make(ErrorCode::kUnsupportedMediaType, "附件须为 PDF、PNG、JPEG、XLSX 或 DOCX 文件",
                                   "A file must be a PDF, PNG, JPEG, XLSX or DOCX"));
    }
    u.type = *type;
    return u;
}

json::object Store(store::Session& s, const AttachmentSpec& spec, const Actor& actor, std::int64_t id, const Upload& u,
                   const std::string& bytes) {
    // One conditional write takes the place: of many uploads racing for the last one, exactly one
    // counts (PostgreSQL re-checks the condition after the row lock; SQLite has one writer).
    s.Execute(
        "INSERT INTO attachment_counts (subject_kind, subject_id, files) VALUES ($1, $2, 0) "
        "ON CONFLICT (subject_kind, subject_id) DO NOTHING",
        {spec.kind, id});
    if (s.Execute("UPDATE attachment_counts SET files = files + 1 WHERE subject_kind = $1 AND subject_id = $2 "
                  "AND files < $3",
                  {spec.kind, id, spec.max_files}) == 0) {
        std::string n = std::to_string(spec.max_files);
        throw ApiError(Error::Conflict("最多 " + n + " 个附件", "At most " + n + " files"));
    }
    std::string sha = access::Sha256Hex(bytes);
    std::string now = clock::NowUtc();
    std::int64_t user = actor.caller->user_id;
    std::int64_t file_id = s.InsertReturningId(
        "INSERT INTO attachments (subject_kind, subject_id, purpose, file_name, content_type, size_bytes, sha256, "
        "content, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        {spec.kind, id, u.purpose, u.name, std::string(u.type), static_cast<std::int64_t>(bytes.size()), sha,
         store::Param::Bytes(bytes), user, now});
    json::object out{{"id", std::to_string(file_id)},
                     {"purpose", u.purpose},
                     {"file_name", u.name},
                     {"content_type", std::string(u.type)},
                     {"size_bytes", static_cast<std::int64_t>(bytes.size())},
                     {"sha256", sha},
                     {"uploaded_by", std::to_string(user)},
                     {"uploaded_at", now}};
    audit::Record(s, actor,
                  {.event_type = spec.kind + ".file_added",
                   .object_type = spec.kind,
                   .object_id = std::to_string(id),
                   .after_json = json::serialize(out)});
    return out;
}

}  // namespace

void RegisterAttachments(modules::ModuleContext& context, AttachmentSpec given) {
    if (!given.load || given.purposes.empty())
        throw std::logic_error("attachments: " + given.kind + " needs load and purposes");
    const AttachmentSpec& spec = context.Keep(std::make_unique<AttachmentSpec>(std::move(given)));
    store::Database& db = context.db;
    access::Policy& policy = context.policy;
    std::string base = spec.route + "/{id}/attachments";

    context.router.Post(base,
                        [&db, &policy, &spec](Request& r) {
                            std::int64_t id = http::PathId(r);
                            policy.RequireAction(r.caller.get(), spec.kind + ".attach");
                            db.Read([&](store::Session& s) { ForChange(s, policy, r.caller.get(), spec, id); });
                            Upload upload = ReadUpload(spec, r);
                            json::object stored;
                            db.Write([&](store::Session& s) {
                                ForChange(s, policy, r.caller.get(), spec,
                                          id);  // again: the object may have moved on meanwhile
                                stored = Store(s, spec, r.ToActor(), id, upload, r.body);
                            });
                            return http::JsonResponse(201, stored);
                        },
                        {.max_body_bytes = kMaxFileBytes});

    context.router.Get(base, [&db, &policy, &spec](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), spec.kind + ".read");
        json::array items;
        db.Read([&](store::Session& s) {
            Authorized(s, policy, r.caller.get(), spec, id, spec.kind + ".read");
            items = FilesOf(s, spec.kind, id);
        });
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });

    context.router.Get(base + "/{attachment_id}", [&db, &policy, &spec](Request& r) {
        std::int64_t id = http::PathId(r);
        std::int64_t file_id = http::PathId(r, "attachment_id");
        policy.RequireAction(r.caller.get(), spec.kind + ".read");
        std::optional<http::Response> response;
        db.Read([&](store::Session& s) {
            Authorized(s, policy, r.caller.get(), spec, id, spec.kind + ".read");
            store::Rows rows = s.Query(
                "SELECT file_name, content_type, sha256, content FROM attachments "
                "WHERE id = $1 AND subject_kind = $2 AND subject_id = $3",
                {file_id, spec.kind, id});
            if (rows.empty()) return;
            response = DownloadResponse(std::string(rows[0].Text(0)), std::string(rows[0].Text(1)),
                                        std::string(rows[0].Text(2)), std::string(rows[0].Text(3)));
        });
        if (!response) throw ApiError(Error::NotFound());
        return std::move(*response);
    });

    context.router.Delete(base + "/{attachment_id}", [&db, &policy, &spec](Request& r) {
        std::int64_t id = http::PathId(r);
        std::int64_t file_id = http::PathId(r, "attachment_id");
        policy.RequireAction(r.caller.get(), spec.kind + ".attach");
        db.Write([&](store::Session& s) {
            ForChange(s, policy, r.caller.get(), spec, id);
            store::Rows gone = s.Query(
                "DELETE FROM attachments WHERE id = $1 AND subject_kind = $2 AND subject_id = $3 "
                "RETURNING file_name, purpose, sha256",
                {file_id, spec.kind, id});
            if (gone.empty()) throw ApiError(Error::NotFound());
            s.Execute("UPDATE attachment_counts SET files = files - 1 WHERE subject_kind = $1 AND subject_id = $2",
                      {spec.kind, id});
            audit::Record(s, r.ToActor(),
                          {.event_type = spec.kind + ".file_removed",
                           .object_type = spec.kind,
                           .object_id = std::to_string(id),
                           .before_json = json::serialize(json::object{{"id", std::to_string(file_id)},
                                                                       {"file_name", gone[0].Text(0)},
                                                                       {"purpose", gone[0].Text(1)},
                                                                       {"sha256", gone[0].Text(2)}})});
        });
        http::Response response;
        response.status = 204;
        return response;
    });
    DescribeAttachments(context.router, spec);
}

json::array FilesOf(store::Session& s, std::string_view kind, std::int64_t id) {
    store::Rows rows = s.Query(
        "SELECT id, purpose, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at FROM attachments "
        "WHERE subject_kind = $1 AND subject_id = $2 ORDER BY id",
        {std::string(kind), id});
    json::array out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        store::Row r = rows[i];
        out.push_back(json::object{{"id", std::to_string(r.Int(0))},
                                   {"purpose", r.Text(1)},
                                   {"file_name", r.Text(2)},
                                   {"content_type", r.Text(3)},
                                   {"size_bytes", r.Int(4)},
                                   {"sha256", r.Text(5)},
                                   {"uploaded_by", std::to_string(r.Int(6))},
                                   {"uploaded_at", r.Text(7)}});
    }
    return out;
}

std::int64_t CountFiles(store::Session& s, std::string_view kind, std::int64_t id, std::string_view purpose) {
    return s
        .Query("SELECT COUNT(*) FROM attachments WHERE subject_kind = $1 AND subject_id = $2 AND purpose = $3",
               {std::string(kind), id, std::string(purpose)})[0]
        .Int(0);
}

http::Response DownloadResponse(const std::string& file_name, const std::string& content_type,
                                const std::string& sha256, std::string bytes) {
    http::Response response;
    response.status = 200;
    response.content_type = content_type;
    response.body = std::move(bytes);
    response.SetHeader("content-disposition", http::AttachmentDisposition(file_name));
    response.SetHeader("x-content-type-options", "nosniff");
    response.SetHeader("cache-control", "private, no-store");
    response.SetHeader("etag", "\"" + sha256 + "\"");
    return response;
}

}  // namespace keyuan::attachments
