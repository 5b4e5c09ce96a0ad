// The OpenAPI descriptions of a kind's file routes (routes.cpp), from its AttachmentSpec: the
// purposes it accepts, its file limit and the types recognised by content (SniffFileType).
#include "http/doc_shapes.hpp"
#include "http/router.hpp"
#include "modules/attachments/service.hpp"

namespace keyuan::attachments {
namespace json = boost::json;
using namespace http::doc;

namespace {

json::object FileSchema() {
    return Object({{"id", Id()},
                   {"purpose", Str()},
                   {"file_name", json::object{{"type", "string"}, {"maxLength", 120}}},
                   {"content_type", Str()},
                   {"size_bytes", json::object{{"type", "integer"}, {"minimum", 0}, {"maximum", kMaxFileBytes}}},
                   {"sha256", Str()},
                   {"uploaded_by", Id()},
                   {"uploaded_at", Str()}},
                  {"id", "purpose", "file_name", "content_type", "size_bytes", "sha256", "uploaded_by", "uploaded_at"});
}

}  // namespace

void DescribeAttachments(http::Router& router, const AttachmentSpec& spec) {
    using http::Method;
    const std::string base = spec.route + "/{id}/attachments";
    json::array purposes;
    for (const std::string& p : spec.purposes) purposes.emplace_back(p);
    const json::object binary{{"type", "string"}, {"format", "binary"}};
    router.AddSchema("Attachment", FileSchema());
    router.Describe(Method::kPost, base,
                    {.summary = "Add a file (PDF, PNG, JPEG, XLSX or DOCX, recognised by content; at most " +
                                std::to_string(kMaxFileBytes / (1024 * 1024)) + " MiB, " +
                                std::to_string(spec.max_files) + " files per object) while the owner may change it",
                     .params = {{.name = "name",
                                 .schema = {{"type", "string"}, {"maxLength", 255}},
                                 .required = true,
                                 .description = "the file's name (folders and control characters dropped, 120 kept)"},
                                {.name = "purpose",
                                 .schema = {{"type", "string"}, {"enum", purposes}},
                                 .required = true,
                                 .description = "what the file is for"}},
                     .request = binary,
                     .request_type = "application/octet-stream",
                     .response = http::SchemaRef("Attachment"),
                     .errors = {401, 403, 404, 409, 413, 415, 422}});
    router.Describe(Method::kGet, base,
                    {.summary = "The object's files, without their content",
                     .response = ItemsOf(http::SchemaRef("Attachment")),
                     .errors = {401, 403, 404}});
    router.Describe(Method::kGet, base + "/{attachment_id}",
                    {.summary = "One file, as a download",
                     .params = {{.name = "attachment_id", .in = "path", .schema = Id()}},
                     .response = binary,
                     .response_type = "application/octet-stream",
                     .errors = {401, 403, 404}});
    router.Describe(Method::kDelete, base + "/{attachment_id}",
                    {.summary = "Remove a file while the owner may change the object",
                     .params = {{.name = "attachment_id", .in = "path", .schema = Id()}},
                     .status = 204,
                     .errors = {401, 403, 404, 409}});
}

}  // namespace keyuan::attachments
