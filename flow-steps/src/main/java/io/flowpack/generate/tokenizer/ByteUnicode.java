package io.flowpack.generate.tokenizer;

/**
 * GPT-2/CLIP's reversible byte → character table: printable Latin-1 bytes stand for themselves, the other 68 bytes
 * get the characters from U+0100 on, in byte order. BPE then works on these characters, never on raw bytes.
 */
final class ByteUnicode {
    private static final char[] TABLE = build();

    private ByteUnicode() {
    }

    /** The UTF-8 bytes of a word as BPE characters. */
    static String encode(String word) {
        byte[] bytes = word.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = TABLE[bytes[i] & 0xFF];
        }
        return new String(out);
    }

    private static char[] build() {
        char[] table = new char[256];
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            table[b] = (char) (printable ? b : next++);
        }
        return table;
    }
}
