// The workbench's page, script and style (web/), compiled into the binary by
// cmake/embed_files.cmake so that `laborsim serve` works with no install tree and no network.
#pragma once
#include <string_view>
#include <vector>

namespace laborsim {

struct web_asset {
    std::string_view name;  // file name in web/, e.g. "app.js"
    std::string_view bytes;
};

const std::vector<web_asset>& web_assets();

}  // namespace laborsim
