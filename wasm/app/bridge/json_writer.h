// json_writer.h — JSON written straight into a string, for the C API's answers. The text layer of a long article
// is large, and a JSON tree of it would take several times its size in the heap at once.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace galley {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) { out_.clear(); }
    void raw(const char* s) { out_ += s; }
    void str(std::string_view s) {
        out_ += '"';
        for (char c : s) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') { out_ += '\\'; out_ += c; }
            else if (u < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", u);
                out_ += buf;
            } else out_ += c;
        }
        out_ += '"';
    }
    // CSS px to hundredths, finer than any device pixel. Not printf: musl formats floats through long double,
    // which wasm emulates in software (the profiler put 20 ms of a text layer in fmt_fp).
    void num(double v) {
        long long hundredths = std::isfinite(v) ? std::llround(std::clamp(v, -1e12, 1e12) * 100.0) : 0;
        if (hundredths < 0) { out_ += '-'; hundredths = -hundredths; }
        out_ += std::to_string(hundredths / 100);
        const int fraction = static_cast<int>(hundredths % 100);
        out_ += '.';
        out_ += static_cast<char>('0' + fraction / 10);
        out_ += static_cast<char>('0' + fraction % 10);
    }
    void integer(long v) { out_ += std::to_string(v); }
    void key(const char* k) { out_ += '"'; out_ += k; out_ += "\":"; }

private:
    std::string& out_;
};

}  // namespace galley
