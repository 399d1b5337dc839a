// A flat binary image of run state for checkpoints: values, arrays and vectors of trivially
// copyable values, strings, written in the machine's byte order with each vector's element
// size and length, so that a reader notices a changed layout instead of misreading it.
// Structures list their members once (a static `members(self, f)`); the same list serves
// saving and loading, so adding a member is one line and cannot be saved but not loaded.
#pragma once
#include <array>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace laborsim {

class state_writer {
public:
    template <class T>
    requires std::is_trivially_copyable_v<T>
    void put(const T& v) { bytes_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    template <class T>
    requires std::is_trivially_copyable_v<T>
    void put(const std::vector<T>& v) {
        put_size(sizeof(T));
        put_size(v.size());
        if (!v.empty()) bytes_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }
    void put(const std::string& s);
    template <class A, class B>
    void put(const std::pair<A, B>& p) {
        put(p.first);
        put(p.second);
    }
    template <class T>
    requires(!std::is_trivially_copyable_v<T>) void put(const std::vector<T>& v) {
        put_size(v.size());
        for (const auto& x : v) put(x);
    }
    // Several values in order: the `f` of a members() list.
    template <class... T>
    void operator()(const T&... v) {
        (put(v), ...);
    }
    [[nodiscard]] const std::string& bytes() const { return bytes_; }

private:
    void put_size(std::uint64_t n) { put(n); }
    std::string bytes_;
};

// Reads what state_writer wrote, in the same order. Throws state_format_error (a message
// naming what did not fit) when the bytes end early or a vector's element size differs.
class state_reader {
public:
    explicit state_reader(std::string_view bytes) : bytes_(bytes) {}
    template <class T>
    requires std::is_trivially_copyable_v<T>
    void get(T& v) { std::memcpy(&v, take(sizeof v), sizeof v); }
    template <class T>
    requires std::is_trivially_copyable_v<T>
    void get(std::vector<T>& v) {
        expect_element_size(sizeof(T));
        const std::uint64_t n = get_size();
        if (n > (bytes_.size() - pos_) / sizeof(T)) fail("a vector longer than the data left");
        v.resize(n);
        if (n > 0) std::memcpy(v.data(), take(n * sizeof(T)), n * sizeof(T));
    }
    void get(std::string& s);
    template <class A, class B>
    void get(std::pair<A, B>& p) {
        get(p.first);
        get(p.second);
    }
    template <class T>
    requires(!std::is_trivially_copyable_v<T>) void get(std::vector<T>& v) {
        const std::uint64_t n = get_size();
        if (n > bytes_.size() - pos_) fail("a list longer than the data left");
        v.resize(n);
        for (auto& x : v) get(x);
    }
    template <class... T>
    void operator()(T&... v) {
        (get(v), ...);
    }
    [[nodiscard]] bool at_end() const { return pos_ == bytes_.size(); }

private:
    std::uint64_t get_size() {
        std::uint64_t n = 0;
        get(n);
        return n;
    }
    void expect_element_size(std::size_t size);
    const char* take(std::size_t n);
    [[noreturn]] void fail(const char* what) const;
    std::string_view bytes_;
    std::size_t pos_ = 0;
};

// Thrown by state_reader; the checkpoint reader turns it into an error naming the file.
struct state_format_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The bytes a members() list covers; a structure of plain values asserts that this equals
// its sizeof, so that a member added to the structure but not to its list fails to compile.
template <class S>
constexpr std::size_t listed_bytes() {
    S s{};
    std::size_t n = 0;
    S::members(s, [&n](auto&... m) { n = (std::size_t{0} + ... + sizeof(m)); });
    return n;
}

}  // namespace laborsim
