package fcperm.policy.eval;

/**
 * An anchored glob: {@code *} is any run of characters (also empty, across '/' and ':'), {@code ?} exactly one; every
 * other character is literal. Matched by hand rather than through a regular expression, so nothing in a pattern
 * can act as regex syntax, and common shapes ("*", a literal, "prefix*") take a shortcut.
 */
public final class Wildcard {

    private enum Shape { ANY, LITERAL, PREFIX, GLOB }

    private final String pattern;
    private final boolean ignoreCase;
    private final Shape shape;
    private final String prefix;

    private Wildcard(String pattern, boolean ignoreCase) {
        this.pattern = pattern;
        this.ignoreCase = ignoreCase;
        int star = pattern.indexOf('*');
        int question = pattern.indexOf('?');
        if (pattern.equals("*")) {
            shape = Shape.ANY;
        } else if (star < 0 && question < 0) {
            shape = Shape.LITERAL;
        } else if (question < 0 && star == pattern.length() - 1) {
            shape = Shape.PREFIX;
        } else {
            shape = Shape.GLOB;
        }
        prefix = shape == Shape.PREFIX ? pattern.substring(0, pattern.length() - 1) : "";
    }

    public static Wildcard caseSensitive(String pattern) {
        return new Wildcard(pattern, false);
    }

    public static Wildcard ignoringCase(String pattern) {
        return new Wildcard(pattern, true);
    }

    public boolean matches(String text) {
        return switch (shape) {
            case ANY -> true;
            case LITERAL -> ignoreCase ? pattern.equalsIgnoreCase(text) : pattern.equals(text);
            case PREFIX -> text.regionMatches(ignoreCase, 0, prefix, 0, prefix.length());
            case GLOB -> glob(text);
        };
    }

    /** Greedy two-pointer glob with backtracking to the last '*': linear in practice, never exponential. */
    private boolean glob(String text) {
        int p = 0;
        int t = 0;
        int starAt = -1;
        int resumeAt = 0;
        while (t < text.length()) {
            // a '*' in the pattern is always a wildcard, even where the text has a literal '*'
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                starAt = p++;
                resumeAt = t;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t)))) {
                p++;
                t++;
            } else if (starAt >= 0) {
                p = starAt + 1;
                t = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private boolean same(char a, char b) {
        if (a == b) {
            return true;
        }
        return ignoreCase && (Character.toLowerCase(a) == Character.toLowerCase(b)
                || Character.toUpperCase(a) == Character.toUpperCase(b));
    }

    @Override
    public String toString() {
        return pattern;
    }
}
