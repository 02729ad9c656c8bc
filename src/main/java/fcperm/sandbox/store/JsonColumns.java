package fcperm.sandbox.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.SQLException;
import java.util.Map;

/** String maps stored in one TEXT column as a JSON object (FC environment variables, OSS user metadata). */
public final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonColumns() {
    }

    public static String write(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The map in {@code column}; a value that is not such a JSON object is corrupt data. */
    public static Map<String, String> read(String column) throws SQLException {
        try {
            return JSON.readValue(column, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt JSON column: " + e.getOriginalMessage(), e);
        }
    }
}
