package dev.headroom.core.variant;

/**
 * Python's {@code str.strip()}, which lm-evaluation-harness applies to questions. Java's {@code String.strip()}
 * disagrees on some characters (U+0085 ends one real MMLU question), and a prompt must match byte for byte.
 */
final class PythonText {

    private PythonText() {
    }

    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Python's {@code str.isspace()} for one character: bidirectional class WS, B or S, or category Zs. */
    static boolean isSpace(char c) {
        return (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= ' ') || c == '\u0085' || c == '\u00a0'
                || c == '\u1680' || (c >= '\u2000' && c <= '\u200a') || c == '\u2028' || c == '\u2029'
                || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }
}
