// Paths named by API requests stay inside the server's folders: a relative path of plain
// names, resolved under a root, whose real location (symlinks followed) is under the root's.
#pragma once
#include <filesystem>
#include <string_view>

namespace laborsim {

// root / relative, if `relative` is a non-empty relative path without '..', '\\' or NUL and
// its canonical form lies under root's canonical form; else throws http_error 403 (or 400
// for an empty name). The file need not exist.
std::filesystem::path path_inside(const std::filesystem::path& root, std::string_view relative);

// True when `p` (canonicalised, symlinks followed) lies under `root` (canonicalised).
bool is_inside(const std::filesystem::path& root, const std::filesystem::path& p);

}  // namespace laborsim
