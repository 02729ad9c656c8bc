package fcperm.bench;

import fcperm.policy.eval.AccessRequest;
import fcperm.policy.eval.AttachedPolicy;
import fcperm.policy.eval.Evaluator;
import fcperm.policy.eval.Outcome;
import fcperm.policy.eval.PolicyScope;
import fcperm.policy.parse.PolicyParser;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Decisions per second of the policy engine, and of jcasbin deciding the same rules, side by side (one thread):
 * <ul>
 *   <li>{@code oneStatement} — one AliyunOSSFullAccess-like statement ({@code oss:*} on {@code *});</li>
 *   <li>{@code fiftyStatements} — a 50-statement custom policy (within RAM's 6,144 characters): 45 Allow statements
 *       for one bucket each, 30 of them with an {@code IpAddress} condition on {@code acs:SourceIp}, and 5 Deny
 *       statements;</li>
 *   <li>{@code tenPoliciesTwoScopes} — 10 attached policies of 3 statements: 5 at account scope, 5 at the scope of
 *       two resource groups (applying only to resources in that group).</li>
 * </ul>
 * Each benchmark cycles through the same four requests (allowed, implicitly and explicitly denied) on both engines,
 * and the set-up checks that both engines give the same answers, so the comparison is between equivalent rule sets.
 * In jcasbin a statement is a policy line (resource, action, CIDR, scope, effect) whose patterns are anchored regular
 * expressions (literal parts quoted, {@code *} as {@code .*}, actions case-insensitive) matched by {@code regexMatch};
 * the effect is "some allow and no deny", its logging is off and requests come pre-split into strings. The policy engine
 * also builds its explanation and the list of deciding statements for every decision.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class PolicyEngineBench {

    private static final String ACCOUNT = "1234567890123456";
    private static final String CASBIN_MODEL = String.join("\n",
            "[request_definition]",
            "r = obj, act, ip, rg",
            "[policy_definition]",
            "p = obj, act, cidr, dom, eft",
            "[policy_effect]",
            "e = some(where (p.eft == allow)) && !some(where (p.eft == deny))",
            "[matchers]",
            "m = (p.dom == \"account\" || p.dom == r.rg) && regexMatch(r.act, p.act) && regexMatch(r.obj, p.obj)"
                    + " && ipMatch(r.ip, p.cidr)");

    /** One rule set, in both engines, and the requests it is asked. */
    public abstract static class Case {
        final Evaluator evaluator = new Evaluator();
        final List<AttachedPolicy> policies = new ArrayList<>();
        final List<AccessRequest> requests = new ArrayList<>();
        final List<String[]> casbinRequests = new ArrayList<>();
        Enforcer casbin;
        int next;

        abstract void rules(List<String[]> casbinRules);

        abstract void ask();

        @Setup
        public void prepare() {
            List<String[]> rules = new ArrayList<>();
            rules(rules);
            Model model = new Model();
            model.loadModelFromText(CASBIN_MODEL);
            casbin = new Enforcer(model);
            casbin.enableLog(false);
            for (String[] rule : rules) {
                // the same rule, its patterns as anchored regular expressions (actions without case, like RAM)
                casbin.addPolicy(regex(rule[0], false), regex(rule[1], true), rule[2], rule[3], rule[4]);
            }
            ask();
            for (int i = 0; i < requests.size(); i++) {
                Outcome ours = evaluator.evaluate(requests.get(i), policies, Optional.empty()).outcome();
                boolean theirs = casbin.enforce((Object[]) casbinRequests.get(i));
                if ((ours == Outcome.ALLOW) != theirs) {
                    throw new IllegalStateException("engines disagree on request " + i + ": " + ours + " vs " + theirs);
                }
            }
        }

        /** A RAM wildcard pattern as the regular expression casbin's regexMatch takes: literal parts quoted. */
        static String regex(String pattern, boolean ignoreCase) {
            StringBuilder regex = new StringBuilder(ignoreCase ? "(?i)^" : "^");
            StringBuilder literal = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                if (c == '*' || c == '?') {
                    if (literal.length() > 0) {
                        regex.append(java.util.regex.Pattern.quote(literal.toString()));
                        literal.setLength(0);
                    }
                    regex.append(c == '*' ? ".*" : ".");
                } else {
                    literal.append(c);
                }
            }
            if (literal.length() > 0) {
                regex.append(java.util.regex.Pattern.quote(literal.toString()));
            }
            return regex.append('$').toString();
        }

        void attach(String name, PolicyScope scope, String statements) {
            policies.add(new AttachedPolicy(name, "v1", scope,
                    PolicyParser.parse("{\"Version\":\"1\",\"Statement\":[" + statements + "]}").orThrow()));
        }

        void request(String action, String resource, String ip, String group) {
            requests.add(new AccessRequest(action, resource, "acs:ram::" + ACCOUNT + ":user/alice", group,
                    Map.of("acs:SourceIp", List.of(ip))));
            casbinRequests.add(new String[]{resource, action, ip, group == null ? "" : group});
        }

        boolean ours() {
            int i = next;
            next = (i + 1) & 3;
            return evaluator.evaluate(requests.get(i), policies, Optional.empty()).allowed();
        }

        boolean theirs() {
            int i = next;
            next = (i + 1) & 3;
            return casbin.enforce((Object[]) casbinRequests.get(i));
        }
    }

    @State(Scope.Thread)
    public static class OneStatement extends Case {
        @Override
        void rules(List<String[]> casbinRules) {
            attach("AliyunOSSFullAccess", PolicyScope.account(), "{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"*\"}");
            casbinRules.add(new String[]{"*", "oss:*", "0.0.0.0/0", "account", "allow"});
        }

        @Override
        void ask() {
            request("oss:GetObject", "acs:oss:*:" + ACCOUNT + ":photos/2024/a.jpg", "10.1.2.3", null);
            request("oss:PutObject", "acs:oss:*:" + ACCOUNT + ":photos/2024/b.jpg", "10.1.2.3", null);
            request("log:PostLogStoreLogs", "acs:log:cn-hangzhou:" + ACCOUNT + ":project/p/logstore/l", "10.1.2.3", null);
            request("OSS:ListObjects", "acs:oss:*:" + ACCOUNT + ":photos", "10.1.2.3", null);
        }
    }

    @State(Scope.Thread)
    public static class FiftyStatements extends Case {
        @Override
        void rules(List<String[]> casbinRules) {
            StringBuilder statements = new StringBuilder();
            for (int i = 0; i < 45; i++) {
                String action = i % 3 == 0 ? "oss:Get*" : i % 3 == 1 ? "oss:PutObject" : "oss:List*";
                String resource = "acs:oss:*:*:b" + i + "/*";
                // the List statements go without a condition: 50 conditional statements would not fit in 6,144 characters
                boolean conditional = i % 3 != 2;
                String cidr = conditional ? "10." + i + ".0.0/16" : "0.0.0.0/0";
                statements.append(i == 0 ? "" : ",").append("{\"Effect\":\"Allow\",\"Action\":\"").append(action)
                        .append("\",\"Resource\":\"").append(resource).append('"');
                if (conditional) {
                    statements.append(",\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":\"").append(cidr).append("\"}}");
                }
                statements.append('}');
                casbinRules.add(new String[]{resource, action, cidr, "account", "allow"});
            }
            for (int i = 0; i < 5; i++) {
                String resource = "acs:oss:*:*:b" + (i * 9) + "/secret/*";
                statements.append(",{\"Effect\":\"Deny\",\"Action\":\"oss:*\",\"Resource\":\"").append(resource).append("\"}");
                casbinRules.add(new String[]{resource, "oss:*", "0.0.0.0/0", "account", "deny"});
            }
            attach("custom", PolicyScope.account(), statements.toString());
        }

        @Override
        void ask() {
            request("oss:GetObject", "acs:oss:*:" + ACCOUNT + ":b42/reports/q3.pdf", "10.42.7.1", null);
            request("oss:GetObject", "acs:oss:*:" + ACCOUNT + ":b42/reports/q3.pdf", "192.168.1.1", null);
            request("oss:GetObject", "acs:oss:*:" + ACCOUNT + ":b36/secret/key.pem", "10.36.0.9", null);
            request("oss:DeleteObject", "acs:oss:*:" + ACCOUNT + ":b13/x", "10.13.0.1", null);
        }
    }

    @State(Scope.Thread)
    public static class TenPoliciesTwoScopes extends Case {
        @Override
        void rules(List<String[]> casbinRules) {
            String[] services = {"oss", "log", "fc", "vpc", "cr"};
            for (int p = 0; p < 10; p++) {
                String service = services[p % 5];
                String scope = p < 5 ? "account" : p % 2 == 0 ? "rg-aek2prod" : "rg-aek2test";
                String resource = "acs:" + service + ":*:*:res" + p + "/*";
                String statements = "{\"Effect\":\"Allow\",\"Action\":\"" + service + ":Get*\",\"Resource\":\"" + resource + "\"},"
                        + "{\"Effect\":\"Allow\",\"Action\":\"" + service + ":List*\",\"Resource\":\"" + resource + "\"},"
                        + "{\"Effect\":\"Deny\",\"Action\":\"" + service + ":Delete*\",\"Resource\":\"" + resource + "\"}";
                attach("policy" + p, p < 5 ? PolicyScope.account() : PolicyScope.resourceGroup(scope), statements);
                casbinRules.add(new String[]{resource, service + ":get*", "0.0.0.0/0", scope, "allow"});
                casbinRules.add(new String[]{resource, service + ":list*", "0.0.0.0/0", scope, "allow"});
                casbinRules.add(new String[]{resource, service + ":delete*", "0.0.0.0/0", scope, "deny"});
            }
        }

        @Override
        void ask() {
            request("oss:GetObject", "acs:oss:*:*:res5/a.txt", "10.0.0.1", "rg-aek2test");
            request("log:GetLogStore", "acs:log:*:*:res6/logstore/l", "10.0.0.1", "rg-aek2test");
            request("fc:DeleteFunction", "acs:fc:*:*:res7/functions/f", "10.0.0.1", "rg-aek2test");
            request("vpc:ListVpcs", "acs:vpc:*:*:res3/vpc-1", "10.0.0.1", null);
        }
    }

    @Benchmark
    public boolean oneStatementPolicyEngine(OneStatement state) {
        return state.ours();
    }

    @Benchmark
    public boolean oneStatementJcasbin(OneStatement state) {
        return state.theirs();
    }

    @Benchmark
    public boolean fiftyStatementsPolicyEngine(FiftyStatements state) {
        return state.ours();
    }

    @Benchmark
    public boolean fiftyStatementsJcasbin(FiftyStatements state) {
        return state.theirs();
    }

    @Benchmark
    public boolean tenPoliciesTwoScopesPolicyEngine(TenPoliciesTwoScopes state) {
        return state.ours();
    }

    @Benchmark
    public boolean tenPoliciesTwoScopesJcasbin(TenPoliciesTwoScopes state) {
        return state.theirs();
    }
}
