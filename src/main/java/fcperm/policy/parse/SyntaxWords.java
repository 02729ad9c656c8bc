package fcperm.policy.parse;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's syntax errors in plain words for the person who typed the policy, at the place to fix: a token Jackson
 * does not recognise is reported after its end, so the column is moved back to where it starts.
 */
final class SyntaxWords {

    /** A message with the column it applies to. */
    record Located(String message, int column) {
    }

    private static final Pattern UNEXPECTED = Pattern.compile(
            "Unexpected character \\('(.+?)' \\(code (\\d+)\\)\\):? (.*)", Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '(.*?)': .*", Pattern.DOTALL);
    private static final Pattern CLOSE_MARKER = Pattern.compile(
            "Unexpected close marker '(.)': expected '(.)' \\(for (Object|Array|root) starting at \\[[^\\]]*?line: (\\d+)(?:, column: (\\d+))?\\].*",
            Pattern.DOTALL);
    private static final Pattern END_IN_CONTAINER = Pattern.compile(
            "Unexpected end-of-input: expected close marker for (Object|Array) \\(start marker at \\[.*?line: (\\d+), column: (\\d+)\\].*",
            Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
            Pattern.DOTALL);
    private static final Pattern ESCAPE = Pattern.compile("Unrecognized character escape '(.)'.*", Pattern.DOTALL);
    private static final Pattern JACKSON_LOCATION = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private SyntaxWords() {
    }

    static Located of(String jackson, int column) {
        Matcher m;
        if ((m = UNRECOGNIZED.matcher(jackson)).matches()) {
            String token = m.group(1);
            return new Located("'" + token + "' is not a JSON value: write text in double quotes (\"" + token
                    + "\"), or use a number, true, false or null", Math.max(1, column - token.length()));
        }
        return new Located(words(jackson), column);
    }

    private static String words(String jackson) {
        Matcher m;
        if ((m = UNEXPECTED.matcher(jackson)).matches()) {
            return unexpected(m.group(1), m.group(3));
        }
        if ((m = CLOSE_MARKER.matcher(jackson)).matches()) {
            if (m.group(3).equals("root")) {
                return "'" + m.group(1) + "' comes after the end of the document: remove it";
            }
            return "found '" + m.group(1) + "', but the " + container(m.group(3)) + " opened at line " + m.group(4)
                    + ", column " + m.group(5) + " is not closed yet: close it with '" + m.group(2) + "' first";
        }
        if ((m = END_IN_CONTAINER.matcher(jackson)).matches()) {
            return "the document ends before the " + container(m.group(1)) + " opened at line " + m.group(2)
                    + ", column " + m.group(3) + " is closed with '" + (m.group(1).equals("Object") ? "}" : "]") + "'";
        }
        if (jackson.startsWith("Unexpected end-of-input: was expecting closing quote")
                || jackson.startsWith("Unexpected end-of-input in VALUE_STRING")) {
            return "the document ends inside a text: its closing double quote is missing";
        }
        if (jackson.startsWith("Unexpected end-of-input")) {
            return "the document ends too early";
        }
        if ((m = CONTROL.matcher(jackson)).matches()) {
            String what = switch (m.group(1)) {
                case "10", "13" -> "a line break";
                case "9" -> "a tab";
                default -> "a control character";
            };
            return what + " inside double quotes must be written as an escape (\\n for a line break, \\t for a tab)";
        }
        if ((m = ESCAPE.matcher(jackson)).matches()) {
            return "\"\\" + m.group(1) + "\" is not an escape JSON knows: write \\\\ for a backslash";
        }
        if (jackson.contains("in numeric value")) {
            return "this is not a number JSON can read";
        }
        int cut = jackson.indexOf('\n');
        String line = cut < 0 ? jackson : jackson.substring(0, cut);
        return JACKSON_LOCATION.matcher(line).replaceAll("line $1, column $2");
    }

    private static String unexpected(String found, String expectation) {
        if (expectation.startsWith("was expecting comma to separate Object entries")) {
            return "expected ',' between two entries (or '}' to end the object), found '" + found + "'";
        }
        if (expectation.startsWith("was expecting comma to separate Array entries")) {
            return "expected ',' between two items (or ']' to end the list), found '" + found + "'";
        }
        if (expectation.startsWith("was expecting double-quote to start field name")) {
            return found.equals("}") ? "a comma before '}' has nothing after it: remove the comma"
                    : "expected a key in double quotes (like \"Version\"), found '" + found + "'";
        }
        if (expectation.startsWith("was expecting a colon")) {
            return "expected ':' after the key, found '" + found + "'";
        }
        if (found.equals("'")) {
            return "text is written in double quotes, not single quotes";
        }
        if (found.equals("]") || found.equals("}")) {
            return "a comma before '" + found + "' has nothing after it: remove the comma";
        }
        return "'" + found + "' cannot start a value: expected text in double quotes, a number, true, false, null, "
                + "'[' or '{'";
    }

    private static String container(String jacksonName) {
        return jacksonName.toLowerCase(Locale.ROOT).equals("object") ? "object" : "list";
    }
}
