// A fresh temporary folder of scenario files for one test, removed afterwards (shared by the
// composition and loader-limits tests).
#pragma once
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <system_error>

namespace laborsim::test {

class scratch_folder {
public:
    explicit scratch_folder(const std::string& prefix) {
        std::random_device rd;
        dir_ = std::filesystem::temp_directory_path() / (prefix + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(dir_);
    }
    ~scratch_folder() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    scratch_folder(const scratch_folder&) = delete;
    scratch_folder& operator=(const scratch_folder&) = delete;
    std::string write(const std::string& name, const std::string& text) const {
        const std::filesystem::path p = dir_ / name;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p) << text;
        return p.string();
    }
    [[nodiscard]] std::string path(const std::string& name) const { return (dir_ / name).lexically_normal().string(); }

private:
    std::filesystem::path dir_;
};

}  // namespace laborsim::test
