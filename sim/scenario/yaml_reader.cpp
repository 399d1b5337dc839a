#include "scenario/yaml_reader.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace laborsim {

namespace {

bool parse_double(const std::string& s, double& out) {
    if (s.empty()) return false;
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v)) return false;
    out = v;
    return true;
}

bool is_identifier(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    return true;
}

}  // namespace

bool yaml_reader::listed() {
    if (diagnostics_.size() < max_listed_diagnostics) return true;
    // Past the listed ones only a count is kept: finding a node's source is a search, and
    // thousands of them would take quadratic time.
    ++unlisted_;
    if (diagnostics_.size() == max_listed_diagnostics) diagnostics_.emplace_back();
    diagnostics_.back() = unlisted_diagnostics(file_, unlisted_);
    return false;
}

std::string yaml_reader::excerpt(const std::string& text, std::size_t shown) {
    if (text.size() <= shown) return text;
    std::string out(text, 0, shown);
    out.append("... (").append(std::to_string(text.size())).append(" characters)");
    return out;
}

void yaml_reader::error(const YAML::Node& at, const std::string& path, const std::string& message) {
    if (!listed()) return;
    diagnostic d;
    d.file = file_;
    if (const source_location* where = origins_ ? origins_->find(at) : nullptr) {
        d.file = where->file;
        d.line = where->line;
        d.column = where->column;
    } else if (const YAML::Mark mark = at.IsDefined() ? at.Mark() : YAML::Mark::null_mark(); mark.line >= 0) {
        d.line = mark.line + 1;
        d.column = mark.column + 1;
    }
    d.key_path = path;
    d.message = message;
    diagnostics_.push_back(std::move(d));
}

void yaml_reader::error(const YAML::Mark& mark, const std::string& path, const std::string& message) {
    if (!listed()) return;
    diagnostic d;
    d.file = file_;
    if (mark.line >= 0) {
        d.line = mark.line + 1;
        d.column = mark.column + 1;
    }
    d.key_path = path;
    d.message = message;
    diagnostics_.push_back(std::move(d));
}

std::string yaml_reader::describe(const YAML::Node& n) {
    if (n.IsScalar()) {
        std::string out = "\"";
        out.append(excerpt(n.Scalar())).push_back('"');
        return out;
    }
    if (n.IsMap()) return "a mapping";
    if (n.IsSequence()) return "a list";
    return "nothing";
}

const key_spec& yaml_reader::spec_of(const section_spec& s, std::string_view key) const {
    if (const auto* k = s.find(key)) return *k;
    throw internal_error("the loader reads '" + std::string(key) + "' which schema section '" + std::string(s.name) +
                         "' does not list");
}

bool yaml_reader::check_map(const YAML::Node& node, const std::string& path,
                            std::initializer_list<const section_spec*> sections) {
    if (!node.IsMap()) {
        error(node, path.empty() ? "(top level)" : path, "expected a mapping, got " + describe(node));
        return false;
    }
    std::vector<std::string_view> known;
    for (const auto* s : sections)
        for (const auto& k : s->keys) known.push_back(k.key);
    for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string key = it->first.IsScalar() ? it->first.Scalar() : "?";
        bool found = false;
        for (auto k : known) found = found || k == key;
        if (found) continue;
        std::string msg = "unknown key '" + excerpt(key, 64) + "'";
        if (auto s = closest_match(key, known); !s.empty()) msg += ", did you mean '" + s + "'?";
        error(it->first, join(path, excerpt(key, 64)), msg);
    }
    return true;
}

bool yaml_reader::convert(const YAML::Node& n, const key_spec& k, const std::string& path, double& out) {
    double v = 0;
    if (!n.IsScalar() || !parse_double(n.Scalar(), v)) {
        error(n, path, "expected a " + std::string(value_type_text(k)) + ", got " + describe(n));
        return false;
    }
    // A whole number may be held in a double (model_params): it must still be whole.
    if (k.type == value_type::integer && v != std::floor(v)) {
        error(n, path, "expected a " + std::string(value_type_text(k)) + ", got " + excerpt(n.Scalar()));
        return false;
    }
    return in_range(n, k, path, v) && (out = v, true);
}

bool yaml_reader::in_range(const YAML::Node& n, const key_spec& k, const std::string& path, double v) {
    if (v >= k.min && v <= k.max) return true;
    std::string msg = "expected a ";
    msg.append(value_type_text(k)).append(" from ").append(short_number(k.min)).append(" to ");
    msg.append(short_number(k.max));
    if (!k.unit.empty() && k.unit != "1") msg.append(" (").append(k.unit).append(")");
    msg.append(", got ").append(excerpt(n.Scalar()));
    error(n, path, msg);
    return false;
}

