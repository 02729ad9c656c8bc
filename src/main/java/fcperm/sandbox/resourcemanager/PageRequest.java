package fcperm.sandbox.resourcemanager;

/** Which page a listing asks for: PageNumber from 1, PageSize 1 to 100 (validated by the API). */
record PageRequest(int number, int size) {

    long offset() {
        return (long) (number - 1) * size;
    }
}
