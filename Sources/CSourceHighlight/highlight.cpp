// GNU Source-highlight behind a C function, so that pivot-tui can load it only for pages with
// code (dlopen): the library and its Boost and ICU dependencies cost 4.8 million instructions of
// dynamic linking at start-up, more than a fifth of a whole first paint.
#include "pivot_highlight.h"

#include <srchilite/formatter.h>
#include <srchilite/formatterparams.h>
#include <srchilite/formattermanager.h>
#include <srchilite/instances.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/langmap.h>
#include <srchilite/settings.h>
#include <srchilite/sourcehighlighter.h>

#include <chrono>
#include <mutex>
#include <string>

namespace {

/// Where the highlighter is: the line being highlighted and the caller's callback.
struct TokenSink {
    pivot_highlight_token token;
    void *context;
    uint32_t line = 0;
};

/// Reports every non-plain element to the sink; source-highlight sets `params->start`.
class TokenFormatter : public srchilite::Formatter {
public:
    TokenFormatter(TokenSink &sink, std::string element) : sink(sink), element(std::move(element)) {}

    void format(const std::string &text, const srchilite::FormatterParams *params) override {
        if (text.empty() || params == nullptr || params->start < 0) return;
        sink.token(sink.context, sink.line, static_cast<uint32_t>(params->start),
                   static_cast<uint32_t>(text.size()), element.c_str());
    }

private:
    TokenSink &sink;
    std::string element;
};

/// Plain text is not reported.
class PlainFormatter : public srchilite::Formatter {
public:
    void format(const std::string &, const srchilite::FormatterParams *) override {}
};

/// The elements source-highlight's language definitions use that a reader colours.
const char *const elements[] = {
    "keyword", "type", "usertype", "string", "regexp", "specialchar", "comment", "todo", "number",
    "preproc", "function", "classname", "label", "variable", "symbol", "cbracket", "attribute",
    "value", "property", "selector", "url",
};

std::mutex libraryLock;
std::string configuredDataDir;
bool configured = false;

}  // namespace

extern "C" int pivot_highlight_version(void) { return PIVOT_HIGHLIGHT_VERSION; }

extern "C" int pivot_highlight_code(const char *data_dir, const char *language, const char *code, size_t length,
                                    size_t max_line_bytes, double time_limit_ms, pivot_highlight_token token,
                                    void *context) {
    const auto start = std::chrono::steady_clock::now();
    // The library's definition cache (Instances) is process-wide and not thread-safe.
    std::lock_guard<std::mutex> guard(libraryLock);
    try {
        std::string dir = data_dir ? data_dir : srchilite::Settings::getDefaultDataDir();
        if (!configured || dir != configuredDataDir) {
            // Never the user's ~/.source-highlight or SOURCE_HIGHLIGHT_DATADIR: a page read over
            // SSH gets the same definitions as everyone.
            srchilite::Settings::setGlobalDataDir(dir);
            srchilite::Instances::reload();
            configuredDataDir = dir;
            configured = true;
        }
        const std::string file = srchilite::Instances::getLangMap()->getMappedFileName(language);
        if (file.empty()) return PIVOT_HIGHLIGHT_UNKNOWN_LANGUAGE;
        srchilite::HighlightStatePtr state = srchilite::Instances::getLangDefManager()->getHighlightState(dir, file);

        TokenSink sink{token, context};
        srchilite::FormatterManager formatters(srchilite::FormatterPtr(new PlainFormatter()));
        for (const char *element : elements) {
            formatters.addFormatter(element, srchilite::FormatterPtr(new TokenFormatter(sink, element)));
        }
        srchilite::SourceHighlighter highlighter(state);
        highlighter.setFormatterManager(&formatters);
        srchilite::FormatterParams params;
        highlighter.setFormatterParams(&params);

        const char *end = code + length;
        const char *lineStart = code;
        while (lineStart <= end) {
            const char *lineEnd = lineStart;
            while (lineEnd < end && *lineEnd != '\n') ++lineEnd;
            // The state carries over from line to line: a comment or string may span lines.
            if (static_cast<size_t>(lineEnd - lineStart) <= max_line_bytes) {
                highlighter.highlightParagraph(std::string(lineStart, lineEnd));
            }
            ++sink.line;
            const std::chrono::duration<double, std::milli> spent = std::chrono::steady_clock::now() - start;
            if (spent.count() > time_limit_ms) return PIVOT_HIGHLIGHT_FAILED;
            if (lineEnd == end) break;
            lineStart = lineEnd + 1;
        }
        return PIVOT_HIGHLIGHT_OK;
    } catch (...) {
        return PIVOT_HIGHLIGHT_FAILED;
    }
}
