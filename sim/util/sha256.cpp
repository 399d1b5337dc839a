// SHA-256 through OpenSSL's libcrypto (EVP), to name the resolved scenario text in run
// manifests. Not used for security.
#include <openssl/evp.h>

#include <array>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "laborsim/errors.hpp"
#include "laborsim/run_folder.hpp"

namespace laborsim {

std::string sha256_hex(std::string_view data) {
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), digest.data(), &length) != 1)
        throw internal_error("SHA-256 through OpenSSL failed");
    std::string hex;
    hex.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        char byte[3];
        std::snprintf(byte, sizeof byte, "%02x", digest[i]);
        hex += byte;
    }
    return hex;
}

}  // namespace laborsim
