package fcperm.policy.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * An anchored glob: {@code *} is any run of characters (also empty, across '/' and ':'), {@code ?} exactly one; every
 * other character is literal. Matched by hand rather than through a regular expression, so nothing in a pattern can
 * act as regex syntax and no input can make matching backtrack exponentially.
 *
 * <p>The pattern is split once at its stars into fixed-length segments. A text matches when the first segment is its
 * prefix (unless the pattern starts with a star), the last its suffix (unless it ends with one), and the segments in
 * between occur in order: placing each at its leftmost occurrence is enough, since a segment has a fixed length and an
 * earlier end leaves the rest more room. Most segments have no {@code ?} and are found with {@link String#indexOf}.
 */
public final class Wildcard {

    private final String pattern;
    private final boolean ignoreCase;
    private final boolean any;
    private final boolean exact;
    private final boolean leadingStar;
    private final boolean trailingStar;
    private final String[] segments;
    private final boolean[] hasQuestionMark;

    private Wildcard(String pattern, boolean ignoreCase) {
        this.pattern = pattern;
        this.ignoreCase = ignoreCase;
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= pattern.length(); i++) {
            if (i == pattern.length() || pattern.charAt(i) == '*') {
                if (i > start) {
                    parts.add(pattern.substring(start, i));
                }
                start = i + 1;
            }
        }
        this.segments = parts.toArray(String[]::new);
        this.hasQuestionMark = new boolean[segments.length];
        for (int i = 0; i < segments.length; i++) {
            hasQuestionMark[i] = segments[i].indexOf('?') >= 0;
        }
        this.exact = pattern.indexOf('*') < 0;
        this.any = !exact && segments.length == 0;
        this.leadingStar = pattern.startsWith("*");
        this.trailingStar = pattern.endsWith("*");
    }

    public static Wildcard caseSensitive(String pattern) {
        return new Wildcard(pattern, false);
    }

    public static Wildcard ignoringCase(String pattern) {
        return new Wildcard(pattern, true);
    }

    public boolean matches(String text) {
        if (any) {
            return true;
        }
        if (exact) {
            return text.length() == pattern.length() && (segments.length == 0 || segmentAt(0, text, 0));
        }
        int first = 0;
        int last = segments.length - 1;
        int from = 0;
        int to = text.length();
        if (!leadingStar) {
            if (!segmentAt(0, text, 0)) {
                return false;
            }
            from = segments[0].length();
            first = 1;
        }
        if (!trailingStar) {
            int at = to - segments[last].length();
            if (at < from || !segmentAt(last, text, at)) {
                return false;
            }
            to = at;
            last--;
        }
        for (int i = first; i <= last; i++) {
            int found = find(i, text, from, to);
            if (found < 0) {
                return false;
            }
            from = found + segments[i].length();
        }
        return true;
    }

    /** The leftmost position at or after {@code from} where segment {@code i} occurs and ends by {@code to}, or -1. */
    private int find(int i, String text, int from, int to) {
        String segment = segments[i];
        int lastStart = to - segment.length();
        if (!ignoreCase && !hasQuestionMark[i]) {
            int found = text.indexOf(segment, from);
            return found >= 0 && found <= lastStart ? found : -1;
        }
        for (int at = from; at <= lastStart; at++) {
            if (segmentAt(i, text, at)) {
                return at;
            }
        }
        return -1;
    }

    /** Whether segment {@code i} matches {@code text} at {@code at}. */
    private boolean segmentAt(int i, String text, int at) {
        String segment = segments[i];
        if (at + segment.length() > text.length()) {
            return false;
        }
        if (!hasQuestionMark[i]) {
            return text.regionMatches(ignoreCase, at, segment, 0, segment.length());
        }
        for (int k = 0; k < segment.length(); k++) {
            char p = segment.charAt(k);
            if (p != '?' && !same(p, text.charAt(at + k))) {
                return false;
            }
        }
        return true;
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
