// Template parts of yaml_reader.
#pragma once
#include <type_traits>

namespace laborsim {

namespace detail {
template <class E>
constexpr auto enum_names() {
    if constexpr (std::is_same_v<E, education_level>) return education_names;
    else if constexpr (std::is_same_v<E, field_kind>) return field_names;
    else return school_kind_names;
}
}  // namespace detail

template <class E>
bool yaml_reader::convert_enum(const YAML::Node& n, const key_spec& k, const std::string& path, E& out) {
    std::string text;
    if (n.IsScalar()) text = n.Scalar();
    bool allowed = false;
    for (auto c : k.choices) allowed = allowed || c == text;
    const auto names = detail::enum_names<E>();
    for (std::size_t i = 0; allowed && i < names.size(); ++i) {
        if (names[i] == text) {
            out = static_cast<E>(i);
            return true;
        }
    }
    std::string list;
    for (auto c : k.choices) list += (list.empty() ? "" : ", ") + std::string(c);
    std::string msg = "expected one of " + list + ", got " + describe(n);
    if (auto s = closest_match(text, k.choices); n.IsScalar() && !s.empty()) msg += " (did you mean '" + s + "'?)";
    error(n, path, msg);
    return false;
}

template <std::size_t N>
bool yaml_reader::convert(const YAML::Node& n, const key_spec& k, const std::string& path, std::array<double, N>& out) {
    if (k.type == value_type::number_list) {
        if (!n.IsSequence() || n.size() != N) {
            error(n, path, "expected a list of " + std::to_string(N) + " numbers, got " + describe(n));
            return false;
        }
        std::array<double, N> v{};
        key_spec item{k.key, value_type::nonneg, "", k.unit, ""};
        item.min = k.min;
        item.max = k.max;
        for (std::size_t i = 0; i < N; ++i)
            if (!convert(n[i], item, path + "[" + std::to_string(i) + "]", v[i])) return false;
        out = v;
        return true;
    }
    // Maps keyed by level or field names.
    if (!n.IsMap()) {
        const bool by_field = k.type == value_type::field_shares || k.type == value_type::field_fractions;
        error(n, path,
              "expected a mapping of " + std::string(by_field ? "field" : "education level") +
                  " names to numbers, got " + describe(n));
        return false;
    }
    std::array<double, N> v{};
    const bool partial = k.type == value_type::level_numbers || k.type == value_type::field_fractions;
    if (partial) v = out;  // unspecified levels (fields) keep their defaults
    bool good = true;
    for (auto it = n.begin(); it != n.end(); ++it) {
        const std::string name = it->first.Scalar();
        std::size_t idx = N;
        for (std::size_t i = 0; i < N && i < k.choices.size(); ++i)
            if (k.choices[i] == name) idx = i;
        if (idx == N) {
            std::string msg = "unknown key '" + name + "'";
            if (auto s = closest_match(name, k.choices); !s.empty()) msg += ", did you mean '" + s + "'?";
            error(it->first, join(path, name), msg);
            good = false;
            continue;
        }
        key_spec item{k.key, k.type == value_type::level_numbers ? value_type::number : value_type::fraction, "",
                      k.unit, ""};
        item.min = k.min;
        item.max = k.max;
        good = convert(it->second, item, join(path, name), v[idx]) && good;
    }
    if (!good) return false;
    if (!partial) {
        double sum = 0;
        for (double x : v) sum += x;
        if (sum < 0.99 || sum > 1.01) {
            error(n, path, "expected shares summing to 1, got a sum of " + std::to_string(sum));
            return false;
        }
    }
    out = v;
    return true;
}

template <class T>
bool yaml_reader::get(const YAML::Node& map, const section_spec& section, std::string_view key, const std::string& path,
                      T& out) {
    const key_spec& k = spec_of(section, key);
    const std::string kp = join(path, key);
    const YAML::Node n = map[std::string(key)];
    if (!n.IsDefined() || n.IsNull()) {
        if (k.default_text == "required") error(map, kp, "missing required key '" + std::string(key) + "'");
        return false;
    }
    if constexpr (std::is_enum_v<T>) {
        return convert_enum(n, k, kp, out);
    } else if constexpr (std::is_same_v<T, int>) {
        std::int64_t v = 0;
        if (!convert(n, k, kp, v)) return false;
        out = static_cast<int>(v);
        return true;
    } else if constexpr (std::is_same_v<T, std::uint64_t>) {
        std::int64_t v = 0;
        if (!convert(n, k, kp, v)) return false;
        out = static_cast<std::uint64_t>(v);
        return true;
    } else if constexpr (std::is_same_v<T, std::optional<bool>>) {
        bool v = false;
        if (!convert(n, k, kp, v)) return false;
        out = v;
        return true;
    } else if constexpr (std::is_same_v<T, std::optional<education_level>> ||
                         std::is_same_v<T, std::optional<field_kind>>) {
        typename T::value_type v{};
        if (!convert_enum(n, k, kp, v)) return false;
        out = v;
        return true;
    } else {
        return convert(n, k, kp, out);
    }
}

}  // namespace laborsim
