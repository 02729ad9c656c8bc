package fcperm.sandbox.resourcemanager;

import fcperm.policy.catalog.SystemPolicy;
import fcperm.sandbox.auth.Account;
import fcperm.sandbox.auth.SystemPolicies;
import fcperm.sandbox.store.Database;
import fcperm.sandbox.store.RandomIds;
import fcperm.sandbox.store.Tx;

import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resource Manager's rules: resource groups, and policies attached at a scope (a resource group, or the account id
 * for the whole account) to principals named as the cloud names them. Knows nothing of HTTP.
 */
final class ResourceManagerService {

    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{2,49}");

    /** A page of results with the total the cloud reports. */
    record Page<T>(List<T> items, int pageNumber, int pageSize, long totalCount) {
    }

    /** A principal resolved from its Resource Manager name. */
    private record ResolvedPrincipal(String attachmentType, String id, String name) {
    }

    private final Database database;
    private final ResourceManagerStore store = new ResourceManagerStore();
    private final Account account;
    private final SystemPolicies systemPolicies;
    private final Clock clock;

    ResourceManagerService(Database database, Account account, SystemPolicies systemPolicies, Clock clock) {
        this.database = database;
        this.account = account;
        this.systemPolicies = systemPolicies;
        this.clock = clock;
    }

    String accountId() {
        return account.id();
    }

    Page<ResourceGroup> listGroups(Optional<String> id, Optional<String> name, Optional<String> status, int page, int size) {
        List<String> clauses = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        id.ifPresent(value -> add(clauses, args, "id = ?", value));
        name.ifPresent(value -> add(clauses, args, "name = ?", value));
        status.ifPresent(value -> add(clauses, args, "status = ?", value));
        ResourceManagerStore.Where where = ResourceManagerStore.Where.of(clauses, args);
        return database.read(tx -> new Page<>(store.groups(tx, where, (page - 1) * size, size), page, size,
                store.groupCount(tx, where)));
    }

    ResourceGroup getGroup(String id) {
        return database.read(tx -> store.group(tx, id).orElseThrow(() -> ResourceManagerErrors.groupNotFound(id)));
    }

    ResourceGroup createGroup(String name, String displayName) {
        if (!GROUP_NAME.matcher(name).matches()) {
            throw ResourceManagerErrors.invalidParameter("Name",
                    "use 3 to 50 letters, digits, periods or hyphens, starting with a letter or digit");
        }
        if (displayName.isEmpty() || displayName.length() > 50) {
            throw ResourceManagerErrors.invalidParameter("DisplayName", "use 1 to 50 characters");
        }
        return database.transaction(tx -> {
            if (store.groupNameTaken(tx, name)) {
                throw ResourceManagerErrors.groupNameExists(name);
            }
            ResourceGroup group = new ResourceGroup(RandomIds.resourceGroupId(), name, displayName, "OK", false, now());
            store.insertGroup(tx, group);
            return group;
        });
    }

    void attachPolicy(String policyType, String policyName, String principalType, String principalName, String scope) {
        database.transaction(tx -> {
            requirePolicy(tx, policyType, policyName);
            String scopeId = scope(tx, scope);
            ResolvedPrincipal principal = principal(tx, principalType, principalName);
            if (store.attached(tx, policyType, canonicalPolicyName(policyType, policyName), principal.attachmentType(),
                    principal.id(), scopeId)) {
                throw ResourceManagerErrors.attachmentExists(policyName, principalName, scopeId);
            }
            store.attach(tx, policyType, canonicalPolicyName(policyType, policyName), principal.attachmentType(),
                    principal.id(), scopeId, now());
            return null;
        });
    }

    void detachPolicy(String policyType, String policyName, String principalType, String principalName, String scope) {
        database.transaction(tx -> {
            requirePolicy(tx, policyType, policyName);
            String scopeId = scope(tx, scope);
            ResolvedPrincipal principal = principal(tx, principalType, principalName);
            String name = canonicalPolicyName(policyType, policyName);
            if (!store.attached(tx, policyType, name, principal.attachmentType(), principal.id(), scopeId)) {
                throw ResourceManagerErrors.attachmentNotFound(policyName, principalName, scopeId);
            }
            store.detach(tx, policyType, name, principal.attachmentType(), principal.id(), scopeId);
            return null;
        });
    }

