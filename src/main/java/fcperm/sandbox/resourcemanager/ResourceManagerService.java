package fcperm.sandbox.resourcemanager;

import fcperm.policy.catalog.SystemPolicy;
import fcperm.sandbox.identity.Account;
import fcperm.sandbox.identity.AttachmentQuery;
import fcperm.sandbox.identity.GroupQuery;
import fcperm.sandbox.identity.GroupedResource;
import fcperm.sandbox.identity.PageRequest;
import fcperm.sandbox.identity.ResourceGroupDirectory;
import fcperm.sandbox.identity.ResourceGroupRecord;
import fcperm.sandbox.identity.ResourceQuery;
import fcperm.sandbox.identity.SystemPolicies;
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
 * Resource Manager's rules: resource groups, policies attached at a scope (a resource group, or the account id for the
 * whole account) to principals named as the cloud names them, and the resources each group holds. Knows nothing of
 * HTTP. Attachments are written to the table RAM and the authorizer read, so a grant made here is the same grant
 * everywhere.
 */
public final class ResourceManagerService {

    static final int GROUP_NAME_MIN = 3;
    static final int GROUP_NAME_MAX = 50;
    static final int DISPLAY_NAME_MAX = 50;
    /** Letters, digits and hyphens, starting with a letter (CreateResourceGroup's rule for Name). */
    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");
    /** "rg-" and at most 15 letters or digits: group ids are at most 18 characters. */
    private static final Pattern GROUP_ID = Pattern.compile("rg-[A-Za-z0-9]{1,15}");
    private static final String SYSTEM = "System";
    private static final String CUSTOM = "Custom";

    private final Database database;
    private final ResourceGroupDirectory store = new ResourceGroupDirectory();
    private final Account account;
    private final PrincipalNames principalNames;
    private final SystemPolicies systemPolicies;
    private final Clock clock;

    public ResourceManagerService(Database database, Account account, SystemPolicies systemPolicies, Clock clock) {
        this.database = database;
        this.account = account;
        this.principalNames = new PrincipalNames(account.alias());
        this.systemPolicies = systemPolicies;
        this.clock = clock;
    }

    String accountId() {
        return account.id();
    }

    // ---- resource groups

    NumberedPage<ResourceGroupRecord> listGroups(GroupQuery query, PageRequest page) {
        return database.read(tx -> new NumberedPage<>(store.groups(tx, query, page), page, store.groupCount(tx, query)));
    }

    ResourceGroupRecord getGroup(String id) {
        requireGroupIdForm(id);
        return database.read(tx -> existingGroup(tx, id));
    }

    ResourceGroupRecord createGroup(String name, String displayName) {
        if (name.length() < GROUP_NAME_MIN || name.length() > GROUP_NAME_MAX) {
            throw ResourceManagerErrors.nameLength(GROUP_NAME_MIN, GROUP_NAME_MAX);
        }
        if (!GROUP_NAME.matcher(name).matches()) {
            throw ResourceManagerErrors.nameInvalidChars(name);
        }
        requireDisplayName("DisplayName", displayName);
        return database.transaction(tx -> {
            if (store.groupNameTaken(tx, name)) {
                throw ResourceManagerErrors.groupNameExists(name);
            }
            // the cloud reports Creating until every region has the group; here it exists at once
            ResourceGroupRecord group = new ResourceGroupRecord(RandomIds.resourceGroupId(), name, displayName, "OK", false, now());
            store.insertGroup(tx, group);
            return group;
        });
    }

    ResourceGroupRecord updateGroup(String id, String newDisplayName) {
        requireGroupIdForm(id);
        requireDisplayName("NewDisplayName", newDisplayName);
        return database.transaction(tx -> {
            ResourceGroupRecord group = existingGroup(tx, id);
            store.updateDisplayName(tx, id, newDisplayName);
            return new ResourceGroupRecord(group.id(), group.name(), newDisplayName, group.status(), group.isDefault(),
                    group.createDate());
        });
    }

    private static void requireDisplayName(String parameter, String displayName) {
        if (displayName.codePointCount(0, displayName.length()) > DISPLAY_NAME_MAX) {
            throw ResourceManagerErrors.displayNameLength(parameter, DISPLAY_NAME_MAX);
        }
    }

    private static void requireGroupIdForm(String id) {
        if (!GROUP_ID.matcher(id).matches()) {
            throw ResourceManagerErrors.invalidGroupId(id);
        }
    }

    private ResourceGroupRecord existingGroup(Tx tx, String id) throws SQLException {
        return store.group(tx, id).orElseThrow(() -> ResourceManagerErrors.groupNotFound(id));
    }

    // ---- policy attachments

    void attachPolicy(PolicyGrant grant) {
        database.transaction(tx -> {
            ResourceGroupDirectory.StoredGrant stored = resolve(tx, grant);
            if (store.attached(tx, stored)) {
                throw ResourceManagerErrors.alreadyAttached(stored.principalType(), stored.policyName(),
                        grant.principalName(), stored.scope());
            }
            store.attach(tx, stored, now());
            return null;
        });
    }

