package fcperm.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fcperm policy validate|simulate} as a script calls it: arguments in, text and an exit code out. */
class PolicyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OBJECT = "acs:oss:*:1234567890123456:photos/2024/a.jpg";

    @TempDir
    Path dir;

    /** What one run printed and returned. */
    private record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] command = new String[args.length + 1];
        command[0] = "policy";
        System.arraycopy(args, 0, command, 1, args.length);
        int exit = Main.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Main.CommandEnvironment.of());
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String file(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path.toString();
    }

    private String policy(String name, String statements) throws IOException {
        return file(name, "{\"Version\":\"1\",\"Statement\":[" + statements + "]}");
    }

    private static String[] simulate(String... args) {
        List<String> all = new ArrayList<>(List.of("simulate"));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    @Test
    void validateExitsZeroForAValidPolicyAndPrintsItsWarnings() throws IOException {
        String admin = policy("admin.json", "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}");
        Run run = run("validate", admin);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains(admin + ":1:29: Warning: ").contains(admin + ": valid (0 errors, 1 warning)");
    }

    @Test
    void validateNamesFileLineAndColumnOfEveryErrorAndExitsOne() throws IOException {
        String broken = file("broken.json", "{\"Version\": \"1\",\n \"Statement\": [\n  {\"Effect\": \"Allow\", \"Action\": \"GetObject\", \"Resource\": \"*\"}\n ]\n}");
        Run run = run("validate", broken);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(broken + ":3:33: Invalid action format: ")
                .contains("(at $.Statement[0].Action)").contains("invalid (1 error, 0 warnings)");
    }

    @Test
    void validateReportsBrokenJsonWithItsPosition() throws IOException {
        String truncated = file("truncated.json", "{\"Version\": \"1\",\n \"Statement\": [{\"Effect\": ");
        Run run = run("validate", truncated);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).containsPattern(java.util.regex.Pattern.quote(truncated) + ":2:\\d+: Json syntax error: ");
    }

    @Test
    void validatePrintsOneJsonObjectWhenAsked() throws IOException {
        String bad = policy("bad.json", "{\"Effect\":\"Permit\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}");
        Run run = run("validate", "--json", bad);
        assertThat(run.exit()).isEqualTo(1);
        JsonNode report = run.json();
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("errors").get(0).get("category").asText()).isEqualTo("Invalid effect");
        assertThat(report.get("errors").get(0).get("path").asText()).isEqualTo("$.Statement[0].Effect");
        assertThat(report.get("errors").get(0).get("line").asInt()).isEqualTo(1);
    }

    @Test
    void validateChecksATrustPolicyWhenToldItIsOne() throws IOException {
        String trust = file("trust.json", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}}]}");
        assertThat(run("validate", "--trust", trust).exit()).isZero();
        assertThat(run("validate", trust).exit()).isEqualTo(1);
    }

    @Test
    void validateExitsTwoForAMissingFileOrBadUsage() {
        Run missing = run("validate", dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        assertThat(run("validate").exit()).isEqualTo(2);
        assertThat(run("frobnicate").exit()).isEqualTo(2);
    }

    @Test
    void simulateAllowsWhatAnAccountPolicyGrantsAndNamesTheStatement() throws IOException {
        String read = policy("read.json", "{\"Effect\":\"Allow\",\"Action\":\"oss:List*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"acs:oss:*:*:photos/*\"}");
        Run run = run(simulate("--action", "oss:GetObject", "--resource", OBJECT, "--policy", read, "--json"));
        assertThat(run.exit()).isZero();
        JsonNode result = run.json();
        assertThat(result.get("decision").asText()).isEqualTo("Allow");
        assertThat(result.get("deciding")).hasSize(1);
        assertThat(result.get("deciding").get(0).get("policy").asText()).isEqualTo(read);
        assertThat(result.get("deciding").get(0).get("scope").asText()).isEqualTo("account");
        assertThat(result.get("deciding").get(0).get("statement").asInt()).isEqualTo(1);
        assertThat(result.get("explanation").asText()).isNotBlank();
    }

    @Test
    void simulatePrintsTheSameForAPerson() throws IOException {
        String read = policy("read.json", "{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}");
        String deny = policy("deny.json", "{\"Effect\":\"Deny\",\"Action\":\"oss:*\",\"Resource\":\"acs:oss:*:*:photos/*\"}");
        Run run = run(simulate("--action", "oss:GetObject", "--resource", OBJECT, "--policy", read, "--policy", deny));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Decision:    ExplicitDeny")
                .contains("Deciding:    " + deny + " statement 0 (scope account, AccountLevelIdentityBasedPolicy)")
                .contains("Explanation: Explicitly denied by statement 0 of " + deny);
    }

    @Test
    void simulateAppliesAResourceGroupPolicyOnlyInsideItsGroup() throws IOException {
        String write = policy("write.json", "{\"Effect\":\"Allow\",\"Action\":\"oss:PutObject\",\"Resource\":\"*\"}");
        Run inside = run(simulate("--action", "oss:PutObject", "--resource", OBJECT, "--rg-policy", "rg-aek2=" + write,
                "--resource-group", "rg-aek2", "--json"));
        assertThat(inside.json().get("decision").asText()).isEqualTo("Allow");
        assertThat(inside.json().get("deciding").get(0).get("scope").asText()).isEqualTo("rg-aek2");
        Run outside = run(simulate("--action", "oss:PutObject", "--resource", OBJECT, "--rg-policy", "rg-aek2=" + write,
                "--resource-group", "rg-other", "--json"));
        assertThat(outside.json().get("decision").asText()).isEqualTo("ImplicitDeny");
        assertThat(outside.json().get("deciding")).isEmpty();
    }

    @Test
    void simulateNarrowsBySessionPolicyAndUsesContextKeys() throws IOException {
        String role = policy("role.json", "{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"*\"}");
        String session = policy("session.json", "{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\","
                + "\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":[\"10.0.0.0/8\",\"2001:db8::/32\"]}}}");
        Run fromInside = run(simulate("--action", "oss:GetObject", "--resource", OBJECT, "--policy", role,
                "--session-policy", session, "--context", "acs:SourceIp=2001:db8::1", "--json"));
        assertThat(fromInside.json().get("decision").asText()).isEqualTo("Allow");
        Run fromOutside = run(simulate("--action", "oss:GetObject", "--resource", OBJECT, "--policy", role,
                "--session-policy", session, "--context", "acs:SourceIp=192.0.2.1", "--json"));
        assertThat(fromOutside.json().get("decision").asText()).isEqualTo("ImplicitDeny");
        Run put = run(simulate("--action", "oss:PutObject", "--resource", OBJECT, "--policy", role,
                "--session-policy", session, "--context", "acs:SourceIp=10.1.1.1", "--json"));
        assertThat(put.json().get("decision").asText()).isEqualTo("ImplicitDeny");
    }

    @Test
    void simulateRepeatsAContextKeyForSeveralValues() throws IOException {
        String tagged = policy("tagged.json", "{\"Effect\":\"Allow\",\"Action\":\"cs:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"ForAllValues:StringEquals\":{\"cs:AddonNames\":[\"logtail\",\"metrics\"]}}}");
        Run both = run(simulate("--action", "cs:InstallAddon", "--resource", "*", "--policy", tagged,
                "--context", "cs:AddonNames=logtail", "--context", "cs:AddonNames=metrics", "--json"));
        assertThat(both.json().get("decision").asText()).isEqualTo("Allow");
        Run oneOther = run(simulate("--action", "cs:InstallAddon", "--resource", "*", "--policy", tagged,
                "--context", "cs:AddonNames=logtail", "--context", "cs:AddonNames=mining", "--json"));
        assertThat(oneOther.json().get("decision").asText()).isEqualTo("ImplicitDeny");
    }

    @Test
    void simulateAcceptsASystemPolicyByName() throws IOException {
        Run run = run(simulate("--action", "oss:GetObject", "--resource", OBJECT, "--policy", "AliyunOSSReadOnlyAccess", "--json"));
        assertThat(run.json().get("decision").asText()).isEqualTo("Allow");
        assertThat(run.json().get("deciding").get(0).get("policy").asText()).isEqualTo("AliyunOSSReadOnlyAccess");
        Run put = run(simulate("--action", "oss:PutObject", "--resource", OBJECT, "--policy", "AliyunOSSReadOnlyAccess", "--json"));
        assertThat(put.json().get("decision").asText()).isEqualTo("ImplicitDeny");
    }

    @Test
    void simulateAssumeRoleNeedsTheTrustPolicyToo() throws IOException {
        String trust = file("trust.json", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}}]}");
        String role = "acs:ram::1234567890123456:role/fc-role";
        Run service = run(simulate("--action", "sts:AssumeRole", "--resource", role, "--trust-policy", trust,
                "--principal", "fc.aliyuncs.com", "--json"));
        assertThat(service.json().get("decision").asText()).isEqualTo("Allow");
        assertThat(service.json().get("deciding").get(0).get("policy").asText()).isEqualTo(trust);
        assertThat(service.json().get("deciding").get(0).get("scope").asText()).isEqualTo("trust");

        Run user = run(simulate("--action", "sts:AssumeRole", "--resource", role, "--trust-policy", trust,
                "--principal", "acs:ram::1234567890123456:user/alice", "--policy", "AliyunSTSAssumeRoleAccess", "--json"));
        assertThat(user.json().get("decision").asText()).isEqualTo("ImplicitDeny");
        assertThat(user.json().get("explanation").asText()).contains("trust policy does not trust");
    }

    @Test
    void simulateExitsTwoWithThePositionedErrorOfAnInvalidPolicyFile() throws IOException {
        String broken = file("broken.json", "{\"Version\":\"1\",\n\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"oss\"}]}");
        Run run = run(simulate("--action", "oss:GetObject", "--resource", OBJECT, "--policy", broken));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(broken + ":2:68: Invalid ARN prefix: ");
    }

    @Test
    void simulateExitsTwoForBadUsage() throws IOException {
        String trust = file("trust.json", "{}");
        assertThat(run(simulate("--resource", OBJECT)).exit()).isEqualTo(2);
        assertThat(run(simulate("--action", "oss:GetObject", "--resource", OBJECT, "--bogus", "x")).exit()).isEqualTo(2);
        assertThat(run(simulate("--action", "oss:GetObject", "--resource", OBJECT, "--rg-policy", "no-equals")).exit()).isEqualTo(2);
        assertThat(run(simulate("--action", "oss:GetObject", "--resource", OBJECT, "--policy", "NoSuchFileOrPolicy")).err())
                .contains("no such file, nor a system policy");
        assertThat(run(simulate("--action", "oss:GetObject", "--resource", OBJECT, "--trust-policy", trust,
                "--principal", "fc.aliyuncs.com")).err()).contains("applies to --action sts:AssumeRole");
        assertThat(run(simulate("--action", "sts:AssumeRole", "--resource", OBJECT, "--trust-policy", trust)).exit()).isEqualTo(2);
        assertThat(run(simulate("--action", "oss:GetObject", "--resource")).exit()).isEqualTo(2);
    }

    @Test
    void mainDispatchesThePolicyCommand() throws IOException {
        String read = policy("read.json", "{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run(new String[]{"policy", "validate", read});
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isZero();
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains(read + ": valid");
    }
}
