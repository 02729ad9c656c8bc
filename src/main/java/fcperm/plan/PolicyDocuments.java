package fcperm.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Comparing policy documents as RAM does: the same JSON, whatever the spacing and the order of keys. */
public final class PolicyDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyDocuments() {
    }

    public static boolean same(String one, String other) {
        try {
            return JSON.readTree(one).equals(JSON.readTree(other));
        } catch (JsonProcessingException notJson) {
            return one.strip().equals(other.strip());
        }
    }
}
