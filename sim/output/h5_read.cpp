#include "output/h5_read.hpp"

#include <cmath>

#include "laborsim/errors.hpp"

namespace laborsim::h5 {

bool has_attr(hid_t obj, const std::string& name) { return H5Aexists(obj, name.c_str()) > 0; }

std::optional<std::string> read_string_attr(hid_t obj, const std::string& name) {
    if (!has_attr(obj, name)) return std::nullopt;
    handle a(check_id(H5Aopen(obj, name.c_str(), H5P_DEFAULT), name.c_str()), H5Aclose);
    handle t(check_id(H5Aget_type(a.id()), name.c_str()), H5Tclose);
    if (H5Tget_class(t.id()) != H5T_STRING) return std::nullopt;
    if (H5Tis_variable_str(t.id()) > 0) {
        auto mem = utf8_string_type();
        char* p = nullptr;
        check(H5Aread(a.id(), mem.id(), &p), name.c_str());
        std::string s(p ? p : "");
        if (p) H5free_memory(p);
        return s;
    }
    std::string s(H5Tget_size(t.id()), '\0');
    check(H5Aread(a.id(), t.id(), s.data()), name.c_str());
    return std::string(s.c_str());
}

std::optional<std::int64_t> read_int_attr(hid_t obj, const std::string& name) {
    if (!has_attr(obj, name)) return std::nullopt;
    handle a(check_id(H5Aopen(obj, name.c_str(), H5P_DEFAULT), name.c_str()), H5Aclose);
    handle t(check_id(H5Aget_type(a.id()), name.c_str()), H5Tclose);
    const auto cls = H5Tget_class(t.id());
    if (cls == H5T_FLOAT) {
        double v = 0;
        check(H5Aread(a.id(), H5T_NATIVE_DOUBLE, &v), name.c_str());
        // A damaged or hand-made file may hold NaN, inf or 1e300 where a count belongs.
        if (!(v == std::floor(v) && std::fabs(v) < 9.0e15))
            throw input_error("attribute '" + name + "' holds " + std::to_string(v) + ", not a whole number");
        return static_cast<std::int64_t>(v);
    }
    if (cls != H5T_INTEGER) return std::nullopt;
    std::int64_t v = 0;
    check(H5Aread(a.id(), H5T_NATIVE_INT64, &v), name.c_str());
    return v;
}

std::optional<double> read_double_attr(hid_t obj, const std::string& name) {
    if (!has_attr(obj, name)) return std::nullopt;
    handle a(check_id(H5Aopen(obj, name.c_str(), H5P_DEFAULT), name.c_str()), H5Aclose);
    handle t(check_id(H5Aget_type(a.id()), name.c_str()), H5Tclose);
    const auto cls = H5Tget_class(t.id());
    if (cls != H5T_FLOAT && cls != H5T_INTEGER) return std::nullopt;
    double v = 0;
    check(H5Aread(a.id(), H5T_NATIVE_DOUBLE, &v), name.c_str());
    return v;
}

bool has_link(hid_t group, const std::string& name) { return H5Lexists(group, name.c_str(), H5P_DEFAULT) > 0; }

handle open_group(hid_t parent, const std::string& name) {
    return handle(check_id(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), name.c_str()), H5Gclose);
}

std::vector<std::string> child_names(hid_t group) {
    std::vector<std::string> out;
    H5G_info_t info;
    check(H5Gget_info(group, &info), "group info");
    // Creation order when the group tracks it (the recorder's do), else by name.
    H5_index_t index = H5_INDEX_CRT_ORDER;
    {
        handle gcpl(H5Gget_create_plist(group), H5Pclose);
        unsigned flags = 0;
        if (!gcpl.valid() || H5Pget_link_creation_order(gcpl.id(), &flags) < 0 || !(flags & H5P_CRT_ORDER_INDEXED))
            index = H5_INDEX_NAME;
    }
    for (hsize_t i = 0; i < info.nlinks; ++i) {
        const ssize_t n = H5Lget_name_by_idx(group, ".", index, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
        if (n < 0) throw internal_error("HDF5 failed: link name");
        std::string name(static_cast<std::size_t>(n) + 1, '\0');
        H5Lget_name_by_idx(group, ".", index, H5_ITER_INC, i, name.data(), name.size(), H5P_DEFAULT);
        name.resize(static_cast<std::size_t>(n));
        out.push_back(name);
    }
    return out;
}

std::vector<std::string> read_strings(hid_t group, const std::string& name) {
    std::vector<std::string> out;
    if (!has_link(group, name)) return out;
    handle ds(check_id(H5Dopen2(group, name.c_str(), H5P_DEFAULT), name.c_str()), H5Dclose);
    handle sp(check_id(H5Dget_space(ds.id()), name.c_str()), H5Sclose);
    handle ft(check_id(H5Dget_type(ds.id()), name.c_str()), H5Tclose);
    const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(sp.id()));
    if (n == 0) return out;
    if (H5Tis_variable_str(ft.id()) > 0) {
        std::vector<char*> ptrs(n, nullptr);
        auto mem = utf8_string_type();
        check(H5Dread(ds.id(), mem.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()), name.c_str());
        for (auto* p : ptrs) out.emplace_back(p ? p : "");
        H5Dvlen_reclaim(mem.id(), sp.id(), H5P_DEFAULT, ptrs.data());
        return out;
    }
    // Fixed-length strings (as h5py writes numpy bytes arrays).
    const std::size_t width = H5Tget_size(ft.id());
    std::vector<char> buf(n * width, '\0');
    check(H5Dread(ds.id(), ft.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data()), name.c_str());
    for (std::size_t i = 0; i < n; ++i) out.emplace_back(std::string(buf.data() + i * width, width).c_str());
    return out;
}

array read_doubles(hid_t group, const std::string& name) {
    array out;
    handle ds(check_id(H5Dopen2(group, name.c_str(), H5P_DEFAULT), name.c_str()), H5Dclose);
    handle sp(check_id(H5Dget_space(ds.id()), name.c_str()), H5Sclose);
    const int rank = H5Sget_simple_extent_ndims(sp.id());
    if (rank < 0) throw internal_error("HDF5 failed: rank of " + name);
    out.dims.resize(static_cast<std::size_t>(rank));
    if (rank > 0) H5Sget_simple_extent_dims(sp.id(), out.dims.data(), nullptr);
    out.values.resize(static_cast<std::size_t>(H5Sget_simple_extent_npoints(sp.id())));
    if (!out.values.empty())
        check(H5Dread(ds.id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.values.data()), name.c_str());
    return out;
}

}  // namespace laborsim::h5
