#include "support/smtp_sink.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json/parse.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/accounts_fixture.hpp"
#include "support/in_process_server.hpp"
#include "support/wait_until.hpp"

extern char** environ;

namespace keyuan::testing {
namespace {

namespace fs = std::filesystem;

/// Debian's python3 first: a python of another installation (pyenv) does not see its packages.
std::string PythonWithAiosmtpd() {
    for (const char* python : {"/usr/bin/python3", "python3"}) {
        if (RunProgram({python, "-c", "import aiosmtpd"}).exit_code == 0) return python;
    }
    throw std::runtime_error(
        "the mail tests need python3 with aiosmtpd (Debian package python3-aiosmtpd): run scripts/install-deps.sh");
}

}  // namespace

std::unique_ptr<SmtpSink> SmtpSink::Start(std::uint16_t port) {
    std::unique_ptr<SmtpSink> sink(new SmtpSink());
    sink->folder_ = ::testing::TempDir() + "keyuan-smtp-" + std::to_string(::getpid()) + "-" + std::to_string(port);
    fs::remove_all(sink->folder_);
    fs::create_directories(sink->folder_);
    std::string log = sink->folder_ + ".log";
    std::vector<std::string> argv = {PythonWithAiosmtpd(),
                                     std::string(KEYUAN_SOURCE_DIR) + "/tests/support/smtp_sink.py",
                                     std::to_string(port), sink->folder_};
    std::vector<char*> args;
    for (std::string& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    int failed = posix_spawnp(&sink->pid_, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed != 0) throw std::runtime_error("cannot start " + argv[0]);
    if (!WaitUntil([&] { return AcceptsConnections(port); }, std::chrono::seconds(10))) {
        std::ostringstream text;
        text << std::ifstream(log).rdbuf();
        throw std::runtime_error("the SMTP sink did not start: " + text.str());
    }
    return sink;
}

SmtpSink::~SmtpSink() {
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
    }
    std::error_code ignored;
    fs::remove_all(folder_, ignored);
    fs::remove(folder_ + ".log", ignored);
}

std::vector<boost::json::object> SmtpSink::Messages() const {
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder_)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<boost::json::object> out;
    for (const fs::path& file : files) {
        std::ostringstream text;
        text << std::ifstream(file).rdbuf();
        out.push_back(boost::json::parse(text.str()).as_object());
    }
    return out;
}

}  // namespace keyuan::testing
