#include "util/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "laborsim/errors.hpp"

namespace laborsim {

namespace {
std::string host_name() {
    char buf[256] = {0};
    if (gethostname(buf, sizeof buf - 1) != 0) return "unknown";
    return buf;
}
}  // namespace

void write_file_atomically(const std::string& path, const std::string& text) {
    const std::string tmp = path + ".tmp-" + host_name() + "-" + std::to_string(getpid());
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (f == nullptr) throw os_error(tmp, "cannot create the file", errno);
    bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    int err = written ? 0 : errno;
    if (std::fclose(f) != 0 && written) {  // a full disk may only show when the buffer goes out
        written = false;
        err = errno;
    }
    if (!written) {
        std::remove(tmp.c_str());
        throw os_error(tmp, "cannot write the file", err);
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        std::remove(tmp.c_str());
        throw os_error(path, "cannot replace the file", err);
    }
}

}  // namespace laborsim
