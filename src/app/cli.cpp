#include "app/cli.hpp"

#include <cstdio>
#include <iostream>

namespace keyuan::app {
namespace {

std::string Words(const CommandSpec& c) {
    std::string out;
    for (const std::string& w : c.words) out += (out.empty() ? "" : " ") + w;
    return out;
}

void PrintUsage(const std::vector<CommandSpec>& commands) {
    std::cout << "keyuan " << KEYUAN_VERSION
              << " — 科源 S&T resource-sharing platform\n\nUsage: keyuan COMMAND [FLAGS]\n\nCommands:\n";
    for (const CommandSpec& c : commands) {
        std::string words = Words(c);
        std::cout << "  " << words << std::string(words.size() < 18 ? 18 - words.size() : 1, ' ') << c.summary << "\n";
    }
    std::cout << "\n  keyuan --version    print the version\n  keyuan COMMAND --help\n";
}

void PrintCommandHelp(const CommandSpec& c) {
    std::cout << "Usage: keyuan " << Words(c) << " [FLAGS]\n\n" << c.summary << "\n\nFlags:\n";
    for (const FlagSpec& f : c.flags) {
        std::string left = f.name.starts_with('@') ? f.value_name  // positional
                                                   : "--" + f.name + (f.value_name.empty() ? "" : " " + f.value_name);
        std::cout << "  " << left << std::string(left.size() < 24 ? 24 - left.size() : 1, ' ') << f.help << "\n";
    }
    std::cout << "  --help                  show this help\n";
}

}  // namespace

int RunCli(const std::vector<CommandSpec>& commands, int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        PrintUsage(commands);
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version" || args[0] == "version") {
        std::cout << "keyuan " << KEYUAN_VERSION << "\n";
        return 0;
    }
    const CommandSpec* best = nullptr;
    for (const CommandSpec& c : commands) {
        if (c.words.size() > args.size()) continue;
        if (!std::equal(c.words.begin(), c.words.end(), args.begin())) continue;
        if (!best || c.words.size() > best->words.size()) best = &c;
    }
    if (!best) {
        std::cerr << "keyuan: unknown command '" << args[0] << "' (see keyuan --help)\n";
        return 2;
    }
    Flags flags;
    for (std::size_t i = best->words.size(); i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            PrintCommandHelp(*best);
            return 0;
        }
        // A command's one positional argument (`keyuan import … FILE`) is its flag named "@name".
        auto positional = std::find_if(best->flags.begin(), best->flags.end(),
                                       [](const FlagSpec& f) { return f.name.starts_with('@'); });
        if (!arg.starts_with("--") && positional != best->flags.end() && !flags.count(positional->name.substr(1))) {
            flags[positional->name.substr(1)] = arg;
            continue;
        }
        if (!arg.starts_with("--")) {
            std::cerr << "keyuan " << Words(*best) << ": unexpected argument '" << arg << "' (see --help)\n";
            return 2;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inline_value;
        if (std::size_t eq = name.find('='); eq != std::string::npos) {
            inline_value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        auto spec =
            std::find_if(best->flags.begin(), best->flags.end(), [&](const FlagSpec& f) { return f.name == name; });
        if (spec == best->flags.end()) {
            std::cerr << "keyuan " << Words(*best) << ": unknown flag --" << name << " (see --help)\n";
            return 2;
        }
        // A repeated --filter keeps every value, one a line (keyuan export); other flags: the last.
        auto set = [&flags, &name](const std::string& value) {
            flags[name] = name == "filter" && flags.count(name) ? flags[name] + "\n" + value : value;
        };
        if (spec->value_name.empty()) {
            flags[name] = "1";
        } else if (inline_value) {
            set(*inline_value);
        } else if (i + 1 < args.size()) {
            set(args[++i]);
        } else {
            std::cerr << "keyuan " << Words(*best) << ": flag --" << name << " needs a value\n";
            return 2;
        }
    }
    return best->run(flags);
}

}  // namespace keyuan::app
