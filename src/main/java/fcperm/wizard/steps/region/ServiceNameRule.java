package fcperm.wizard.steps.region;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Function Compute's rule for service names: 1–128 characters, letters, digits, hyphens and underscores, not
 * starting with a digit or a hyphen.
 */
final class ServiceNameRule {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private ServiceNameRule() {
    }

    static Optional<String> problemKey(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("region.new.empty");
        }
        if (name.length() > 128) {
            return Optional.of("region.new.long");
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of("region.new.chars");
        }
        return Optional.empty();
    }
}
