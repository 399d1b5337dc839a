// laborsim info OUT.h5: a readable summary of an output file.
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "laborsim/recorder.hpp"

namespace laborsim {

void add_info_command(CLI::App& app, command_list& commands) {
    auto path = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("info", "Summarise an output file");
    cmd->add_option("file", *path, "Output HDF5 file")->required();
    commands.push_back({cmd, [path] {
                            std::cout << describe_output(*path);
                            return 0;
                        }});
}

}  // namespace laborsim
