package fcperm.sandbox.oss;

import fcperm.sandbox.http.oss.OssErrors;
import java.util.Optional;

/**
 * An HTTP {@code Range: bytes=...} header, as OSS reads it: one range ({@code a-b}, {@code a-} or {@code -n}); a header
 * it cannot read, or several ranges, means the whole object. A range that reaches past the object also means the whole
 * object (HTTP 200) unless the client asked for {@code x-oss-range-behavior: standard}: then the end is cut to the
 * object's last byte and a start past the end is InvalidRange (416).
 */
final class ByteRange {

    private ByteRange() {
    }

    /** The offset and length to send, or empty for the whole object. */
    static Optional<long[]> parse(String header, long size, boolean standard) {
        String value = header.trim();
        if (!value.startsWith("bytes=") || value.contains(",")) {
            return Optional.empty();
        }
        String spec = value.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                if (suffix <= 0 || size == 0) {
                    return Optional.empty();
                }
                long length = Math.min(suffix, size);
                return Optional.of(new long[] {size - length, length});
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Long.parseLong(last);
            if (end < start) {
                return Optional.empty();
            }
            if (start >= size) {
                if (standard) {
                    throw OssErrors.invalidRange();
                }
                return Optional.empty();
            }
            if (end >= size) {
                if (!standard) {
                    return Optional.empty();
                }
                end = size - 1;
            }
            return Optional.of(new long[] {start, end - start + 1});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
