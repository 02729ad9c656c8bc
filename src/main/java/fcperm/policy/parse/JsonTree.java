package fcperm.policy.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value that remembers where it stood in the text, so every problem found later can name a line and column.
 * Built with Jackson's streaming parser; duplicate keys and nesting beyond {@link #MAX_DEPTH} are syntax errors.
 */
final class JsonTree {

    enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    /** No policy is deeper than a handful of levels; this only stops pathological input early. */
    static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            // one level above our own limit, so that read() reports the place where the nesting gets too deep;
            // Jackson's own limit stays as a backstop (its error carries no useful position)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 2).build())
            .build();

    final Kind kind;
    final String text;
    final Map<String, JsonTree> fields;
    final List<JsonTree> items;
    final int line;
    final int column;
    final String path;

    private JsonTree(Kind kind, String text, Map<String, JsonTree> fields, List<JsonTree> items, JsonLocation at,
                     String path) {
        this.kind = kind;
        this.text = text;
        this.fields = fields;
        this.items = items;
        this.line = at.getLineNr();
        this.column = at.getColumnNr();
        this.path = path;
    }

    /** A syntax error with its position. */
    static final class SyntaxError extends Exception {
        final int line;
        final int column;

        SyntaxError(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    static JsonTree parse(String json) throws SyntaxError {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxError("the document is empty", 1, 1);
            }
            JsonTree root = read(parser, "$", 0);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new SyntaxError("unexpected content after the end of the document", at.getLineNr(), at.getColumnNr());
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            SyntaxWords.Located words = SyntaxWords.of(e.getOriginalMessage(),
                    at == null ? 1 : Math.max(1, at.getColumnNr()));
            throw new SyntaxError(words.message(), line, words.column());
        } catch (IOException e) {
            throw new SyntaxError("the document cannot be read: " + e.getMessage(), 1, 1);
        }
    }

    private static JsonTree read(JsonParser parser, String path, int depth) throws IOException, SyntaxError {
        JsonLocation at = parser.currentTokenLocation();
        if (depth > MAX_DEPTH) {
            throw new SyntaxError("the document is nested deeper than " + MAX_DEPTH + " levels", at.getLineNr(), at.getColumnNr());
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, JsonTree> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonLocation nameAt = parser.currentTokenLocation();
                    parser.nextToken();
                    JsonTree value = read(parser, path + "." + name, depth + 1);
                    if (fields.put(name, value) != null) {
                        throw new SyntaxError("duplicate key \"" + name + "\"", nameAt.getLineNr(), nameAt.getColumnNr());
                    }
                }
                return new JsonTree(Kind.OBJECT, null, fields, List.of(), at, path);
            }
            case START_ARRAY -> {
                List<JsonTree> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, path + "[" + items.size() + "]", depth + 1));
                }
                return new JsonTree(Kind.ARRAY, null, Map.of(), items, at, path);
            }
            case VALUE_STRING -> {
                return new JsonTree(Kind.STRING, parser.getText(), Map.of(), List.of(), at, path);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new JsonTree(Kind.NUMBER, parser.getText(), Map.of(), List.of(), at, path);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new JsonTree(Kind.BOOLEAN, parser.getText(), Map.of(), List.of(), at, path);
            }
            case VALUE_NULL -> {
                return new JsonTree(Kind.NULL, null, Map.of(), List.of(), at, path);
            }
            default -> throw new SyntaxError("unexpected " + token, at.getLineNr(), at.getColumnNr());
        }
    }

    boolean isScalar() {
        return kind == Kind.STRING || kind == Kind.NUMBER || kind == Kind.BOOLEAN;
    }

    /** How this value is called in messages. */
    String describeKind() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
