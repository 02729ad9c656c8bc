package fcperm.sandbox.oss;

import java.util.Optional;

/**
 * An HTTP {@code Range: bytes=...} header, as OSS reads it: one range ({@code a-b}, {@code a-} or {@code -n});
 * a header it cannot read, or several ranges, means the whole object; a start past the end is InvalidRange.
 */
final class ByteRange {

    private ByteRange() {
    }

    /** The offset and length to send, or empty for the whole object. */
    static Optional<long[]> parse(String header, long size) {
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
                if (suffix <= 0) {
                    return Optional.empty();
                }
                long length = Math.min(suffix, size);
                return Optional.of(new long[] {size - length, length});
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            if (start >= size) {
                throw OssErrors.invalidRange();
            }
            if (end < start) {
                return Optional.empty();
            }
            return Optional.of(new long[] {start, end - start + 1});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
