package fcperm.sandbox;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PutObjectResult;
import fcperm.testkit.OssClients;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** OSS under size and concurrency: a 1 GiB object streams through, and 32 writers to one bucket lose nothing. */
class OssScaleTest {

    private static final long ONE_GIB = 1L << 30;

    @RegisterExtension
    static final TestSandbox sandbox = new TestSandbox();

    static OSS oss;

    @BeforeAll
    static void client() {
        oss = OssClients.v1(sandbox.sandbox(), sandbox.sandbox().rootCredentials());
    }

    @AfterAll
    static void shutdown() {
        oss.shutdown();
    }

    /** Deterministic bytes generated on the fly: the object never exists in memory on the client either. */
    private static final class GeneratedStream extends InputStream {
        private long remaining;
        private long position;

        GeneratedStream(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            return (int) ((position++ * 31) & 0xFF);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int count = (int) Math.min(length, remaining);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = (byte) ((position++ * 31) & 0xFF);
            }
            remaining -= count;
            return count;
        }
    }

    @Test
    void aOneGibibyteObjectRoundTripsWithoutBeingHeldInMemory() throws Exception {
        // the test JVM's heap is 1 GiB (surefire -Xmx1g): a server or client that buffered the object would fail here
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(ONE_GIB + (64L << 20));
        oss.createBucket("large-objects");
        MessageDigest sent = MessageDigest.getInstance("MD5");
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setContentLength(ONE_GIB);
        PutObjectResult put = oss.putObject("large-objects", "one-gib",
                new DigestInputStream(new GeneratedStream(ONE_GIB), sent), metadata);
        String sentHex = HexFormat.of().withUpperCase().formatHex(sent.digest());
        assertThat(put.getETag()).isEqualTo(sentHex);

        MessageDigest received = MessageDigest.getInstance("MD5");
        long size = 0;
        try (InputStream in = oss.getObject("large-objects", "one-gib").getObjectContent()) {
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                received.update(buffer, 0, read);
                size += read;
            }
        }
        assertThat(size).isEqualTo(ONE_GIB);
        assertThat(HexFormat.of().withUpperCase().formatHex(received.digest())).isEqualTo(sentHex);
        oss.deleteObject("large-objects", "one-gib");
    }

    @Test
    void thirtyTwoConcurrentWritersLoseNothing() throws Exception {
        oss.createBucket("busy");
        int writers = 32;
        int objectsEach = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int i = 0; i < objectsEach; i++) {
                    byte[] body = ("writer " + writer + " object " + i).getBytes(StandardCharsets.UTF_8);
                    oss.putObject("busy", "w" + writer + "/o" + i, new ByteArrayInputStream(body));
                    oss.putObject("busy", "shared", new ByteArrayInputStream(body));
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        Set<String> keys = new HashSet<>();
        String marker = null;
        do {
            ObjectListing page = oss.listObjects(new ListObjectsRequest("busy").withMarker(marker).withMaxKeys(1000));
            page.getObjectSummaries().stream().map(OSSObjectSummary::getKey).forEach(keys::add);
            marker = page.isTruncated() ? page.getNextMarker() : null;
        } while (marker != null);
        assertThat(keys).hasSize(writers * objectsEach + 1);
        for (int w = 0; w < writers; w++) {
            for (int i = 0; i < objectsEach; i++) {
                assertThat(read("busy", "w" + w + "/o" + i)).isEqualTo("writer " + w + " object " + i);
            }
        }
        assertThat(read("busy", "shared")).matches("writer \\d+ object \\d+");
    }

    private static String read(String bucket, String key) throws IOException {
        try (InputStream in = oss.getObject(bucket, key).getObjectContent()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
