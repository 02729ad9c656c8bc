package fcperm.cloud;

import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.cloud.connection.ConnectionCatalog;
import fcperm.cloud.session.SdkSession;
import fcperm.cloud.sts.SigningKeys;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;
import fcperm.testkit.MovableClock;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The connection kinds (aliyun CLI profiles from a temporary HOME, environment variables, a key typed in and saved)
 * and the failures a user meets when connecting: a wrong secret, an expired STS token, a sandbox that has stopped.
 */
class ConnectionsTest {

    @RegisterExtension
    static final TestSandbox sandbox = new TestSandbox().watchingSecrets();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Credentials.AccessKey root;
    private static Credentials.AccessKey deployer;
    private static String roleArn;

    @TempDir
    Path home;

    @BeforeAll
    static void world() throws Exception {
        root = (Credentials.AccessKey) sandbox.rootConnection().credentials();
        deployer = sandbox.userWithKey("deployer", "AliyunSTSAssumeRoleAccess");
        String trust = "{\"Version\":\"1\",\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"RAM\":[\"acs:ram::" + sandbox.accountId() + ":root\"]}}]}";
        roleArn = sandbox.ram("CreateRole", Map.of("RoleName", "operator", "AssumeRolePolicyDocument", trust))
                .path("Role").path("Arn").asText();
    }

    /** A config.json as `aliyun configure` writes it, with every field of each profile. */
    private void writeConfig(String current, String... profiles) throws Exception {
        Path directory = Files.createDirectories(home.resolve(".aliyun"));
        Files.writeString(directory.resolve("config.json"), "{\n  \"current\": \"" + current + "\",\n"
                + "  \"profiles\": [\n" + String.join(",\n", profiles) + "\n  ],\n  \"meta_path\": \"\"\n}\n");
    }

    private static String profile(String name, String mode, String keyId, String secret, String token,
                                  String role) {
        return """
                    {
                      "name": "%s", "mode": "%s", "access_key_id": "%s", "access_key_secret": "%s",
                      "sts_token": "%s", "ram_role_name": "", "ram_role_arn": "%s", "ram_session_name": "console",
                      "private_key": "", "key_pair_name": "", "expired_seconds": 900, "verified": "",
                      "region_id": "cn-hangzhou", "output_format": "json", "language": "en", "site": "",
                      "retry_timeout": 0, "connect_timeout": 0, "retry_count": 0, "process_command": "",
                      "credentials_uri": ""
                    }""".formatted(name, mode, keyId, secret, token, role);
    }

    private ConnectionCatalog catalog(Map<String, String> environment) {
        return new ConnectionCatalog(home, environment);
    }

