// The keyuan binary: the only place that knows every command and, through Application,
// every module.
#include "app/cli.hpp"
#include "app/commands.hpp"

int main(int argc, char** argv) {
    return keyuan::app::RunCli(keyuan::app::AllCommands(), argc, argv);
}
