// A deliberate leak inside an MPI program (tools/sanitize asan runs it under mpirun -n 2):
// LeakSanitizer must report it, with this file in the stack, while tests/sanitizers/lsan.supp
// drops Open MPI's own process-lifetime state - or the suppressions hide our leaks too.
#include <cstdio>
#include <cstdlib>

// The C API only: Open MPI's deprecated C++ bindings would need libmpi_cxx.
#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>

namespace {

constexpr std::size_t leaked_bytes = 64;  // tools/sanitize expects one such leak per rank

// Not inlined, so the report names this function; the pointer is dropped after use.
[[gnu::noinline]] void leak_a_buffer(int rank) {
    auto* buffer = static_cast<char*>(std::malloc(leaked_bytes));
    std::snprintf(buffer, leaked_bytes, "rank %d", rank);
    std::printf("lsan_mpi_canary: %s leaks %zu bytes\n", buffer, leaked_bytes);
}

}  // namespace

int main(int argc, char** argv) {
    MPI_Init(&argc, &argv);
    int rank = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    leak_a_buffer(rank);
    MPI_Finalize();
    return 0;
}
