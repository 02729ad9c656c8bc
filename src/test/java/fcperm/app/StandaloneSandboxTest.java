package fcperm.app;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.ListRolesRequest;
import com.aliyuncs.ram.model.v20150501.ListRolesResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone sandbox as scripts use it: {@code java … fcperm.app.Main sandbox --port P --data DIR} in its own
 * process. Killed with SIGKILL in the middle of a stream of writes, it loses none it acknowledged.
 */
class StandaloneSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRUST = "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}}],\"Version\":\"1\"}";

    @TempDir
    Path dataDir;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A running standalone sandbox and what its sandbox.json says. */
    private record Running(Process process, JsonNode info) {
        String hostPort() {
            URI ram = URI.create(info.path("endpoints").path("ram").asText());
            return ram.getHost() + ":" + ram.getPort();
        }
    }

    private Running launch() throws IOException {
        Files.deleteIfExists(dataDir.resolve(SandboxCommand.INFO_FILE));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "fcperm.app.Main", "sandbox", "--port", "0", "--data", dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        started.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertThat(ready).as("the ready line").isNotNull().startsWith("sandbox ready: account ");
        return new Running(process, JSON.readTree(dataDir.resolve(SandboxCommand.INFO_FILE).toFile()));
    }

    private static IAcsClient client(JsonNode info) {
        DefaultProfile profile = DefaultProfile.getProfile(info.path("region").asText(),
                info.path("rootAccessKeyId").asText(), info.path("rootAccessKeySecret").asText());
        HttpClientConfig config = HttpClientConfig.getDefault();
        config.setProtocolType(ProtocolType.HTTP);
        config.setConnectionTimeoutMillis(2000);
        config.setReadTimeoutMillis(5000);
        profile.setHttpClientConfig(config);
        return new DefaultAcsClient(profile);
    }

    @Test
    void writesSandboxJsonWithExactlyTheContractedFieldsReadableOnlyByTheOwner() throws Exception {
        Running sandbox = launch();

        JsonNode info = sandbox.info();
        Set<String> fields = new HashSet<>();
        info.fieldNames().forEachRemaining(fields::add);
        Set<String> endpoints = new HashSet<>();
        info.path("endpoints").fieldNames().forEachRemaining(endpoints::add);

        assertThat(fields).containsExactlyInAnyOrder("accountId", "region", "endpoints", "rootAccessKeyId", "rootAccessKeySecret");
        assertThat(endpoints).containsExactlyInAnyOrder("ram", "sts", "resourcemanager", "oss", "fc");
        assertThat(info.path("endpoints").path("fc").asText()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(info.path("accountId").asText()).matches("\\d{16}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(SandboxCommand.INFO_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkillAndTheDatabaseOpensCleanly() throws Exception {
        Running first = launch();
        IAcsClient client = client(first.info());
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        Thread writer = new Thread(() -> {
            for (int i = 0; ; i++) {
                CreateRoleRequest create = new CreateRoleRequest();
                create.setSysProtocol(ProtocolType.HTTP);
                create.setSysEndpoint(first.hostPort());
                create.setRoleName("acked-" + i);
                create.setAssumeRolePolicyDocument(TRUST);
                try {
                    client.getAcsResponse(create);
                    acknowledged.add("acked-" + i);
                } catch (ClientException e) {
                    return; // the server is gone: this write was never acknowledged
                }
            }
        });
        writer.start();
        while (acknowledged.size() < 50) {
            Thread.onSpinWait();
        }
        first.process().destroyForcibly(); // SIGKILL, mid-stream
        first.process().waitFor(10, TimeUnit.SECONDS);
        writer.join(30_000);
        assertThat(writer.isAlive()).isFalse();

        Running second = launch();
        ListRolesRequest list = new ListRolesRequest();
        list.setSysProtocol(ProtocolType.HTTP);
        list.setSysEndpoint(second.hostPort());
        list.setMaxItems(1000);
        List<String> roles = client(second.info()).getAcsResponse(list).getRoles().stream()
                .map(ListRolesResponse.Role::getRoleName).toList();

        assertThat(second.info().path("accountId").asText()).isEqualTo(first.info().path("accountId").asText());
        assertThat(roles).containsAll(acknowledged).doesNotHaveDuplicates();

        second.process().destroy(); // SIGTERM: a clean close
        assertThat(second.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("sandbox.db"));
             ResultSet check = db.createStatement().executeQuery("PRAGMA integrity_check")) {
            assertThat(check.next()).isTrue();
            assertThat(check.getString(1)).isEqualTo("ok");
        }
    }

    @Test
    void badArgumentsAreRefusedWithUsageAndNoSandboxIsStarted() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

        for (String[] args : List.of(new String[] {"sandbox", "--port", "http"}, new String[] {"sandbox", "--colour", "blue"},
                new String[] {"sandbox", "--data"})) {
            assertThat(Main.run(args, System.out, errors, Main.CommandEnvironment.of())).isEqualTo(2);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port must be a number: http")
                .contains("unknown option --colour").contains("missing value after --data").contains("usage: fcperm sandbox");
        assertThat(dataDir.resolve(SandboxCommand.INFO_FILE)).doesNotExist();
    }

    @Test
    void otherFcRegionsAreListedWithTheirOwnListener() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(dataDir))) {
            JsonNode info = JSON.readTree(SandboxCommand.describe(sandbox, List.of("cn-shanghai", "cn-beijing")));

            assertThat(info.path("fcRegions").path("cn-shanghai").asText())
                    .isEqualTo(sandbox.endpoints().fc("cn-shanghai").toString())
                    .isNotEqualTo(info.path("endpoints").path("fc").asText());
            assertThat(info.path("fcRegions").path("cn-beijing").asText()).matches("http://127\\.0\\.0\\.1:\\d+");
        }
    }
}
