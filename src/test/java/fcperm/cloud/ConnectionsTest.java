package fcperm.cloud;

import com.aliyun.credentials.models.CredentialModel;
import com.aliyun.credentials.provider.AlibabaCloudCredentialsProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.cloud.connection.ConnectionCatalog;
import fcperm.cloud.session.SdkSession;
import fcperm.cloud.sts.KeySources;
import com.sun.net.httpserver.HttpServer;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;
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
import java.time.Instant;
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
    private static String auditorArn;

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
        // the operator may read RAM, OSS and FC, and in turn assume the auditor role: a chain of two roles
        for (String policy : List.of("AliyunSTSAssumeRoleAccess", "AliyunRAMReadOnlyAccess", "AliyunOSSReadOnlyAccess",
                "AliyunFCReadOnlyAccess")) {
            sandbox.ram("AttachPolicyToRole", Map.of("RoleName", "operator", "PolicyType", "System", "PolicyName",
                    policy));
        }
        auditorArn = sandbox.ram("CreateRole", Map.of("RoleName", "auditor", "AssumeRolePolicyDocument", trust))
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
        return profile(name, mode, keyId, secret, token, role, "");
    }

    /** {@code more}: further fields of the modes that need them (", \"source_profile\": \"ak\""); the last wins. */
    private static String profile(String name, String mode, String keyId, String secret, String token,
                                  String role, String more) {
        return """
                    {
                      "name": "%s", "mode": "%s", "access_key_id": "%s", "access_key_secret": "%s",
                      "sts_token": "%s", "ram_role_name": "", "ram_role_arn": "%s", "ram_session_name": "console",
                      "private_key": "", "key_pair_name": "", "expired_seconds": 900, "verified": "",
                      "region_id": "cn-hangzhou", "output_format": "json", "language": "en", "site": "",
                      "retry_timeout": 0, "connect_timeout": 0, "retry_count": 0, "process_command": "",
                      "credentials_uri": ""%s
                    }""".formatted(name, mode, keyId, secret, token, role, more);
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
        AlibabaCloudCredentialsProvider keys = KeySources.of(new Credentials.RamRoleArn("RamRoleArn", deployer,
                roleArn, "token-for-test", 900, "", ""), sandbox.endpoints());
        CredentialModel issued = keys.getCredentials();
        keys.close();
        sandbox.secrets().secret(issued.getAccessKeySecret());
        sandbox.secrets().secret(issued.getSecurityToken());
        return new Credentials.StsToken(issued.getAccessKeyId(), issued.getAccessKeySecret(),
                issued.getSecurityToken());
    }

    @Test
    void connectsWithEachProfileModeTheSandboxCanServe() throws Exception {
        Credentials.StsToken token = temporaryKey();
        Path printed = home.resolve("key.json");
        Files.writeString(printed, "{\"mode\": \"StsToken\", \"access_key_id\": \"" + token.id()
                + "\", \"access_key_secret\": \"" + token.secret() + "\", \"sts_token\": \""
                + token.securityToken() + "\"}");
        HttpServer served = credentialsService(token);
        try {
            writeConfig("ak",
                    profile("ak", "AK", root.id(), root.secret(), "", ""),
                    profile("sts", "StsToken", token.id(), token.secret(), token.securityToken(), ""),
                    // its own STS endpoint does not count: with other endpoints, every call goes there
                    profile("role", "RamRoleArn", deployer.id(), deployer.secret(), "", roleArn,
                            ", \"sts_endpoint\": \"sts.example.invalid\""),
                    profile("chain", "ChainableRamRoleArn", "", "", "", auditorArn,
                            ", \"source_profile\": \"role\", \"ram_session_name\": \"second\""),
                    profile("external", "External", "", "", "", "", ", \"process_command\": \"cat '" + printed + "'\""),
                    profile("uri", "CredentialsURI", "", "", "", "", ", \"credentials_uri\": \"http://127.0.0.1:"
                            + served.getAddress().getPort() + "/key\""),
                    profile("sso", "CloudSSO", token.id(), token.secret(), token.securityToken(), "",
                            ", \"sts_expiration\": " + Instant.now().plusSeconds(600).getEpochSecond()));
            List<Connection> profiles = catalog(Map.of()).profiles();

            Map<String, String> principals = new java.util.TreeMap<>();
            for (Connection profile : profiles) {
                try (SdkSession session = openInSandbox(profile)) {
                    principals.put(profile.name() + " " + session.mode(), session.identity().principalType() + " "
                            + session.identity().arn().replaceAll(".*:", ""));
                }
            }

            assertThat(principals).containsExactly(
                    Map.entry("ak AK", "Account root"),
                    Map.entry("chain ChainableRamRoleArn", "AssumedRoleUser assumed-role/auditor/second"),
                    Map.entry("external External", "AssumedRoleUser assumed-role/operator/token-for-test"),
                    Map.entry("role RamRoleArn", "AssumedRoleUser assumed-role/operator/console"),
                    Map.entry("sso CloudSSO", "AssumedRoleUser assumed-role/operator/token-for-test"),
                    Map.entry("sts StsToken", "AssumedRoleUser assumed-role/operator/token-for-test"),
                    Map.entry("uri CredentialsURI", "AssumedRoleUser assumed-role/operator/token-for-test"));
            assertThat(profiles).extracting(Connection::kind).containsOnly(Connection.Kind.PROFILE);
            assertThat(profiles.get(0).name()).as("the current profile comes first").isEqualTo("ak");
        } finally {
            served.stop(0);
        }
    }

    /** A credentials URI: answers every GET with the key, as the CLI's CredentialsURI mode expects. */
    private static HttpServer credentialsService(Credentials.StsToken token) throws Exception {
        HttpServer server = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] answer = ("{\"Code\": \"Success\", \"AccessKeyId\": \"" + token.id() + "\", \"AccessKeySecret\": \""
                + token.secret() + "\", \"SecurityToken\": \"" + token.securityToken() + "\", \"Expiration\": \""
                + Instant.now().plusSeconds(800).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        server.createContext("/key", exchange -> {
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void aRoleProfileMayNameItsOwnStsEndpointAsTheCliDoes() throws Exception {
        writeConfig("vpc",
                profile("vpc", "RamRoleArn", deployer.id(), deployer.secret(), "", roleArn,
                        ", \"sts_endpoint\": \"https://sts-vpc.cn-shanghai.aliyuncs.com/\""),
                profile("regional", "RamRoleArn", deployer.id(), deployer.secret(), "", roleArn,
                        ", \"sts_region\": \"cn-beijing\""),
                profile("plain", "RamRoleArn", deployer.id(), deployer.secret(), "", roleArn));
        List<Connection> profiles = catalog(Map.of()).profiles();

        assertThat(profiles).extracting(p -> ((Credentials.RamRoleArn) p.credentials()).stsEndpoint())
                .containsExactly("https://sts-vpc.cn-shanghai.aliyuncs.com", "https://sts.cn-beijing.aliyuncs.com", "");
    }

    @Test
    void profilesThatCannotWorkAreListedWithTheReason() throws Exception {
        writeConfig("ecs",
                profile("ecs", "EcsRamRole", "", "", "", ""),
                profile("sso", "CloudSSO", "", "", "", ""),
                profile("half", "AK", "LTAI5tHalfAProfile", "", "", ""),
                profile("rsa", "RsaKeyPair", "", "", "", ""),
                profile("loop", "ChainableRamRoleArn", "", "", "", roleArn, ", \"source_profile\": \"loop2\""),
                profile("loop2", "ChainableRamRoleArn", "", "", "", roleArn, ", \"source_profile\": \"loop\""),
                profile("orphan", "ChainableRamRoleArn", "", "", "", roleArn, ", \"source_profile\": \"gone\""),
                profile("external", "External", "", "", "", "", ", \"process_command\": \"true\""));

        Map<String, Credentials.Unusable> reasons = new java.util.TreeMap<>();
        for (Connection profile : catalog(Map.of("ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS", "true")).profiles()) {
            profile.unusable().ifPresent(reason -> reasons.put(profile.name(), reason));
        }

        assertThat(reasons).containsExactly(
                Map.entry("external", new Credentials.Unusable("External", "profile.externalDisabled",
                        "ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS")),
                Map.entry("half", new Credentials.Unusable("AK", "profile.incomplete", "access_key_secret")),
                Map.entry("loop", new Credentials.Unusable("ChainableRamRoleArn", "profile.sourceLoop",
                        "loop → loop2 → loop")),
                Map.entry("loop2", new Credentials.Unusable("ChainableRamRoleArn", "profile.sourceLoop",
                        "loop2 → loop → loop2")),
                Map.entry("orphan", new Credentials.Unusable("ChainableRamRoleArn", "profile.sourceMissing", "gone")),
                Map.entry("rsa", new Credentials.Unusable("RsaKeyPair", "profile.unknownMode", "")),
                Map.entry("sso", new Credentials.Unusable("CloudSSO", "profile.cloudSso", "")));
        assertThatThrownBy(() -> openInSandbox(named(catalog(Map.of()).profiles(), "sso")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ecsRoleOffAnInstanceSaysItNeedsOne() throws Exception {
        writeConfig("ecs", profile("ecs", "EcsRamRole", "", "", "", "", ", \"ram_role_name\": \"builder\""));

        CloudException error = sandbox.secrets().fails("CredentialsUnavailable",
                () -> openInSandbox(named(catalog(Map.of()).profiles(), "ecs")));

        assertThat(error.userMessage()).contains("EcsRamRole works only on an ECS instance");
    }

    @Test
    void anOidcProfileAsksTheConnectionsStsEndpoint() throws Exception {
        Path token = Files.writeString(home.resolve("oidc-token"), "eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl");
        writeConfig("oidc", profile("oidc", "OIDC", "", "", "", roleArn, ", \"oidc_provider_arn\": \"acs:ram::"
                + sandbox.accountId() + ":oidc-provider/ack\", \"oidc_token_file\": \"" + token + "\""));

        // The sandbox has no AssumeRoleWithOIDC: its refusal shows the library's request reached it, over HTTP.
        CloudException error = sandbox.secrets().fails("InvalidAction.NotFound",
                () -> openInSandbox(named(catalog(Map.of()).profiles(), "oidc")));

        assertThat(error.operation()).isEqualTo("sts:AssumeRoleWithOIDC");
        assertThat(error.httpStatus()).isEqualTo(404);
    }

    @Test
    void aFailingExternalCommandSaysWhatItMustDo() throws Exception {
        writeConfig("external", profile("external", "External", "", "", "", "", ", \"process_command\": \"false\""));

        CloudException error = sandbox.secrets().fails("ExternalCredentialsFailed",
                () -> openInSandbox(named(catalog(Map.of()).profiles(), "external")));

        assertThat(error.userMessage()).contains("\"false\" ended with exit code 1")
                .contains("must print the JSON of an AK or StsToken profile");
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
    void withoutAKeyTheEnvironmentMayNameAnOidcRoleOrACredentialsUri() throws Exception {
        HttpServer served = credentialsService(temporaryKey());
        try {
            Connection uri = catalog(Map.of("ALIBABA_CLOUD_CREDENTIALS_URI", "http://127.0.0.1:"
                    + served.getAddress().getPort() + "/key")).environment().orElseThrow();
            try (SdkSession session = openInSandbox(uri)) {
                assertThat(session.mode()).isEqualTo("CredentialsURI");
                assertThat(session.identity().principalType()).isEqualTo("AssumedRoleUser");
                assertThat(session.keyExpiry()).isPresent();
            }
        } finally {
            served.stop(0);
        }
        Connection oidc = catalog(Map.of("ALIBABA_CLOUD_ROLE_ARN", roleArn, "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
                "acs:ram::" + sandbox.accountId() + ":oidc-provider/ack", "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
                "/var/run/secrets/tokens/oidc-token")).environment().orElseThrow();
        assertThat(oidc.credentials()).isEqualTo(new Credentials.OidcRoleArn(roleArn,
                "acs:ram::" + sandbox.accountId() + ":oidc-provider/ack", "/var/run/secrets/tokens/oidc-token",
                "fc-permissions-console", 900, ""));
        assertThat(catalog(Map.of("ALIBABA_CLOUD_ROLE_ARN", roleArn)).environment()).isEmpty();
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
    void roleKeyIsKeptUntilTheLastFifthOfItsLifetime() throws Exception {
        AlibabaCloudCredentialsProvider keys = KeySources.of(new Credentials.RamRoleArn("RamRoleArn", deployer,
                roleArn, "renewing", 900, "", ""), sandbox.endpoints());
        // The first key is issued 800 s in the sandbox's past: 100 s of it are left, less than a fifth of 900 s.
        sandbox.clock().setOffset(Duration.ofSeconds(-800));
        CredentialModel nearlyExpired;
        try {
            nearlyExpired = keys.getCredentials();
        } finally {
            sandbox.clock().setOffset(Duration.ZERO);
        }
        try (keys) {
            List<CredentialModel> issued = List.of(nearlyExpired, keys.getCredentials(), keys.getCredentials());
            issued.forEach(key -> sandbox.secrets().secret(key.getAccessKeySecret()));
            issued.forEach(key -> sandbox.secrets().secret(key.getSecurityToken()));

            assertThat(issued.get(1).getAccessKeyId()).as("renewed ahead of its expiry")
                    .isNotEqualTo(issued.get(0).getAccessKeyId());
            assertThat(issued.get(2).getAccessKeyId()).as("a fresh 900-second key is kept")
                    .isEqualTo(issued.get(1).getAccessKeyId());
            assertThat(issued.get(1).getExpiration()).isGreaterThan(System.currentTimeMillis() + 800_000);
        }
    }

    @Test
    void aSessionOutlivesItsFirstRoleKey() throws Exception {
        writeConfig("role", profile("role", "RamRoleArn", deployer.id(), deployer.secret(), "", roleArn));
        Connection role = named(catalog(Map.of()).profiles(), "role");
        // The first key is issued 898 s in the sandbox's past: it has expired once the sandbox is 5 s ahead.
        sandbox.clock().setOffset(Duration.ofSeconds(-898));
        SdkSession session;
        try {
            session = openInSandbox(role);
        } finally {
            sandbox.clock().setOffset(Duration.ofSeconds(5));
        }
        try (session) {
            assertThat(session.keyExpiry()).isPresent();
            assertThat(session.roles().find("operator")).as("RAM, with the renewed key").isPresent();
            assertThat(session.objects().listBuckets()).as("OSS, with the renewed key").isEmpty();
            assertThat(session.functionCompute(session.defaultRegion()).listServices(Progress.NONE, Cancellation.NEVER))
                    .as("FC, with the renewed key").isEmpty();
        } finally {
            sandbox.clock().setOffset(Duration.ZERO);
        }
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
                new Credentials.RamRoleArn("RamRoleArn", deployer, roleArn, "s", 900, "", ""), Endpoints.publicCloud());
        Connection sso = new Connection(Connection.Kind.PROFILE, "sso", "cn-hangzhou",
                new Credentials.CloudSso(token, Instant.now()), Endpoints.publicCloud());
        Connection sts = new Connection(Connection.Kind.PROFILE, "sts", "cn-hangzhou", token, Endpoints.publicCloud());

        for (Object shown : List.of(role, sts, sso, role.description(), sts.description(), sso.description(), token,
                deployer, sso.credentials())) {
            assertThat(shown.toString()).doesNotContain(deployer.secret(), token.secret(), token.securityToken());
        }
    }
}
