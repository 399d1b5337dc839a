// Kept rather than nlohmann-json (3.11.2, Debian's nlohmann-json3-dev), measured: nlohmann
// writes a double that holds a whole number with ".0" ("0.0", "1.0", "3000.0" where std::to_chars
// gives "0", "1", "3000"), and 4e9 as "4000000000.0" where we write "4e+09"; its serializer cannot
// be told otherwise. A 3 + 3 replicate `laborsim compare --json` of the quickstart (scale 0.003)
// has 151 such numbers ("sd": 0, "p_value": 1, "variant_mean": 3000, ...), so compare and
// manifest files would change byte for byte. It also writes \b and \f where we write \u0008 and
// \u000c, and throws on bytes that are not UTF-8, which we pass through.
#include "util/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace laborsim {

std::string json_writer::quote(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string json_writer::number(double v) {
    if (!std::isfinite(v)) return "null";
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

void json_writer::newline() {
    out_ += '\n';
    out_.append(2 * has_items_.size(), ' ');
}

void json_writer::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (has_items_.empty()) return;
    if (has_items_.back()) out_ += ',';
    has_items_.back() = true;
    newline();
}

json_writer& json_writer::begin_object() {
    before_value();
    out_ += '{';
    has_items_.push_back(false);
    return *this;
}

json_writer& json_writer::raw(std::string_view json) {
    before_value();
    out_ += json;
    return *this;
}

json_writer& json_writer::end_object() {
    const bool items = has_items_.back();
    has_items_.pop_back();
    if (items) newline();
    out_ += '}';
    if (has_items_.empty()) out_ += '\n';
    return *this;
}

json_writer& json_writer::begin_array() {
    before_value();
    out_ += '[';
    has_items_.push_back(false);
    return *this;
}

json_writer& json_writer::end_array() {
    const bool items = has_items_.back();
    has_items_.pop_back();
    if (items) newline();
    out_ += ']';
    if (has_items_.empty()) out_ += '\n';
    return *this;
}

json_writer& json_writer::key(std::string_view k) {
    before_value();
    out_ += quote(k);
    out_ += ": ";
    after_key_ = true;
    return *this;
}

json_writer& json_writer::value(std::string_view s) {
    before_value();
    out_ += quote(s);
    return *this;
}

json_writer& json_writer::value(double v) {
    before_value();
    out_ += number(v);
    return *this;
}

json_writer& json_writer::value(std::int64_t v) {
    before_value();
    out_ += std::to_string(v);
    return *this;
}

json_writer& json_writer::value(std::uint64_t v) {
    before_value();
    out_ += std::to_string(v);
    return *this;
}

json_writer& json_writer::value(bool v) {
    before_value();
    out_ += v ? "true" : "false";
    return *this;
}

json_writer& json_writer::null() {
    before_value();
    out_ += "null";
    return *this;
}

}  // namespace laborsim
