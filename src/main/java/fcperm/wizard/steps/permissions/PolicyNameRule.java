package fcperm.wizard.steps.permissions;

import java.util.Optional;
import java.util.regex.Pattern;

/** RAM's rule for custom policy names: 1–128 letters, digits and hyphens. */
final class PolicyNameRule {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9-]+");

    private PolicyNameRule() {
    }

    static Optional<String> problemKey(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("permissions.custom.name.empty");
        }
        if (name.length() > 128) {
            return Optional.of("permissions.custom.name.long");
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of("permissions.custom.name.chars");
        }
        return Optional.empty();
    }
}
