// Small files (manifests, run records, summaries) that readers, killed writers and other
// nodes of an array job must only ever see whole.
#pragma once
#include <string>

namespace laborsim {

// Writes `text` to `path` through a temporary file beside it that is renamed over it, so
// a reader sees the old content or the new, never half. The temporary name carries the
// host and the pid: array tasks on several nodes may write the same file at once. Throws
// environment_error (the path and the OS reason) when it cannot.
void write_file_atomically(const std::string& path, const std::string& text);

}  // namespace laborsim
