// libFuzzer harness: any input must load or be refused with input_error; anything else (an
// uncaught exception, a sanitizer report, a hang, memory past -rss_limit_mb) is a finding.
// Relative `extends`/`include` resolve against LABORSIM_FUZZ_DIR (default: the working directory),
// so a corpus copied there with the shipped scenarios reaches their includes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "laborsim/errors.hpp"
#include "laborsim/scenario_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string label = [] {
        const char* dir = std::getenv("LABORSIM_FUZZ_DIR");
        return std::string(dir ? dir : ".") + "/fuzz-input.yaml";
    }();
    try {
        (void)laborsim::load_scenario_text(std::string(reinterpret_cast<const char*>(data), size), label);
    } catch (const laborsim::input_error&) {
        // a refusal is a correct answer
    }
    return 0;
}
