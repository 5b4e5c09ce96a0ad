#include "search/text_fold.hpp"

#include <opencc/SimpleConverter.hpp>

#include <memory>

#include "core/utf8.hpp"

namespace keyuan::search {
namespace {

using utf8::AppendUtf8;
using utf8::NextCodePoint;

constexpr const char* kTraditionalToSimplified = "/usr/share/opencc/t2s.json";

/// Full-width forms to ASCII, ideographic space to space, ASCII to lower case; drops bad bytes.
std::string NormaliseWidthAndCase(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        long cp = NextCodePoint(text, i);
        if (cp < 0) continue;
        if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
        if (cp == 0x3000) cp = ' ';
        if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
        AppendUtf8(out, cp);
    }
    return out;
}

const opencc::SimpleConverter* Converter() {
    // OpenCC's converter is immutable after loading; one per thread keeps it obviously safe.
    thread_local std::unique_ptr<opencc::SimpleConverter> converter;
    thread_local bool tried = false;
    if (!tried) {
        tried = true;
        try {
            converter = std::make_unique<opencc::SimpleConverter>(kTraditionalToSimplified);
        } catch (const std::exception&) {
            converter.reset();  // without the dictionary, text is only width- and case-folded
        }
    }
    return converter.get();
}

}  // namespace

std::string FoldText(std::string_view text) {
    std::string clean = NormaliseWidthAndCase(text);
    const opencc::SimpleConverter* converter = Converter();
    return converter ? converter->Convert(clean) : clean;
}

}  // namespace keyuan::search
