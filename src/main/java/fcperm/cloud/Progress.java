package fcperm.cloud;

/** Told after each page of a long listing how many items are in hand, and the total when the API says it. */
@FunctionalInterface
public interface Progress {

    /** {@code total} is -1 when the API does not say how many there are. */
    void update(long done, long total);

    Progress NONE = (done, total) -> { };
}
