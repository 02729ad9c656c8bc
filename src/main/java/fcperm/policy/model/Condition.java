package fcperm.policy.model;

import java.util.List;

/**
 * One condition test: {@code operator} (e.g. {@code StringLike}, {@code ForAnyValue:StringEquals}) applied to the
 * request's values of {@code key} against {@code values}; the values are OR-ed (NOR for negated operators).
 */
public record Condition(String operator, String key, List<String> values) {

    public Condition {
        values = List.copyOf(values);
    }
}
