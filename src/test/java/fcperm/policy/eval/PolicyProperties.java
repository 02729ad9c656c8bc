package fcperm.policy.eval;

import fcperm.policy.model.Condition;
import fcperm.policy.model.Effect;
import fcperm.policy.model.PolicyDocument;
import fcperm.policy.model.Statement;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The laws of RAM's evaluation, over generated policies and requests. */
class PolicyProperties {

    private static final List<String> SERVICES = List.of("oss", "fc", "log", "ram");
    private static final List<String> NAMES = List.of("GetObject", "PutObject", "ListObjects", "InvokeFunction", "GetRole");
    private static final List<String> BUCKETS = List.of("photos", "logs", "Photos");
    private static final List<String> KEYS = List.of("a.jpg", "2024/b.jpg", "dir/", "x");

    private final Evaluator evaluator = new Evaluator();

    @Property
    void addingADenyStatementNeverTurnsADenyIntoAnAllow(@ForAll("policies") List<Statement> statements,
                                                        @ForAll("statements") Statement added,
                                                        @ForAll("requests") AccessRequest request) {
        Statement deny = withEffect(added, Effect.DENY);
        List<Statement> more = new ArrayList<>(statements);
        more.add(deny);
        Outcome before = decide(request, statements);
        Outcome after = decide(request, more);
        if (before != Outcome.ALLOW) {
            assertThat(after).isNotEqualTo(Outcome.ALLOW);
        }
        if (before == Outcome.EXPLICIT_DENY) {
            assertThat(after).isEqualTo(Outcome.EXPLICIT_DENY);
        }
    }

    @Property
    void aSessionPolicyNeverWidens(@ForAll("policies") List<Statement> role, @ForAll("policies") List<Statement> session,
                                   @ForAll("requests") AccessRequest request) {
        Decision narrowed = evaluator.evaluate(request, List.of(attached("role", role)),
                Optional.of(attached("session", session)));
        Outcome alone = decide(request, role);
        if (narrowed.outcome() == Outcome.ALLOW) {
            assertThat(alone).isEqualTo(Outcome.ALLOW);
        }
        if (alone == Outcome.EXPLICIT_DENY) {
            assertThat(narrowed.outcome()).isNotEqualTo(Outcome.ALLOW);
        }
    }

    @Property
    void statementOrderNeverChangesTheDecision(@ForAll("policies") List<Statement> statements,
                                               @ForAll("requests") AccessRequest request, @ForAll long seed) {
        List<Statement> shuffled = new ArrayList<>(statements);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(decide(request, shuffled)).isEqualTo(decide(request, statements));
    }

