#include "support/case_file.hpp"

#include <cctype>
#include <fstream>
#include <optional>
#include <sstream>

namespace keyuan::testing {
namespace {

std::string Trimmed(const std::string& text) {
    std::size_t begin = text.find_first_not_of(" \t\r");
    if (begin == std::string::npos) return "";
    return text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
}

/// `text` without `prefix` if it starts with it.
std::optional<std::string> After(const std::string& text, const std::string& prefix) {
    if (!text.starts_with(prefix)) return std::nullopt;
    return Trimmed(text.substr(prefix.size()));
}

std::vector<std::string> Words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string word; in >> word;) out.push_back(word);
    return out;
}

/// "Name: value" with a header's name (letters, digits and dashes).
bool IsHeaderLine(const std::string& line) {
    std::size_t colon = line.find(": ");
    if (colon == std::string::npos || colon == 0) return false;
    for (std::size_t i = 0; i < colon; ++i) {
        if (!std::isalnum(static_cast<unsigned char>(line[i])) && line[i] != '-') return false;
    }
    return true;
}

/// One line after `expect`; nullopt if it is none of the forms of CaseCheck::Kind.
std::optional<CaseCheck> ParseCheck(const std::string& line, int number) {
    using Kind = CaseCheck::Kind;
    CaseCheck check;
    check.line = number;
    const std::pair<const char*, Kind> word_lists[] = {{"fields (any order):", Kind::kFieldsAnyOrder},
                                                       {"fields include:", Kind::kFieldsInclude},
                                                       {"fields:", Kind::kFields},
                                                       {"ids include:", Kind::kIdsInclude},
                                                       {"ids exclude:", Kind::kIdsExclude}};
    for (const auto& [prefix, kind] : word_lists) {
        if (auto rest = After(line, prefix)) {
            check.kind = kind;
            check.words = Words(*rest);
            return check;
        }
    }
    std::size_t colon = line.find(": ");
    if (colon == std::string::npos) return std::nullopt;
    std::vector<std::string> head = Words(line.substr(0, colon));
    check.text = Trimmed(line.substr(colon + 2));
    if (head.size() == 2 && head[0] == "json" && head[1].starts_with("/")) {
        check.kind = Kind::kJson;
    } else if (head.size() == 2 && head[0] == "message") {
        check.kind = Kind::kMessage;
    } else if (head.size() == 3 && head[0] == "message" && head[2] == "contains") {
        check.kind = Kind::kMessageContains;
    } else {
        return std::nullopt;
    }
    check.subject = head[1];
    return check;
}

/// Reads the lines of one file; a case runs from its `case` line to the blank line after `expect`.
class Reader {
public:
    explicit Reader(std::string path) : path_(std::move(path)) {}

    void Line(int number, const std::string& raw) {
        std::string line = Trimmed(raw);
        if (line.starts_with("#")) return;
        if (line.empty()) {
            if (state_ == State::kExpect) Finish();
            return;
        }
        if (auto name = After(line, "case ")) {
            if (state_ != State::kOutside && state_ != State::kExpect) Error(number, "the case before has no `expect`");
            Finish();
            current_ = HttpCase{.file = path_, .line = number, .name = *name};
            state_ = State::kCaller;
            return;
        }
        switch (state_) {
            case State::kOutside: return Error(number, "expected `case NAME`");
            case State::kCaller: return Caller(number, line);
            case State::kRequestLine: return RequestLine(number, line);
            case State::kRequest: return Request(number, line);
            case State::kExpect: return Check(number, line);
        }
    }

    CaseFile Done() {
        if (state_ != State::kOutside && state_ != State::kExpect) Error(current_.line, "the case has no `expect`");
        Finish();
        return std::move(file_);
    }

private:
    enum class State { kOutside, kCaller, kRequestLine, kRequest, kExpect };

    void Caller(int number, const std::string& line) {
        auto caller = After(line, "as ");
        if (!caller || caller->empty()) return Error(number, "expected `as USERNAME` or `as visitor`");
        current_.caller = *caller;
        state_ = State::kRequestLine;
    }

    void RequestLine(int number, const std::string& line) {
        std::vector<std::string> words = Words(line);
        if (words.size() != 2 || !words[1].starts_with("/")) return Error(number, "expected `METHOD /path`");
        current_.method = words[0];
        current_.target = words[1];
        state_ = State::kRequest;
    }

    void Request(int number, const std::string& line) {
        if (auto expected = After(line, "expect ")) {
            std::vector<std::string> words = Words(*expected);
            if (words.empty() || words.size() > 2 || words[0].size() != 3 ||
                words[0].find_first_not_of("0123456789") != std::string::npos) {
                return Error(number, "expected `expect STATUS [CODE]`");
            }
            current_.status = std::stoi(words[0]);
            if (words.size() == 2) current_.code = words[1];
            state_ = State::kExpect;
        } else if (current_.body.empty() && IsHeaderLine(line)) {
            std::size_t colon = line.find(": ");
            current_.headers.emplace_back(line.substr(0, colon), line.substr(colon + 2));
        } else {
            current_.body += (current_.body.empty() ? "" : "\n") + line;
        }
    }

    void Check(int number, const std::string& line) {
        std::optional<CaseCheck> check = ParseCheck(line, number);
        if (!check) return Error(number, "not a check: " + line + " (see tests/http/cases/README.md)");
        current_.checks.push_back(std::move(*check));
    }

    void Finish() {
        if (state_ == State::kExpect) file_.cases.push_back(std::move(current_));
        current_ = HttpCase{};
        state_ = State::kOutside;
    }

    void Error(int number, const std::string& why) { file_.errors.push_back({number, why}); }

    std::string path_;
    State state_ = State::kOutside;
    HttpCase current_;
    CaseFile file_;
};

}  // namespace

CaseFile ReadCaseFile(const std::string& path) {
    Reader reader(path);
    std::ifstream in(path);
    if (!in) return {.errors = {{0, "cannot be read"}}};
    int number = 0;
    for (std::string line; std::getline(in, line);) reader.Line(++number, line);
    return reader.Done();
}

std::string CaseTestName(const std::string& name) {
    std::string out;
    for (unsigned char c : name) {
        if (std::isalnum(c)) {
            out += static_cast<char>(std::tolower(c));
        } else if (!out.empty() && out.back() != '_') {
            out += '_';
        }
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

}  // namespace keyuan::testing
