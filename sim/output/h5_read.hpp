// Reading back what the recorder wrote: attributes, string coordinates and whole numeric
// datasets. Missing objects give std::nullopt / empty results rather than HDF5 errors, so
// readers can tell "absent" from "broken".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "output/h5.hpp"

namespace laborsim::h5 {

bool has_attr(hid_t obj, const std::string& name);
std::optional<std::string> read_string_attr(hid_t obj, const std::string& name);
std::optional<std::int64_t> read_int_attr(hid_t obj, const std::string& name);
std::optional<double> read_double_attr(hid_t obj, const std::string& name);

bool has_link(hid_t group, const std::string& name);
handle open_group(hid_t parent, const std::string& name);
// Names of the direct children of a group, in creation order where it is tracked.
std::vector<std::string> child_names(hid_t group);

// A 1-D dataset of strings.
std::vector<std::string> read_strings(hid_t group, const std::string& name);

// A whole numeric dataset as doubles, row-major, with its dimensions.
struct array {
    std::vector<hsize_t> dims;
    std::vector<double> values;
};
array read_doubles(hid_t group, const std::string& name);

}  // namespace laborsim::h5
