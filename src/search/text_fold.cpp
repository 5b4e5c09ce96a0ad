#include "search/text_fold.hpp"

#include <opencc/SimpleConverter.hpp>

#include <memory>

namespace keyuan::search {
namespace {

constexpr const char* kTraditionalToSimplified = "/usr/share/opencc/t2s.json";

/// Decodes one UTF-8 sequence at `i`; returns the code point and advances, or -1 for a bad byte.
long NextCodePoint(std::string_view s, std::size_t& i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    int length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > s.size()) {
        ++i;
        return -1;
    }
    long cp = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return -1;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    static const long kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    i += length;
    if (cp < kMin[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
    return cp;
}

void AppendUtf8(std::string& out, long cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

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

bool IsValidUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (NextCodePoint(text, i) < 0) return false;
    }
    return true;
}

std::string FoldText(std::string_view text) {
    std::string clean = NormaliseWidthAndCase(text);
    const opencc::SimpleConverter* converter = Converter();
    return converter ? converter->Convert(clean) : clean;
}

}  // namespace keyuan::search
