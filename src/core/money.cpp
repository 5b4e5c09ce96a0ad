#include "core/money.hpp"

#include <cstdlib>

#include "core/id.hpp"

namespace keyuan {
namespace {

std::int64_t CheckedAdd(std::int64_t a, std::int64_t b) {
    std::int64_t out = 0;
    if (__builtin_add_overflow(a, b, &out)) throw std::overflow_error("money overflow");
    return out;
}

std::int64_t CheckedMul(std::int64_t a, std::int64_t b) {
    std::int64_t out = 0;
    if (__builtin_mul_overflow(a, b, &out)) throw std::overflow_error("money overflow");
    return out;
}

}  // namespace

Fen Fen::Yuan(std::int64_t yuan) {
    return Fen(CheckedMul(yuan, 100));
}

std::optional<Fen> Fen::ParseYuan(std::string_view text) {
    bool negative = !text.empty() && text.front() == '-';
    if (negative) text.remove_prefix(1);
    std::string_view whole = text.substr(0, text.find('.'));
    std::string_view fraction = whole.size() < text.size() ? text.substr(whole.size() + 1) : std::string_view();
    if (whole.empty() || whole.front() == '-' || fraction.size() > 2) return std::nullopt;
    if (whole.size() < text.size() && fraction.empty()) return std::nullopt;  // "12."
    std::optional<std::int64_t> yuan = ParseInt64(whole);
    std::optional<std::int64_t> cents = fraction.empty() ? std::optional<std::int64_t>(0) : ParseInt64(fraction);
    if (!yuan || !cents || *cents < 0 || (!fraction.empty() && fraction.front() == '-')) return std::nullopt;
    if (fraction.size() == 1) *cents *= 10;
    std::int64_t fen = 0;
    if (__builtin_mul_overflow(*yuan, 100, &fen) || __builtin_add_overflow(fen, *cents, &fen)) return std::nullopt;
    return Fen(negative ? -fen : fen);
}

std::string Fen::ToYuanString() const {
    // Unsigned so that the most negative amount still prints.
    std::uint64_t magnitude = fen_ < 0 ? 0 - static_cast<std::uint64_t>(fen_) : static_cast<std::uint64_t>(fen_);
    std::string cents = std::to_string(magnitude % 100);
    if (cents.size() == 1) cents.insert(0, "0");
    return (fen_ < 0 ? "-" : "") + std::to_string(magnitude / 100) + "." + cents;
}

std::string Fen::ToDisplay() const {
    std::string plain = ToYuanString();
    bool negative = plain.front() == '-';
    std::string digits = plain.substr(negative ? 1 : 0, plain.find('.') - (negative ? 1 : 0));
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return std::string(negative ? "-" : "") + "¥" + grouped + plain.substr(plain.find('.'));
}

Fen Fen::operator+(Fen other) const {
    return Fen(CheckedAdd(fen_, other.fen_));
}

Fen Fen::operator-(Fen other) const {
    if (other.fen_ == INT64_MIN) throw std::overflow_error("money overflow");
    return Fen(CheckedAdd(fen_, -other.fen_));
}

Fen Fen::Scale(std::int64_t numerator, std::int64_t denominator) const {
    if (denominator <= 0) throw std::invalid_argument("money scaled by a non-positive denominator");
    std::int64_t product = CheckedMul(fen_, numerator);
    std::int64_t quotient = product / denominator;
    std::int64_t remainder = product % denominator;
    // Half away from zero; written without doubling the remainder, which could overflow.
    std::int64_t left = std::llabs(remainder);
    if (left >= denominator - left) quotient += product < 0 ? -1 : 1;
    return Fen(quotient);
}

}  // namespace keyuan
