#include "sweep/run_record.hpp"

#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <ctime>
#include <filesystem>

#include "laborsim/errors.hpp"
#include "util/atomic_file.hpp"

namespace laborsim {

std::string utc_now_iso() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string this_host() {
    char buf[256] = {0};
    if (gethostname(buf, sizeof buf - 1) != 0) return "unknown";
    return buf;
}

void write_run_record(const std::string& path, const run_record& rec) {
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "run_id" << YAML::Value << rec.run_id;
    out << YAML::Key << "status" << YAML::Value << rec.status;
    out << YAML::Key << "exit_code" << YAML::Value << rec.exit_code;
    out << YAML::Key << "signal" << YAML::Value << rec.signal;
    out << YAML::Key << "wall_time_s" << YAML::Value << rec.wall_time_s;
    out << YAML::Key << "host" << YAML::Value << rec.host;
    out << YAML::Key << "finished_at" << YAML::Value << rec.finished_at;
    out << YAML::Key << "error" << YAML::Value << rec.error;
    out << YAML::EndMap;
    write_file_atomically(path, std::string(out.c_str()) + "\n");
}

std::optional<run_record> read_run_record(const std::string& path) {
    if (!std::filesystem::is_regular_file(path)) return std::nullopt;
    try {
        const YAML::Node n = YAML::LoadFile(path);
        run_record r;
        r.run_id = n["run_id"].as<std::string>("");
        r.status = n["status"].as<std::string>("");
        r.exit_code = n["exit_code"].as<int>(0);
        r.signal = n["signal"].as<int>(0);
        r.error = n["error"].as<std::string>("");
        r.wall_time_s = n["wall_time_s"].as<double>(0.0);
        r.host = n["host"].as<std::string>("");
        r.finished_at = n["finished_at"].as<std::string>("");
        if (r.status.empty()) return std::nullopt;
        return r;
    } catch (const YAML::Exception&) {
        return std::nullopt;  // a damaged record counts as no record: the run is redone
    }
}

}  // namespace laborsim
