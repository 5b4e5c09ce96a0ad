#pragma once
// A private temporary file for libxlsxwriter, which (1.1.4) writes workbooks only to files.

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace keyuan::exchange {

/// A unique empty file in the temporary directory, removed with this object.
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

/// The whole file's bytes.
inline std::string ReadWhole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace keyuan::exchange
