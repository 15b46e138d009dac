package io.flowpack.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads FizzNodes' keyframe text — the body of a JSON object without its braces:
 * {@code "0": "apples", "30": "oranges",} — exactly as FizzNodes does (line breaks removed, wrapped in braces,
 * one trailing comma dropped, then JSON), but reports the first problem with its line and column.
 * Keys and prompts must be JSON strings in double quotes ({@code \"}, {@code \\}, {@code \n}, {@code \u00e9}
 * escapes work); a line break inside a prompt is removed, joining the lines.
 */
final class KeyframeTextParser {
    private final SourceText source;
    private final String text;
    private int pos;

    private KeyframeTextParser(String text) {
        this.source = new SourceText(null, text);
        this.text = text;
    }

    static List<RawKeyframe> parse(String text) {
        return new KeyframeTextParser(text == null ? "" : text).entries();
    }

    private List<RawKeyframe> entries() {
        List<RawKeyframe> entries = new ArrayList<>();
        skipSpace();
        while (pos < text.length()) {
            int keyStart = pos;
            if (peek() != '"') {
                throw source.error(entries.isEmpty() && peek() == '{'
                        ? "expected a key in double quotes; write the keyframes without surrounding { }"
                        : "expected a key in double quotes, e.g. \"30\", but found '" + peek() + "'", pos);
            }
            StringValue key = string("key");
            skipSpace();
            if (peek() != ':') {
                throw source.error(pos < text.length() ? "expected ':' after the key \"" + key.text + "\", found '"
                        + peek() + "'" : "expected ':' after the key \"" + key.text + "\"", pos);
            }
            pos++;
            skipSpace();
            if (peek() != '"') {
                throw source.error(pos < text.length()
                        ? "the prompt of key \"" + key.text + "\" must be a string in double quotes, found '" + peek() + "'"
                        : "the prompt of key \"" + key.text + "\" is missing", pos);
            }
            StringValue prompt = string("prompt");
            entries.add(new RawKeyframe(key.text, prompt.text, keyStart + 1, prompt.offsets));
            skipSpace();
            if (pos >= text.length()) {
                break;
            }
            if (peek() != ',') {
                throw source.error("expected ',' between keyframes, found '" + peek() + "'", pos);
            }
            int comma = pos++;
            skipSpace();
            if (pos < text.length() && peek() == ',') {
                throw source.error("two commas; only one trailing comma is allowed", pos);
            }
            if (pos >= text.length()) {
                pos = comma + 1;
                break;
            }
        }
        if (entries.isEmpty()) {
            throw new ScheduleException("the schedule has no keyframes; write e.g. \"0\": \"apples on a table\"", 0, 0);
        }
        return entries;
    }

    private record StringValue(String text, int[] offsets) {
    }

    private StringValue string(String what) {
        int open = pos++;
        StringBuilder value = new StringBuilder();
        List<Integer> offsets = new ArrayList<>();
        while (true) {
            if (pos >= text.length()) {
                throw source.error("the " + what + " that starts here has no closing '\"'", open);
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\n' || c == '\r') {
                pos++;                                    // FizzNodes removes line breaks before parsing
                continue;
            }
            if (c < 0x20) {
                throw source.error("control character U+" + String.format("%04X", (int) c) + " in a " + what
                        + "; write it as an escape such as \\t", pos);
            }
            int at = pos;
            if (c == '\\') {
                c = escape();
            } else {
                pos++;
            }
            value.append(c);
            offsets.add(at);
        }
        return new StringValue(value.toString(), offsets.stream().mapToInt(Integer::intValue).toArray());
    }

    private char escape() {
        int at = pos;
        if (pos + 1 >= text.length()) {
            throw source.error("'\\' at the end of the text", at);
        }
        char e = text.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (pos + 4 <= text.length() && text.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
                    char decoded = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
                    pos += 4;
                    return decoded;
                }
                throw source.error("\\u must be followed by four hex digits", at);
            default:
                throw source.error("unknown escape '\\" + e + "'; a backslash in a prompt is written \\\\", at);
        }
    }

    private void skipSpace() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t'
                || text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }
}
