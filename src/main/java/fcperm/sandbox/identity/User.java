package fcperm.sandbox.identity;

/** A RAM user. */
public record User(String userId, String userName, String displayName, String comments, String email, String mobilePhone,
            String createDate, String updateDate) {
}
