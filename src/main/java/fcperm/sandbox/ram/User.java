package fcperm.sandbox.ram;

/** A RAM user. */
record User(String userId, String userName, String displayName, String comments, String email, String mobilePhone,
            String createDate, String updateDate) {
}
