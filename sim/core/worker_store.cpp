#include "core/worker_store.hpp"

namespace laborsim {

namespace {
template <class F>
void for_each_column(worker_store& w, F&& f) {
    worker_store::columns(w, [&f](const char*, auto& col) { f(col); });
}
}  // namespace

void worker_store::resize(std::size_t n) {
    for_each_column(*this, [n](auto& col) { col.resize(n); });
}

void worker_store::reserve(std::size_t n) {
    for_each_column(*this, [n](auto& col) { col.reserve(n); });
}

std::size_t worker_store::push_back(std::uint32_t new_id) {
    const std::size_t i = size();
    resize(i + 1);
    id[i] = new_id;
    employer[i] = no_employer;
    course[i] = no_course;
    tag_policy[i] = no_policy;
    status[i] = static_cast<std::uint8_t>(worker_status::unemployed);
    return i;
}

void worker_store::swap_remove(std::size_t i) {
    const std::size_t last = size() - 1;
    for_each_column(*this, [i, last](auto& col) {
        col[i] = col[last];
        col.pop_back();
    });
}

std::size_t worker_store::bytes_per_worker() const {
    std::size_t b = 0;
    for_each_column(const_cast<worker_store&>(*this),
                    [&b](auto& col) { b += sizeof(typename std::decay_t<decltype(col)>::value_type); });
    return b;
}

}  // namespace laborsim
