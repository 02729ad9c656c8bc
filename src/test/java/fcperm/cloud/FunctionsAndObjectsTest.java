package fcperm.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.cloud.session.SdkSession;
import fcperm.policy.eval.PolicyScope;
import fcperm.probe.ProbePackage;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** FC 2.0 services and functions, and OSS, through the cloud layer against a sandbox that really runs the probe. */
class FunctionsAndObjectsTest {

    @RegisterExtension
    static final TestSandbox sandbox = new TestSandbox().watchingSecrets();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SdkSession session;
    private static FunctionCompute fc;

    @BeforeAll
    static void connect() throws CloudException {
        session = sandbox.openRootSession(2);
        fc = session.functionCompute(session.defaultRegion());
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    @Test
    void listsServicesOverSeveralPages() throws Exception {
        for (int i = 1; i <= 3; i++) {
            fc.createService("paged-" + i);
        }
        AtomicInteger pages = new AtomicInteger();

        List<ServiceSummary> services = fc.listServices((done, total) -> pages.incrementAndGet(),
                Cancellation.NEVER);

        assertThat(services).extracting(ServiceSummary::name).contains("paged-1", "paged-2", "paged-3");
        assertThat(pages.get()).isGreaterThanOrEqualTo(2);
        assertThat(fc.region()).isEqualTo(session.defaultRegion());
    }

    @Test
    void givesAServiceARoleAndTakesItAway() throws Exception {
        fc.createService("bound");
        session.roles().createForFunctionCompute("bound-role", "");
        String arn = session.roles().arnOf("bound-role");

        fc.setServiceRole("bound", arn);
        Optional<ServiceSummary> withRole = fc.findService("bound");
        fc.setServiceRole("bound", "");
        Optional<ServiceSummary> without = fc.findService("bound");

        assertThat(withRole).get().extracting(ServiceSummary::roleArn).isEqualTo(Optional.of(arn));
        assertThat(without).get().extracting(ServiceSummary::roleArn).isEqualTo(Optional.empty());
        assertThat(fc.findService("no-such-service")).isEmpty();
    }

    @Test
    void deletedServiceIsGone() throws Exception {
        fc.createService("temporary");

        fc.deleteService("temporary");

        assertThat(fc.findService("temporary")).isEmpty();
    }

    @Test
    void deploysTheProbeTwiceInvokesItAndReadsWhatItWrote() throws Exception {
        session.objects().createBucket("probe-target", session.defaultRegion());
        session.roles().createForFunctionCompute("probe-role", "");
        session.policies().attach("AliyunOSSFullAccess", PolicyKind.SYSTEM, "probe-role", PolicyScope.account());
        fc.createService("probe");
        fc.setServiceRole("probe", session.roles().arnOf("probe-role"));

        String created = fc.deployFunction("probe", "oss-probe", ProbePackage.HANDLER, ProbePackage.build());
        String updated = fc.deployFunction("probe", "oss-probe", ProbePackage.HANDLER, ProbePackage.build());
        Invocation invocation = fc.invoke("probe", "oss-probe", JSON.writeValueAsBytes(Map.of(
                "endpoint", session.ossEndpointFor(session.defaultRegion()), "bucket", "probe-target",
                "objectName", "hello.txt", "message", "written by the probe")));
        StoredObject readBack = session.objects().getObject("probe-target", "hello.txt");

        assertThat(created).isNotBlank().isNotEqualTo(updated);
        assertThat(fc.findFunction("probe", "oss-probe")).get()
                .extracting(FunctionSummary::handler).isEqualTo(ProbePackage.HANDLER);
        assertThat(invocation.errorType()).as(invocation.logTail()).isEmpty();
        JsonNode answer = JSON.readTree(invocation.body());
        assertThat(answer.path("ok").asBoolean()).as(invocation.body()).isTrue();
        assertThat(invocation.requestId()).isNotBlank();
        assertThat(invocation.logTail()).isNotBlank();
        assertThat(readBack.text()).isEqualTo("written by the probe");
    }

    @Test
    void deletedFunctionIsGoneAndInvokingItSaysSo() throws Exception {
        fc.createService("short");
        fc.deployFunction("short", "once", ProbePackage.HANDLER, ProbePackage.build());

        fc.deleteFunction("short", "once");

        assertThat(fc.findFunction("short", "once")).isEmpty();
        CloudException error = sandbox.secrets().fails("FunctionNotFound",
                () -> fc.invoke("short", "once", "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(error.httpStatus()).isEqualTo(404);
        assertThat(error.operation()).isEqualTo("fc:InvokeFunction");
    }

    @Test
    void listsBucketsOverSeveralPagesWithTheirResourceGroup() throws Exception {
        String group = sandbox.resourceManager("CreateResourceGroup", Map.of("Name", "buckets",
                "DisplayName", "Buckets")).path("ResourceGroup").path("Id").asText();
        session.objects().createBucket("grouped-bucket", session.defaultRegion(), Optional.of(group));
        session.objects().createBucket("plain-bucket-1", session.defaultRegion());
        session.objects().createBucket("plain-bucket-2", session.defaultRegion());

        List<BucketSummary> buckets = session.objects().listBuckets();

        assertThat(buckets).extracting(BucketSummary::name)
                .contains("grouped-bucket", "plain-bucket-1", "plain-bucket-2");
        assertThat(buckets).filteredOn(b -> b.name().equals("grouped-bucket"))
                .singleElement().extracting(BucketSummary::resourceGroupId).isEqualTo(Optional.of(group));
        assertThat(buckets).allSatisfy(b -> assertThat(b.region()).isEqualTo(session.defaultRegion()));
    }

    @Test
    void putsReadsAndDeletesAnObject() throws Exception {
        session.objects().createBucket("objects", session.defaultRegion());

        String put = session.objects().putObject("objects", "dir/a.txt", "hello".getBytes(StandardCharsets.UTF_8));
        StoredObject read = session.objects().getObject("objects", "dir/a.txt");
        session.objects().deleteObject("objects", "dir/a.txt");

        assertThat(put).isNotBlank();
        assertThat(read.text()).isEqualTo("hello");
        assertThat(read.etag()).isNotBlank();
        CloudException gone = sandbox.secrets().fails("NoSuchKey", () -> session.objects().getObject("objects", "dir/a.txt"));
        assertThat(gone.httpStatus()).isEqualTo(404);
    }

    @Test
    void deletedBucketIsGone() throws Exception {
        session.objects().createBucket("doomed", session.defaultRegion());

        session.objects().deleteBucket("doomed");

        assertThat(session.objects().listBuckets()).extracting(BucketSummary::name).doesNotContain("doomed");
        sandbox.secrets().fails("NoSuchBucket", () -> session.objects().putObject("doomed", "k", new byte[1]));
    }

    @Test
    void creatingAServiceThatExistsIsRefused() throws Exception {
        fc.createService("twice");

        CloudException error = sandbox.secrets().fails("ServiceAlreadyExists", () -> fc.createService("twice"));

        assertThat(error.httpStatus()).isEqualTo(409);
        assertThat(error.userMessage()).contains("services/twice");
    }
}
