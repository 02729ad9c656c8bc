package fcperm.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@code policy simulate}, checked for shape (which flags, which values) but not yet read:
 * files are opened by {@link PolicyCommand}.
 *
 * @param groupPolicies resource-group id → files of the policies attached at that group's scope, in command-line order
 */
record SimulationArguments(String action, String resource, List<String> accountPolicies,
                           List<Map.Entry<String, String>> groupPolicies, Optional<String> resourceGroup,
                           Optional<String> sessionPolicy, Optional<String> trustPolicy, Optional<String> principal,
                           Map<String, List<String>> context, boolean json) {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: fcperm policy simulate --action ACTION --resource ARN",
            "         [--policy FILE|SYSTEM_POLICY]...  policy attached at account scope (repeatable)",
            "         [--rg-policy RG_ID=FILE]...       policy attached at resource-group scope (repeatable)",
            "         [--resource-group RG_ID]          the resource group the resource belongs to",
            "         [--session-policy FILE]           STS session policy",
            "         [--trust-policy FILE --principal ARN|SERVICE]   for sts:AssumeRole",
            "         [--context KEY=VALUE]...          request context; repeat a key for several values",
            "         [--json]");

    /** Bad usage: the message says what is wrong. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    static SimulationArguments parse(String[] args) throws UsageError {
        String action = null;
        String resource = null;
        List<String> accountPolicies = new ArrayList<>();
        List<Map.Entry<String, String>> groupPolicies = new ArrayList<>();
        String resourceGroup = null;
        String session = null;
        String trust = null;
        String principal = null;
        Map<String, List<String>> context = new LinkedHashMap<>();
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--json")) {
                json = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new UsageError(flag.startsWith("--") ? flag + " needs a value" : "unexpected argument " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--action" -> action = once(flag, action, value);
                case "--resource" -> resource = once(flag, resource, value);
                case "--policy" -> accountPolicies.add(value);
                case "--rg-policy" -> groupPolicies.add(pair(flag, value, "RG_ID=FILE"));
                case "--resource-group" -> resourceGroup = once(flag, resourceGroup, value);
                case "--session-policy" -> session = once(flag, session, value);
                case "--trust-policy" -> trust = once(flag, trust, value);
                case "--principal" -> principal = once(flag, principal, value);
                case "--context" -> {
                    Map.Entry<String, String> pair = pair(flag, value, "KEY=VALUE");
                    context.computeIfAbsent(pair.getKey(), key -> new ArrayList<>()).add(pair.getValue());
                }
                default -> throw new UsageError("unknown option " + flag);
            }
        }
        if (action == null || resource == null) {
            throw new UsageError("--action and --resource are required");
        }
        if (trust != null && principal == null) {
            throw new UsageError("--trust-policy needs --principal (a RAM ARN or a service such as fc.aliyuncs.com)");
        }
        if (trust != null && !action.equalsIgnoreCase("sts:AssumeRole")) {
            throw new UsageError("--trust-policy applies to --action sts:AssumeRole, not " + action);
        }
        return new SimulationArguments(action, resource, accountPolicies, groupPolicies, Optional.ofNullable(resourceGroup),
                Optional.ofNullable(session), Optional.ofNullable(trust), Optional.ofNullable(principal), context, json);
    }

    private static String once(String flag, String previous, String value) throws UsageError {
        if (previous != null) {
            throw new UsageError(flag + " is given twice");
        }
        if (value.isBlank()) {
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
