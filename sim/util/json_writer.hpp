// A small streaming JSON writer (objects, arrays, strings, numbers) for manifests and
// comparison summaries. Numbers are written in the shortest form that reads back exactly;
// NaN and infinities, which JSON lacks, are written as null.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace laborsim {

class json_writer {
public:
    json_writer& begin_object();
    json_writer& end_object();
    json_writer& begin_array();
    json_writer& end_array();
    json_writer& key(std::string_view k);
    json_writer& value(std::string_view s);
    json_writer& value(const char* s) { return value(std::string_view(s)); }
    json_writer& value(double v);
    json_writer& value(std::int64_t v);
    json_writer& value(std::uint64_t v);
    json_writer& value(int v) { return value(static_cast<std::int64_t>(v)); }
    json_writer& value(bool v);
    json_writer& null();
    // A value that is already JSON text (another writer's output), written as it is.
    json_writer& raw(std::string_view json);
    template <class T>
    json_writer& field(std::string_view k, const T& v) {
        return key(k).value(v);
    }
    // "k": [v0, v1, ...]
    template <class T>
    json_writer& array_field(std::string_view k, const std::vector<T>& values) {
        key(k).begin_array();
        for (const auto& v : values) value(v);
        return end_array();
    }

    [[nodiscard]] const std::string& str() const { return out_; }

    static std::string quote(std::string_view s);
    static std::string number(double v);

private:
    void before_value();
    void newline();
    std::string out_;
    std::vector<bool> has_items_;  // per open container
    bool after_key_ = false;
};

}  // namespace laborsim
