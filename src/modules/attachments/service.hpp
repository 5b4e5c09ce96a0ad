#pragma once
// Files that travel with a reviewed object (plans, quotes, minutes, stamped reports, pledges),
// kept in the database beside it: one backup holds everything. A kind declares its files once:
//   POST   {route}/{id}/attachments?name=报价单.pdf&purpose=quote   body: the file's bytes (≤ 10 MiB)
//   GET    {route}/{id}/attachments                  {items: [{id, purpose, file_name, …}]}
//   GET    {route}/{id}/attachments/{attachment_id}        the file, always as a download
//   DELETE {route}/{id}/attachments/{attachment_id}        while the owner may still change the object
// Reading needs "<kind>.read" in the object's scope; adding and removing "<kind>.attach" and one
// of the kind's upload states. Types are recognised by content (PDF, PNG, JPEG, XLSX, DOCX), the
// name and the declared Content-Type are not trusted. Service orders keep their own table
// (orders/attachments.*) and share the recognition below.

#include <boost/json/array.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.hpp"
#include "http/router.hpp"
#include "modules/module_context.hpp"
#include "store/database.hpp"
#include "workflow/definition.hpp"

namespace keyuan::attachments {

inline constexpr std::size_t kMaxFileBytes = 10 * 1024 * 1024;

struct AttachmentSpec {
    std::string kind;                        // the object's kind, the permissions' prefix: "purchase_check"
    std::string route;                       // "/api/v1/purchase-checks"
    std::vector<std::string> purposes;       // what a file is for: "quote", "plan" …
    std::int64_t max_files = 20;             // per object
    std::vector<std::string> upload_states;  // the owner adds and removes files in these states
    /// The object's state and scope (with its assigned experts, who read it); nullopt: not there.
    std::function<std::optional<workflow::Subject>(store::Session&, std::int64_t id)> load;
};

/// Adds the routes above for a kind. Call from the kind's module Register.
void RegisterAttachments(modules::ModuleContext& context, AttachmentSpec spec);
/// Their OpenAPI descriptions (route_docs.cpp); RegisterAttachments calls it.
void DescribeAttachments(http::Router& router, const AttachmentSpec& spec);

/// The files of an object without their content: [{id, purpose, file_name, content_type,
/// size_bytes, sha256, uploaded_by, uploaded_at}], for the kind's own answer.
boost::json::array FilesOf(store::Session& s, std::string_view kind, std::int64_t id);

/// How many files of an object have a purpose (three quotes …), for the kind's checks.
std::int64_t CountFiles(store::Session& s, std::string_view kind, std::int64_t id, std::string_view purpose);

/// The content type of a file we accept, from its first bytes (and, for Office files, the
/// names inside the zip); nullopt for anything else.
std::optional<std::string_view> SniffFileType(std::string_view bytes);

/// A file name as given by the client, cleaned for storage and for Content-Disposition: no
/// folders, no control characters, at most 120 characters. nullopt when nothing is left.
std::optional<std::string> CleanFileName(std::string_view name);

/// A stored file as a download: never rendered in the platform's origin, never cached shared.
http::Response DownloadResponse(const std::string& file_name, const std::string& content_type,
                                const std::string& sha256, std::string bytes);

}  // namespace keyuan::attachments
