package dev.spectron.core.model;

/**
 * A strict RFC 8259 syntax check, so that core can tell a JSON answer from almost-JSON without a
 * JSON library. It builds nothing; adapters parse the text they get back with their own library.
 */
final class JsonSyntax {

    /** Deeper nesting than any schema we ask for; the bound keeps the recursion off the stack limit. */
    private static final int MAX_DEPTH = 256;

    private final String text;
    private int pos;

    private JsonSyntax(String text) {
        this.text = text;
    }

    /** Whether {@code text} is exactly one JSON value, with optional surrounding whitespace. */
    static boolean isValid(String text) {
        JsonSyntax parser = new JsonSyntax(text);
        try {
            parser.value(0);
            parser.skipWhitespace();
            return parser.pos == text.length();
        } catch (IllegalStateException invalid) {
            return false;
        }
    }

    private void value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("too deep");
        }
        skipWhitespace();
        switch (peek()) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void object(int depth) {
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return;
        }
        do {
            skipWhitespace();
            string();
            skipWhitespace();
            expect(':');
            value(depth + 1);
            skipWhitespace();
        } while (consume(','));
        expect('}');
    }

    private void array(int depth) {
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return;
        }
        do {
            value(depth + 1);
            skipWhitespace();
        } while (consume(','));
        expect(']');
    }

    private void string() {
        expect('"');
        while (true) {
            char c = next();
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw new IllegalStateException("control character in string");
            }
            if (c == '\\') {
                escape();
            }
        }
    }

    private void escape() {
        char c = next();
        if (c == 'u') {
            for (int i = 0; i < 4; i++) {
                if (Character.digit(next(), 16) < 0) {
                    throw new IllegalStateException("bad unicode escape");
                }
            }
        } else if ("\"\\/bfnrt".indexOf(c) < 0) {
            throw new IllegalStateException("bad escape");
        }
    }

    private void number() {
        consume('-');
        if (!consume('0')) {
            digits();
        }
        if (consume('.')) {
            digits();
        }
        if (consume('e') || consume('E')) {
            if (!consume('+')) {
                consume('-');
            }
            digits();
        }
    }

    private void digits() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
            pos++;
        }
        if (pos == start) {
            throw new IllegalStateException("digit expected");
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw new IllegalStateException(word + " expected");
        }
        pos += word.length();
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private boolean consume(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw new IllegalStateException("'" + c + "' expected");
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw new IllegalStateException("unexpected end");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }
}
