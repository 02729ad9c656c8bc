package fcperm.sandbox.fc;

import java.util.List;
import java.util.Optional;

/** One page of a listing and the token of the next page, if there is one. */
public record TokenPage<T>(List<T> items, Optional<String> nextToken) {
}
