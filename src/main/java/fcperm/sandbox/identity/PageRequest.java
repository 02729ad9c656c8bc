package fcperm.sandbox.identity;

/** Which page a listing asks for: PageNumber from 1, PageSize 1 to 100 (validated by the API). */
public record PageRequest(int number, int size) {

    public long offset() {
        return (long) (number - 1) * size;
    }
}
