// Confidence intervals over replicates. With n replicates of a baseline and a variant run
// with the same seeds (common random numbers), the differences d_k = v_k - b_k are
// independent draws, and
//   mean_d +- t_{(1+level)/2, n-1} * sd_d / sqrt(n)
// is the usual t interval; pairing removes the noise both runs share. Without shared seeds
// the Welch interval uses se^2 = s_b^2/n_b + s_v^2/n_v and Welch-Satterthwaite dof.
#include <boost/math/distributions/students_t.hpp>
#include <cmath>

#include "laborsim/compare.hpp"
#include "laborsim/errors.hpp"

namespace laborsim {

namespace {

double sample_mean(const std::vector<double>& x) {
    double s = 0;
    for (double v : x) s += v;
    return s / static_cast<double>(x.size());
}

// Two-pass variance: exact for the small samples here and free of cancellation.
double sample_variance(const std::vector<double>& x, double mean) {
    double s = 0;
    for (double v : x) s += (v - mean) * (v - mean);
    return s / static_cast<double>(x.size() - 1);
}

void fill_interval(estimate& e, double se, double level) {
    if (!(e.dof > 0) || !std::isfinite(se)) return;
    const double t = student_t_quantile(0.5 + level / 2, e.dof);
    e.half_width = t * se;
    e.low = e.mean - e.half_width;
    e.high = e.mean + e.half_width;
    if (se == 0) {
        e.p_value = e.mean == 0 ? 1.0 : 0.0;
    } else {
        const boost::math::students_t dist(e.dof);
        e.p_value = 2 * boost::math::cdf(boost::math::complement(dist, std::abs(e.mean) / se));
    }
}

}  // namespace

double student_t_quantile(double probability, double dof) {
    if (!(dof > 0) || !(probability > 0 && probability < 1))
        throw internal_error("student_t_quantile: needs dof > 0 and 0 < p < 1");
    return boost::math::quantile(boost::math::students_t(dof), probability);
}

estimate mean_interval(const std::vector<double>& x, double level) {
    estimate e;
    e.n = static_cast<int>(x.size());
    if (x.empty()) return e;
    e.mean = sample_mean(x);
    if (x.size() < 2) return e;
    e.sd = std::sqrt(sample_variance(x, e.mean));
    e.dof = static_cast<double>(x.size() - 1);
    fill_interval(e, e.sd / std::sqrt(static_cast<double>(x.size())), level);
    return e;
}

estimate paired_difference(const std::vector<double>& base, const std::vector<double>& variant, double level) {
    if (base.size() != variant.size()) throw internal_error("paired_difference: samples of different sizes");
    std::vector<double> d(base.size());
    for (std::size_t k = 0; k < d.size(); ++k) d[k] = variant[k] - base[k];
    return mean_interval(d, level);
}

estimate welch_difference(const std::vector<double>& base, const std::vector<double>& variant, double level) {
    estimate e;
    e.n = static_cast<int>(std::min(base.size(), variant.size()));
    if (base.empty() || variant.empty()) return e;
    const double mb = sample_mean(base), mv = sample_mean(variant);
    e.mean = mv - mb;
    if (base.size() < 2 || variant.size() < 2) return e;
    const double nb = static_cast<double>(base.size()), nv = static_cast<double>(variant.size());
    const double qb = sample_variance(base, mb) / nb, qv = sample_variance(variant, mv) / nv;
    const double se2 = qb + qv;
    e.dof = se2 == 0 ? nb + nv - 2 : se2 * se2 / (qb * qb / (nb - 1) + qv * qv / (nv - 1));
    fill_interval(e, std::sqrt(se2), level);
    return e;
}

}  // namespace laborsim
