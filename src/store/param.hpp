#pragma once
// A bound statement parameter. SQL text uses PostgreSQL's $1, $2 … placeholders on both
// engines; the SQLite implementation binds them by name.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace keyuan::store {

/// One parameter value: NULL, a 64-bit integer, a double, UTF-8 text or bytes (for {{BLOB}}
/// columns). Booleans bind as 0/1 integers because the schema stores them that way on both engines.
class Param {
public:
    enum class Kind { kNull, kInt, kReal, kText, kBytes };

    Param(std::nullptr_t) : kind_(Kind::kNull) {}                        // NOLINT
    Param(bool v) : kind_(Kind::kInt), int_(v ? 1 : 0) {}                // NOLINT
    Param(int v) : kind_(Kind::kInt), int_(v) {}                         // NOLINT
    Param(long v) : kind_(Kind::kInt), int_(v) {}                        // NOLINT
    Param(long long v) : kind_(Kind::kInt), int_(v) {}                   // NOLINT
    Param(unsigned v) : kind_(Kind::kInt), int_(v) {}                    // NOLINT
    Param(double v) : kind_(Kind::kReal), real_(v) {}                    // NOLINT
    Param(std::string_view v) : kind_(Kind::kText), text_(v) {}          // NOLINT
    Param(const char* v) : kind_(Kind::kText), text_(v) {}               // NOLINT
    Param(const std::string& v) : kind_(Kind::kText), text_(v) {}        // NOLINT
    Param(std::string&& v) : kind_(Kind::kText), text_(std::move(v)) {}  // NOLINT
    /// Bytes for a {{BLOB}} column (text would be checked as UTF-8 and may not be).
    static Param Bytes(std::string v) {
        Param p(std::move(v));
        p.kind_ = Kind::kBytes;
        return p;
    }
    template <typename T>
    Param(const std::optional<T>& v) : Param(v ? Param(*v) : Param(nullptr)) {}  // NOLINT

    Kind kind() const { return kind_; }
    std::int64_t int_value() const { return int_; }
    double real_value() const { return real_; }
    const std::string& text_value() const { return text_; }  // kText and kBytes
    /// The value as PostgreSQL's text format expects it (not valid for kNull).
    std::string ToText() const;

private:
    Kind kind_;
    std::int64_t int_ = 0;
    double real_ = 0;
    std::string text_;
};

/// "$first, $first+1, …" for `count` parameters: the inside of an IN list.
std::string Placeholders(std::size_t first, std::size_t count);

}  // namespace keyuan::store
