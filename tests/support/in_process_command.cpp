#include "support/in_process_command.hpp"

#include <iostream>
#include <mutex>
#include <sstream>

#include "app/cli.hpp"
#include "app/commands.hpp"

namespace keyuan::testing {
namespace {

/// Swaps a stream's buffer for a string's while it lives.
class CapturedStream {
public:
    explicit CapturedStream(std::ostream& stream) : stream_(stream), saved_(stream.rdbuf(text_.rdbuf())) {}
    ~CapturedStream() { stream_.rdbuf(saved_); }
    CapturedStream(const CapturedStream&) = delete;
    CapturedStream& operator=(const CapturedStream&) = delete;
    std::string Text() const { return text_.str(); }

private:
    std::ostream& stream_;
    std::ostringstream text_;
    std::streambuf* saved_;
};

}  // namespace

CommandResult RunCommandInProcess(const std::vector<std::string>& args) {
    static std::mutex one_at_a_time;
    std::lock_guard lock(one_at_a_time);
    std::vector<std::string> words = {"keyuan"};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    CommandResult result;
    CapturedStream out(std::cout), err(std::cerr);
    try {
        result.exit_code = app::RunCli(app::AllCommands(), static_cast<int>(words.size()), argv.data());
    } catch (const std::exception& e) {
        std::cerr << "uncaught: " << e.what() << "\n";
        result.exit_code = 134;
    }
    result.out = out.Text();
    result.err = err.Text();
    return result;
}

}  // namespace keyuan::testing
