// The workbench's page as one self-contained HTML file: the page, its style and script
// inlined, with the comparison's data in the page (window.LABORSIM_REPORT), so that the
// saved report draws the same charts and tables as `laborsim serve` without a server or a
// network. `laborsim report --page` and the page's download link both write it.
#pragma once
#include <string>
#include <vector>

namespace laborsim {

struct static_report_options {
    std::vector<std::string> at;  // months of the summary table (YYYY-MM); empty: the last month
    std::string region = "all";   // the table's region (the charts offer every region)
    std::string lang = "en";      // "en" or "vi"
};

// @throws input_error (runs that cannot be compared, bad dates or region: option_error
// "at" / "regions"), environment_error.
std::string static_report_html(const std::string& baseline_runs, const std::string& variant_runs,
                               const static_report_options& opts);

}  // namespace laborsim
