#include "serve/safe_path.hpp"

#include "serve/http_types.hpp"

namespace laborsim {

namespace fs = std::filesystem;

bool is_inside(const fs::path& root, const fs::path& p) {
    std::error_code ec;
    const fs::path r = fs::weakly_canonical(root, ec);
    if (ec) return false;
    const fs::path c = fs::weakly_canonical(p, ec);
    if (ec) return false;
    auto ri = r.begin();
    auto ci = c.begin();
    for (; ri != r.end(); ++ri, ++ci)
        if (ci == c.end() || *ri != *ci) return false;
    return true;
}

fs::path path_inside(const fs::path& root, std::string_view relative) {
    if (relative.empty()) throw http_error(400, "no file named");
    const std::string text(relative);
    if (text.find('\0') != std::string::npos || text.find('\\') != std::string::npos)
        throw http_error(403, "refused: the name holds a NUL or a backslash");
    const fs::path rel(text);
    if (rel.is_absolute() || text.front() == '/') throw http_error(403, "refused: absolute paths are not served");
    for (const auto& part : rel)
        if (part == "..") throw http_error(403, "refused: '..' is not allowed in a path");
    const fs::path full = root / rel;
    if (!is_inside(root, full)) throw http_error(403, "refused: the path leads outside the server's folders");
    return full;
}

}  // namespace laborsim
