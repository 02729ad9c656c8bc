package fcperm.policy.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.policy.parse.ParseResult;
import fcperm.policy.parse.PolicyParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The system policies (AliyunOSSFullAccess, AliyunFCFullAccess, ...), read from the data file
 * {@code fcperm/policy/catalog/system-policies.json} and checked by the parser. Names are looked up
 * case-insensitively, as RAM does. One catalog serves the sandbox (to enforce) and the app (to show and simulate).
 */
public final class SystemPolicyCatalog {

    private static final String RESOURCE = "/fcperm/policy/catalog/system-policies.json";
    private static volatile SystemPolicyCatalog loaded;

    private final List<SystemPolicy> policies;
    private final Map<String, SystemPolicy> byName;

    private SystemPolicyCatalog(List<SystemPolicy> policies) {
        this.policies = policies.stream().sorted(Comparator.comparing(SystemPolicy::name)).toList();
        this.byName = policies.stream().collect(Collectors.toUnmodifiableMap(
                policy -> policy.name().toLowerCase(Locale.ROOT), Function.identity()));
    }

    /** The catalog shipped with the app (read once). */
    public static SystemPolicyCatalog load() {
        SystemPolicyCatalog catalog = loaded;
        if (catalog == null) {
            catalog = read();
            loaded = catalog;
        }
        return catalog;
    }

    private static SystemPolicyCatalog read() {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = SystemPolicyCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<SystemPolicy> policies = new ArrayList<>();
            for (JsonNode entry : json.readTree(in).path("policies")) {
                String name = entry.path("name").asText();
                String document = json.writeValueAsString(entry.path("document"));
                ParseResult parsed = PolicyParser.parse(document);
                if (!parsed.valid()) {
                    throw new IllegalStateException("system policy " + name + " is invalid: " + parsed.errors().get(0).describe());
                }
                policies.add(new SystemPolicy(name, entry.path("description").asText(),
                        entry.path("defaultVersion").asText("v1"), document, parsed.document().orElseThrow()));
            }
            return new SystemPolicyCatalog(policies);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Every system policy, in name order. */
    public List<SystemPolicy> all() {
        return policies;
    }

    public Optional<SystemPolicy> get(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }
}
