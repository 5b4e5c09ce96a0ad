#include "exchange/cells.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "core/utf8.hpp"

namespace keyuan::exchange {
namespace {

constexpr std::int64_t kMaxInteger = std::int64_t{1} << 53;  // what a spreadsheet's double holds exactly
constexpr std::size_t kMaxQuoted = 40;                       // characters of the cell repeated in a message

std::string Trimmed(std::string_view text) {
    std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return "";
    std::size_t last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

// The cell as the message shows it, cut to kMaxQuoted characters.
std::string Quote(std::string_view text) {
    std::string out = "“";
    std::size_t i = 0, chars = 0;
    while (i < text.size() && chars < kMaxQuoted) {
        std::size_t start = i;
        if (utf8::NextCodePoint(text, i) < 0) break;
        out.append(text.substr(start, i - start));
        ++chars;
    }
    if (i < text.size()) out += "…";
    return out + "”";
}

Error Bad(std::string_view text, const std::string& zh, const std::string& en) {
    return Error::Make(ErrorCode::kValidationFailed, Quote(text) + " " + zh, Quote(text) + " " + en);
}

std::string Lower(std::string text) {
    std::ranges::transform(text, text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool EraseSuffix(std::string& text, std::string_view suffix) {
    if (!text.ends_with(suffix)) return false;
    text.erase(text.size() - suffix.size());
    return true;
}

bool ErasePrefix(std::string& text, std::string_view prefix) {
    if (!text.starts_with(prefix)) return false;
    text.erase(0, prefix.size());
    return true;
}

std::string WithoutSpaces(std::string text) {
    std::erase_if(text, [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
    return text;
}

// Digits with an optional fraction of at most `max_decimals` digits, scaled by 10^scale_digits
// (100 for fen of yuan, 1,000,000 for fen of 万元): nullopt when malformed or too large.
std::optional<std::int64_t> ScaledDecimal(std::string_view text, int scale_digits) {
    std::size_t dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    // At most 18 digits in all, so the value fits a signed 64-bit integer (13 whole digits of yuan,
    // 12 of 万元: a trillion, more than any amount of this platform).
    std::size_t max_whole = std::min<std::size_t>(13, 18 - static_cast<std::size_t>(scale_digits));
    if (whole.empty() || whole.size() > max_whole || static_cast<int>(fraction.size()) > scale_digits) {
        return std::nullopt;
    }
    if (dot != std::string_view::npos && fraction.empty()) return std::nullopt;
    std::int64_t value = 0;
    for (char c : whole) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    for (int k = 0; k < scale_digits; ++k) {
        char c = k < static_cast<int>(fraction.size()) ? fraction[k] : '0';
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::string HalfWidth(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t start = i;
        long cp = utf8::NextCodePoint(text, i);
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            out.push_back(static_cast<char>(cp - 0xFF01 + 0x21));
        } else if (cp == 0x3000) {
            out.push_back(' ');
        } else {
            out.append(text.substr(start, i - start));
        }
    }
    return out;
}

Result<std::int64_t> ParseInteger(std::string_view text) {
    std::string t = WithoutSpaces(HalfWidth(text));
    std::erase(t, ',');
    bool negative = ErasePrefix(t, "-");
    // A number cell of Excel arrives as "12" or "12.0"; "12.5" is not a whole number.
    if (std::size_t dot = t.find('.'); dot != std::string::npos) {
        if (t.find_first_not_of('0', dot + 1) != std::string::npos) {
            return Bad(text, "不是整数", "is not a whole number");
        }
        t.erase(dot);
    }
    auto value = ScaledDecimal(t, 0);
    if (!value || *value > kMaxInteger) return Bad(text, "不是整数", "is not a whole number");
    return negative ? -*value : *value;
}

Result<Fen> ParseMoney(std::string_view text, bool unit_wan) {
    std::string t = WithoutSpaces(HalfWidth(text));
    for (std::string_view sign : {"￥", "¥", "人民币", "RMB", "rmb"}) ErasePrefix(t, sign);
    if (EraseSuffix(t, "万元") || EraseSuffix(t, "万")) {
        unit_wan = true;
    } else if (EraseSuffix(t, "元")) {
        unit_wan = false;
    }
    std::erase(t, ',');
    auto fen = ScaledDecimal(t, unit_wan ? 6 : 2);
    if (!fen) {
        return Bad(text,
                   unit_wan ? "不是金额：请写作 12.5 或 12.5万元（最多六位小数）"
                            : "不是金额：请写作 1200、1,200.50 或 1200元（最多两位小数）",
                   unit_wan ? "is not an amount: write 12.5 or 12.5万元 (at most six decimals)"
                            : "is not an amount: write 1200, 1,200.50 or 1200元 (at most two decimals)");
    }
    return Fen(*fen);
}

Result<Price> ParsePrice(std::string_view text) {
    std::string t = WithoutSpaces(HalfWidth(text));
    for (std::string_view word : {"面议", "议价", "协商", "面谈", "电议", "价格面议"}) {
        if (t == word) return Price{.amount = std::nullopt, .unit = "", .negotiable = true};
    }
    Price price;
    std::size_t slash = t.find('/');
    std::string amount = t.substr(0, slash);
    if (slash != std::string::npos) {
        price.unit = t.substr(slash + 1);
        ErasePrefix(price.unit, "每");
        std::size_t chars = 0, i = 0;
        while (i < price.unit.size()) chars += utf8::NextCodePoint(price.unit, i) >= 0;
        if (price.unit.empty() || chars > 10) {
            return Bad(text, "的计价单位应为 1 至 10 个字，如 “元/小时”",
                       "needs a unit of 1 to 10 characters, as in 元/小时");
        }
    }
    auto fen = ParseMoney(amount);
    if (!fen) {
        return Bad(text, "不是价格：请写作 1200元/小时、500元/样 或 面议",
                   "is not a price: write 1200元/小时, 500元/样 or 面议");
    }
    price.amount = fen.value();
    return price;
}

Result<Date> ParseDate(std::string_view text) {
    std::string t = WithoutSpaces(HalfWidth(text));
    // A date-time keeps its date only: "2026-03-01 00:00:00" arrives without the space here.
    if (std::size_t colon = t.find(':'); colon != std::string::npos && colon >= 2) t.erase(colon - 2);
    auto bad = [&] {
        return Bad(text, "不是日期：请写作 2026-03-01、2026/3/1 或 2026年3月1日",
                   "is not a date: write 2026-03-01, 2026/3/1 or 2026年3月1日");
    };
    bool number = !t.empty() && t.find_first_not_of("0123456789.") == std::string::npos &&
                  std::ranges::count(t, '.') <= 1 && t.find('.') != 0 && t.substr(0, t.find('.')).size() <= 7;
    if (number) {
        // An Excel serial: days since 1899-12-30 (the 1900 system with its leap-year quirk).
        auto serial = ParseInteger(t.substr(0, t.find('.')));  // a date-time serial keeps its day
        if (!serial || serial.value() < 1 || serial.value() > 2958465) return bad();
        return Date::FromDays(serial.value() - 25569);
    }
    EraseSuffix(t, "日");
    for (std::string_view mark : {"年", "月"}) {
        for (std::size_t at = t.find(mark); at != std::string::npos; at = t.find(mark)) t.replace(at, mark.size(), "-");
    }
    std::ranges::replace(t, '/', '-');
    std::ranges::replace(t, '.', '-');
    std::array<int, 3> parts{};
    int field = 0, digits = 0;
    for (char c : t) {
        if (c == '-') {
            if (digits == 0 || ++field > 2) return bad();
            digits = 0;
        } else if (c >= '0' && c <= '9' && digits < 4) {
            parts[field] = parts[field] * 10 + (c - '0');
            ++digits;
        } else {
            return bad();
        }
    }
    if (field != 2 || digits == 0 || parts[0] < 1000) return bad();
    char iso[40];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", parts[0], parts[1], parts[2]);
    auto date = Date::Parse(iso);
    if (!date) return bad();
    return *date;
}

Result<bool> ParseYesNo(std::string_view text) {
    std::string t = Lower(WithoutSpaces(HalfWidth(text)));
    for (std::string_view yes : {"是", "有", "y", "yes", "true", "1", "√", "✓", "对"}) {
        if (t == yes) return true;
    }
    for (std::string_view no : {"否", "无", "没有", "n", "no", "false", "0", "×", "✗", "不是"}) {
        if (t == no) return false;
    }
    return Bad(text, "应为 是 或 否", "should be 是 (yes) or 否 (no)");
}

Result<std::string> ParseChoice(std::string_view text, const std::vector<Choice>& choices) {
    std::string t = Lower(Trimmed(HalfWidth(text)));
    std::string allowed_zh, allowed_en;
    for (const Choice& c : choices) {
        if (t == Lower(std::string(c.code)) || t == Lower(HalfWidth(c.zh)) || t == Lower(std::string(c.en))) {
            return std::string(c.code);
        }
        allowed_zh += (allowed_zh.empty() ? "" : "、") + std::string(c.zh);
        allowed_en += (allowed_en.empty() ? "" : ", ") + std::string(c.en);
    }
    return Bad(text, "不是可选值；可选：" + allowed_zh, "is not one of: " + allowed_en);
}

std::vector<std::string> SplitList(std::string_view text) {
    std::string t = HalfWidth(text);
    std::vector<std::string> items;
    std::string current;
    auto flush = [&] {
        std::string item = Trimmed(current);
        if (!item.empty() && std::ranges::find(items, item) == items.end()) items.push_back(std::move(item));
        current.clear();
    };
    std::size_t i = 0;
    while (i < t.size()) {
        std::size_t start = i;
        long cp = utf8::NextCodePoint(t, i);
        bool separator = cp == '\n' || cp == '\r' || cp == ' ' || cp == '\t' || cp == ',' || cp == ';' || cp == 0x3001;
        if (separator) {
            flush();
        } else {
            current.append(t, start, i - start);
        }
    }
    flush();
    return items;
}

Result<std::vector<int>> ParseCodeList(std::string_view text, int min, int max) {
    std::vector<int> codes;
    for (const std::string& item : SplitList(text)) {
        auto n = ParseInteger(item);
        if (!n || n.value() < min || n.value() > max) {
            std::string range = std::to_string(min) + "–" + std::to_string(max);
            return Bad(text, "应为 " + range + " 的数字，多个用空格、顿号或逗号分开",
                       "should be numbers " + range + ", several separated by spaces, 、 or commas");
        }
        int code = static_cast<int>(n.value());
        if (std::ranges::find(codes, code) == codes.end()) codes.push_back(code);
    }
    return codes;
}

}  // namespace keyuan::exchange
