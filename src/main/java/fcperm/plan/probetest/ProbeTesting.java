package fcperm.plan.probetest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.cloud.Attachment;
import fcperm.cloud.BucketSummary;
import fcperm.cloud.CloudException;
import fcperm.cloud.CloudSession;
import fcperm.cloud.FunctionCompute;
import fcperm.cloud.FunctionSummary;
import fcperm.cloud.Invocation;
import fcperm.cloud.StoredObject;
import fcperm.plan.PlanRun;
import fcperm.plan.PlanStep;
import fcperm.plan.ServiceChoice;
import fcperm.policy.eval.AccessRequest;
import fcperm.policy.eval.AttachedPolicy;
import fcperm.policy.eval.Decision;
import fcperm.policy.eval.Evaluator;
import fcperm.policy.parse.PolicyParser;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Proving a service's role works, without any UI (the wizard's Test page uses it; a headless command could): make
 * sure the probe in the service runs the app's probe code (deployed only when it does not: a re-test reuses the
 * deployed function and its warm instance), invoke it with the event, read the object back with the connection's
 * own credentials, and, when OSS refused, ask the policy engine why — with the request context OSS saw.
 */
public final class ProbeTesting {

    /** The name of the test function deployed into the service. */
    public static final String PROBE_FUNCTION = "fcperm-oss-probe";
    public static final String PUT_OBJECT = "oss:PutObject";
    /** How long FC's execution credentials live, as FC documents it; the function itself is not told. */
    public static final Duration CREDENTIAL_LIFETIME = Duration.ofHours(36);

    /** The test event of the seed document. */
    public record Event(String endpoint, String bucket, String objectName, String message) {
    }

    /** Where a test is: told to the caller as it moves on. */
    public enum Stage { DEPLOY, INVOKE, JUDGE }

    /**
     * The policy engine's decision on the probe's write, as OSS made it: the role, the object's ARN, the bucket and
     * the resource group it is in (none when it is not in one).
     */
    public record Explanation(Decision decision, String roleName, String resource, String bucket,
                              Optional<String> resourceGroup) {
    }

    /** What one test showed. The error code is empty when the probe wrote the object. */
    public record Outcome(Event event, Invocation invocation, Optional<String> putRequestId,
                          Optional<String> executionKeyId, Optional<Instant> credentialsExpiry,
                          Optional<StoredObject> readBack, String errorCode, String errorMessage,
                          Optional<Explanation> explanation) {

        public boolean denied() {
            return "AccessDenied".equals(errorCode);
        }

        public boolean bucketMissing() {
            return "NoSuchBucket".equals(errorCode);
        }
    }

    /** Made on the first test, not at start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final ProbeCode code;
    private final Evaluator evaluator = new Evaluator();

    public ProbeTesting(ProbeCode code) {
        this.code = code;
    }

    /**
     * Runs one test in {@code run}: deploys the probe as a step of the run when the service does not hold this
     * code yet, invokes it, judges its answer, and records the object it wrote so that a roll-back deletes it.
     */
    public Outcome test(CloudSession session, ServiceChoice service, String roleName, Event event, PlanRun run,
                        Consumer<Stage> stage) throws Exception {
        stage.accept(Stage.DEPLOY);
        Optional<PlanStep> deployment = deployment(session, service);
        if (deployment.isPresent()) {
            PlanRun.Outcome deployed = run.applyAdded(deployment.get(), (step, state, requestId) -> { });
            if (deployed.failure().isPresent()) {
                throw deployed.failure().get();
            }
        }
        stage.accept(Stage.INVOKE);
        Instant invokedAt = Instant.now();
        Invocation invocation = invoke(session, service, event);
        stage.accept(Stage.JUDGE);
        Outcome outcome = judge(session, roleName, event, invocation, invokedAt);
        if (outcome.putRequestId().isPresent() && outcome.errorCode().isEmpty()) {
            PlanStep written = new ProbeSteps.ProbeObject(session.objects(), event.bucket(), event.objectName(),
                    event.message().getBytes(StandardCharsets.UTF_8));
            Optional<Exception> unjournaled = run.hasApplied(written.change()) ? Optional.empty()
                    : run.recordAdded(written, outcome.putRequestId().get()).failure();
            if (unjournaled.isPresent()) {
                throw unjournaled.get();
            }
        }
        return outcome;
    }

    /**
     * The step that makes the service's probe this code: none when the function there already has its checksum and
     * handler (FC keeps its warm instance then), an update when it has other code, a create when there is none.
     */
    public Optional<PlanStep> deployment(CloudSession session, ServiceChoice service) throws CloudException {
        FunctionCompute fc = session.functionCompute(service.region());
        Optional<FunctionSummary> deployed = fc.findFunction(service.name(), PROBE_FUNCTION);
        if (deployed.isEmpty()) {
            return Optional.of(new ProbeSteps.CreateProbe(fc, service.name(), PROBE_FUNCTION, code.handler(),
                    code.zip()));
        }
        if (deployed.get().codeChecksum().equals(code.checksum()) && deployed.get().handler().equals(code.handler())) {
            return Optional.empty();
        }
        return Optional.of(new ProbeSteps.UpdateProbe(fc, service.name(), PROBE_FUNCTION, code.handler(),
                code.zip()));
    }

