#pragma once
// Serves the built web UI from a folder: content types, ETag and cache headers, and the
// single-page-app fallback to index.html.

#include <filesystem>
#include <string>

#include "http/request.hpp"

namespace keyuan::http {

class StaticFiles {
public:
    /// `root` must exist; throws std::runtime_error otherwise.
    explicit StaticFiles(const std::string& root);

    /// Answers a GET or HEAD for `request.path`. Paths without an extension that match no
    /// file get index.html, so that client-side routes load; other misses get 404.
    Response Serve(const Request& request) const;

private:
    std::filesystem::path root_;
};

/// The Content-Type for a file name, by extension.
std::string_view ContentTypeFor(std::string_view filename);

}  // namespace keyuan::http
