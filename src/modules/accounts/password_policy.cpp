#include "modules/accounts/password_policy.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace keyuan::embedded {
/// data/common-passwords.txt, embedded at build time by keyuan_embed_files.
std::span<const std::pair<std::string_view, std::string_view>> CommonPasswords();
}  // namespace keyuan::embedded

namespace keyuan::accounts {
namespace {

constexpr std::size_t kMinLength = 8;
constexpr std::size_t kMaxLength = 128;
constexpr int kMinClasses = 3;
// Shorter user names ("li", "wu") occur inside too many innocent passwords to forbid.
constexpr std::size_t kMinUsernameToSearch = 4;
constexpr std::array<std::string_view, 2> kProductWords = {"keyuan", "kejiyuan"};

/// Length of the well-formed UTF-8 sequence starting at `i` (RFC 3629: no overlong forms, no
/// surrogates, nothing above U+10FFFF), or 0 if the bytes there are not one.
std::size_t SequenceLength(std::string_view s, std::size_t i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char second_min = 0x80;
    unsigned char second_max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) second_min = 0xA0;  // overlong
        if (lead == 0xED) second_max = 0x9F;  // UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) second_min = 0x90;  // overlong
        if (lead == 0xF4) second_max = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > s.size()) return 0;
    const auto second = static_cast<unsigned char>(s[i + 1]);
    if (second < second_min || second > second_max) return 0;
    for (std::size_t k = 2; k < length; ++k) {
        const auto next = static_cast<unsigned char>(s[i + k]);
        if (next < 0x80 || next > 0xBF) return 0;
    }
    return length;
}

struct CodePoints {
    std::vector<std::string_view> points;
    bool valid = true;
};

/// `s` split into code points; a byte that starts no valid sequence stands alone and clears `valid`.
CodePoints SplitCodePoints(std::string_view s) {
    CodePoints split;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t length = SequenceLength(s, i);
        if (length == 0) {
            split.valid = false;
            length = 1;
        }
        split.points.push_back(s.substr(i, length));
        i += length;
    }
    return split;
}

std::string ToLowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool IsAsciiDigitOrSymbol(char c) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return c >= 0x20 && c < 0x7F && !letter;
}

int CountClasses(std::string_view password) {
    bool lower = false;
    bool upper = false;
    bool digit = false;
    bool other = false;
    for (char c : password) {
        if (c >= 'a' && c <= 'z') {
            lower = true;
        } else if (c >= 'A' && c <= 'Z') {
            upper = true;
        } else if (c >= '0' && c <= '9') {
            digit = true;
        } else {
            other = true;
        }
    }
    return int{lower} + int{upper} + int{digit} + int{other};
}

struct CommonList {
    std::unordered_set<std::string> words;
    std::size_t longest = 0;
};

const CommonList& Common() {
    static const CommonList list = [] {
        CommonList built;
        for (const auto& [name, text] : embedded::CommonPasswords()) {
            std::size_t start = 0;
            while (start < text.size()) {
                std::size_t end = text.find('\n', start);
                if (end == std::string_view::npos) end = text.size();
                std::string_view line = text.substr(start, end - start);
                start = end + 1;
                while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
                if (line.empty() || line.front() == '#') continue;
                built.longest = std::max(built.longest, line.size());
                built.words.insert(ToLowerAscii(line));
            }
        }
        return built;
    }();
    return list;
}

enum class Commonness { kNotListed, kListed, kListedPlusSuffix };

/// kListedPlusSuffix covers a listed word followed by digits or symbols ("Password123!"), the usual
/// way people satisfy the class rule without adding strength.
Commonness CommonnessOf(const std::string& lowered) {
    const CommonList& list = Common();
    if (list.words.contains(lowered)) return Commonness::kListed;
    std::size_t end = lowered.size();
    while (end > 0 && IsAsciiDigitOrSymbol(lowered[end - 1])) {
        --end;
        if (end > 0 && end <= list.longest && list.words.contains(lowered.substr(0, end))) {
            return Commonness::kListedPlusSuffix;
        }
    }
    return Commonness::kNotListed;
}

void CheckUsername(const std::string& lowered, std::string_view username, std::vector<PolicyProblem>& problems) {
    if (username.empty()) return;
    const std::string user = ToLowerAscii(username);
    const std::vector<std::string_view> points = SplitCodePoints(user).points;
    std::string reversed;
    for (std::string_view point : points) reversed.insert(0, point);

    if (lowered == user || lowered == reversed) {
        problems.push_back({"不能与用户名相同或是用户名倒写", "Must not be the user name or the user name reversed"});
    } else if (points.size() >= kMinUsernameToSearch && lowered.find(user) != std::string::npos) {
        problems.push_back({"不能包含用户名", "Must not contain the user name"});
    }
}

}  // namespace

std::vector<PolicyProblem> CheckPassword(std::string_view password, std::string_view username) {
    std::vector<PolicyProblem> problems;
    const CodePoints split = SplitCodePoints(password);
    const std::size_t length = split.points.size();
    if (!split.valid) problems.push_back({"含有无效的 UTF-8 编码", "Contains invalid UTF-8"});
    if (length < kMinLength) problems.push_back({"至少 8 个字符", "At least 8 characters"});
    if (length > kMaxLength) problems.push_back({"最多 128 个字符", "At most 128 characters"});
    if (CountClasses(password) < kMinClasses) {
        problems.push_back({"须包含大写字母、小写字母、数字、符号中的至少 3 类",
                            "Must mix at least 3 of: lower case, upper case, digits, symbols"});
    }

    const std::string lowered = ToLowerAscii(password);
    CheckUsername(lowered, username, problems);

    const Commonness common = CommonnessOf(lowered);
    if (common == Commonness::kListed) problems.push_back({"是常见弱口令", "Is a commonly used password"});
    if (common == Commonness::kListedPlusSuffix) {
        problems.push_back({"是常见弱口令加上数字或符号，仍容易被猜中",
                            "Is a commonly used password with digits or symbols added, which is still easy to guess"});
    }

    const bool has_product_word = std::any_of(kProductWords.begin(), kProductWords.end(), [&](std::string_view word) {
        return lowered.find(word) != std::string::npos;
    });
    if (has_product_word) {
        problems.push_back(
            {"不能包含产品名称 keyuan 或 kejiyuan", "Must not contain the product name keyuan or kejiyuan"});
    }
    return problems;
}

}  // namespace keyuan::accounts
