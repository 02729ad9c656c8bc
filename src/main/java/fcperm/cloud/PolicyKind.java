package fcperm.cloud;

/** RAM's two kinds of policy: the ones Alibaba Cloud maintains, and the account's own. */
public enum PolicyKind {
    SYSTEM("System"), CUSTOM("Custom");

    private final String wireName;

    PolicyKind(String wireName) {
        this.wireName = wireName;
    }

    /** The {@code PolicyType} value RAM and Resource Manager use. */
    public String wireName() {
        return wireName;
    }

    public static PolicyKind fromWire(String value) {
        return SYSTEM.wireName.equalsIgnoreCase(value) ? SYSTEM : CUSTOM;
    }
}