bool yaml_reader::convert(const YAML::Node& n, const key_spec& k, const std::string& path, std::int64_t& out) {
    double v = 0;
    if (!n.IsScalar() || !parse_double(n.Scalar(), v) || v != std::floor(v)) {
        error(n, path, "expected a " + std::string(value_type_text(k)) + ", got " + describe(n));
        return false;
    }
    if (!in_range(n, k, path, v)) return false;
    out = static_cast<std::int64_t>(v);  // in range, so it fits
    return true;
}

bool yaml_reader::convert(const YAML::Node& n, const key_spec& k, const std::string& path, bool& out) {
    (void)k;
    if (n.IsScalar()) {
        const auto& s = n.Scalar();
        if (s == "true" || s == "yes") {
            out = true;
            return true;
        }
        if (s == "false" || s == "no") {
            out = false;
            return true;
        }
    }
    error(n, path, "expected true or false, got " + describe(n));
    return false;
}

bool yaml_reader::convert(const YAML::Node& n, const key_spec& k, const std::string& path, std::string& out) {
    if (!n.IsScalar()) {
        error(n, path, "expected a " + std::string(value_type_text(k)) + ", got " + describe(n));
        return false;
    }
    if (k.type == value_type::identifier && !is_identifier(n.Scalar())) {
        error(n, path, "expected an identifier (letters, digits, '-', '_'), got " + describe(n));
        return false;
    }
    if (k.type == value_type::choice) {
        bool allowed = false;
        for (auto c : k.choices) allowed = allowed || c == n.Scalar();
        if (!allowed) {
            std::string list;
            for (auto c : k.choices) list += (list.empty() ? "" : ", ") + std::string(c);
            std::string msg = "expected one of " + list + ", got " + describe(n);
            if (auto s = closest_match(n.Scalar(), k.choices); !s.empty()) msg += " (did you mean '" + s + "'?)";
            error(n, path, msg);
            return false;
        }
    }
    out = n.Scalar();
    return true;
}

bool yaml_reader::convert(const YAML::Node& n, const key_spec& k, const std::string& path, year_month& out) {
    (void)k;
    const auto ym = n.IsScalar() ? parse_year_month(n.Scalar()) : std::nullopt;
    if (!ym) {
        error(n, path, "expected a date YYYY-MM, got " + describe(n));
        return false;
    }
    out = *ym;
    return true;
}

bool yaml_reader::convert(const YAML::Node& n, const key_spec& k, const std::string& path,
                          std::vector<std::string>& out) {
    std::vector<std::string> v;
    if (n.IsScalar()) {
        v.push_back(n.Scalar());
    } else if (n.IsSequence()) {
        for (std::size_t i = 0; i < n.size(); ++i) {
            if (!n[i].IsScalar()) {
                error(n[i], path + "[" + std::to_string(i) + "]", "expected a string, got " + describe(n[i]));
                return false;
            }
            v.push_back(n[i].Scalar());
        }
    } else {
        error(n, path, "expected a string or a list of strings, got " + describe(n));
        return false;
    }
    if (!k.choices.empty()) {
        for (std::size_t i = 0; i < v.size(); ++i) {
            bool allowed = false;
            for (auto c : k.choices) allowed = allowed || c == v[i];
            if (allowed) continue;
            std::string msg = "unknown value \"" + v[i] + "\"";
            if (auto s = closest_match(v[i], k.choices); !s.empty()) msg += ", did you mean '" + s + "'?";
            error(n.IsSequence() ? n[i] : n, n.IsSequence() ? path + "[" + std::to_string(i) + "]" : path, msg);
            return false;
        }
    }
    out = std::move(v);
    return true;
}

// A number_list of any length (at least one number), e.g. annual rates by year.
bool yaml_reader::convert(const YAML::Node& n, const key_spec& k, const std::string& path, std::vector<double>& out) {
    if (!n.IsSequence() || n.size() == 0) {
        error(n, path, "expected a non-empty list of numbers, got " + describe(n));
        return false;
    }
    std::vector<double> v(n.size());
    key_spec item{k.key, value_type::number, "", k.unit, ""};
    item.min = k.min;  // each number within the key's range
    item.max = k.max;
    for (std::size_t i = 0; i < n.size(); ++i)
        if (!convert(n[i], item, path + "[" + std::to_string(i) + "]", v[i])) return false;
    out = std::move(v);
    return true;
}

}  // namespace laborsim
