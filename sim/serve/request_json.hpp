// Reading request bodies (JSON) and showing scenario YAML to the page as JSON. JSON is a
// subset of YAML, so yaml-cpp, the parser the project already uses, reads both.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace laborsim {

// A request body that must be a JSON object; every getter throws http_error 400 naming the
// field and what was expected.
class json_body {
public:
    explicit json_body(const std::string& text);  // 400 "malformed JSON: ..." if it is not an object
    ~json_body();
    json_body(const json_body&) = delete;
    json_body& operator=(const json_body&) = delete;

    [[nodiscard]] std::optional<std::string> text(std::string_view field) const;
    [[nodiscard]] std::string required_text(std::string_view field) const;
    [[nodiscard]] std::optional<double> number(std::string_view field) const;
    [[nodiscard]] std::optional<std::int64_t> integer(std::string_view field) const;

private:
    struct impl;
    impl* impl_;
};

// A YAML document as JSON text (mappings -> objects, sequences -> arrays, plain scalars that
// read as numbers or booleans -> numbers/booleans, everything else -> strings).
std::string yaml_to_json(const std::string& yaml_text);

// Refuses (http_error 403) a scenario text whose `extends` or `include` values, resolved
// against `directory`, lead outside `root`: a variant sent to the server may only build on
// files of the scenario folder. Unparsable text is left to the loader's located errors.
void check_scenario_references(const std::string& yaml_text, const std::filesystem::path& directory,
                               const std::filesystem::path& root);

}  // namespace laborsim
