// Hostile input (issue 18): every number has a range, and what a scenario can make the
// loader do is bounded (aliases, nesting, file count and size, file kinds, error count, the
// scenario root); each refusal is a located input_error, reached quickly.
#include <sys/stat.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include "laborsim/engine.hpp"
#include "laborsim/errors.hpp"
#include "laborsim/scenario_io.hpp"
#include "scenario/scenario_tree.hpp"
#include "scenario/schema.hpp"
#include "scratch_folder.hpp"

using namespace laborsim;
namespace fs = std::filesystem;

namespace {

class scratch : public test::scratch_folder {
public:
    scratch() : scratch_folder("laborsim-limits-") {}
};

const std::string base_text = R"(name: limits
calendar: {start: 2021-01, end: 2021-12}
scale: 0.01
regions:
  - id: a
    labor_force: 10000
    education_shares: {none: 1}
    field_shares: {industry: 1}
)";

std::vector<diagnostic> errors_of(const std::string& path, const scenario_load_options& options = {}) {
    try {
        load_scenario(path, options);
    } catch (const input_error& e) {
        return e.diagnostics();
    }
    return {};
}

std::vector<diagnostic> errors_of_text(const std::string& text) {
    try {
        load_scenario_text(text, "hostile.yaml");
    } catch (const input_error& e) {
        return e.diagnostics();
    }
    return {};
}

bool located(const diagnostic& d) { return !d.file.empty() && d.line > 0 && d.column > 0; }

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST_CASE("limits: every numeric key of the scenario schema has a range that admits its default", "[loader][limits]") {
    for (const auto& s : scenario_schema()) {
        for (const auto& k : s.keys) {
            if (!k.is_numeric()) continue;
            INFO(std::string(s.name) + "." + std::string(k.key));
            CHECK(k.min < k.max);
            CHECK(std::isfinite(k.max));
            char* end = nullptr;
            const std::string def(k.default_text);
            const double v = std::strtod(def.c_str(), &end);
            if (end != def.c_str() && *end == '\0') CHECK((v >= k.min && v <= k.max));
        }
    }
    CHECK(schema_markdown().find("| range |") != std::string::npos);
}

TEST_CASE("limits: an out-of-range number is a located error naming the key, the value and the range",
          "[loader][limits]") {
    const auto with = [](const std::string& line) {
        std::string t = base_text;
        return errors_of_text(t.replace(t.find("    education_shares"), 0, line + "\n"));
    };
    const auto ds = with("    firms_per_1000_workers: 1e300");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]));
    CHECK(ds[0].line == 7);
    CHECK(ds[0].key_path == "regions[0].firms_per_1000_workers");
    CHECK(ds[0].message == "expected a non-negative number from 0 to 1000 (1/1000 workers), got 1e300");
    CHECK(with("    labor_force_growth: -2")[0].message.find("from -1 to 1") != std::string::npos);
    CHECK(with("    latitude: 91")[0].message.find("from -90 to 90") != std::string::npos);
    CHECK(with("    longitude: -180").empty());  // both ends belong to the range
    const auto budget = errors_of_text(base_text +
                                       "policies:\n  - {id: p, type: vocational_training_quota, seats_per_year: 1e15, "
                                       "annual_budget_vnd: 1e300}\n");
    REQUIRE(budget.size() == 2);
    CHECK(budget[0].message.find("from 0 to 1e16 (VND/year), got 1e300") != std::string::npos);
    CHECK(budget[1].key_path == "policies[0].seats_per_year");
}

TEST_CASE("limits: self-referencing aliases and alias bombs stop at the node bounds", "[loader][limits]") {
    const auto t0 = std::chrono::steady_clock::now();
    const auto self = errors_of_text("&r [*r]\n");
    REQUIRE(self.size() == 1);
    CHECK(located(self[0]));
    CHECK(self[0].message.find("nested over 64 levels") != std::string::npos);
    std::string bomb = base_text + "description:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int i = 1; i < 9; ++i) {
        bomb += "  a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
        for (int j = 0; j < 9; ++j) bomb += (j ? ", *a" : "*a") + std::to_string(i - 1);
        bomb += "]\n";
    }
    const auto ds = errors_of_text(bomb);
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]));
    CHECK(ds[0].message.find("over 100000 nodes") != std::string::npos);
    CHECK(seconds_since(t0) < 5);
}

TEST_CASE("limits: include chains and include bombs stop at the nesting and file bounds", "[loader][limits]") {
    scratch dir;
    // A chain 100 files deep.
    for (int i = 0; i < 100; ++i)
        dir.write("chain" + std::to_string(i) + ".yaml", "{include: chain" + std::to_string(i + 1) + ".yaml}\n");
    dir.write("chain100.yaml", "{rural: true}\n");
    const auto deep = errors_of(dir.write("deep.yaml", base_text + "model: {include: chain0.yaml}\n"));
    REQUIRE(deep.size() == 1);
    CHECK(located(deep[0]));
    CHECK(deep[0].message.find("nest over 32 files deep") != std::string::npos);
    // Twenty files, each including the next twice: 2^20 loads without the bound.
    for (int i = 0; i < 20; ++i) {
        const std::string next = "bomb" + std::to_string(i + 1) + ".yaml";
        dir.write("bomb" + std::to_string(i) + ".yaml", "[{include: " + next + "}, {include: " + next + "}]\n");
    }
    dir.write("bomb20.yaml", "[1]\n");
    const auto t0 = std::chrono::steady_clock::now();
    const auto wide = errors_of(dir.write("wide.yaml", base_text + "description: {include: bomb0.yaml}\n"));
    REQUIRE(!wide.empty());
    CHECK(located(wide[0]));
    CHECK(wide[0].message.find("over 256 files") != std::string::npos);
    CHECK(seconds_since(t0) < 5);
}

