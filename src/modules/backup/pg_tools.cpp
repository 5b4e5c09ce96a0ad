#include "modules/backup/pg_tools.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

extern char** environ;

namespace keyuan::backup {
namespace fs = std::filesystem;

std::string FindPgProgram(const std::string& name, const std::string& bin_dir) {
    std::error_code ec;
    if (!bin_dir.empty()) {
        fs::path given = fs::path(bin_dir) / name;
        return fs::exists(given, ec) ? given.string() : "";
    }
    int newest = -1;
    std::string found;
    for (const fs::directory_entry& version : fs::directory_iterator("/usr/lib/postgresql", ec)) {
        int number = std::atoi(version.path().filename().c_str());
        fs::path program = version.path() / "bin" / name;
        if (number > newest && fs::exists(program, ec)) {
            newest = number;
            found = program.string();
        }
    }
    if (!found.empty()) return found;
    if (const char* path = std::getenv("PATH")) {
        std::stringstream dirs(path);
        for (std::string dir; std::getline(dirs, dir, ':');) {
            if (!dir.empty() && fs::exists(fs::path(dir) / name, ec)) return (fs::path(dir) / name).string();
        }
    }
    return "";
}

namespace {

struct SplitUrl {
    std::string url;  // without the password
    std::string password;
};

SplitUrl Split(const std::string& db_url) {
    auto parsed = boost::urls::parse_uri(db_url);
    if (!parsed || !parsed->has_password()) return {db_url, ""};
    boost::urls::url url(*parsed);
    std::string password = url.password();  // decoded
    url.remove_password();
    return {std::string(url.buffer()), password};
}

}  // namespace

std::string WithoutPassword(const std::string& db_url) {
    return Split(db_url).url;
}

ToolRun RunPgProgram(const std::string& program, const std::vector<std::string>& args, const std::string& db_url) {
    SplitUrl split = Split(db_url);
    std::vector<std::string> env_text;
    for (char** e = environ; *e; ++e) {
        if (!std::string_view(*e).starts_with("PGPASSWORD=")) env_text.emplace_back(*e);
    }
    if (!split.password.empty()) env_text.push_back("PGPASSWORD=" + split.password);
    std::vector<std::string> words = {program};
    for (std::string a : args) {
        if (std::size_t at = a.find("{url}"); at != std::string::npos) a.replace(at, 5, split.url);
        words.push_back(std::move(a));
    }

    std::vector<char*> argv, envp;
    for (std::string& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    for (std::string& e : env_text) envp.push_back(e.data());
    envp.push_back(nullptr);

    char err_path[] = "/tmp/keyuan-pgtool-XXXXXX";
    int err_fd = ::mkstemp(err_path);
    ToolRun run;
    if (err_fd < 0) {
        run.err = "cannot create a temporary file";
        return run;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);  // pg_restore --list's table
    pid_t pid = -1;
    int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(err_fd);
    if (rc == 0) {
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    } else {
        run.err = "cannot start " + program;
    }
    std::ifstream in(err_path);
    std::stringstream text;
    text << in.rdbuf();
    run.err += text.str();
    ::unlink(err_path);
    return run;
}

ToolRun PgRestoreInto(const std::string& pg_restore, const std::string& archive, const std::string& url) {
    return RunPgProgram(
        pg_restore,
        {"--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", "--dbname={url}", archive}, url);
}

}  // namespace keyuan::backup
