// Run folders: replicate seeds, file names, the manifest and the scenario hash.
#include "laborsim/run_folder.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "laborsim/replicates.hpp"

using namespace laborsim;

TEST_CASE("replicate seeds depend only on the scenario seed and the index", "[replicates]") {
    // splitmix64 reference values (Vigna's splitmix64.c seeded with 0 gives these outputs).
    CHECK(splitmix64(0) == 0xE220A8397B1DCDAFULL);
    CHECK(replicate_seed(0, 0) == (0xE220A8397B1DCDAFULL >> 11));
    std::set<std::uint64_t> seen;
    for (std::uint64_t k = 0; k < 1000; ++k) {
        const auto s = replicate_seed(20210101, k);
        CHECK(s < (std::uint64_t{1} << 53));  // exact as a double and in JSON
        seen.insert(s);
    }
    CHECK(seen.size() == 1000);
    CHECK(replicate_seed(20210101, 3) == replicate_seed(20210101, 3));
    CHECK(replicate_seed(20210101, 3) != replicate_seed(20210102, 3));
}

TEST_CASE("sha256_hex matches the FIPS 180-4 examples", "[replicates]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    // 55 and 56 bytes straddle the one-block / two-block padding boundary.
    CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(sha256_hex(std::string(1000, 'x')).size() == 64);
}

TEST_CASE("manifest lists the replicates with their seeds", "[replicates]") {
    run_manifest m;
    m.scenario_name = "cao-bang \"baseline\"";
    m.scenario_path = "scenarios/x.yaml";
    m.yaml_sha256 = sha256_hex("name: x\n");
    m.scenario_seed = 7;
    m.replicates.push_back({0, replicate_seed(7, 0), replicate_file_name(0), true, 1.5});
    m.replicates.push_back({1, replicate_seed(7, 1), replicate_file_name(1), false, 0});
    const auto j = manifest_json(m);
    CHECK(replicate_file_name(7) == "replicate-007.h5");
    CHECK(j.find("\"name\": \"cao-bang \\\"baseline\\\"\"") != std::string::npos);
    CHECK(j.find("\"file\": \"replicate-001.h5\"") != std::string::npos);
    CHECK(j.find("\"seed\": " + std::to_string(replicate_seed(7, 1))) != std::string::npos);
    CHECK(j.find("\"completed\": false") != std::string::npos);
    CHECK(j.find("splitmix64(seed + k) >> 11") != std::string::npos);
}
