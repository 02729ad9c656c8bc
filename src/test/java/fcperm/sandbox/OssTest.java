package fcperm.sandbox;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.model.CopyObjectResult;
import com.aliyun.oss.model.CreateBucketRequest;
import com.aliyun.oss.model.DeleteObjectsRequest;
import com.aliyun.oss.model.DeleteObjectsResult;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.ListObjectsV2Request;
import com.aliyun.oss.model.ListObjectsV2Result;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PutObjectResult;
import fcperm.sandbox.identity.AccessKeyPair;
import fcperm.sandbox.protocol.Crc64;
import fcperm.testkit.OssClients;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static fcperm.testkit.OssClients.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** OSS through the official Java SDK (V1 and V4 signatures) and raw signed HTTP, with the account's root key. */
class OssTest {

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

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void writesAndReadsBackAnObjectWithItsChecksums() throws IOException {
        oss.createBucket("round-trip");
        PutObjectResult put = oss.putObject("round-trip", "dir/hello world+*.txt",
                new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));
        // the SDK checks x-oss-hash-crc64ecma against its own CRC and throws on a mismatch
        assertThat(put.getETag()).isEqualTo("5D41402ABC4B2A76B9719D911017C592");
        assertThat(put.getServerCRC()).isEqualTo(Long.parseUnsignedLong(Crc64.decimalOf("hello".getBytes(StandardCharsets.UTF_8))));
        assertThat(put.getRequestId()).isNotBlank();

