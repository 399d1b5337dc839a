// The MPI executor: under `mpirun -n K laborsim sweep SPEC`, rank 0 hands out runs one at
// a time to whichever rank asks (dynamic, so long and short runs balance), runs some
// itself between requests, and writes the summary when all ranks are done. Every run
// is still a child process, and results travel through the shared output folder, so
// the messages are only run indices. Built only when CMake finds MPI (C API).
#include <algorithm>
#include <cstdlib>
#include <exception>
#include <string>
#include <thread>

#include "laborsim/errors.hpp"
#include "sweep/sweep_runner.hpp"
#include "util/cpu_budget.hpp"

#ifdef LABORSIM_HAVE_MPI
// The C API only: the deprecated C++ bindings would need libmpi_cxx.
#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>
#endif

namespace laborsim {

bool launched_under_mpi() {
    auto above_one = [](const char* var) {
        const char* v = std::getenv(var);
        return v != nullptr && std::atoi(v) > 1;
    };
    // Open MPI's mpirun; MPICH/Hydra and Slurm's PMI2 plugin.
    if (above_one("OMPI_COMM_WORLD_SIZE") || above_one("PMI_SIZE")) return true;
    // `srun --mpi=pmix -n K`: a multi-task step with a PMIx rank.
    return above_one("SLURM_STEP_NUM_TASKS") && std::getenv("PMIX_RANK") != nullptr;
}

#ifdef LABORSIM_HAVE_MPI

bool mpi_support_built() { return true; }

namespace {

constexpr int tag_request = 1;  // worker -> rank 0: {finished index (-1 at first), ok?, wall s}
constexpr int tag_assign = 2;   // rank 0 -> worker: the next index, or -1 to stop

// The outcome travels in the message, not through the file system, whose view may lag
// between nodes (NFS attribute caches).
struct finished_message {
    double index = -1;
    double status = 0;  // 0 ok, 1 failed, 2 timeout
    double wall_s = 0;
};
const char* status_names[] = {"ok", "failed", "timeout"};

void check_mpi(int rc, const char* what) {
    if (rc != MPI_SUCCESS) throw internal_error(std::string("MPI failed: ") + what);
}

// Runs one attempt to its end, polling gently (a busy MPI wait would steal a core).
run_record run_blocking(const sweep_plan& plan, const sweep_run& run, const sweep_layout& layout,
                        const attempt_settings& settings) {
    run_attempt attempt(plan, run, layout, settings);
    attempt.start();
    while (!attempt.poll()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return attempt.record();
}

sweep_report dispatch(const sweep_plan& plan, const sweep_options& opts, const sweep_layout& layout,
                      const attempt_settings& settings, int ranks) {
    sweep_report report;
    report.runs = static_cast<int>(plan.runs.size());
    const auto todo = runs_to_do(plan, layout, -1, 1, report.skipped, report.selected);
    if (!opts.quiet)
        std::fprintf(stderr, "laborsim sweep: MPI, %d ranks; %d runs, %d already complete, %zu to do\n", ranks,
                     report.selected, report.skipped, todo.size());
    std::size_t next = 0;
    int done = 0;
    int workers = ranks - 1;
    std::unique_ptr<run_attempt> own;
    auto count = [&](const run_record& rec) {
        ++done;
        (rec.status == "ok" ? report.succeeded : report.failed)++;
        if (!opts.quiet) report_progress(rec, done, static_cast<int>(todo.size()));
    };
    while (workers > 0 || own || next < todo.size()) {
        bool busy = false;
        if (!own && next < todo.size()) {
            own = std::make_unique<run_attempt>(plan, plan.runs[static_cast<std::size_t>(todo[next++])], layout,
                                                settings);
            own->start();
        }
        if (own && own->poll()) {
            count(own->record());
            own.reset();
            busy = true;
        }
        int flag = 0;
        MPI_Status st;
        check_mpi(MPI_Iprobe(MPI_ANY_SOURCE, tag_request, MPI_COMM_WORLD, &flag, &st), "probe");
        while (flag) {
            finished_message msg;
            check_mpi(MPI_Recv(&msg, 3, MPI_DOUBLE, st.MPI_SOURCE, tag_request, MPI_COMM_WORLD, MPI_STATUS_IGNORE),
                      "recv");
            if (msg.index >= 0) {
                run_record rec;
                rec.run_id = plan.runs[static_cast<std::size_t>(msg.index)].id;
                rec.status = status_names[std::clamp(static_cast<int>(msg.status), 0, 2)];
                rec.wall_time_s = msg.wall_s;
                if (rec.status == "timeout") rec.error = "killed after exceeding the run timeout";
                if (rec.status == "failed")
                    rec.error =
                        "on rank " + std::to_string(st.MPI_SOURCE) + "; its error is in logs/" + rec.run_id + ".log";
                count(rec);
            }
            int assign = -1;
            if (next < todo.size()) assign = todo[next++];
            else --workers;
            check_mpi(MPI_Send(&assign, 1, MPI_INT, st.MPI_SOURCE, tag_assign, MPI_COMM_WORLD), "send");
            busy = true;
            check_mpi(MPI_Iprobe(MPI_ANY_SOURCE, tag_request, MPI_COMM_WORLD, &flag, &st), "probe");
        }
        if (!busy) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return report;
}

void work(const sweep_plan& plan, const sweep_layout& layout, const attempt_settings& settings) {
    finished_message msg;
    for (;;) {
        check_mpi(MPI_Send(&msg, 3, MPI_DOUBLE, 0, tag_request, MPI_COMM_WORLD), "send");
        int index = -1;
        check_mpi(MPI_Recv(&index, 1, MPI_INT, 0, tag_assign, MPI_COMM_WORLD, MPI_STATUS_IGNORE), "recv");
        if (index < 0) return;
        const auto rec = run_blocking(plan, plan.runs[static_cast<std::size_t>(index)], layout, settings);
        msg.index = index;
        msg.status = rec.status == "ok" ? 0 : rec.status == "timeout" ? 2 : 1;
        msg.wall_s = rec.wall_time_s;
    }
}

}  // namespace

sweep_report run_sweep_mpi(const sweep_plan& plan, const sweep_options& opts) {
    int initialized = 0;
    MPI_Initialized(&initialized);
    if (!initialized) check_mpi(MPI_Init(nullptr, nullptr), "init");
    int rank = 0, ranks = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    sweep_report report;
    report.root = rank == 0;
    std::exception_ptr failure;
    try {
        const sweep_layout layout{sweep_output_dir(plan, opts)};
        // Rank 0 prepares the folder (and may refuse it) before any rank writes there.
        int ok = 1;
        if (rank == 0) {
            try {
                prepare_output(plan, layout);
            } catch (const input_error&) {
                ok = 0;
                failure = std::current_exception();
            }
        }
        check_mpi(MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD), "broadcast");
        report.refused = ok == 0;
        if (ok) {
            // One run per rank at a time: ranks are the unit of parallelism; threads in a
            // run follow the cores the launcher gave the rank (its affinity mask, capped by
            // SLURM_CPUS_PER_TASK under srun).
            const attempt_settings settings = make_attempt_settings(plan, opts, available_cores());
            if (rank == 0) {
                const auto counts = dispatch(plan, opts, layout, settings, ranks);
                report.runs = counts.runs;
                report.selected = counts.selected;
                report.skipped = counts.skipped;
                report.succeeded = counts.succeeded;
                report.failed = counts.failed;
                summarize_sweep(plan, opts);
            } else {
                work(plan, layout, settings);
            }
        }
    } catch (const input_error&) {
        failure = std::current_exception();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "laborsim sweep: rank %d: %s\n", rank, e.what());
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    MPI_Finalize();
    if (failure) std::rethrow_exception(failure);
    return report;
}

#else

bool mpi_support_built() { return false; }

sweep_report run_sweep_mpi(const sweep_plan&, const sweep_options&) {
    throw input_error(
        "this laborsim was built without MPI support (CMake found no MPI C library); "
        "install libopenmpi-dev and rebuild, or run the sweep with --jobs N or as a Slurm array with --task-index");
}

#endif

}  // namespace laborsim
