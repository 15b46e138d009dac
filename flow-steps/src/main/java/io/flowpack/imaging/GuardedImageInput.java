package io.flowpack.imaging;

import java.io.IOException;
import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageInputStream that stops decoders from spinning on damaged files. Some decoders (e.g. TwelveMonkeys'
 * lossless WebP) swallow EOFException and keep asking for more bits forever; others re-read the same bytes in a
 * loop. This stream fails with a plain IIOException, which they do not swallow, once reads keep hitting the end
 * or the bytes read exceed a generous multiple of the file's size.
 */
final class GuardedImageInput extends ImageInputStreamImpl {
    private static final int MAX_READS_AT_END = 1000;
    private static final long READ_BUDGET_FACTOR = 16;
    private static final long READ_BUDGET_EXTRA = 16L << 20;

    private final ImageInputStream in;
    private final long fileSize;
    private final long budget;
    private long bytesRead;
    private int readsAtEnd;

    GuardedImageInput(ImageInputStream in, long fileSize) {
        this.in = in;
        this.fileSize = fileSize;
        this.budget = fileSize * READ_BUDGET_FACTOR + READ_BUDGET_EXTRA;
    }

    /** Whether a read reached the end of the data (a decoder failing afterwards most likely met a truncated file). */
    boolean reachedEnd() {
        return readsAtEnd > 0;
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        int b = in.read();
        count(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkClosed();
        bitOffset = 0;
        int n = in.read(buffer, offset, length);
        count(n);
        return n;
    }

    private void count(int n) throws IIOException {
        if (n < 0) {
            if (++readsAtEnd > MAX_READS_AT_END) {
                throw new IIOException("the decoder kept reading past the end of the data");
            }
            return;
        }
        streamPos += n;
        bytesRead += n;
        if (bytesRead > budget) {
            throw new IIOException("the decoder read " + bytesRead + " bytes from a file of " + fileSize + " bytes");
        }
    }

    @Override
    public void seek(long position) throws IOException {
        super.seek(position);
        in.seek(position);
    }

    @Override
    public long length() {
        try {
            return in.length();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        super.close();
        in.close();
    }
}