TEST_CASE("limits: only regular files of at most 16 MiB are read; a named pipe never blocks", "[loader][limits]") {
    scratch dir;
    const std::string fifo = dir.path("pipe.yaml");
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    const auto pipe = errors_of(dir.write("via-pipe.yaml", "extends: pipe.yaml\n" + base_text));
    REQUIRE(pipe.size() == 1);
    CHECK(located(pipe[0]));
    CHECK(pipe[0].message.find("is a named pipe, not a regular file") != std::string::npos);
    CHECK(errors_of(fifo).at(0).message.find("named pipe") != std::string::npos);

    fs::create_directories(dir.path("folder"));
    CHECK(errors_of(dir.write("via-dir.yaml", "extends: folder\n" + base_text)).at(0).message.find("is a directory") !=
          std::string::npos);
    const std::string big = dir.write("big.yaml", "name: big\n");
    fs::resize_file(big, max_scenario_file_bytes + 1);  // sparse: no disk used
    CHECK(errors_of(big).at(0).message.find("over 16 MiB") != std::string::npos);
    if (fs::exists("/dev/zero"))
        CHECK(errors_of(dir.write("zero.yaml", "extends: /dev/zero\n" + base_text))
                  .at(0)
                  .message.find("character device") != std::string::npos);
    if (fs::exists("/proc/self/status"))
        CHECK(errors_of(dir.write("proc.yaml", "extends: /proc/self/status\n" + base_text))
                  .at(0)
                  .message.find("kernel file") != std::string::npos);
}

TEST_CASE("limits: a parent that is not a scenario is an error quoting only its start", "[loader][limits]") {
    scratch dir;
    dir.write("secret.txt", "user:secret-password-hash:1000:1000:a very long line that must not be echoed\n");
    const auto ds = errors_of(dir.write("main.yaml", "extends: secret.txt\n" + base_text));
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]));
    CHECK(ds[0].message.find("is not a scenario") != std::string::npos);
    CHECK(ds[0].message.find("must not be echoed") == std::string::npos);
    CHECK(ds[0].message.find("user:secret") != std::string::npos);
}

TEST_CASE("limits: --scenario-root refuses extends and include outside it, symbolic links resolved",
          "[loader][limits]") {
    scratch dir;
    dir.write("outside/shared.yaml", "{rural: true}\n");
    dir.write("root/model.yaml", "{share_women: 0.5}\n");
    const std::string root = dir.path("root");
    const scenario_load_options confined{{}, root};
    CHECK(errors_of(dir.write("root/ok.yaml", base_text + "model: {include: model.yaml}\n"), confined).empty());
    const auto out =
        errors_of(dir.write("root/out.yaml", base_text + "model: {include: ../outside/shared.yaml}\n"), confined);
    REQUIRE(out.size() == 1);
    CHECK(located(out[0]));
    CHECK(out[0].message.find("outside the scenario root") != std::string::npos);
    fs::create_symlink(dir.path("outside/shared.yaml"), dir.path("root/link.yaml"));
    CHECK(errors_of(dir.write("root/via-link.yaml", base_text + "model: {include: link.yaml}\n"), confined)
              .at(0)
              .message.find("outside the scenario root") != std::string::npos);
    CHECK(errors_of(dir.write("root/abs.yaml", "extends: /etc/hostname\n" + base_text), confined)
              .at(0)
              .message.find("outside the scenario root") != std::string::npos);
    // Without a root the same files are read.
    CHECK(errors_of(dir.path("root/via-link.yaml")).at(0).message.find("outside") == std::string::npos);
}

TEST_CASE("limits: ten thousand errors list the first 100 and count the rest, in linear time", "[loader][limits]") {
    std::string text = base_text;
    for (int i = 0; i < 10004; ++i) text += "unknown_" + std::to_string(i) + ": 1\n";
    const auto t0 = std::chrono::steady_clock::now();
    const auto ds = errors_of_text(text);
    CHECK(seconds_since(t0) < 5);
    REQUIRE(ds.size() == max_listed_diagnostics + 1);
    CHECK(located(ds[0]));
    CHECK(ds.back().message == "... and 9904 more errors (the first 100 are listed)");
}

TEST_CASE("limits: the world's memory is estimated before it is built and a run that would not fit is refused",
          "[engine][limits]") {
    const scenario sc = load_scenario_text(base_text, "memory.yaml");
    const auto e = estimate_world_memory(sc);
    CHECK(e.workers == Approx(100 * std::pow(1.01, 1.0)));  // 10,000 persons at scale 0.01, a year's growth
    CHECK(e.firms == Approx(4.0));                          // 40 per 1,000 workers
    CHECK(e.bytes > 2 * e.workers * 30);
    CHECK_NOTHROW(check_world_memory(sc, 0));
    try {
        check_world_memory(sc, 1000);
        FAIL("a 1,000-byte limit should refuse the run");
    } catch (const input_error& err) {
        const std::string what = err.what();
        CHECK(what.find("101 workers (30 bytes each)") != std::string::npos);
        CHECK(what.find("--max-memory") != std::string::npos);
    }
    scenario huge = sc;
    huge.regions[0].labor_force = 1.5e9;
    huge.scale = 1;
    run_options small_machine{1, 16384};
    small_machine.max_memory_bytes = 1u << 30;
    CHECK_THROWS_AS(run_scenario(huge, small_machine, {}), input_error);
}