        OSSObject object = oss.getObject("round-trip", "dir/hello world+*.txt");
        assertThat(read(object.getObjectContent())).isEqualTo("hello");
        assertThat(object.getObjectMetadata().getContentLength()).isEqualTo(5);
        assertThat(oss.getObjectMetadata("round-trip", "dir/hello world+*.txt").getETag())
                .isEqualTo("5D41402ABC4B2A76B9719D911017C592");
    }

    @Test
    void servesARangeAndKeepsUserMetadata() throws IOException {
        oss.createBucket("ranges");
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.addUserMetadata("author", "alice");
        metadata.setContentType("text/plain");
        oss.putObject("ranges", "digits", new ByteArrayInputStream("0123456789".getBytes(StandardCharsets.UTF_8)), metadata);
        GetObjectRequest range = new GetObjectRequest("ranges", "digits");
        range.setRange(2, 5);
        assertThat(read(oss.getObject(range).getObjectContent())).isEqualTo("2345");
        ObjectMetadata read = oss.getObjectMetadata("ranges", "digits");
        assertThat(read.getUserMetadata()).containsEntry("author", "alice");
        assertThat(read.getContentType()).isEqualTo("text/plain");
    }

    @Test
    void refusesAnUploadWhoseContentMd5DoesNotMatch() {
        oss.createBucket("digests");
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setContentMD5("AAAAAAAAAAAAAAAAAAAAAA==");
        failsWith("InvalidDigest", () -> oss.putObject("digests", "k", new ByteArrayInputStream("data".getBytes()), metadata));
        assertThat(oss.doesObjectExist("digests", "k")).isFalse();
    }

    @Test
    void listsWithPrefixDelimiterAndPagesInBothVersions() {
        oss.createBucket("listing");
        for (String key : List.of("a/1", "a/2", "b/1", "c", "d", "e/x/y")) {
            oss.putObject("listing", key, new ByteArrayInputStream(new byte[] {1}));
        }
        ObjectListing top = oss.listObjects(new ListObjectsRequest("listing").withDelimiter("/"));
        assertThat(top.getObjectSummaries()).extracting(OSSObjectSummary::getKey).containsExactly("c", "d");
        assertThat(top.getCommonPrefixes()).containsExactly("a/", "b/", "e/");

        List<String> keys = new ArrayList<>();
        String marker = null;
        do {
            ObjectListing page = oss.listObjects(new ListObjectsRequest("listing").withMarker(marker).withMaxKeys(2));
            page.getObjectSummaries().forEach(summary -> keys.add(summary.getKey()));
            marker = page.isTruncated() ? page.getNextMarker() : null;
        } while (marker != null);
        assertThat(keys).containsExactly("a/1", "a/2", "b/1", "c", "d", "e/x/y");

        List<String> v2Keys = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Result page = oss.listObjectsV2(new ListObjectsV2Request("listing").withPrefix("a/")
                    .withMaxKeys(1).withContinuationToken(token));
            page.getObjectSummaries().forEach(summary -> v2Keys.add(summary.getKey()));
            token = page.isTruncated() ? page.getNextContinuationToken() : null;
        } while (token != null);
        assertThat(v2Keys).containsExactly("a/1", "a/2");
        assertThat(oss.listObjectsV2(new ListObjectsV2Request("listing").withStartAfter("c")).getObjectSummaries())
                .extracting(OSSObjectSummary::getKey).containsExactly("d", "e/x/y");
    }

    @Test
    void pagesCommonPrefixesWithoutRepeatingThem() {
        oss.createBucket("prefix-pages");
        for (String key : List.of("p/1", "p/2", "q/1", "r")) {
            oss.putObject("prefix-pages", key, new ByteArrayInputStream(new byte[] {1}));
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        do {
            ObjectListing page = oss.listObjects(new ListObjectsRequest("prefix-pages").withDelimiter("/").withMarker(marker).withMaxKeys(1));
            seen.addAll(page.getCommonPrefixes());
            page.getObjectSummaries().forEach(summary -> seen.add(summary.getKey()));
            marker = page.isTruncated() ? page.getNextMarker() : null;
        } while (marker != null);
        assertThat(seen).containsExactly("p/", "q/", "r");
    }

    @Test
    void copiesDeletesManyAndRefusesToDeleteANonEmptyBucket() throws IOException {
        oss.createBucket("copies");
        oss.putObject("copies", "source", new ByteArrayInputStream("payload".getBytes(StandardCharsets.UTF_8)));
        CopyObjectResult copy = oss.copyObject("copies", "source", "copies", "target");
        assertThat(copy.getETag()).isEqualTo(oss.getObjectMetadata("copies", "source").getETag());
        assertThat(read(oss.getObject("copies", "target").getObjectContent())).isEqualTo("payload");

        failsWith("BucketNotEmpty", () -> oss.deleteBucket("copies"));
        DeleteObjectsResult deleted = oss.deleteObjects(new DeleteObjectsRequest("copies").withKeys(List.of("source", "target")));
        assertThat(deleted.getDeletedObjects()).containsExactlyInAnyOrder("source", "target");
        oss.deleteBucket("copies");
        assertThat(oss.doesBucketExist("copies")).isFalse();
    }

    @Test
    void aBucketNamedLikeTheFcApiVersionIsStillOss() throws IOException {
        oss.createBucket("2016-08-15");
        oss.putObject("2016-08-15", "services/x", new ByteArrayInputStream("not fc".getBytes(StandardCharsets.UTF_8)));
        assertThat(read(oss.getObject("2016-08-15", "services/x").getObjectContent())).isEqualTo("not fc");
    }

    @Test
    void answersWithOssErrorCodes() {
        failsWith("NoSuchBucket", () -> oss.getObject("no-such-bucket", "k"));
        oss.createBucket("errors");
        failsWith("NoSuchKey", () -> oss.getObject("errors", "missing"));
        failsWith("BucketAlreadyExists", () -> oss.createBucket("errors"));
    }

    @Test
    void aBadlySignedBatchDeleteIsRefusedForItsSignatureBeforeItsBodyIsRead() throws Exception {
        oss.createBucket("batch");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        HttpRequest badlySigned = HttpRequest.newBuilder(sandbox.sandbox().endpoints().oss().resolve("/batch?delete"))
                .header("Date", date)
                .header("Content-Type", "application/xml")
                .header("Authorization", "OSS " + sandbox.sandbox().rootCredentials().accessKeyId() + ":bm90LWEtc2lnbmF0dXJl")
                .POST(HttpRequest.BodyPublishers.ofString("this is not XML <"))
                .build();

        HttpResponse<String> refused = HttpClient.newHttpClient().send(badlySigned, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<Code>SignatureDoesNotMatch</Code>").doesNotContain("MalformedXML");
    }

    @Test
    void placesBucketsInResourceGroupsAndReportsThem() {
        CreateBucketRequest create = new CreateBucketRequest("grouped");
        oss.createBucket(create);
        String group = oss.getBucketResourceGroup("grouped").getResourceGroupId();
        assertThat(group).startsWith("rg-");
        assertThat(oss.getBucketInfo("grouped").getBucket().getResourceGroupId()).isEqualTo(group);
        assertThat(oss.getBucketLocation("grouped")).isEqualTo("oss-" + sandbox.sandbox().region());
        assertThat(oss.listBuckets()).anyMatch(bucket -> bucket.getName().equals("grouped"));
    }

    @Test
    void acceptsV4SignaturesAndRefusesAWrongSecret() throws IOException {
        OSS v4 = OssClients.v4(sandbox.sandbox(), sandbox.sandbox().rootCredentials());
        try {
            v4.createBucket("signed-v4");
            v4.putObject("signed-v4", "k", new ByteArrayInputStream("v4".getBytes(StandardCharsets.UTF_8)));
            assertThat(read(v4.getObject("signed-v4", "k").getObjectContent())).isEqualTo("v4");
        } finally {
            v4.shutdown();
        }
        AccessKeyPair root = sandbox.sandbox().rootCredentials();
        OSS wrong = OssClients.v1(sandbox.sandbox(), AccessKeyPair.longTerm(root.accessKeyId(), "wrong-secret"));
        try {
            var error = failsWith("SignatureDoesNotMatch", () -> wrong.getObject("signed-v4", "k"));
            assertThat(error.getRawResponseError()).contains("<StringToSign>GET\n")
                    .contains("<StringToSignBytes>47 45 54 0A ")
                    .containsPattern("<SignatureProvided>[A-Za-z0-9+/=]{28}</SignatureProvided>")
                    .contains("<OSSAccessKeyId>" + root.accessKeyId() + "</OSSAccessKeyId>");
        } finally {
            wrong.shutdown();
        }
    }

    @Test
    void servesPresignedUrlsUntilTheyExpire() throws Exception {
        oss.createBucket("presigned");
        oss.putObject("presigned", "shared.txt", new ByteArrayInputStream("shared".getBytes(StandardCharsets.UTF_8)));
        URL valid = oss.generatePresignedUrl("presigned", "shared.txt", new Date(System.currentTimeMillis() + 600_000), HttpMethod.GET);
        URL expired = oss.generatePresignedUrl("presigned", "shared.txt", new Date(System.currentTimeMillis() - 60_000), HttpMethod.GET);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(valid.toURI()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("shared");
        HttpResponse<String> late = http.send(HttpRequest.newBuilder(expired.toURI()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(late.body()).contains("<Code>AccessDenied</Code>").contains("expired");
    }

    @Test
    void keepsKeysThatLookLikePathsExactlyAsWritten() throws IOException {
        oss.createBucket("path-like-keys");
        List<String> keys = List.of("a//b", "a/../b", "a/./b", "./x", "..", "../up", "100%.txt", "back\\slash", "s;t=1");
        for (String key : keys) {
            oss.putObject("path-like-keys", key, new ByteArrayInputStream(key.getBytes(StandardCharsets.UTF_8)));
        }
        for (String key : keys) {
            assertThat(read(oss.getObject("path-like-keys", key).getObjectContent())).as(key).isEqualTo(key);
        }
        assertThat(oss.listObjects("path-like-keys").getObjectSummaries()).extracting(OSSObjectSummary::getKey)
                .containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void answersRangesPastTheEndAsOssDoesWithAndWithoutStandardBehaviour() throws IOException {
        oss.createBucket("range-ends");
        oss.putObject("range-ends", "digits", new ByteArrayInputStream("0123456789".getBytes(StandardCharsets.UTF_8)));
        // by default OSS ignores a range that reaches past the object and sends all of it
        assertThat(read(oss.getObject(new GetObjectRequest("range-ends", "digits").withRange(5, 20)).getObjectContent()))
                .isEqualTo("0123456789");
        assertThat(read(oss.getObject(new GetObjectRequest("range-ends", "digits").withRange(10, 20)).getObjectContent()))
                .isEqualTo("0123456789");
        // x-oss-range-behavior: standard cuts the end, and refuses a start past the end
        GetObjectRequest cut = new GetObjectRequest("range-ends", "digits").withRange(5, 20);
        cut.addHeader("x-oss-range-behavior", "standard");
        OSSObject tail = oss.getObject(cut);
        assertThat(tail.getObjectMetadata().getRawMetadata().get("Content-Range")).isEqualTo("bytes 5-9/10");
        assertThat(read(tail.getObjectContent())).isEqualTo("56789");
        GetObjectRequest past = new GetObjectRequest("range-ends", "digits").withRange(10, 20);
        past.addHeader("x-oss-range-behavior", "standard");
        failsWith("InvalidRange", () -> oss.getObject(past));
        assertThat(read(oss.getObject("range-ends", "digits").getObjectContent())).isEqualTo("0123456789");
    }

    @Test
    void servesV4PresignedUrlsUntilTheyExpire() throws Exception {
        OSS v4 = OssClients.v4(sandbox.sandbox(), sandbox.sandbox().rootCredentials());
        try {
            v4.createBucket("presigned-v4");
            v4.putObject("presigned-v4", "dir/shared v4.txt", new ByteArrayInputStream("v4 url".getBytes(StandardCharsets.UTF_8)));
            URL valid = v4.generatePresignedUrl("presigned-v4", "dir/shared v4.txt",
                    new Date(System.currentTimeMillis() + 600_000), HttpMethod.GET);
            assertThat(valid.getQuery()).contains("x-oss-signature-version=OSS4-HMAC-SHA256");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(valid.toURI()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("v4 url");

            // the same URL issued a day earlier: x-oss-date + x-oss-expires is in the past
            String dayEarlier = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                    .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusDays(1));
            URI late = URI.create(valid.toString().replaceFirst("x-oss-date=[0-9TZ]+", "x-oss-date=" + dayEarlier));
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(late).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("<Code>AccessDenied</Code>").contains("expired");

            URI tampered = URI.create(valid.toString().replace("shared%20v4.txt", "other.txt"));
            HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(wrong.body()).contains("<Code>SignatureDoesNotMatch</Code>").contains("OSS4-HMAC-SHA256\n");
        } finally {
            v4.shutdown();
        }
    }

    @Test
    void takesTheBucketFromAVirtualHostedHostHeader() throws Exception {
        oss.createBucket("virtual");
        oss.putObject("virtual", "dir/v.txt", new ByteArrayInputStream("hosted".getBytes(StandardCharsets.UTF_8)));
        AccessKeyPair root = sandbox.sandbox().rootCredentials();
        String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
        String stringToSign = "GET\n\n\n" + date + "\n/virtual/dir/v.txt";
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(root.accessKeySecret().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = java.util.Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        URI endpoint = sandbox.sandbox().endpoints().oss();
        // java.net.http does not let a caller set Host; a plain socket sends exactly what ali-oss sends
        try (java.net.Socket socket = new java.net.Socket(endpoint.getHost(), endpoint.getPort())) {
            String request = "GET /dir/v.txt HTTP/1.1\r\nHost: virtual.oss-cn-hangzhou.aliyuncs.com\r\nDate: " + date
                    + "\r\nAuthorization: OSS " + root.accessKeyId() + ":" + signature + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200").endsWith("hosted");
        }
    }
}