    Page<PolicyAttachment> listAttachments(Optional<String> scope, Optional<String> policyType, Optional<String> policyName,
                                           Optional<String> principalType, Optional<String> principalName, int page, int size) {
        return database.read(tx -> {
            List<String> clauses = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            scope.ifPresent(value -> add(clauses, args, "a.scope = ?", value));
            policyType.ifPresent(value -> add(clauses, args, "a.policy_type = ?", value));
            policyName.ifPresent(value -> add(clauses, args, "a.policy_name = ? COLLATE NOCASE", value));
            if (principalType.isPresent() && principalName.isPresent()) {
                ResolvedPrincipal principal = principal(tx, principalType.get(), principalName.get());
                add(clauses, args, "a.principal_type = ?", principal.attachmentType());
                add(clauses, args, "a.principal_id = ?", principal.id());
            } else if (principalType.isPresent()) {
                add(clauses, args, "a.principal_type = ?", attachmentType(principalType.get()));
            }
            ResourceManagerStore.Where where = ResourceManagerStore.Where.of(clauses, args);
            List<PolicyAttachment> items = new ArrayList<>();
            for (ResourceManagerStore.AttachmentRow row : store.attachments(tx, where, (page - 1) * size, size)) {
                items.add(attachment(row));
            }
            return new Page<>(items, page, size, store.attachmentCount(tx, where));
        });
    }

    Page<GroupedResource> listResources(Optional<String> group, Optional<String> service, Optional<String> region,
                                        Optional<String> resourceType, Optional<String> resourceId, int page, int size) {
        List<String> clauses = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        group.ifPresent(value -> add(clauses, args, "resource_group_id = ?", value));
        service.ifPresent(value -> add(clauses, args, "service = ?", value));
        region.ifPresent(value -> add(clauses, args, "region_id = ?", value));
        resourceType.ifPresent(value -> add(clauses, args, "resource_type = ?", value));
        resourceId.ifPresent(value -> add(clauses, args, "resource_id = ?", value));
        ResourceManagerStore.Where where = ResourceManagerStore.Where.of(clauses, args);
        return database.read(tx -> new Page<>(store.resources(tx, where, (page - 1) * size, size), page, size,
                store.resourceCount(tx, where)));
    }

    private PolicyAttachment attachment(ResourceManagerStore.AttachmentRow row) {
        boolean role = row.principalType().equals("Role");
        String description = row.policyType().equals("System")
                ? systemPolicies.get(row.policyName()).map(SystemPolicy::description).orElse("")
                : Optional.ofNullable(row.customDescription()).orElse("");
        String principalName = role
                ? row.principalName() + "@role." + account.alias() + ".onaliyunservice.com"
                : row.principalName() + "@" + account.alias() + ".onaliyun.com";
        return new PolicyAttachment(row.policyName(), row.policyType(), description, principalName,
                role ? "ServiceRole" : "IMSUser", row.scope(), row.attachedAt());
    }

    private void requirePolicy(Tx tx, String policyType, String policyName) throws SQLException {
        boolean exists = switch (policyType) {
            case "System" -> systemPolicies.get(policyName).isPresent();
            case "Custom" -> store.customPolicyDescription(tx, policyName).isPresent();
            default -> throw ResourceManagerErrors.invalidParameter("PolicyType", "use System or Custom");
        };
        if (!exists) {
            throw ResourceManagerErrors.policyNotFound(policyType, policyName);
        }
    }

    /** System policy names are stored in their catalog spelling. */
    private String canonicalPolicyName(String policyType, String policyName) {
        return policyType.equals("System")
                ? systemPolicies.get(policyName).map(SystemPolicy::name).orElse(policyName) : policyName;
    }

    /** The account id (account scope) or an existing resource group id. */
    private String scope(Tx tx, String scope) throws SQLException {
        if (scope.equals(account.id())) {
            return scope;
        }
        if (!scope.startsWith("rg-")) {
            throw ResourceManagerErrors.malformedGroupId(scope);
        }
        store.group(tx, scope).orElseThrow(() -> ResourceManagerErrors.groupNotFound(scope));
        return scope;
    }

    private ResolvedPrincipal principal(Tx tx, String type, String name) throws SQLException {
        String suffix = switch (type) {
            case "IMSUser" -> "@" + account.alias() + ".onaliyun.com";
            case "ServiceRole" -> "@role." + account.alias() + ".onaliyunservice.com";
            case "IMSGroup" -> throw ResourceManagerErrors.invalidParameter("PrincipalType",
                    "the sandbox has no user groups; attach the policy to a user (IMSUser) or a role (ServiceRole)");
            default -> throw ResourceManagerErrors.invalidParameter("PrincipalType", "use IMSUser or ServiceRole");
        };
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(suffix.toLowerCase(java.util.Locale.ROOT))) {
            throw ResourceManagerErrors.invalidParameter("PrincipalName", "a " + type + " of this account is named <name>" + suffix);
        }
        String shortName = name.substring(0, name.length() - suffix.length());
        Optional<String> id = type.equals("IMSUser") ? store.userId(tx, shortName) : store.roleId(tx, shortName);
        return new ResolvedPrincipal(attachmentType(type),
                id.orElseThrow(() -> ResourceManagerErrors.principalNotFound(type, name)), shortName);
    }

    private static String attachmentType(String principalType) {
        return principalType.equals("ServiceRole") ? "Role" : "User";
    }

    private static void add(List<String> clauses, List<Object> args, String clause, Object value) {
        clauses.add(clause);
        args.add(value);
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
