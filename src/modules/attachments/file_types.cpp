// What files are accepted and under which names: recognised by their content, named without
// folders or characters that would break a download header.
#include "core/utf8.hpp"
#include "http/doc_shapes.hpp"
#include "modules/attachments/service.hpp"

namespace keyuan::attachments {

std::optional<std::string_view> SniffFileType(std::string_view b) {
    if (b.starts_with("%PDF-")) return "application/pdf";
    if (b.starts_with("\x89PNG\r\n\x1A\n")) return "image/png";
    if (b.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
    // Office files are zips; the part names inside tell a workbook from a document.
    if (b.starts_with("PK\x03\x04")) {
        if (b.find("xl/workbook.xml") != std::string_view::npos) return http::doc::kXlsxType;
        if (b.find("word/document.xml") != std::string_view::npos)
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
    return std::nullopt;
}

std::optional<std::string> CleanFileName(std::string_view name) {
    // The last path segment only: a name never chooses a folder, here or where it is saved.
    std::size_t slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) name = name.substr(slash + 1);
    if (!utf8::IsCleanText(name, utf8::Controls::kNone)) return std::nullopt;
    std::string out;
    std::size_t i = 0;
    int chars = 0;
    while (i < name.size() && chars < 120) {
        std::size_t start = i;
        long cp = utf8::NextCodePoint(name, i);
        if (cp < 0) return std::nullopt;
        // Quotes and semicolons would end the header's parameter early.
        out += (cp == '"' || cp == ';') ? std::string("_") : std::string(name.substr(start, i - start));
        ++chars;
    }
    while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
    if (out.empty()) return std::nullopt;
    return out;
}

}  // namespace keyuan::attachments
