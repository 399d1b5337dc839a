#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "sweep/sweep_schema.hpp"

using namespace laborsim;

TEST_CASE("docs/sweeps.md documents every key of the sweep schema", "[sweep]") {
    std::ifstream in(std::string(LABORSIM_SOURCE_DIR) + "/docs/sweeps.md");
    REQUIRE(in);
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string doc = buf.str();
    for (const auto& section : sweep_schema())
        for (const auto& key : section.keys) {
            INFO("section " << section.name << ", key " << key.key);
            std::string quoted(1, '`');
            quoted.append(key.key).push_back('`');
            CHECK(doc.find(quoted) != std::string::npos);
        }
}
