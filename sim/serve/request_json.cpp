#include "serve/request_json.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <functional>

#include "serve/http_types.hpp"
#include "serve/safe_path.hpp"
#include "util/json_writer.hpp"

namespace laborsim {

struct json_body::impl {
    YAML::Node root;
};

json_body::json_body(const std::string& text) : impl_(new impl) {
    try {
        impl_->root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        delete impl_;
        throw http_error(400, "malformed JSON: " + e.msg + " (line " + std::to_string(e.mark.line + 1) + ")");
    }
    if (!impl_->root.IsMap()) {
        delete impl_;
        throw http_error(400, "expected a JSON object as the request body");
    }
}

json_body::~json_body() { delete impl_; }

std::optional<std::string> json_body::text(std::string_view field) const {
    const YAML::Node n = impl_->root[std::string(field)];
    if (!n || n.IsNull()) return std::nullopt;
    if (!n.IsScalar()) throw http_error(400, std::string(field) + ": expected a string");
    return n.Scalar();
}

std::string json_body::required_text(std::string_view field) const {
    auto t = text(field);
    if (!t) throw http_error(400, std::string(field) + ": required");
    return *t;
}

std::optional<double> json_body::number(std::string_view field) const {
    const auto t = text(field);
    if (!t) return std::nullopt;
    try {
        std::size_t used = 0;
        const double v = std::stod(*t, &used);
        if (used == t->size() && std::isfinite(v)) return v;
    } catch (const std::exception&) {}
    throw http_error(400, std::string(field) + ": expected a number, got \"" + *t + "\"");
}

std::optional<std::int64_t> json_body::integer(std::string_view field) const {
    const auto t = text(field);
    if (!t) return std::nullopt;
    try {
        std::size_t used = 0;
        const long long v = std::stoll(*t, &used);
        if (used == t->size()) return v;
    } catch (const std::exception&) {}
    throw http_error(400, std::string(field) + ": expected an integer, got \"" + *t + "\"");
}

namespace {

void scalar_to_json(const YAML::Node& n, json_writer& j) {
    const std::string& s = n.Scalar();
    if (n.Tag() == "!") {  // quoted in the file: a string whatever it looks like
        j.value(s);
        return;
    }
    if (s == "true" || s == "false") {
        j.value(s == "true");
        return;
    }
    if (s == "null" || s == "~" || s.empty()) {
        j.null();
        return;
    }
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    const bool numeric = end == s.c_str() + s.size() && std::isfinite(v) && s.find_first_of("xX") == std::string::npos;
    if (numeric) j.value(v);
    else j.value(s);
}

void node_to_json(const YAML::Node& n, json_writer& j) {
    if (n.IsMap()) {
        j.begin_object();
        for (const auto& kv : n) {
            j.key(kv.first.Scalar());
            node_to_json(kv.second, j);
        }
        j.end_object();
    } else if (n.IsSequence()) {
        j.begin_array();
        for (const auto& item : n) node_to_json(item, j);
        j.end_array();
    } else if (n.IsScalar()) {
        scalar_to_json(n, j);
    } else {
        j.null();
    }
}

}  // namespace

std::string yaml_to_json(const std::string& yaml_text) {
    json_writer j;
    node_to_json(YAML::Load(yaml_text), j);
    return j.str();
}

void check_scenario_references(const std::string& yaml_text, const std::filesystem::path& directory,
                               const std::filesystem::path& root) {
    YAML::Node doc;
    try {
        doc = YAML::Load(yaml_text);
    } catch (const YAML::Exception&) {
        return;  // the loader reports where
    }
    const std::function<void(const YAML::Node&)> walk = [&](const YAML::Node& n) {
        if (n.IsMap()) {
            for (const auto& kv : n) {
                const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
                if ((key == "extends" || key == "include") && kv.second.IsScalar()) {
                    const std::filesystem::path p(kv.second.Scalar());
                    if (p.is_absolute() || !is_inside(root, directory / p))
                        throw http_error(403, key + ": \"" + kv.second.Scalar() +
                                                  "\" is outside the scenario folder; a variant may only build on "
                                                  "the shipped scenarios");
                }
                walk(kv.second);
            }
        } else if (n.IsSequence()) {
            for (const auto& item : n) walk(item);
        }
    };
    walk(doc);
}

}  // namespace laborsim
