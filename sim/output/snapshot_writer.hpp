// /snapshots/<YYYY-MM>: the full agent tables at the end of every N-th month
// (output.snapshots_every_months): workers (one dataset per column, rows sorted by worker
// id), firms and schools (rows by index, the ids that workers' employer column holds).
#pragma once
#include "model/world.hpp"
#include "output/output_common.hpp"

namespace laborsim {

class snapshot_writer {
public:
    snapshot_writer(hid_t file, const scenario& sc);
    // Writes a snapshot when `months_done` (months simulated so far) is a multiple of N.
    // `kill` is the fault-injection hook (output_common.hpp), passed between the tables.
    void maybe_write(const world& w, const month_stamp& m, int months_done, kill_point& kill);
    [[nodiscard]] int written() const { return written_; }

private:
    const scenario* sc_;
    int every_;
    int written_ = 0;
    h5::handle group_;
};

}  // namespace laborsim
