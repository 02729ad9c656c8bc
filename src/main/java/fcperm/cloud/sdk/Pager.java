package fcperm.cloud.sdk;

import fcperm.cloud.Cancellation;
import fcperm.cloud.CloudException;
import fcperm.cloud.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Walks a listing page by page, whatever the API calls its cursor (Marker, NextToken, PageNumber): asks the
 * cancellation before each page and reports progress after it.
 */
public final class Pager {

    /** One page: its items, the cursor of the next page (empty on the last) and the total when the API says it. */
    public record Page<T>(List<T> items, Optional<String> next, long total) {

        public static <T> Page<T> of(List<T> items, Optional<String> next) {
            return new Page<>(items, next, -1);
        }
    }

    @FunctionalInterface
    public interface PageReader<T> {
        /** Reads the page at {@code cursor} (empty for the first). */
        Page<T> read(Optional<String> cursor) throws CloudException;
    }

    private Pager() {
    }

    public static <T> List<T> all(PageReader<T> reader, Progress progress, Cancellation cancellation)
            throws CloudException {
        List<T> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            stopIfCancelled(cancellation);
            Page<T> page = reader.read(cursor);
            all.addAll(page.items());
            progress.update(all.size(), page.total());
            cursor = page.next().filter(next -> !next.isEmpty());
        } while (cursor.isPresent());
        return all;
    }

    public static void stopIfCancelled(Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            throw new CancellationException("listing cancelled");
        }
    }
}