    /** Removes the probe from the service (undone by deploying it again). */
    public PlanStep removal(CloudSession session, ServiceChoice service) {
        return new ProbeSteps.DeleteProbe(session.functionCompute(service.region()), service.name(), PROBE_FUNCTION,
                code.handler(), code::zip);
    }

    /** A new private bucket for the probe to write to. */
    public PlanStep bucketCreation(CloudSession session, String region, String bucket) {
        return new ProbeSteps.CreateBucket(session.objects(), region, bucket);
    }

    Invocation invoke(CloudSession session, ServiceChoice service, Event event) throws CloudException {
        Map<String, String> payload = Map.of("endpoint", event.endpoint(), "bucket", event.bucket(),
                "objectName", event.objectName(), "message", event.message());
        try {
            return session.functionCompute(service.region()).invoke(service.name(), PROBE_FUNCTION,
                    Json.MAPPER.writeValueAsBytes(payload));
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /**
     * Reads the probe's answer ({@code {"ok":true,"requestId","etag","accessKeyId"}} or
     * {@code {"ok":false,"errorCode","errorMessage","requestId"}}); on success reads the object back, on a denial
     * explains it.
     */
    Outcome judge(CloudSession session, String roleName, Event event, Invocation invocation, Instant invokedAt)
            throws CloudException {
        JsonNode result = parse(invocation.body());
        Optional<String> keyId = text(result, "accessKeyId").map(ProbeTesting::mask);
        Optional<Instant> expiry = keyId.map(id -> invokedAt.plus(CREDENTIAL_LIFETIME));
        if (invocation.errorType().isPresent() || !result.path("ok").asBoolean(false)) {
            String errorCode = text(result, "errorCode").orElse(invocation.errorType().orElse("Error"));
            String message = text(result, "errorMessage").orElse(invocation.body());
            Optional<Explanation> explanation = "AccessDenied".equals(errorCode)
                    ? Optional.of(explain(session, roleName, event, invokedAt)) : Optional.empty();
            return new Outcome(event, invocation, text(result, "requestId"), keyId, expiry, Optional.empty(),
                    errorCode, message, explanation);
        }
        StoredObject readBack = session.objects().getObject(event.bucket(), event.objectName());
        return new Outcome(event, invocation, text(result, "requestId"), keyId, expiry, Optional.of(readBack),
                "", "", Optional.empty());
    }

    /** Evaluates oss:PutObject on the object with the role's policies and the request's context, as OSS did. */
    Explanation explain(CloudSession session, String roleName, Event event, Instant at) throws CloudException {
        String accountId = session.identity().accountId();
        String resource = "acs:oss:*:" + accountId + ":" + event.bucket() + "/" + event.objectName();
        Optional<String> group = session.objects().listBuckets().stream()
                .filter(b -> b.name().equals(event.bucket())).findFirst().flatMap(BucketSummary::resourceGroupId);
        List<AttachedPolicy> policies = new ArrayList<>();
        for (Attachment attachment : session.policies().attachmentsOf(roleName)) {
            String document = session.policies().document(attachment.policyName(), attachment.kind());
            PolicyParser.parse(document).document().ifPresent(parsed -> policies.add(new AttachedPolicy(
                    attachment.policyName(), attachment.versionId(), attachment.scope(), parsed)));
        }
        String roleArn = session.roles().arnOf(roleName);
        AccessRequest request = new AccessRequest(PUT_OBJECT, resource, roleArn, group.orElse(null),
                requestContext(event, roleArn, at));
        Decision decision = evaluator.evaluate(request, policies, Optional.empty());
        return new Explanation(decision, roleName, resource, event.bucket(), group);
    }

    /**
     * The condition keys OSS sets on the probe's write: the time, whether it came over HTTPS (the endpoint the probe
     * was given), the role as principal, and the source address when it is knowable from here — a loopback endpoint
     * (the sandbox) is reached from the loopback address; the address a function in the cloud leaves from is not
     * known, so policies on it are judged as for a request without one.
     */
    static Map<String, List<String>> requestContext(Event event, String roleArn, Instant at) {
        Map<String, List<String>> context = new HashMap<>();
        URI endpoint = URI.create(event.endpoint().contains("://") ? event.endpoint() : "http://" + event.endpoint());
        context.put("acs:CurrentTime", List.of(at.toString()));
        context.put("acs:SecureTransport", List.of(Boolean.toString("https".equalsIgnoreCase(endpoint.getScheme()))));
        context.put("acs:PrincipalARN", List.of(roleArn));
        if (isLoopback(endpoint.getHost())) {
            context.put("acs:SourceIp", List.of("127.0.0.1"));
        }
        return context;
    }

    /** Literal loopback addresses only: a name would be looked up in DNS, which a decision must not wait for. */
    private static boolean isLoopback(String host) {
        return host != null && (host.equalsIgnoreCase("localhost") || host.startsWith("127.")
                || host.equals("[::1]") || host.equals("::1"));
    }

    /** An AccessKey ID shown in part: enough to match it in a log, not enough to use it. */
    public static String mask(String accessKeyId) {
        if (accessKeyId.length() <= 8) {
            return "****";
        }
        return accessKeyId.substring(0, 6) + "****" + accessKeyId.substring(accessKeyId.length() - 3);
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException notJson) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }
}