    void detachPolicy(PolicyGrant grant) {
        database.transaction(tx -> {
            ResourceGroupDirectory.StoredGrant stored = resolve(tx, grant);
            if (!store.attached(tx, stored)) {
                throw ResourceManagerErrors.notAttached(stored.principalType(), stored.policyName(),
                        grant.principalName(), stored.scope());
            }
            store.detach(tx, stored);
            return null;
        });
    }

    /** Checks every part of a grant against what exists, and names it by the attachment table's keys. */
    private ResourceGroupDirectory.StoredGrant resolve(Tx tx, PolicyGrant grant) throws SQLException {
        requirePolicyType(grant.policyType());
        requirePrincipalType(grant.principalType());
        String scope = existingScope(tx, grant.scope());
        String policyName = existingPolicyName(tx, grant.policyType(), grant.policyName());
        String storedType = PrincipalNames.storedType(grant.principalType());
        String shortName = principalNames.shortName(grant.principalType(), grant.principalName())
                .orElseThrow(() -> ResourceManagerErrors.invalidPrincipalName(grant.principalName(),
                        "<name>" + principalNames.suffix(grant.principalType())));
        String principalId = store.principalId(tx, storedType, shortName)
                .orElseThrow(() -> ResourceManagerErrors.principalNotFound(storedType, grant.principalName()));
        return new ResourceGroupDirectory.StoredGrant(grant.policyType(), policyName, storedType, principalId, scope);
    }

    /** The account id (account scope) or the id of an existing resource group. */
    private String existingScope(Tx tx, String scope) throws SQLException {
        if (scope.equals(account.id())) {
            return scope;
        }
        requireGroupIdForm(scope);
        return existingGroup(tx, scope).id();
    }

    /** The policy's name as RAM spells it (names are case-insensitive), if the policy exists. */
    private String existingPolicyName(Tx tx, String policyType, String policyName) throws SQLException {
        Optional<String> name = policyType.equals(SYSTEM)
                ? systemPolicies.get(policyName).map(SystemPolicy::name)
                : store.customPolicyName(tx, policyName);
        return name.orElseThrow(() -> ResourceManagerErrors.policyNotFound(policyType, policyName));
    }

    private static void requirePolicyType(String policyType) {
        if (!policyType.equals(SYSTEM) && !policyType.equals(CUSTOM)) {
            throw ResourceManagerErrors.invalidPolicyType(policyType);
        }
    }

    private static void requirePrincipalType(String principalType) {
        if (!PrincipalNames.isType(principalType)) {
            throw ResourceManagerErrors.invalidPrincipalType(principalType);
        }
    }

    /**
     * ListPolicyAttachments: every filter is optional. A principal named without a type is recognised by its domain;
     * a name that is not one of this account's principals matches nothing (it is a filter, not a reference).
     */
    NumberedPage<PolicyAttachment> listAttachments(Optional<String> scope, Optional<String> policyType, Optional<String> policyName,
                                           Optional<String> principalType, Optional<String> principalName,
                                           PageRequest page) {
        scope.filter(id -> !id.equals(account.id())).ifPresent(ResourceManagerService::requireGroupIdForm);
        policyType.ifPresent(ResourceManagerService::requirePolicyType);
        principalType.ifPresent(ResourceManagerService::requirePrincipalType);
        Optional<String> type = principalType.or(() -> principalName.flatMap(principalNames::typeOf));
        Optional<String> shortName = principalName.flatMap(name -> type.flatMap(t -> principalNames.shortName(t, name)));
        if (principalName.isPresent() && shortName.isEmpty()) {
            return new NumberedPage<>(List.of(), page, 0);
        }
        AttachmentQuery query = new AttachmentQuery(scope, policyType, policyName, type.map(PrincipalNames::storedType),
                shortName);
        return database.read(tx -> {
            List<PolicyAttachment> items = new ArrayList<>();
            for (ResourceGroupDirectory.AttachmentRow row : store.attachments(tx, query, page)) {
                items.add(attachment(row));
            }
            return new NumberedPage<>(items, page, store.attachmentCount(tx, query));
        });
    }

    private PolicyAttachment attachment(ResourceGroupDirectory.AttachmentRow row) {
        String description = row.policyType().equals(SYSTEM)
                ? systemPolicies.get(row.policyName()).map(SystemPolicy::description).orElse("")
                : Optional.ofNullable(row.customDescription()).orElse("");
        String principalType = PrincipalNames.principalType(row.principalType());
        return new PolicyAttachment(row.policyName(), row.policyType(), description,
                principalNames.fullName(principalType, row.principalName()), principalType, row.scope(), row.attachedAt());
    }

    // ---- grouped resources

    NumberedPage<GroupedResource> listResources(ResourceQuery query, PageRequest page) {
        return database.read(tx -> {
            if (query.resourceGroupId().isPresent()) {
                requireGroupIdForm(query.resourceGroupId().get());
                existingGroup(tx, query.resourceGroupId().get());
            }
            return new NumberedPage<>(store.resources(tx, query, page), page, store.resourceCount(tx, query));
        });
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
