package fcperm.wizard.steps.testfunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.cloud.Attachment;
import fcperm.cloud.BucketSummary;
import fcperm.cloud.CloudException;
import fcperm.cloud.CloudSession;
import fcperm.cloud.Invocation;
import fcperm.cloud.StoredObject;
import fcperm.plan.AuditJournal;
import fcperm.plan.Plan;
import fcperm.plan.PlanRun;
import fcperm.plan.Planner;
import fcperm.plan.ServiceChoice;
import fcperm.policy.eval.AccessRequest;
import fcperm.policy.eval.AttachedPolicy;
import fcperm.policy.eval.DecidingStatement;
import fcperm.policy.eval.Decision;
import fcperm.policy.eval.Evaluator;
import fcperm.policy.parse.PolicyParser;
import fcperm.wizard.common.I18n;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The work behind Test Function, without the UI: deploy the probe (as a plan step, so it is journaled), invoke it
 * with the event, read the object back with the connection's own credentials, and, when OSS refused, ask the
 * policy engine why — which statement at which scope decided, or that nothing allowed it — and what to change.
 */
public final class ProbeTesting {

    /** The test event of the seed document. */
    public record Event(String endpoint, String bucket, String objectName, String message) {
    }

    /** Why the role may not write the object, in words, and what to change. */
    public record Explanation(String outcome, String reason, String advice) {
    }

    /** What one test showed. */
    public record Outcome(Event event, Invocation invocation, Optional<String> putRequestId,
                          Optional<String> executionKeyId, Optional<Instant> credentialsExpiry,
                          Optional<StoredObject> readBack, boolean denied, String errorCode, String errorMessage,
                          Optional<Explanation> explanation) {
    }

    static final String PUT_OBJECT = "oss:PutObject";
    /** How long FC's execution credentials live, as FC documents it; the function itself is not told. */
    static final Duration CREDENTIAL_LIFETIME = Duration.ofHours(36);
    /** Made on the first test, not at start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Planner planner;
    private final AuditJournal journal;
    private final Evaluator evaluator = new Evaluator();
    private final I18n i18n;

    public ProbeTesting(Planner planner, AuditJournal journal, I18n i18n) {
        this.planner = planner;
        this.journal = journal;
        this.i18n = i18n;
    }

    PlanRun createBucket(CloudSession session, String region, String bucket) {
        return run(session, planner.createBucket(session, region, bucket));
    }

    void deployProbe(CloudSession session, ServiceChoice service) throws Exception {
        PlanRun.Outcome outcome = run(session, planner.deployProbe(session, service))
                .apply((step, state, requestId) -> { }, () -> false);
        if (outcome.failure().isPresent()) {
            throw outcome.failure().get();
        }
    }

    PlanRun removeProbe(CloudSession session, ServiceChoice service) {
        return run(session, planner.removeProbe(session, service));
    }

    Invocation invoke(CloudSession session, ServiceChoice service, Event event) throws CloudException {
        Map<String, String> payload = Map.of("endpoint", event.endpoint(), "bucket", event.bucket(),
                "objectName", event.objectName(), "message", event.message());
        try {
            return session.functionCompute(service.region()).invoke(service.name(), Planner.PROBE_FUNCTION,
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
    Outcome judge(CloudSession session, ServiceChoice service, String roleName, Event event, Invocation invocation,
                  Instant invokedAt) throws CloudException {
        JsonNode result = parse(invocation.body());
        Optional<String> keyId = text(result, "accessKeyId").map(ProbeTesting::mask);
        Optional<Instant> expiry = keyId.map(id -> invokedAt.plus(CREDENTIAL_LIFETIME));
        if (invocation.errorType().isPresent() || !result.path("ok").asBoolean(false)) {
            String code = text(result, "errorCode").orElse(invocation.errorType().orElse("Error"));
            String message = text(result, "errorMessage").orElse(invocation.body());
            boolean denied = "AccessDenied".equals(code);
            Optional<Explanation> explanation = denied
                    ? Optional.of(explain(session, roleName, event)) : Optional.empty();
            return new Outcome(event, invocation, text(result, "requestId"), keyId, expiry, Optional.empty(),
                    denied, code, message, explanation);
        }
        StoredObject readBack = session.objects().getObject(event.bucket(), event.objectName());
        return new Outcome(event, invocation, text(result, "requestId"), keyId, expiry, Optional.of(readBack),
                false, "", "", Optional.empty());
    }

    /** Evaluates oss:PutObject on the object with the role's policies, as OSS did, and words the decision. */
    Explanation explain(CloudSession session, String roleName, Event event) throws CloudException {
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
        AccessRequest request = new AccessRequest(PUT_OBJECT, resource,
                "acs:ram::" + accountId + ":role/" + roleName, group.orElse(null), Map.of());
        Decision decision = evaluator.evaluate(request, policies, Optional.empty());
        String where = group.map(id -> i18n.text("test.advice.group", id)).orElse(i18n.text("test.advice.account"));
        String reason = decision.deciding().isEmpty()
                ? i18n.text("test.why.nothing", roleName, PUT_OBJECT, resource)
                : i18n.text("test.why.statement", describe(decision.deciding().get(0)), decision.explanation());
        String advice = decision.outcome() == fcperm.policy.eval.Outcome.EXPLICIT_DENY
                ? i18n.text("test.advice.deny", describe(decision.deciding().get(0)))
                : i18n.text("test.advice.allow", PUT_OBJECT, event.bucket(), where);
        return new Explanation(i18n.text("test.outcome." + decision.outcome().name()), reason, advice);
    }

    /** An AccessKey ID shown in part: enough to match it in a log, not enough to use it. */
    static String mask(String accessKeyId) {
        if (accessKeyId.length() <= 8) {
            return "****";
        }
        return accessKeyId.substring(0, 6) + "****" + accessKeyId.substring(accessKeyId.length() - 3);
    }

    private String describe(DecidingStatement statement) {
        return i18n.text("test.statement", statement.policyName(), statement.statementIndex() + 1, statement.scope().label());
    }

    private PlanRun run(CloudSession session, Plan plan) {
        return new PlanRun(plan, journal, new PlanRun.Actor(session.connectionName(), session.identity().accountId()));
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
