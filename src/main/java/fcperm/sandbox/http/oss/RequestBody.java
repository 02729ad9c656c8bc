package fcperm.sandbox.http.oss;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * An OSS request body, untouched until an operation asks for it: streamed by uploads, or read whole once (the small
 * XML bodies of configuration and batch operations) and kept, because the permissions of a batch operation and its
 * run both read it. Nothing reads it before the caller is authenticated.
 */
public final class RequestBody {

    /** The largest XML body an operation reads whole. */
    static final int MAX_XML_BYTES = 1024 * 1024;

    private final Supplier<InputStream> source;
    private byte[] bytes;

    public RequestBody(Supplier<InputStream> source) {
        this.source = source;
    }

    /** The body as a stream, for operations that store it as it arrives. */
    public InputStream stream() {
        return source.get();
    }

    /** The first {@link #MAX_XML_BYTES} bytes of the body, read on first use and kept. */
    public synchronized byte[] xmlBytes() {
        if (bytes == null) {
            try (InputStream in = source.get()) {
                bytes = in.readNBytes(MAX_XML_BYTES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }
}
