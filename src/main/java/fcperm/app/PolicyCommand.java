package fcperm.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fcperm.policy.eval.AccessRequest;
import fcperm.policy.eval.AttachedPolicy;
import fcperm.policy.eval.DecidingStatement;
import fcperm.policy.eval.Decision;
import fcperm.policy.eval.Evaluator;
import fcperm.policy.eval.PolicyScope;
import fcperm.policy.eval.StatementScope;
import fcperm.policy.eval.TrustedPrincipal;
import fcperm.policy.parse.ParseResult;
import fcperm.policy.parse.PolicyParser;
import fcperm.policy.parse.PolicyProblem;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code fcperm policy validate [--trust] [--json] FILE} and {@code fcperm policy simulate …} (see
 * {@link SimulationArguments#USAGE}). Names, flags, output and exit codes are a stable contract for scripts and CI:
 * validate exits 0 for a valid policy and 1 for an invalid one; simulate exits 0 whatever the decision; both exit 2 for
 * bad usage, and simulate also for a policy file it cannot use, printing the positioned errors.
 */
@Command(name = "policy", synopsisHeading = "", descriptionHeading = "%n", customSynopsis = {PolicyCommand.VALIDATE_USAGE,
        SimulationArguments.USAGE}, description = "Validate a RAM policy, or simulate a request against policies.")
final class PolicyCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = Main.USAGE;

    static final String VALIDATE_USAGE = "usage: fcperm policy validate [--trust] [--json] FILE";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Spec
    CommandSpec spec;

    private PolicyCommand() {
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return new CommandLine(new PolicyCommand())
                .addSubcommand(new Validate(out, err))
                .addSubcommand(new Simulate(out, err));
    }

    /** {@code fcperm policy} alone. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "say validate or simulate");
    }

    // --- validate --------------------------------------------------------------------------------------------------

    @Command(name = "validate", synopsisHeading = "", descriptionHeading = "%n", customSynopsis = VALIDATE_USAGE,
            description = "Check a policy's grammar and meaning; exit 0 when valid, 1 when not.")
    static final class Validate implements Callable<Integer> {

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        @Option(names = "--trust", description = "the file is a role's trust policy")
        boolean trust;

        @Option(names = "--json", description = "print one JSON object instead of text")
        boolean json;

        @Parameters(paramLabel = "FILE", description = "the policy document")
        List<String> files = new ArrayList<>();

        @Spec
        CommandSpec spec;

        private final PrintStream out;
        private final PrintStream err;

        Validate(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            if (files.size() != 1) {
                throw new ParameterException(spec.commandLine(), files.isEmpty() ? "name one FILE"
                        : "unexpected " + String.join(" ", files.subList(1, files.size())));
            }
            String file = files.get(0);
            String text;
            try {
                text = PolicySources.read(file);
            } catch (PolicySources.Unreadable e) {
                err.println("policy validate: " + e.getMessage());
                return USAGE;
            }
            ParseResult result = PolicyParser.parse(text, trust ? PolicyParser.Kind.TRUST : PolicyParser.Kind.PERMISSION);
            if (json) {
                ObjectNode report = JSON.createObjectNode();
                report.put("file", file);
                report.put("valid", result.valid());
                problems(report.putArray("errors"), result.errors());
                problems(report.putArray("warnings"), result.warnings());
                out.println(write(report));
            } else {
                result.errors().forEach(error -> out.println(PolicySources.located(file, error)));
                result.warnings().forEach(warning -> out.println(PolicySources.located(file, warning)));
                out.println(file + ": " + (result.valid() ? "valid" : "invalid") + " ("
                        + count(result.errors().size(), "error") + ", " + count(result.warnings().size(), "warning")
                        + ")");
            }
            return result.valid() ? OK : INVALID;
        }
    }

    private static void problems(ArrayNode array, List<PolicyProblem> problems) {
        for (PolicyProblem problem : problems) {
            ObjectNode node = array.addObject();
            node.put("category", problem.category());
            node.put("message", problem.message());
            node.put("line", problem.line());
            node.put("column", problem.column());
            node.put("path", problem.jsonPath());
        }
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    // --- simulate --------------------------------------------------------------------------------------------------

    @Command(name = "simulate", synopsisHeading = "", descriptionHeading = "%n", customSynopsis = SimulationArguments.USAGE,
            description = "Decide a request against policies as RAM would; exit 0 whatever the decision.")
    static final class Simulate implements Callable<Integer> {

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        @Mixin
        SimulationArguments.Options options;

        @Spec
        CommandSpec spec;

        private final PrintStream out;
        private final PrintStream err;

        Simulate(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            SimulationArguments arguments;
            try {
                arguments = options.checked();
            } catch (SimulationArguments.UsageError e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            try {
                Decision decision = decide(arguments);
                out.println(arguments.json() ? write(asJson(decision, arguments)) : asText(decision, arguments));
                return OK;
            } catch (SimulationArguments.UsageError | PolicySources.Unreadable e) {
                err.println("policy simulate: " + e.getMessage());
                return USAGE;
            } catch (PolicySources.Invalid e) {
                e.lines.forEach(err::println);
                err.println("policy simulate: " + e.getMessage());
                return USAGE;
            }
        }
    }

    private static Decision decide(SimulationArguments arguments)
            throws SimulationArguments.UsageError, PolicySources.Unreadable, PolicySources.Invalid {
        List<AttachedPolicy> attached = new ArrayList<>();
        for (String policy : arguments.accountPolicies()) {
            attached.add(attach(PolicySources.attachable(policy), PolicyScope.account()));
        }
        for (Map.Entry<String, String> policy : arguments.groupPolicies()) {
            attached.add(attach(PolicySources.attachable(policy.getValue()), PolicyScope.resourceGroup(policy.getKey())));
        }
        Optional<AttachedPolicy> session = Optional.empty();
        if (arguments.sessionPolicy().isPresent()) {
            session = Optional.of(attach(PolicySources.file(arguments.sessionPolicy().get(), PolicyParser.Kind.PERMISSION),
                    PolicyScope.account()));
        }
        Map<String, List<String>> context = new LinkedHashMap<>(arguments.context());
        arguments.principal().ifPresent(principal -> context.putIfAbsent("acs:PrincipalARN", List.of(principal)));
        AccessRequest request = new AccessRequest(arguments.action(), arguments.resource(),
                arguments.principal().orElse(""), arguments.resourceGroup().orElse(null), context);
        Evaluator evaluator = new Evaluator();
        if (arguments.trustPolicy().isEmpty()) {
            return evaluator.evaluate(request, attached, session);
        }
        PolicySources.Named trust = PolicySources.file(arguments.trustPolicy().get(), PolicyParser.Kind.TRUST);
        return evaluator.evaluateAssumeRole(request, attached, session, trust.document(),
                caller(arguments.principal().orElseThrow()));
    }

    private static AttachedPolicy attach(PolicySources.Named policy, PolicyScope scope) {
        return new AttachedPolicy(policy.name(), policy.versionId(), scope, policy.document());
    }

    /**
     * {@code acs:ram::<uid>:user/<name>}, {@code …:role/<name>}, a role session {@code …:role/<name>/<session>} (also
     * named by its role's ARN), {@code …:root}; an identity provider {@code …:saml-provider/<name>}; or a service such
     * as {@code fc.aliyuncs.com}.
     */
    static TrustedPrincipal caller(String principal) throws SimulationArguments.UsageError {
        if (!principal.contains(":")) {
            if (!principal.contains(".")) {
                throw new SimulationArguments.UsageError("--principal takes a RAM ARN (acs:ram::<uid>:user/<name>) or a "
                        + "service (fc.aliyuncs.com), not \"" + principal + "\"");
            }
            return new TrustedPrincipal.Service(principal);
        }
        String[] fields = principal.split(":", 5);
        if (fields.length != 5 || !fields[0].equals("acs") || !fields[1].equals("ram") || fields[3].isEmpty()) {
            throw new SimulationArguments.UsageError("--principal " + principal + " is not a RAM ARN acs:ram::<uid>:<name>");
        }
        if (fields[4].startsWith("saml-provider/") || fields[4].startsWith("oidc-provider/")) {
            return new TrustedPrincipal.Federated(principal);
        }
        List<String> arns = new ArrayList<>();
        String[] relative = fields[4].split("/");
        if (relative.length == 3 && relative[0].equals("role")) {
            arns.add("acs:ram::" + fields[3] + ":role/" + relative[1]);
        }
        arns.add(principal);
        return new TrustedPrincipal.Ram(fields[3], arns);
    }

    /** The name the output gives a deciding policy: the file or system policy as given on the command line. */
    private static String policyName(DecidingStatement statement, SimulationArguments arguments) {
        return statement.scope() == StatementScope.Inline.TRUST
                ? arguments.trustPolicy().orElse(statement.policyName()) : statement.policyName();
    }

    private static ObjectNode asJson(Decision decision, SimulationArguments arguments) {
        ObjectNode root = JSON.createObjectNode();
        root.put("decision", decision.outcome().label());
        ArrayNode deciding = root.putArray("deciding");
        for (DecidingStatement statement : decision.deciding()) {
            ObjectNode node = deciding.addObject();
            node.put("policy", policyName(statement, arguments));
            node.put("scope", statement.scope().label());
            node.put("statement", statement.statementIndex());
        }
        root.put("explanation", decision.explanation());
        return root;
    }

    private static String asText(Decision decision, SimulationArguments arguments) {
        List<String> lines = new ArrayList<>();
        lines.add("Decision:    " + decision.outcome().label());
        if (decision.deciding().isEmpty()) {
            lines.add("Deciding:    none (" + decision.policyType() + ")");
        }
        for (DecidingStatement statement : decision.deciding()) {
            lines.add("Deciding:    " + policyName(statement, arguments) + " statement " + statement.statementIndex()
                    + " (scope " + statement.scope().label() + ", " + statement.type() + ")");
        }
        lines.add("Explanation: " + decision.explanation());
        return String.join(System.lineSeparator(), lines);
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
