// Running a scenario to a file through the library, without the CLI: the partial file,
// the rename, no overwrite without force, and the kind of error for a place the OS refuses.
#include "laborsim/run_to_file.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "laborsim/errors.hpp"
#include "laborsim/scenario_io.hpp"
#include "output/h5_read.hpp"

using namespace laborsim;
namespace fs = std::filesystem;

namespace {

const scenario& tiny_quickstart() {
    static const scenario sc = load_scenario(std::string(LABORSIM_SOURCE_DIR) + "/scenarios/quickstart.yaml",
                                             {"scale=0.002", "calendar.end=2021-03"});
    return sc;
}

fs::path fresh_dir(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("laborsim-unit-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(d);
    return d;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

run_to_file_options to(const std::string& path, int threads, bool force = false) {
    run_to_file_options o;
    o.path = path;
    o.run.threads = threads;
    o.force = force;
    return o;
}

// Every month a run reaches, seen by an observer after the recorder.
struct month_counter final : run_observer {
    int months = 0;
    void on_month(const month_stats&, const std::vector<policy_month_report>&, const world&) override { ++months; }
};

}  // namespace

TEST_CASE("run_to_file writes a finished file, creating its folder", "[run_to_file]") {
    const fs::path dir = fresh_dir("run-to-file");
    const fs::path out = dir / "sub" / "run.h5";
    month_counter counter;
    const run_summary s = run_to_file(tiny_quickstart(), to(out.string(), 2), {&counter});
    CHECK(s.months == 3);
    CHECK(counter.months == 3);
    REQUIRE(fs::is_regular_file(out));
    {
        h5::quiet_errors quiet;
        auto f = h5::open_file_readonly(out.string());
        CHECK(h5::read_int_attr(f.id(), "completed") == 1);
        CHECK(h5::read_int_attr(f.id(), "months_completed") == 3);
        CHECK(h5::read_int_attr(f.id(), "threads") == 2);
    }
    CHECK(std::distance(fs::directory_iterator(out.parent_path()), fs::directory_iterator()) == 1);
    fs::remove_all(dir);
}

TEST_CASE("run_to_file leaves an existing file alone without force and replaces it with force", "[run_to_file]") {
    const fs::path dir = fresh_dir("run-to-file-force");
    fs::create_directories(dir);
    const fs::path out = dir / "run.h5";
    { std::ofstream(out) << "precious"; }
    run_to_file_options opts = to(out.string(), 1);
    try {
        run_to_file(tiny_quickstart(), opts);
        FAIL("expected option_error");
    } catch (const option_error& e) {
        CHECK(e.option() == "force");
        CHECK(std::string(e.what()).find(out.string()) != std::string::npos);
    }
    CHECK(read_all(out) == "precious");
    opts.force = true;
    run_to_file(tiny_quickstart(), opts);
    CHECK(read_all(out).substr(1, 3) == "HDF");                                        // the HDF5 signature: \x89HDF
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);  // no partial file left
    fs::remove_all(dir);
}

TEST_CASE("a failing run removes its partial file and keeps the old one", "[run_to_file]") {
    const fs::path dir = fresh_dir("run-to-file-fail");
    fs::create_directories(dir);
    const fs::path out = dir / "run.h5";
    { std::ofstream(out) << "precious"; }
    struct failing final : run_observer {
        void on_month(const month_stats&, const std::vector<policy_month_report>&, const world&) override {
            throw std::runtime_error("stop");
        }
    } fail;
    CHECK_THROWS_WITH(run_to_file(tiny_quickstart(), to(out.string(), 1, true), {&fail}), "stop");
    CHECK(read_all(out) == "precious");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    fs::remove_all(dir);
}

TEST_CASE("a place the OS refuses is an environment_error naming the path and the reason", "[run_to_file]") {
    // /proc accepts no new files or folders, for root too.
    try {
        run_to_file(tiny_quickstart(), to("/proc/laborsim-x.h5", 1));
        FAIL("expected environment_error");
    } catch (const environment_error& e) {
        CHECK(e.path() == "/proc/laborsim-x.h5");
        CHECK(e.reason() == "No such file or directory");
        CHECK(std::string(e.what()).find('\n') == std::string::npos);
    }
    CHECK_THROWS_AS(run_to_file(tiny_quickstart(), to("/proc/laborsim-sub/x.h5", 1)), environment_error);
}
