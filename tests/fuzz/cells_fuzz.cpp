// One spreadsheet cell through every parser of exchange/cells.hpp: each answers a value or an
// error, never crashes, and an error's message stays valid UTF-8 (it quotes the cell, cut).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/utf8.hpp"
#include "exchange/cells.hpp"

namespace {

void CheckMessage(const keyuan::Error& e) {
    if (!keyuan::utf8::IsValid(e.message.zh) || !keyuan::utf8::IsValid(e.message.en)) std::abort();
}

template <typename T>
void Check(const keyuan::Result<T>& r) {
    if (!r) CheckMessage(r.error());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view cell(reinterpret_cast<const char*>(data), size);
    if (!keyuan::utf8::IsValid(cell)) return 0;  // the table reader hands over valid UTF-8 only
    using namespace keyuan::exchange;
    Check(ParseInteger(cell));
    Check(ParseMoney(cell));
    Check(ParseMoney(cell, true));
    Check(ParsePrice(cell));
    Check(ParseDate(cell));
    Check(ParseYesNo(cell));
    Check(ParseChoice(cell, {{"testing", "测试", "Testing"}}));
    Check(ParseCodeList(cell, 1, 5));
    for (const auto& item : SplitList(cell)) {
        if (item.empty() || !keyuan::utf8::IsValid(item)) std::abort();
    }
    if (!keyuan::utf8::IsValid(HalfWidth(cell))) std::abort();
    return 0;
}
