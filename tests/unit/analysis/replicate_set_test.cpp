// A replicate set through the library, without the CLI: the files, their seeds, the
// manifest, resume, and the option errors a front end maps to its flags.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>

#include "laborsim/errors.hpp"
#include "laborsim/replicates.hpp"
#include "laborsim/scenario_io.hpp"

using namespace laborsim;
namespace fs = std::filesystem;

namespace {

const scenario& tiny_quickstart() {
    static const scenario sc = load_scenario(std::string(LABORSIM_SOURCE_DIR) + "/scenarios/quickstart.yaml",
                                             {"scale=0.002", "calendar.end=2021-02"});
    return sc;
}

fs::path fresh_dir(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("laborsim-unit-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(d);
    return d;
}

replicate_set_options options(int replicates, const std::string& folder) {
    replicate_set_options o;
    o.replicates = replicates;
    o.folder = folder;
    o.run.threads = 1;
    o.command_line = "unit test";
    return o;
}

std::string option_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const option_error& e) {
        return e.option();
    }
    return "";
}

}  // namespace

TEST_CASE("run_replicate_set runs N seeded replicates and resumes without rerunning", "[replicates]") {
    const fs::path folder = fresh_dir("replicate-set");
    const replicate_set_options opts = options(2, folder.string());
    std::vector<std::pair<int, bool>> seen;
    replicate_set_hooks hooks;
    hooks.on_replicate = [&](const replicate_outcome& r) { seen.emplace_back(r.record.index, r.kept); };

    const auto first = run_replicate_set(tiny_quickstart(), opts, hooks);
    CHECK(first.ran == 2);
    REQUIRE(first.manifest.replicates.size() == 2);
    for (int k = 0; k < 2; ++k) {
        const auto& rec = first.manifest.replicates[static_cast<std::size_t>(k)];
        CHECK(rec.completed);
        CHECK(rec.seed == replicate_seed(tiny_quickstart().seed, static_cast<std::uint64_t>(k)));
        const auto st = inspect_replicate_file((folder / rec.file).string());
        CHECK(st.completed);
        CHECK(st.seed == rec.seed);
    }
    CHECK(fs::is_regular_file(folder / "manifest.json"));
    CHECK(seen == std::vector<std::pair<int, bool>>{{0, false}, {1, false}});

    // A second call keeps both; one more replicate runs only the new one.
    seen.clear();
    auto more = opts;
    more.replicates = 3;
    const auto second = run_replicate_set(tiny_quickstart(), more, hooks);
    CHECK(second.ran == 1);
    CHECK(seen == std::vector<std::pair<int, bool>>{{0, true}, {1, true}, {2, false}});
    fs::remove_all(folder);
}

TEST_CASE("run_replicate_set refuses bad options and foreign files before writing", "[replicates]") {
    const fs::path folder = fresh_dir("replicate-set-bad");
    const auto& sc = tiny_quickstart();
    CHECK(option_of([&] { run_replicate_set(sc, options(0, folder.string())); }) == "replicates");
    CHECK(option_of([&] { run_replicate_set(sc, options(1, (folder / "x.h5").string())); }) == "folder");
    fs::create_directories(folder);
    { std::ofstream(folder / replicate_file_name(0)) << "not a replicate"; }
    CHECK(option_of([&] { run_replicate_set(sc, options(1, folder.string())); }) == "force");
    CHECK(!fs::exists(folder / "manifest.json"));
    fs::remove_all(folder);
}
