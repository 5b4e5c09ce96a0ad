#pragma once
// Reading one spreadsheet cell as people write it (docs/design/data-exchange.md §3): amounts with
// 元, 万元, thousands separators and full-width digits, prices per unit or 面议, dates in the
// four ways Chinese Excel shows them, yes/no in Chinese, choices by code or label, and lists
// separated by 、 ， spaces or line breaks. Each answers a value, or a message naming the cell's
// text that a person can act on. Nothing here knows a kind; the import's column declarations do.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/result.hpp"

namespace keyuan::exchange {

/// Full-width ASCII (Ａ１，．／) as ASCII and the ideographic space as a space: what an IME
/// leaves in numbers and codes.
std::string HalfWidth(std::string_view text);

/// A whole number: "1200", "1,200", "１２００", "12.0" (Excel's number cell); -2^53..2^53.
Result<std::int64_t> ParseInteger(std::string_view text);

/// An amount of money: "1200", "1,200.5", "￥300", "300元", "0.5万元", "12万" (yuan, or 万元 when
/// `unit_wan` or written so); at most fen precision.
Result<Fen> ParseMoney(std::string_view text, bool unit_wan = false);

/// A price as service lists write it: "1,200元/小时", "500元/样", "300 元 / 次", "面议".
struct Price {
    std::optional<Fen> amount;  // none when negotiable
    std::string unit;           // "小时", "样"; "" when not given
    bool negotiable = false;
};
Result<Price> ParsePrice(std::string_view text);

/// A date: "2026-03-01", "2026/3/1", "2026.3.1", "2026年3月1日", or an Excel date serial
/// ("46082", 1900 date system) as a number cell arrives.
Result<Date> ParseDate(std::string_view text);

/// Yes or no: 是/否, 有/无, Y/N, yes/no, true/false, 1/0, √/×.
Result<bool> ParseYesNo(std::string_view text);

/// One allowed value, with its labels in both languages.
struct Choice {
    std::string_view code;
    std::string_view zh;
    std::string_view en;
};
/// The choice whose code or label (either language, any case, half- or full-width) the text
/// is; the error lists the labels allowed.
Result<std::string> ParseChoice(std::string_view text, const std::vector<Choice>& choices);

/// The items of a list cell: split on line breaks, spaces, 、 , ， ; ；, trimmed, empty ones
/// dropped, repeats dropped (first kept).
std::vector<std::string> SplitList(std::string_view text);

/// A list of small codes such as seed 000's 转化情况 ("1", "2 3", "2、3", "2,3"): every item a
/// whole number in [min, max], in the order written, repeats dropped.
Result<std::vector<int>> ParseCodeList(std::string_view text, int min, int max);

}  // namespace keyuan::exchange
