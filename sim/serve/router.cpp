#include "serve/router.hpp"

#include <filesystem>

#include "laborsim/errors.hpp"
#include "util/json_writer.hpp"

namespace laborsim {

std::string error_json(const std::string& reason) {
    json_writer j;
    j.begin_object().field("error", reason).end_object();
    return j.str();
}

namespace {

std::string diagnostics_json(const input_error& e) {
    json_writer j;
    j.begin_object().field("error", std::string(e.what())).key("diagnostics").begin_array();
    for (const auto& d : e.diagnostics())
        j.begin_object()
            .field("file", std::filesystem::path(d.file).filename().string())
            .field("line", d.line)
            .field("column", d.column)
            .field("key_path", d.key_path)
            .field("message", d.message)
            .end_object();
    j.end_array();
    if (const auto* o = dynamic_cast<const option_error*>(&e)) j.field("option", o->option());
    j.end_object();
    return j.str();
}

api_response error_response(unsigned status, std::string body) {
    api_response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& segs,
             std::vector<std::string>& params) {
    params.clear();
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == "**") {
            std::string rest;
            for (std::size_t k = i; k < segs.size(); ++k) rest += (k > i ? "/" : "") + segs[k];
            if (rest.empty()) return false;
            params.push_back(rest);
            return true;
        }
        if (i >= segs.size()) return false;
        if (pattern[i] == "*") params.push_back(segs[i]);
        else if (pattern[i] != segs[i]) return false;
    }
    return pattern.size() == segs.size();
}

}  // namespace

std::vector<std::string> path_segments(const std::string& path) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = path.find('/', start);
        const std::string seg = path.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!seg.empty()) out.push_back(seg);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

std::string percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+' && plus_is_space) {
            out += ' ';
        } else if (c == '%') {
            if (i + 2 >= text.size()) throw http_error(400, "bad %-escape in URL");
            const auto hex = [](char h) -> int {
                if (h >= '0' && h <= '9') return h - '0';
                if (h >= 'a' && h <= 'f') return h - 'a' + 10;
                if (h >= 'A' && h <= 'F') return h - 'A' + 10;
                return -1;
            };
            const int hi = hex(text[i + 1]), lo = hex(text[i + 2]);
            if (hi < 0 || lo < 0) throw http_error(400, "bad %-escape in URL");
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

void router::add(const std::string& method, const std::string& pattern, api_handler handler) {
    routes_.push_back({method, path_segments(pattern), std::move(handler)});
}

api_response router::handle(api_request request) const {
    try {
        const auto segs = path_segments(request.path);
        bool path_known = false;
        for (const auto& r : routes_) {
            std::vector<std::string> params;
            if (!matches(r.pattern, segs, params)) continue;
            path_known = true;
            if (r.method != request.method) continue;
            request.params = std::move(params);
            return r.handler(request);
        }
        if (path_known) return error_response(405, error_json(request.method + " is not allowed on " + request.path));
        return error_response(404, error_json("no such page or API: " + request.path));
    } catch (const http_error& e) {
        return error_response(e.status(), error_json(e.what()));
    } catch (const input_error& e) {
        return error_response(422, diagnostics_json(e));
    } catch (const environment_error& e) {
        return error_response(500, error_json(e.what()));
    } catch (const std::exception& e) {
        return error_response(500, error_json(std::string("internal error: ") + e.what()));
    }
}

}  // namespace laborsim
