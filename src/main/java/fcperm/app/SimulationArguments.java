package fcperm.app;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@code policy simulate}, checked for shape (which flags, which values) but not yet read:
 * files are opened by {@link PolicyCommand}. The parser refuses unknown flags, missing values and a flag given twice;
 * {@link Options#checked()} the rest.
 *
 * @param groupPolicies resource-group id → files of the policies attached at that group's scope, in command-line order
 */
record SimulationArguments(String action, String resource, List<String> accountPolicies,
                           List<Map.Entry<String, String>> groupPolicies, Optional<String> resourceGroup,
                           Optional<String> sessionPolicy, Optional<String> trustPolicy, Optional<String> principal,
                           Map<String, List<String>> context, boolean json) {

    /** Lines end with {@code %n}: the usage is shown through the command-line parser, which formats it. */
    static final String USAGE = "usage: fcperm policy simulate --action ACTION --resource ARN%n"
            + "         [--policy FILE|SYSTEM_POLICY]...  policy attached at account scope (repeatable)%n"
            + "         [--rg-policy RG_ID=FILE]...       policy attached at resource-group scope (repeatable)%n"
            + "         [--resource-group RG_ID]          the resource group the resource belongs to%n"
            + "         [--session-policy FILE]           STS session policy%n"
            + "         [--trust-policy FILE --principal ARN|SERVICE]   for sts:AssumeRole%n"
            + "         [--context KEY=VALUE]...          request context; repeat a key for several values%n"
            + "         [--json]";

    /** Bad usage: the message says what is wrong. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    /** The flags as the parser read them; {@link #checked()} says whether they make sense together. */
    static final class Options {

        @Option(names = "--action", paramLabel = "ACTION", description = "the action, e.g. oss:GetObject")
        String action;

        @Option(names = "--resource", paramLabel = "ARN", description = "the resource's ARN")
        String resource;

        @Option(names = "--policy", paramLabel = "FILE|SYSTEM_POLICY", description = "a policy attached at account scope")
        List<String> accountPolicies = new ArrayList<>();

        @Option(names = "--rg-policy", paramLabel = "RG_ID=FILE", description = "a policy attached at resource-group scope")
        List<String> groupPolicies = new ArrayList<>();

        @Option(names = "--resource-group", paramLabel = "RG_ID", description = "the resource group of the resource")
        String resourceGroup;

        @Option(names = "--session-policy", paramLabel = "FILE", description = "an STS session policy")
        String sessionPolicy;

        @Option(names = "--trust-policy", paramLabel = "FILE", description = "a role's trust policy, for sts:AssumeRole")
        String trustPolicy;

        @Option(names = "--principal", paramLabel = "ARN|SERVICE", description = "who asks to assume the role")
        String principal;

        @Option(names = "--context", paramLabel = "KEY=VALUE", description = "request context; repeat a key for several values")
        List<String> context = new ArrayList<>();

        @Option(names = "--json", description = "print one JSON object instead of text")
        boolean json;

        SimulationArguments checked() throws UsageError {
            String checkedAction = value("--action", action);
            String checkedResource = value("--resource", resource);
            if (checkedAction == null || checkedResource == null) {
                throw new UsageError("--action and --resource are required");
            }
            if (trustPolicy != null && principal == null) {
                throw new UsageError("--trust-policy needs --principal (a RAM ARN or a service such as fc.aliyuncs.com)");
            }
            if (trustPolicy != null && !checkedAction.equalsIgnoreCase("sts:AssumeRole")) {
                throw new UsageError("--trust-policy applies to --action sts:AssumeRole, not " + checkedAction);
            }
            List<Map.Entry<String, String>> groups = new ArrayList<>();
            for (String policy : groupPolicies) {
                groups.add(pair("--rg-policy", policy, "RG_ID=FILE"));
            }
            Map<String, List<String>> pairs = new LinkedHashMap<>();
            for (String entry : context) {
                Map.Entry<String, String> pair = pair("--context", entry, "KEY=VALUE");
                pairs.computeIfAbsent(pair.getKey(), key -> new ArrayList<>()).add(pair.getValue());
            }
            return new SimulationArguments(checkedAction, checkedResource, accountPolicies, groups,
                    Optional.ofNullable(value("--resource-group", resourceGroup)),
                    Optional.ofNullable(value("--session-policy", sessionPolicy)),
                    Optional.ofNullable(value("--trust-policy", trustPolicy)),
                    Optional.ofNullable(value("--principal", principal)), pairs, json);
        }
    }

    /** {@code value}, refused when blank; null when the flag was not given. */
    private static String value(String flag, String value) throws UsageError {
        if (value != null && value.isBlank()) {
            throw new UsageError(flag + " needs a value");
        }
        return value;
    }

    private static Map.Entry<String, String> pair(String flag, String value, String shape) throws UsageError {
        int equals = value.indexOf('=');
        if (equals <= 0 || equals == value.length() - 1 && !shape.equals("KEY=VALUE")) {
            throw new UsageError(flag + " takes " + shape + ", not \"" + value + "\"");
        }
        return Map.entry(value.substring(0, equals), value.substring(equals + 1));
    }
}
