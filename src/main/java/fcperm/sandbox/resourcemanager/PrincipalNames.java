package fcperm.sandbox.resourcemanager;

import java.util.Locale;
import java.util.Optional;

/**
 * How Resource Manager names principals of the account with alias {@code a}: a RAM user {@code name@a.onaliyun.com}
 * ({@code IMSUser}), a user group {@code name@group.a.onaliyun.com} ({@code IMSGroup}), a RAM role
 * {@code name@role.a.onaliyunservice.com} ({@code ServiceRole}). The identity tables store users and roles by their
 * short name with type {@code User} / {@code Role}; groups are kept as {@code Group}, of which the sandbox has none.
 */
final class PrincipalNames {

    static final String USER = "IMSUser";
    static final String GROUP = "IMSGroup";
    static final String ROLE = "ServiceRole";

    private final String alias;

    PrincipalNames(String alias) {
        this.alias = alias;
    }

    static boolean isType(String principalType) {
        return principalType.equals(USER) || principalType.equals(GROUP) || principalType.equals(ROLE);
    }

    /** The principal type as the identity tables store it. */
    static String storedType(String principalType) {
        return switch (principalType) {
            case USER -> "User";
            case ROLE -> "Role";
            case GROUP -> "Group";
            default -> throw new IllegalArgumentException("not a principal type: " + principalType);
        };
    }

    /** The Resource Manager type of a stored principal type. */
    static String principalType(String storedType) {
        return switch (storedType) {
            case "User" -> USER;
            case "Role" -> ROLE;
            case "Group" -> GROUP;
            default -> throw new IllegalArgumentException("not a stored principal type: " + storedType);
        };
    }

    /** The part before the {@code @}: what a permission check names the principal by, before the name is checked. */
    static String leadingName(String principalName) {
        int at = principalName.indexOf('@');
        return at < 0 ? principalName : principalName.substring(0, at);
    }

    String fullName(String principalType, String shortName) {
        return shortName + suffix(principalType);
    }

    /** The short name inside {@code principalName}, when it is a name of this type in this account. */
    Optional<String> shortName(String principalType, String principalName) {
        String suffix = suffix(principalType);
        if (principalName.length() <= suffix.length()
                || !principalName.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String shortName = principalName.substring(0, principalName.length() - suffix.length());
        return shortName.contains("@") ? Optional.empty() : Optional.of(shortName);
    }

    /** The type a full name has in this account (by its domain), when it has one. */
    Optional<String> typeOf(String principalName) {
        for (String type : new String[] {ROLE, GROUP, USER}) {
            if (shortName(type, principalName).isPresent()) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    String suffix(String principalType) {
        return switch (principalType) {
            case USER -> "@" + alias + ".onaliyun.com";
            case GROUP -> "@group." + alias + ".onaliyun.com";
            case ROLE -> "@role." + alias + ".onaliyunservice.com";
            default -> throw new IllegalArgumentException("not a principal type: " + principalType);
        };
    }
}
