package fcperm.wizard.steps.role;

import java.util.Optional;
import java.util.regex.Pattern;

/** RAM's rule for role names, checked before anything is sent: 1–64 letters, digits, periods and hyphens. */
final class RoleNameRule {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9.-]+");

    private RoleNameRule() {
    }

    /** The bundle key of what is wrong with {@code name}, or empty when RAM would accept it. */
    static Optional<String> problemKey(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("role.name.empty");
        }
        if (name.length() > 64) {
            return Optional.of("role.name.long");
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of("role.name.chars");
        }
        return Optional.empty();
    }
}