    @Property
    void aPolicyAllowsWhatItNamesLiterally(@ForAll("literalActions") String action, @ForAll("literalResources") String resource,
                                           @ForAll("allowsOnly") List<Statement> others) {
        List<Statement> statements = new ArrayList<>(others);
        statements.add(Statement.of(Effect.ALLOW, List.of(action), List.of(resource)));
        Decision decision = evaluator.evaluate(AccessRequest.of(action, resource), List.of(attached("p", statements)),
                Optional.empty());
        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.deciding()).extracting(DecidingStatement::statementIndex).contains(statements.size() - 1);
    }

    private Outcome decide(AccessRequest request, List<Statement> statements) {
        return evaluator.evaluate(request, List.of(attached("p", statements)), Optional.empty()).outcome();
    }

    private static AttachedPolicy attached(String name, List<Statement> statements) {
        return new AttachedPolicy(name, "v1", fcperm.policy.eval.PolicyScope.account(),
                new PolicyDocument(PolicyDocument.VERSION, statements));
    }

    private static Statement withEffect(Statement s, Effect effect) {
        return new Statement(s.sid(), effect, s.actions(), s.notAction(), s.resources(), s.notResource(), s.principal(),
                s.conditions());
    }

    // --- generators ------------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<List<Statement>> policies() {
        return statements().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Statement>> allowsOnly() {
        return statements().map(s -> withEffect(s, Effect.ALLOW)).list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<Statement> statements() {
        Arbitrary<Effect> effect = Arbitraries.of(Effect.class);
        Arbitrary<List<String>> actions = actionPatterns().list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<String>> resources = resourcePatterns().list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Boolean> not = Arbitraries.of(false, false, false, true);
        Arbitrary<List<Condition>> conditions = conditions().list().ofMaxSize(2);
        return Combinators.combine(effect, actions, not, resources, not, conditions).as((e, a, notAction, r, notResource, c) ->
                new Statement(Optional.empty(), e, a, notAction, r, notResource, Optional.empty(), c));
    }

    private static Arbitrary<String> actionPatterns() {
        Arbitrary<String> exact = Combinators.combine(Arbitraries.of(SERVICES), Arbitraries.of(NAMES)).as((s, n) -> s + ":" + n);
        Arbitrary<String> star = Arbitraries.of(SERVICES).map(s -> s + ":*");
        Arbitrary<String> prefix = Arbitraries.of(SERVICES).map(s -> s + ":Get*");
        Arbitrary<String> one = Arbitraries.of("oss:?etObject", "OSS:getobject", "*", "fc:*Function");
        return Arbitraries.oneOf(exact, star, prefix, one);
    }

    private static Arbitrary<String> resourcePatterns() {
        Arbitrary<String> object = Combinators.combine(Arbitraries.of(BUCKETS), Arbitraries.of(KEYS))
                .as((b, k) -> "acs:oss:*:1234567890123456:" + b + "/" + k);
        Arbitrary<String> bucketStar = Arbitraries.of(BUCKETS).map(b -> "acs:oss:*:*:" + b + "/*");
        Arbitrary<String> other = Arbitraries.of("*", "acs:oss:*:*:*", "acs:fc:*:*:services/*", "acs:ram::1234567890123456:role/app",
                "acs:oss:*:*:photos/20??/*");
        return Arbitraries.oneOf(object, bucketStar, other);
    }

    private static Arbitrary<Condition> conditions() {
        return Arbitraries.of(
                new Condition("IpAddress", "acs:SourceIp", List.of("10.0.0.0/8")),
                new Condition("NotIpAddress", "acs:SourceIp", List.of("10.0.0.0/8", "192.168.0.0/16")),
                new Condition("StringLike", "oss:Prefix", List.of("home/*")),
                new Condition("StringNotEquals", "acs:SourceVpc", List.of("vpc-1")),
                new Condition("Bool", "acs:SecureTransport", List.of("true")),
                new Condition("ForAllValues:StringEquals", "acs:ResourceTag/env", List.of("dev", "test")));
    }

    @Provide
    Arbitrary<AccessRequest> requests() {
        Arbitrary<String> action = Combinators.combine(Arbitraries.of(SERVICES), Arbitraries.of(NAMES)).as((s, n) -> s + ":" + n);
        Arbitrary<String> resource = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(BUCKETS), Arbitraries.of(KEYS)).as((b, k) -> "acs:oss:*:1234567890123456:" + b + "/" + k),
                Arbitraries.of("acs:ram::1234567890123456:role/App", "acs:fc:cn-hangzhou:1:services/s/functions/f"));
        Arbitrary<Map<String, List<String>>> context = Combinators.combine(
                Arbitraries.of("10.1.2.3", "192.168.1.1", "8.8.8.8"), Arbitraries.of("home/a", "tmp/b"),
                Arbitraries.of("vpc-1", "vpc-2"), Arbitraries.of("true", "false"),
                Arbitraries.<List<String>>of(List.of(), List.of("dev"), List.of("dev", "prod")), Arbitraries.integers().between(0, 31))
                .as((ip, prefix, vpc, secure, tags, present) -> {
                    Map<String, List<String>> keys = new java.util.HashMap<>();
                    if ((present & 1) != 0) keys.put("acs:SourceIp", List.of(ip));
                    if ((present & 2) != 0) keys.put("oss:Prefix", List.of(prefix));
                    if ((present & 4) != 0) keys.put("acs:SourceVpc", List.of(vpc));
                    if ((present & 8) != 0) keys.put("acs:SecureTransport", List.of(secure));
                    if ((present & 16) != 0) keys.put("acs:ResourceTag/env", tags);
                    return keys;
                });
        return Combinators.combine(action, resource, context).as((a, r, c) -> new AccessRequest(a, r, "", null, c));
    }

    @Provide
    Arbitrary<String> literalActions() {
        return Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(8),
                Arbitraries.strings().alpha().numeric().withChars('_', '-').ofMinLength(1).ofMaxLength(20))
                .as((service, name) -> service + ":" + name);
    }

    @Provide
    Arbitrary<String> literalResources() {
        return Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(8),
                Arbitraries.of("", "cn-hangzhou"),
                Arbitraries.strings().numeric().ofLength(16),
                Arbitraries.strings().alpha().numeric().withChars('/', '.', '-', '_', ':', '(', ')', '+', '$', '[', ']')
                        .ofMinLength(1).ofMaxLength(40))
                .as((service, region, account, path) -> "acs:" + service + ":" + region + ":" + account + ":" + path);
    }
}
