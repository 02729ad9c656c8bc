package fcperm.sandbox.identity;

import fcperm.policy.catalog.SystemPolicy;
import fcperm.policy.catalog.SystemPolicyCatalog;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The system policies every account has (the policy engine's catalog), looked up by name ignoring case as RAM does. */
public final class SystemPolicies {

    private final List<SystemPolicy> all;
    private final Map<String, SystemPolicy> byName;

    public SystemPolicies(SystemPolicyCatalog catalog) {
        this.all = catalog.all().stream().sorted(Comparator.comparing(SystemPolicy::name)).toList();
        this.byName = all.stream().collect(Collectors.toUnmodifiableMap(
                policy -> policy.name().toLowerCase(Locale.ROOT), Function.identity()));
    }

    public Optional<SystemPolicy> get(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every system policy, in name order. */
    public List<SystemPolicy> all() {
        return all;
    }
}
