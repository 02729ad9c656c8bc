package fcperm.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.sandbox.OwnerOnlyFile;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fcperm whoami} as a script uses it: each form of --connection against a sandbox on a random port, a profile
 * tried against the sandbox with --endpoints, RAM user keys from the environment, and the refusals. No output may
 * hold a secret.
 */
class WhoamiCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    @TempDir
    Path home;

    private static Sandbox sandbox;
    private static SandboxWorld world;
    private static Path sandboxJson;
    private static String userKeyId;
    private static String userSecret;
    private static String roleArn;
    private static final List<String> SECRETS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.of(data.resolve("running")));
        world = new SandboxWorld(sandbox);
        sandboxJson = data.resolve("running").resolve(SandboxCommand.INFO_FILE);
        OwnerOnlyFile.write(sandboxJson, SandboxCommand.describe(sandbox, List.of()));
        world.ram("CreateUser", Map.of("UserName", "scripter"));
        world.ram("AttachPolicyToUser", Map.of("UserName", "scripter", "PolicyType", "System", "PolicyName",
                "AliyunSTSAssumeRoleAccess"));
        JsonNode key = world.ram("CreateAccessKey", Map.of("UserName", "scripter")).path("AccessKey");
        userKeyId = key.path("AccessKeyId").asText();
        userSecret = key.path("AccessKeySecret").asText();
        String trust = "{\"Version\":\"1\",\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"RAM\":[\"acs:ram::" + sandbox.accountId() + ":root\"]}}]}";
        roleArn = world.ram("CreateRole", Map.of("RoleName", "deployer", "AssumeRolePolicyDocument", trust))
                .path("Role").path("Arn").asText();
        SECRETS.add(userSecret);
        SECRETS.add(sandbox.rootCredentials().accessKeySecret());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private Run whoami(Map<String, String> variables, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] command = new String[args.length + 1];
        command[0] = "whoami";
        System.arraycopy(args, 0, command, 1, args.length);
        int exit = Main.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new Main.CommandEnvironment(new AppHome(home.resolve(".fcperm")), home, variables));
        Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        for (String secret : SECRETS) {
            assertThat(run.out() + run.err()).as("a secret was printed").doesNotContain(secret);
        }
        return run;
    }

    private void profiles(String... profiles) throws Exception {
        Files.createDirectories(home.resolve(".aliyun"));
        Files.writeString(home.resolve(".aliyun/config.json"), "{\"current\": \"\", \"profiles\": ["
                + String.join(",", profiles) + "]}");
    }

    @Test
    void aRunningSandboxByItsFileIsTheRootAccount() throws Exception {
        Run run = whoami(Map.of(), "--connection", "sandbox:" + sandboxJson, "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode identity = run.json();
        assertThat(identity.path("mode").asText()).isEqualTo("AK");
        assertThat(identity.path("accountId").asText()).isEqualTo(sandbox.accountId());
        assertThat(identity.path("principalType").asText()).isEqualTo("Account");
        assertThat(identity.path("arn").asText()).isEqualTo("acs:ram::" + sandbox.accountId() + ":root");
        assertThat(identity.path("expiration").isNull()).isTrue();
        assertThat(identity.path("endpoints").path("sts").asText()).isEqualTo(sandbox.endpoints().sts().toString());
        assertThat(identity.path("connection").asText()).isEqualTo("sandbox:" + sandboxJson);
    }

    @Test
    void keysInTheEnvironmentActAsThatUserOnTheSandbox() throws Exception {
        Run run = whoami(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", userKeyId, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", userSecret),
                "--connection", "sandbox:" + sandboxJson);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Mode:       AK")
                .contains("Principal:  RAMUser acs:ram::" + sandbox.accountId() + ":user/scripter")
                .contains("Expires:    never");
    }

    @Test
    void aRoleProfileTriedAgainstTheSandboxShowsTheRoleAndItsExpiry() throws Exception {
        profiles("{\"name\": \"ci\", \"mode\": \"RamRoleArn\", \"access_key_id\": \"" + userKeyId
                + "\", \"access_key_secret\": \"" + userSecret + "\", \"ram_role_arn\": \"" + roleArn
                + "\", \"ram_session_name\": \"nightly\", \"expired_seconds\": 3600}");

        Run run = whoami(Map.of(), "--connection", "profile:ci", "--endpoints", sandboxJson.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode identity = run.json();
        assertThat(identity.path("mode").asText()).isEqualTo("RamRoleArn");
        assertThat(identity.path("principalType").asText()).isEqualTo("AssumedRoleUser");
        assertThat(identity.path("arn").asText()).endsWith(":assumed-role/deployer/nightly");
        assertThat(java.time.Instant.parse(identity.path("expiration").asText()))
                .isAfter(java.time.Instant.now().plusSeconds(3000));
    }

    @Test
    void theEmbeddedSandboxIsStartedForTheCommandAndStoppedAfter() throws Exception {
        Run first = whoami(Map.of(), "--connection", "sandbox", "--json");
        Run again = whoami(Map.of(), "--connection", "sandbox", "--json");

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(again.exit()).as("the data folder was released: " + again.err()).isZero();
        assertThat(again.json().path("accountId").asText()).isEqualTo(first.json().path("accountId").asText());
        assertThat(home.resolve(".fcperm/sandbox")).isDirectory();
    }

    @Test
    void aSandboxAlreadyRunningOnTheDataFolderIsUsedThroughItsFile() throws Exception {
        Path folder = home.resolve(".fcperm/sandbox");
        try (Sandbox running = Sandbox.start(SandboxOptions.of(folder))) {
            SECRETS.add(running.rootCredentials().accessKeySecret());
            Run withoutFile = whoami(Map.of(), "--connection", "sandbox");
            OwnerOnlyFile.write(folder.resolve(SandboxCommand.INFO_FILE), SandboxCommand.describe(running, List.of()));
            Run withFile = whoami(Map.of(), "--connection", "sandbox", "--json");

            assertThat(withoutFile.exit()).isEqualTo(1);
            assertThat(withoutFile.err()).contains("is in use by the app").contains("--connection sandbox:FILE");
            assertThat(withFile.exit()).as(withFile.err()).isZero();
            assertThat(withFile.json().path("accountId").asText()).isEqualTo(running.accountId());
        }
    }

    @Test
    void aProfileThatCannotWorkSaysWhyAndExitsOne() throws Exception {
        profiles("{\"name\": \"sso\", \"mode\": \"CloudSSO\"}");

        Run run = whoami(Map.of(), "--connection", "profile:sso", "--endpoints", sandboxJson.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("CloudSSO profile \"sso\"").contains("aliyun sts GetCallerIdentity --profile sso");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badUsageExitsTwoWithTheUsage() throws Exception {
        profiles();
        for (String[] args : List.of(new String[] {}, new String[] {"--connection", "cloud"},
                new String[] {"--connection", "profile:none"}, new String[] {"--connection", "env"},
                new String[] {"--connection", "sandbox:" + home.resolve("missing.json")},
                new String[] {"--connection", "sandbox", "--endpoints"}, new String[] {"--bogus"})) {
            Run run = whoami(Map.of(), args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).contains("usage: fcperm whoami --connection C");
        }
        assertThat(whoami(Map.of(), "--help").exit()).isZero();
    }
}
