// /panel: a fixed random sample of workers (chosen when the world is built and flagged
// worker_flag::panel) followed month by month: one dataset per variable [time, worker].
// Workers who have left the population read as the fill value from then on.
#pragma once
#include <vector>

#include "model/world.hpp"
#include "output/output_common.hpp"

namespace laborsim {

class panel_writer {
public:
    panel_writer(hid_t file, const scenario& sc, const world& w);
    void write_month(const world& w, const month_stamp& m);
    [[nodiscard]] std::size_t size() const { return ids_.size(); }

private:
    h5::handle group_, worker_scale_;
    time_axis time_;
    std::vector<std::uint32_t> ids_;  // sorted ascending: the `worker` coordinate
    // One row per variable, refilled every month.
    std::vector<std::int16_t> region_, age_months_;
    std::vector<std::int8_t> status_, level_, field_;
    std::vector<std::int32_t> employer_;
    std::vector<double> wage_vnd_;
    std::vector<float> skill_;
    h5::growing_dataset ds_region_, ds_status_, ds_level_, ds_field_, ds_wage_, ds_skill_, ds_age_, ds_employer_;
};

}  // namespace laborsim
