// What happened to one run, kept as a small YAML file per run (OUT/status/<id>.yaml) so
// that runs finished by different processes (array tasks, MPI ranks) need no shared
// writer; the manifest and summary are built from these records and the run files.
#pragma once
#include <optional>
#include <string>

namespace laborsim {

struct run_record {
    std::string run_id;
    std::string status;  // ok, failed, timeout
    int exit_code = 0;   // of the run process; -1 when a signal ended it
    int signal = 0;
    std::string error;  // the end of the run's log when it failed
    double wall_time_s = 0;
    std::string host;
    std::string finished_at;  // UTC, ISO 8601
};

// Written to a temporary name and renamed, so a reader sees the old record or the new one.
void write_run_record(const std::string& path, const run_record& rec);
std::optional<run_record> read_run_record(const std::string& path);

std::string utc_now_iso();
std::string this_host();

}  // namespace laborsim
