#include "cli/progress.hpp"

#include <chrono>
#include <cstdio>

#include "model/world.hpp"

namespace laborsim {

namespace {

class progress_observer final : public run_observer {
public:
    explicit progress_observer(int total) : total_(total) {}
    void on_start(const scenario&, const world&) override { t0_ = std::chrono::steady_clock::now(); }
    void on_month(const month_stats& s, const std::vector<policy_month_report>&, const world& w) override {
        ++done_;
        worker_months_ += static_cast<double>(w.workers.size());
        const double el = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
        const double rate = el > 0 ? worker_months_ / el : 0;
        const double eta = done_ > 0 ? el / done_ * (total_ - done_) : 0;
        std::fprintf(stderr, "\r%s  month %d/%d  %.3g worker-months/s  ETA %.1f s   ",
                     format_year_month(year_month::from_index(s.month_index)).c_str(), done_, total_, rate, eta);
        std::fflush(stderr);
    }
    void on_finish(const world&, bool) override { std::fprintf(stderr, "\n"); }

private:
    int total_;
    int done_ = 0;
    double worker_months_ = 0;
    std::chrono::steady_clock::time_point t0_;
};

}  // namespace

std::unique_ptr<run_observer> make_progress_observer(int total_months) {
    return std::make_unique<progress_observer>(total_months);
}

}  // namespace laborsim
