package fcperm.sandbox.store;

import java.nio.file.Path;

/** Another sandbox (in this process or another: the app, or the {@code sandbox} command) holds the data directory. */
public final class DataDirectoryInUseException extends IllegalStateException {

    private final Path dataDir;

    public DataDirectoryInUseException(Path dataDir) {
        super("another sandbox is already using " + dataDir);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
