#include "search/snippet.hpp"

#include <algorithm>
#include <cctype>

#include "core/utf8.hpp"

namespace keyuan::search {
namespace {

constexpr std::size_t kMaxWords = 16;
constexpr std::size_t kLead = 40;  // bytes shown before the first match, for its context

bool IsContinuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

/// `at` moved back to the start of the UTF-8 character it falls in.
std::size_t CharStart(std::string_view text, std::size_t at) {
    while (at > 0 && at < text.size() && IsContinuation(static_cast<unsigned char>(text[at]))) --at;
    return std::min(at, text.size());
}

char Lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool MatchesAt(std::string_view text, std::size_t at, std::string_view word) {
    if (at + word.size() > text.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (Lower(text[at + i]) != word[i]) return false;
    }
    return true;
}

void AppendEscaped(std::string& out, char c) {
    switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out.push_back(c);
    }
}

}  // namespace

std::vector<std::string> WordsToMark(std::string_view folded) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        bool op = word == "and" || word == "or" || word == "not" || word == "AND" || word == "OR" || word == "NOT";
        if (!word.empty() && !op && words.size() < kMaxWords) {
            std::transform(word.begin(), word.end(), word.begin(), Lower);
            if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(word);
        }
        word.clear();
    };
    for (char c : folded) {
        auto u = static_cast<unsigned char>(c);
        // ASCII signs separate words (quotes, brackets, +, -); every other byte belongs to one.
        if (u < 0x80 && !std::isalnum(u)) {
            flush();
        } else {
            word.push_back(c);
        }
    }
    flush();
    std::stable_sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    return words;
}

std::string Snippet(std::string_view text, const std::vector<std::string>& words, std::size_t length) {
    std::size_t first = text.size();
    for (const std::string& w : words) {
        for (std::size_t at = 0; at + w.size() <= std::min(first, text.size()); ++at) {
            if (MatchesAt(text, at, w)) {
                first = at;
                break;
            }
        }
    }
    std::size_t begin = first == text.size() || first < kLead ? 0 : CharStart(text, first - kLead);
    std::size_t end = CharStart(text, std::min(text.size(), begin + length));
    std::string out;
    if (begin > 0) out += "…";
    for (std::size_t i = begin; i < end;) {
        auto word =
            std::find_if(words.begin(), words.end(), [&](const std::string& w) { return MatchesAt(text, i, w); });
        if (word != words.end() && i + word->size() <= end) {
            out += "<mark>";
            for (std::size_t k = 0; k < word->size(); ++k) AppendEscaped(out, text[i + k]);
            out += "</mark>";
            i += word->size();
        } else {
            AppendEscaped(out, text[i++]);
        }
    }
    if (end < text.size()) out += "…";
    return out;
}

}  // namespace keyuan::search
