package fcperm.sandbox.ram;

import java.util.regex.Pattern;

/** RAM's naming and length rules (ram-policy.md §1.8). */
final class RamNames {

    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z0-9.\\-]+");
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._\\-]+");
    private static final Pattern POLICY_NAME = Pattern.compile("[A-Za-z0-9\\-]+");

    private RamNames() {
    }

    static String roleName(String value) {
        return name("RoleName", value, 64, ROLE_NAME, "letters, digits, '.' and '-'");
    }

    static String userName(String value) {
        return name("UserName", value, 64, USER_NAME, "letters, digits, '.', '_' and '-'");
    }

    static String policyName(String value) {
        return name("PolicyName", value, 128, POLICY_NAME, "letters, digits and '-'");
    }

    static String description(String parameter, String value) {
        if (value.length() > 1024) {
            throw RamErrors.invalidLength(parameter, 0, 1024);
        }
        return value;
    }

    private static String name(String parameter, String value, int max, Pattern allowed, String allowedText) {
        if (value.isEmpty() || value.length() > max) {
            throw RamErrors.invalidLength(parameter, 1, max);
        }
        if (!allowed.matcher(value).matches()) {
            throw RamErrors.invalidChars(parameter, allowedText);
        }
        return value;
    }
}
