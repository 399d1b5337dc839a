// Direction numbers: for dimension j with primitive polynomial of degree s and inner
// coefficients a (bits a_1..a_{s-1}, a_1 the highest), initial m_1..m_s are given and
//   m_k = 2 a_1 m_{k-1} ^ 4 a_2 m_{k-2} ^ ... ^ 2^{s-1} a_{s-1} m_{k-s+1} ^ 2^s m_{k-s} ^ m_{k-s}
// for k > s; v_k = m_k / 2^k. Dimension 1 has all m_k = 1 (v_k = 2^-k).
// Point n is x_n = XOR of v_k over the set bits k of gray(n) = n ^ (n >> 1).
#include "sweep/sobol.hpp"

#include <array>
#include <string>

#include "laborsim/errors.hpp"

namespace laborsim {

namespace {

struct joe_kuo_row {
    int degree;                            // s
    std::uint32_t coefficients;            // a
    std::array<std::uint32_t, 7> initial;  // m_1..m_s
};

// Dimensions 2..21 of new-joe-kuo-6.21201 (dimension 1 is implicit).
constexpr std::array<joe_kuo_row, sobol_max_dimensions - 1> joe_kuo{{
    {1, 0, {1}},
    {2, 1, {1, 3}},
    {3, 1, {1, 3, 1}},
    {3, 2, {1, 1, 1}},
    {4, 1, {1, 1, 3, 3}},
    {4, 4, {1, 3, 5, 13}},
    {5, 2, {1, 1, 5, 5, 17}},
    {5, 4, {1, 1, 5, 5, 5}},
    {5, 7, {1, 1, 7, 11, 19}},
    {5, 11, {1, 1, 5, 1, 1}},
    {5, 13, {1, 1, 1, 3, 11}},
    {5, 14, {1, 3, 5, 5, 31}},
    {6, 1, {1, 3, 3, 9, 7, 49}},
    {6, 13, {1, 1, 1, 15, 21, 21}},
    {6, 16, {1, 3, 1, 13, 27, 49}},
    {6, 19, {1, 1, 1, 15, 7, 5}},
    {6, 22, {1, 3, 1, 15, 13, 25}},
    {6, 25, {1, 1, 5, 5, 19, 61}},
    {7, 1, {1, 3, 7, 11, 23, 15, 103}},
    {7, 4, {1, 3, 7, 13, 13, 15, 69}},
}};

}  // namespace

sobol_sequence::sobol_sequence(int dimensions) : dimensions_(dimensions) {
    if (dimensions < 1 || dimensions > sobol_max_dimensions)
        throw input_error("Sobol sampling supports 1 to " + std::to_string(sobol_max_dimensions) + " parameters, got " +
                          std::to_string(dimensions));
    directions_.assign(static_cast<std::size_t>(dimensions) * bits_, 0);
    for (int k = 0; k < bits_; ++k) directions_[k] = 1u << (bits_ - 1 - k);
    for (int j = 1; j < dimensions; ++j) {
        const auto& row = joe_kuo[j - 1];
        const int s = row.degree;
        std::array<std::uint64_t, bits_> m{};
        for (int k = 0; k < s; ++k) m[k] = row.initial[k];
        for (int k = s; k < bits_; ++k) {
            std::uint64_t next = m[k - s] ^ (m[k - s] << s);
            for (int i = 1; i < s; ++i)
                if ((row.coefficients >> (s - 1 - i)) & 1u) next ^= m[k - i] << i;
            m[k] = next;
        }
        for (int k = 0; k < bits_; ++k)
            directions_[static_cast<std::size_t>(j) * bits_ + k] = static_cast<std::uint32_t>(m[k] << (bits_ - 1 - k));
    }
}

std::vector<double> sobol_sequence::point(std::uint32_t index) const {
    const std::uint32_t gray = index ^ (index >> 1);
    std::vector<double> x(dimensions_);
    for (int j = 0; j < dimensions_; ++j) {
        std::uint32_t acc = 0;
        for (int k = 0; k < bits_; ++k)
            if ((gray >> k) & 1u) acc ^= directions_[static_cast<std::size_t>(j) * bits_ + k];
        x[j] = static_cast<double>(acc) / 4294967296.0;
    }
    return x;
}

}  // namespace laborsim
