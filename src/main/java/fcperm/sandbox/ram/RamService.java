package fcperm.sandbox.ram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.sandbox.store.Database;
import fcperm.sandbox.store.RandomIds;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** RAM's rules: validation, uniqueness, limits and the effects of each operation, each in one transaction. */
final class RamService {

    static final long MIN_SESSION = 3600;
    static final long MAX_SESSION = 43200;
    static final int MAX_TRUST_POLICY_LENGTH = 2048;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final RamStore store;
    private final Clock clock;

    RamService(Database database, RamStore store, Clock clock) {
        this.database = database;
        this.store = store;
        this.clock = clock;
    }

    // ---- roles

    Role createRole(String roleName, String trustPolicy, Optional<String> description, Optional<Long> maxSessionDuration) {
        RamNames.roleName(roleName);
        validateTrustPolicy(trustPolicy);
        String checkedDescription = RamNames.description("Description", description.orElse(""));
        long maxSession = checkMaxSession("MaxSessionDuration", maxSessionDuration.orElse(MIN_SESSION));
        return database.transaction(tx -> {
            if (store.role(tx, roleName).isPresent()) {
                throw RamErrors.roleExists(roleName);
            }
            String now = now();
            Role role = new Role(RandomIds.numericId(18), roleName, null, checkedDescription, trustPolicy, maxSession, now, now);
            store.insertRole(tx, role);
            return store.role(tx, roleName).orElseThrow();
        });
    }

    Role getRole(String roleName) {
        return database.read(tx -> store.role(tx, roleName).orElseThrow(() -> RamErrors.roleNotFound(roleName)));
    }

    Page<Role> listRoles(Optional<String> marker, int maxItems) {
        String from = marker.map(Markers::decode).orElse("");
        List<Role> roles = database.read(tx -> store.roles(tx, from, maxItems + 1));
        return page(roles, maxItems, Role::roleName);
    }

    // ---- shared rules

    private static <T> Page<T> page(List<T> fetched, int maxItems, java.util.function.Function<T, String> name) {
        if (fetched.size() <= maxItems) {
            return new Page<>(fetched, Optional.empty());
        }
        return new Page<>(List.copyOf(fetched.subList(0, maxItems)), Optional.of(Markers.encode(name.apply(fetched.get(maxItems)))));
    }

    static long checkMaxSession(String parameter, long seconds) {
        if (seconds < MIN_SESSION || seconds > MAX_SESSION) {
            throw RamErrors.invalidParameter(parameter, "must be between " + MIN_SESSION + " and " + MAX_SESSION + " seconds.");
        }
        return seconds;
    }

    static void validateTrustPolicy(String document) {
        if (document.length() > MAX_TRUST_POLICY_LENGTH) {
            throw RamErrors.invalidLength("AssumeRolePolicyDocument", 1, MAX_TRUST_POLICY_LENGTH);
        }
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw RamErrors.malformedPolicyDocument("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("Statement").isArray() || root.path("Statement").isEmpty()) {
            throw RamErrors.malformedPolicyDocument("a trust policy is an object with a non-empty Statement list");
        }
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