    private static Connection named(List<Connection> connections, String name) {
        return connections.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static SdkSession openInSandbox(Connection connection) throws CloudException {
        return sandbox.openSession(connection.withEndpoints(sandbox.endpoints()), 100);
    }

    /** A temporary key of the operator role, assumed by the deployer, issued at the sandbox's present time. */
    private static Credentials.StsToken temporaryKey() throws Exception {
        AlibabaCloudCredentialsProvider keys = SigningKeys.of(new Credentials.RamRoleArn(deployer, roleArn,
                "token-for-test", 900), sandbox.endpoints().sts(), sandbox.sandbox().region(),
                java.time.Clock.systemUTC());
        BasicSessionCredentials issued = (BasicSessionCredentials) keys.getCredentials();
        sandbox.secrets().secret(issued.getAccessKeySecret());
        sandbox.secrets().secret(issued.getSessionToken());
        return new Credentials.StsToken(issued.getAccessKeyId(), issued.getAccessKeySecret(),
                issued.getSessionToken());
    }

    @Test
    void connectsWithEachSupportedProfileMode() throws Exception {
        Credentials.StsToken token = temporaryKey();
        writeConfig("ak",
                profile("ak", "AK", root.id(), root.secret(), "", ""),
                profile("sts", "StsToken", token.id(), token.secret(), token.securityToken(), ""),
                profile("role", "RamRoleArn", deployer.id(), deployer.secret(), "", roleArn));
        List<Connection> profiles = catalog(Map.of()).profiles();

        try (SdkSession ak = openInSandbox(named(profiles, "ak"));
             SdkSession sts = openInSandbox(named(profiles, "sts"));
             SdkSession role = openInSandbox(named(profiles, "role"))) {

            assertThat(ak.identity().principalType()).isEqualTo("Account");
            assertThat(sts.identity().principalType()).isEqualTo("AssumedRoleUser");
            assertThat(role.identity().principalType()).isEqualTo("AssumedRoleUser");
            assertThat(role.identity().arn()).contains("operator/console");
            assertThat(role.connectionName()).isEqualTo("role");
        }
        assertThat(profiles).extracting(Connection::kind).containsOnly(Connection.Kind.PROFILE);
        assertThat(profiles.get(0).name()).as("the current profile comes first").isEqualTo("ak");
    }

    @Test
    void otherModesAreListedWithTheReasonTheyCannotBeUsed() throws Exception {
        writeConfig("ecs",
                profile("ecs", "EcsRamRole", "", "", "", ""),
                profile("sso", "CloudSSO", "", "", "", ""),
                profile("half", "AK", "LTAI5tHalfAProfile", "", "", ""));
        List<Connection> profiles = catalog(Map.of()).profiles();

        assertThat(named(profiles, "ecs").unsupportedReason()).get().asString()
                .contains("EcsRamRole").contains("not supported yet");
        assertThat(named(profiles, "sso").unsupportedReason()).get().asString().contains("CloudSSO");
        assertThat(named(profiles, "half").unsupportedReason()).get().asString().contains("access_key_secret");
        CloudException refused = sandbox.secrets().fails("UnsupportedProfileMode",
                () -> openInSandbox(named(profiles, "ecs")));
        assertThat(refused.userMessage()).contains("not supported yet");
        sandbox.secrets().fails("IncompleteProfile", () -> openInSandbox(named(profiles, "half")));
    }

    @Test
    void alibabaCloudProfileVariableChoosesTheCurrentProfile() throws Exception {
        writeConfig("first",
                profile("first", "AK", root.id(), root.secret(), "", ""),
                profile("second", "AK", root.id(), root.secret(), "", ""));

        ConnectionCatalog chosen = catalog(Map.of("ALIBABA_CLOUD_PROFILE", "second"));

        assertThat(chosen.currentProfile()).contains("second");
        assertThat(chosen.profiles().get(0).name()).isEqualTo("second");
        assertThat(catalog(Map.of()).currentProfile()).contains("first");
    }

    @Test
    void noConfigFileMeansNoProfiles() {
        assertThat(catalog(Map.of()).profiles()).isEmpty();
        assertThat(catalog(Map.of()).currentProfile()).isEmpty();
    }

    @Test
    void brokenConfigFileIsReportedWithWhereItBreaks() throws Exception {
        Files.createDirectories(home.resolve(".aliyun"));
        Files.writeString(home.resolve(".aliyun/config.json"), "{\n  \"profiles\": [\n    {\"name\": }\n");

        assertThatThrownBy(() -> catalog(Map.of()).profiles()).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("config.json is not valid JSON (line 3");
    }

    @Test
    void connectsWithTheEnvironmentVariables() throws Exception {
        Credentials.StsToken token = temporaryKey();
        ConnectionCatalog withKey = catalog(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", root.id(),
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET", root.secret(), "ALIBABA_CLOUD_REGION_ID", "cn-shanghai"));
        ConnectionCatalog withToken = catalog(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", token.id(),
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET", token.secret(), "ALIBABA_CLOUD_SECURITY_TOKEN",
                token.securityToken()));

        Connection environment = withKey.environment().orElseThrow();
        try (SdkSession keySession = openInSandbox(environment);
             SdkSession tokenSession = openInSandbox(withToken.environment().orElseThrow())) {
            assertThat(keySession.identity().principalType()).isEqualTo("Account");
            assertThat(tokenSession.identity().principalType()).isEqualTo("AssumedRoleUser");
        }
        assertThat(environment.kind()).isEqualTo(Connection.Kind.ENVIRONMENT);
        assertThat(environment.region()).isEqualTo("cn-shanghai");
        assertThat(withToken.environment().orElseThrow().region()).isEqualTo(ConnectionCatalog.DEFAULT_REGION);
        assertThat(catalog(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", root.id())).environment()).isEmpty();
    }

    @Test
    void savesATypedKeyAsANewProfileAndLeavesTheOthersAlone() throws Exception {
        writeConfig("mine", profile("mine", "RamRoleArn", "LTAI5tSomeoneElsesKey", "kept-secret", "", roleArn));
        String before = Files.readString(home.resolve(".aliyun/config.json"));
        ConnectionCatalog catalog = catalog(Map.of());

        Connection typed = catalog.manual(root.id(), root.secret(), Optional.of("typed"));

        Path file = home.resolve(".aliyun/config.json");
        JsonNode saved = JSON.readTree(file.toFile());
        assertThat(saved.path("profiles")).hasSize(2);
        assertThat(saved.path("profiles").get(0)).isEqualTo(JSON.readTree(before).path("profiles").get(0));
        assertThat(saved.path("current").asText()).isEqualTo("mine");
        assertThat(saved.path("meta_path").isTextual()).isTrue();
        assertThat(saved.path("profiles").get(1).path("mode").asText()).isEqualTo("AK");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file is left").containsExactly(file);
        }
        assertThat(named(catalog.profiles(), "typed").credentials()).isEqualTo(typed.credentials());
        try (SdkSession session = openInSandbox(typed)) {
            assertThat(session.identity().accountId()).isEqualTo(sandbox.accountId());
        }
    }

    @Test
    void aTakenProfileNameIsRefusedAndTheFileIsUntouched() throws Exception {
        writeConfig("mine", profile("mine", "AK", "LTAI5tSomeoneElsesKey", "kept-secret", "", ""));
        String before = Files.readString(home.resolve(".aliyun/config.json"));

        assertThatThrownBy(() -> catalog(Map.of()).manual(root.id(), root.secret(), Optional.of("mine")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"mine\" already exists");
        assertThat(Files.readString(home.resolve(".aliyun/config.json"))).isEqualTo(before);
    }

    @Test
    void aKeyTypedInWithoutSavingWritesNothing() {
        Connection typed = catalog(Map.of()).manual(" " + root.id() + " ", root.secret(), Optional.empty());

        assertThat(typed.kind()).isEqualTo(Connection.Kind.MANUAL);
        assertThat(((Credentials.AccessKey) typed.credentials()).id()).isEqualTo(root.id());
        assertThat(home.resolve(".aliyun")).doesNotExist();
    }

    @Test
    void roleKeyIsRenewedBeforeItExpires() throws Exception {
        MovableClock clientClock = new MovableClock();
        AlibabaCloudCredentialsProvider keys = SigningKeys.of(new Credentials.RamRoleArn(deployer, roleArn,
                "renewing", 900), sandbox.endpoints().sts(), sandbox.sandbox().region(), clientClock);

        String first = keys.getCredentials().getAccessKeyId();
        clientClock.setOffset(Duration.ofSeconds(600));
        String stillFirst = keys.getCredentials().getAccessKeyId();
        clientClock.setOffset(Duration.ofSeconds(900 - 170));
        BasicSessionCredentials renewed = (BasicSessionCredentials) keys.getCredentials();
        sandbox.secrets().secret(renewed.getAccessKeySecret());
        sandbox.secrets().secret(renewed.getSessionToken());

        assertThat(stillFirst).isEqualTo(first);
        assertThat(renewed.getAccessKeyId()).as("a fifth of the lifetime ahead of expiry").isNotEqualTo(first);
    }

    @Test
    void wrongSecretSaysToCheckTheProfile() {
        Connection wrong = new Connection(Connection.Kind.PROFILE, "wrong", sandbox.sandbox().region(),
                new Credentials.AccessKey(root.id(), "not-the-secret-at-all"), sandbox.endpoints());

        CloudException error = sandbox.secrets().fails("SignatureDoesNotMatch", () -> sandbox.openSession(wrong, 100));

        assertThat(error.userMessage()).contains("Check the AccessKey ID and secret of the profile");
        assertThat(error.operation()).isEqualTo("sts:GetCallerIdentity");
        assertThat(error.httpStatus()).isEqualTo(400);
        assertThat(error.mayHaveTakenEffect()).as("an error answer: the cloud did nothing").isFalse();
    }

    @Test
    void unknownKeySaysToCheckTheProfile() {
        Connection unknown = new Connection(Connection.Kind.PROFILE, "unknown", sandbox.sandbox().region(),
                new Credentials.AccessKey("LTAI5tNoSuchKeyAnywhere", "whatever"), sandbox.endpoints());

        CloudException error = sandbox.secrets().fails("InvalidAccessKeyId.NotFound", () -> sandbox.openSession(unknown, 100));

        assertThat(error.userMessage()).contains("Check the AccessKey ID and secret");
    }

    @Test
    void expiredStsTokenSaysToRenewIt() throws Exception {
        // Issue the token 898 s in the sandbox's past (within its 15-minute clock skew), then move the sandbox
        // 5 s into the future: the 900-second token has expired, while requests are still on time.
        sandbox.clock().setOffset(Duration.ofSeconds(-898));
        Credentials.StsToken token;
        try {
            token = temporaryKey();
        } finally {
            sandbox.clock().setOffset(Duration.ofSeconds(5));
        }
        Connection expired = new Connection(Connection.Kind.PROFILE, "expired", sandbox.sandbox().region(), token,
                sandbox.endpoints());
        try {
            CloudException error = sandbox.secrets().fails("InvalidSecurityToken.Expired", () -> sandbox.openSession(expired, 100));

            assertThat(error.userMessage()).contains("STS security token").contains("expired");
        } finally {
            sandbox.clock().setOffset(Duration.ZERO);
        }
    }

    @Test
    void stoppedSandboxIsReportedAsUnreachable(@TempDir Path otherData) throws Exception {
        Connection toStopped;
        try (Sandbox other = Sandbox.start(SandboxOptions.of(otherData))) {
            sandbox.secrets().secret(other.rootCredentials().accessKeySecret());
            toStopped = Connection.sandbox(other.region(), new Credentials.AccessKey(
                    other.rootCredentials().accessKeyId(), other.rootCredentials().accessKeySecret()),
                    Endpoints.local(other.endpoints().ram(), other.endpoints()::fc));
        }

        CloudException error = sandbox.secrets().fails(CloudException.UNREACHABLE, () -> sandbox.openSession(toStopped, 100));

        assertThat(error.userMessage()).contains("Cannot reach http://127.0.0.1:").contains("still running");
        assertThat(error.httpStatus()).isZero();
        assertThat(error.mayHaveTakenEffect()).as("refused connection: the request never arrived").isFalse();
    }

    @Test
    void connectionsNeverShowTheirSecrets() throws Exception {
        Credentials.StsToken token = temporaryKey();
        Connection role = new Connection(Connection.Kind.PROFILE, "role", "cn-hangzhou",
                new Credentials.RamRoleArn(deployer, roleArn, "s", 900), Endpoints.publicCloud());
        Connection sts = new Connection(Connection.Kind.PROFILE, "sts", "cn-hangzhou", token, Endpoints.publicCloud());

        for (Object shown : List.of(role, sts, role.description(), sts.description(), token, deployer)) {
            assertThat(shown.toString()).doesNotContain(deployer.secret(), token.secret(), token.securityToken());
        }
    }
}
