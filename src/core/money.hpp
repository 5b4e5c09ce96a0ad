#pragma once
// Money as whole fen (分, 1/100 yuan) in a signed 64-bit integer: no floating point anywhere
// near an amount. Arithmetic is checked: an overflow is a bug in the caller's bounds, so it
// throws instead of wrapping. Ledgers add entries of Fen; they never edit one.

#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace keyuan {

class Fen {
public:
    constexpr Fen() = default;
    constexpr explicit Fen(std::int64_t fen) : fen_(fen) {}
    /// Whole yuan, checked.
    static Fen Yuan(std::int64_t yuan);
    /// Parses "1234.5", "1234.50", "-3", "0.07" (yuan, at most two decimals); nullopt otherwise.
    static std::optional<Fen> ParseYuan(std::string_view text);

    constexpr std::int64_t fen() const { return fen_; }
    /// "1,234.50 元"-free plain form for data: "1234.50".
    std::string ToYuanString() const;
    /// For people: "¥1,234.50".
    std::string ToDisplay() const;

    Fen operator+(Fen other) const;
    Fen operator-(Fen other) const;
    Fen& operator+=(Fen other) { return *this = *this + other; }
    Fen& operator-=(Fen other) { return *this = *this - other; }
    /// This amount times `numerator / denominator`, rounded half away from zero (e.g. a
    /// voucher covering 50 % of an order). Throws std::overflow_error / invalid_argument.
    Fen Scale(std::int64_t numerator, std::int64_t denominator) const;

    constexpr auto operator<=>(const Fen&) const = default;

private:
    std::int64_t fen_ = 0;
};

}  // namespace keyuan
