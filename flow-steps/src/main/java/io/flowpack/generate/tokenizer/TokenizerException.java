package io.flowpack.generate.tokenizer;

/** A tokenizer folder that cannot be read (missing file, malformed vocabulary or merges). */
public final class TokenizerException extends RuntimeException {
    public TokenizerException(String message) {
        super(message);
    }

    public TokenizerException(String message, Throwable cause) {
        super(message, cause);
    }
}
