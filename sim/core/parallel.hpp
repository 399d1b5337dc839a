// Blocked parallel loops whose results never depend on the thread count or block size:
// bodies write disjoint slots, counts are integer sums, gathered lists come back in
// ascending index order, sorts are stable. Every parallel loop of the engine and its
// writers goes through these helpers (never a raw tbb:: call), so that each is annotated
// for ThreadSanitizer.
#pragma once
#include <tbb/blocked_range.h>
#include <tbb/combinable.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstdint>
#include <vector>

// Debian's oneTBB is not built with -fsanitize=thread, so TSan cannot see the happens-before
// edges of TBB's scheduler (a task handed to another thread, the loop's join) and would report
// every write of a task that the caller reads after the loop as a race. annotated_task states
// those edges to TSan; in other builds it compiles to a plain call. gcc defines
// __SANITIZE_THREAD__, clang has __has_feature(thread_sanitizer).
#if defined(__SANITIZE_THREAD__)
#define LABORSIM_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define LABORSIM_TSAN 1
#endif
#endif

#ifdef LABORSIM_TSAN
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
#endif

namespace laborsim {

namespace detail {

#ifdef LABORSIM_TSAN
inline void tsan_acquire(const void* addr) { __tsan_acquire(const_cast<void*>(addr)); }
inline void tsan_release(const void* addr) { __tsan_release(const_cast<void*>(addr)); }
#else
inline void tsan_acquire(const void*) {}
inline void tsan_release(const void*) {}
#endif

// The function object given to tbb::parallel_for. TBB copies it into each task it spawns
// (or, for an index loop, calls it by reference) on whatever thread takes the task. Each
// copy acquires its source and releases its own address once made; a call acquires the
// object before reading it: the edge from spawning a task to running it, which TBB's own
// (invisible) synchronisation makes. After the body the task releases `joined`, a local of
// the loop's caller, which acquires it once tbb::parallel_for returns: the join. Tasks never
// acquire `joined`, so blocks run by different threads stay unordered for TSan and a race
// between two blocks of one loop is still reported.
// TBB's small-object pool hands a finished task's memory to the next task, maybe on another
// thread: whoever last reads an object releases retired(), which a constructor acquires
// before writing there.
template <class Body>
class annotated_task {
public:
    annotated_task(const Body& body, const char& joined) {
        tsan_acquire(retired());
        body_ = &body;
        joined_ = &joined;
        tsan_release(this);
    }
    annotated_task(const annotated_task& other) {
        tsan_acquire(retired());
        tsan_acquire(&other);
        body_ = other.body_;
        joined_ = other.joined_;
        tsan_release(other.retired());
        tsan_release(this);
    }
    annotated_task& operator=(const annotated_task&) = delete;

    template <class Arg>
    void operator()(const Arg& arg) const {
        tsan_acquire(this);
        const Body& body = *body_;
        const char* joined = joined_;
        tsan_release(retired());
        body(arg);
        tsan_release(joined);
    }

private:
    // A second sync address inside the object, apart from the spawn edge on `this`.
    const void* retired() const { return reinterpret_cast<const char*>(this) + 1; }

    const Body* body_;
    const char* joined_;
};

}  // namespace detail

// body(begin, end) over [0, n) in blocks of at most `block` items.
template <class Body>
void for_blocks(std::size_t n, std::size_t block, Body&& body) {
    if (n == 0) return;
    const auto run = [&body](const tbb::blocked_range<std::size_t>& r) { body(r.begin(), r.end()); };
    const char joined = 0;
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, block), detail::annotated_task(run, joined),
                      tbb::simple_partitioner());
    detail::tsan_acquire(&joined);
}

// body(i) for each i in [0, n), in chunks TBB chooses: for bodies whose cost varies a lot
// with i (one market, one block), so their work balances across threads.
template <class Body>
void for_each_index(std::size_t n, Body&& body) {
    const auto run = [&body](std::size_t i) { body(i); };
    const char joined = 0;
    tbb::parallel_for(std::size_t{0}, n, detail::annotated_task(run, joined));
    detail::tsan_acquire(&joined);
}

// Integer counters summed over blocks: body(begin, end, std::int64_t* counts) adds into
// `width` counters. Integer addition makes the total independent of the split. The
// combine runs after for_blocks' join, so it sees every task's counters.
template <class Body>
std::vector<std::int64_t> count_blocks(std::size_t n, std::size_t block, std::size_t width, Body&& body) {
    tbb::combinable<std::vector<std::int64_t>> local([width] { return std::vector<std::int64_t>(width, 0); });
    for_blocks(n, block, [&](std::size_t b, std::size_t e) { body(b, e, local.local().data()); });
    std::vector<std::int64_t> total(width, 0);
    local.combine_each([&](const std::vector<std::int64_t>& v) {
        for (std::size_t i = 0; i < width; ++i) total[i] += v[i];
    });
    return total;
}

// Collects items in ascending index order: body(begin, end, std::vector<T>& out) appends
// the items of its range in order.
template <class T, class Body>
std::vector<T> gather_blocks(std::size_t n, std::size_t block, Body&& body) {
    const std::size_t blocks = n == 0 ? 0 : (n + block - 1) / block;
    std::vector<std::vector<T>> parts(blocks);
    for_each_index(blocks, [&](std::size_t k) {
        const std::size_t b = k * block;
        const std::size_t e = b + block < n ? b + block : n;
        body(b, e, parts[k]);
    });
    std::size_t total = 0;
    for (const auto& p : parts) total += p.size();
    std::vector<T> out;
    out.reserve(total);
    for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

// Sorts v as std::stable_sort would: blocks of `block` items sorted in parallel, then
// merged pairwise, each round's merges in parallel. Stable, so the order never depends
// on the split even when keys tie.
template <class T, class Less>
void stable_sort_blocks(std::vector<T>& v, std::size_t block, Less less) {
    const std::size_t n = v.size();
    if (n <= 1) return;
    block = std::max<std::size_t>(block, 1);
    // Runs start at multiples of `block` (for_blocks' halving split would not keep them so).
    for_each_index((n + block - 1) / block, [&](std::size_t k) {
        const std::size_t b = k * block;
        std::stable_sort(v.begin() + b, v.begin() + std::min(b + block, n), less);
    });
    std::vector<T> merged(n);
    for (std::size_t run = block; run < n; run *= 2) {
        const std::size_t pairs = (n + 2 * run - 1) / (2 * run);
        for_each_index(pairs, [&](std::size_t p) {
            const std::size_t b = p * 2 * run;
            const std::size_t m = std::min(b + run, n);
            const std::size_t e = std::min(m + run, n);
            std::merge(v.begin() + b, v.begin() + m, v.begin() + m, v.begin() + e, merged.begin() + b, less);
        });
        v.swap(merged);
    }
}

}  // namespace laborsim
