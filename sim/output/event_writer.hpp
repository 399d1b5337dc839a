// /events/<kind>: appendable compound tables of agent events, one per kind the scenario
// asks for (output.events), appended month by month in worker-id order.
#pragma once
#include <vector>

#include "model/world.hpp"
#include "output/event_tracker.hpp"
#include "output/output_common.hpp"

namespace laborsim {

class event_writer {
public:
    event_writer(hid_t file, const scenario& sc, const world& w);
    void write_month(const world& w, const month_stamp& m);

private:
    event_tracker tracker_;
    event_tables tables_;
    h5::handle group_, mem_type_, file_type_;
    std::vector<std::pair<event_kind, h5::growing_dataset>> datasets_;
    std::vector<h5::handle> record_dims_;  // <kind>_record, one per table, same order
};

}  // namespace laborsim
