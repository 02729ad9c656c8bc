package fcperm.sandbox.ram;

import java.util.List;
import java.util.Optional;

/** One page of a Marker/MaxItems listing; {@code nextMarker} is present when more items follow. */
record MarkerPage<T>(List<T> items, Optional<String> nextMarker) {

    boolean truncated() {
        return nextMarker.isPresent();
    }
}
