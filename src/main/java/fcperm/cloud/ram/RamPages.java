package fcperm.cloud.ram;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/** RAM pages with {@code Marker}: the next page's marker while {@code IsTruncated}. */
final class RamPages {

    private RamPages() {
    }

    static Optional<String> next(JsonNode body) {
        return body.path("IsTruncated").asBoolean(false) ? Optional.of(body.path("Marker").asText())
                : Optional.empty();
    }
}
