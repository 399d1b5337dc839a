#include "core/state_archive.hpp"

namespace laborsim {

void state_writer::put(const std::string& s) {
    put_size(s.size());
    bytes_.append(s);
}

void state_reader::get(std::string& s) {
    const std::uint64_t n = get_size();
    if (n > bytes_.size() - pos_) fail("a string longer than the data left");
    s.assign(take(n), n);
}

void state_reader::expect_element_size(std::size_t size) {
    std::uint64_t stored = 0;
    get(stored);
    if (stored != size)
        throw state_format_error("a column of " + std::to_string(stored) + "-byte values where " +
                                 std::to_string(size) + "-byte values were expected (another laborsim version?)");
}

const char* state_reader::take(std::size_t n) {
    if (n > bytes_.size() - pos_) fail("the data ends early");
    const char* p = bytes_.data() + pos_;
    pos_ += n;
    return p;
}

void state_reader::fail(const char* what) const {
    throw state_format_error(std::string(what) + " (at byte " + std::to_string(pos_) + " of " +
                             std::to_string(bytes_.size()) + ")");
}

}  // namespace laborsim
