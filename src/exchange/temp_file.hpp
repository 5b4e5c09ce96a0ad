#pragma once
// A private temporary file for libxlsxwriter, which (1.1.4, this distribution's) writes
// workbooks only to a file: created empty and unique, removed with the object.
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace keyuan::exchange {

class TempFile {
public:
    TempFile() {
        std::string pattern = (std::filesystem::temp_directory_path() / "keyuan-export-XXXXXX").string();
        int fd = ::mkstemp(pattern.data());
        if (fd < 0) throw std::runtime_error("xlsx: cannot create a temporary file");
        ::close(fd);
        path_ = pattern;
    }
    ~TempFile() {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace keyuan::exchange
