package fcperm.sandbox.store;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sandbox's state: one SQLite file in the data directory (WAL, synchronous=FULL, so an acknowledged
 * write survives a killed process). One connection serves every thread behind a lock: SQLite has a single writer
 * anyway, and the work done under the lock is a few microseconds of SQL, never I/O to the network.
 * A second sandbox on the same data directory is refused while this one holds it.
 */
public final class Database implements AutoCloseable {

    public static final String FILE_NAME = "sandbox.db";
    private static final String LOCK_FILE_NAME = "sandbox.lock";

    /** A unit of work on the database; may throw SQLException, which the transaction turns into a rollback. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    private final Connection connection;
    private final FileChannel lockChannel;
    private final FileLock dataDirLock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Tx tx;
    private int depth;

    private Database(Connection connection, FileChannel lockChannel, FileLock dataDirLock) {
        this.connection = connection;
        this.lockChannel = lockChannel;
        this.dataDirLock = dataDirLock;
        this.tx = new Tx(connection);
    }

    /** Opens (creating if needed) the database in {@code dataDir} and brings its schema up to date. */
    public static Database open(Path dataDir) {
        FileChannel channel = null;
        try {
            createOwnerOnly(dataDir);
            channel = FileChannel.open(dataDir.resolve(LOCK_FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock fileLock = tryLock(channel);
            if (fileLock == null) {
                throw new DataDirectoryInUseException(dataDir);
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(10_000);
            config.enforceForeignKeys(true);
            Connection connection = DriverManager.getConnection(
                    "jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath(), config.toProperties());
            Database database = new Database(connection, channel, fileLock);
            Migrations.apply(database);
            return database;
        } catch (SQLException e) {
            closeQuietly(channel);
            throw new StoreException("cannot open the sandbox database in " + dataDir, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open the sandbox data directory " + dataDir, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** The data directory holds secrets (AccessKeys in the database): when we create it, only its owner may enter. */
    private static void createOwnerOnly(Path dataDir) throws IOException {
        if (Files.isDirectory(dataDir)) {
            return;
        }
        if (dataDir.getParent() != null) {
            Files.createDirectories(dataDir.getParent());
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectory(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(dataDir);
        }
    }

    /** The data directory's lock, or null when another sandbox (in this process or another) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /**
     * Runs {@code work} in one transaction: all of it is committed, or (on any exception) none of it.
     * Nested calls on the same thread join the outer transaction.
     */
    public <T> T transaction(Work<T> work) {
        lock.lock();
        try {
            if (depth > 0) {
                return runNested(work);
            }
            connection.setAutoCommit(false);
            depth++;
            try {
                T result = work.run(tx);
                connection.commit();
                return result;
            } catch (Throwable e) {
                rollback(e);
                throw propagate(e);
            } finally {
                depth--;
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database error", e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs read-only {@code work}; reads see one consistent state. */
    public <T> T read(Work<T> work) {
        return transaction(work);
    }

    private <T> T runNested(Work<T> work) {
        try {
            return work.run(tx);
        } catch (SQLException e) {
            throw new StoreException("database error", e);
        }
    }

    private void rollback(Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static RuntimeException propagate(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        if (e instanceof SQLException sql) {
            return new StoreException("database error", sql);
        }
        return new StoreException("database error", e);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the database", e);
        } finally {
            lock.unlock();
            try {
                dataDirLock.release();
            } catch (IOException ignored) {
                // the channel close below releases it too
            }
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
