#pragma once
// A folder of the fuzzing process's own: several runs (engineers, CI) may fuzz on one machine at
// once, and a fixed path shared between them would let one remove another's files mid-run.

#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace keyuan::fuzz {

/// A new empty folder under the temporary directory, removed with everything in it when the
/// object is destroyed (for a static one: when the fuzzer exits). Throws std::runtime_error.
class TempFolder {
public:
    explicit TempFolder(const std::string& name) {
        std::string pattern = (std::filesystem::temp_directory_path() / (name + "-XXXXXX")).string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
        path_ = pattern;
    }
    ~TempFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace keyuan::fuzz
