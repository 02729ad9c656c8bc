package fcperm.sandbox.identity;

/** The sandbox's one account: its 16-digit id and its alias (the id unless set otherwise). */
public record Account(String id, String alias) {
}
