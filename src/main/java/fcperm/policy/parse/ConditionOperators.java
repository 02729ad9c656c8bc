package fcperm.policy.parse;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The condition operators RAM accepts, their value types and whether they are negated. A set qualifier
 * ({@code ForAnyValue:} / {@code ForAllValues:}) may precede any of them. Names are matched case-insensitively and
 * written back in their documented spelling.
 */
public final class ConditionOperators {

    /** The type of values an operator compares. */
    public enum ValueType { STRING, NUMBER, DATE, BOOLEAN, IP }

    /** One operator: its documented name, value type, and whether it passes when nothing matches (NOR). */
    public record Operator(String name, ValueType type, boolean negated) {
    }

    public static final String FOR_ANY_VALUE = "ForAnyValue:";
    public static final String FOR_ALL_VALUES = "ForAllValues:";

    private static final Map<String, Operator> BY_NAME = Stream.of(
            new Operator("StringEquals", ValueType.STRING, false),
            new Operator("StringNotEquals", ValueType.STRING, true),
            new Operator("StringEqualsIgnoreCase", ValueType.STRING, false),
            new Operator("StringNotEqualsIgnoreCase", ValueType.STRING, true),
            new Operator("StringLike", ValueType.STRING, false),
            new Operator("StringNotLike", ValueType.STRING, true),
            new Operator("NumericEquals", ValueType.NUMBER, false),
            new Operator("NumericNotEquals", ValueType.NUMBER, true),
            new Operator("NumericLessThan", ValueType.NUMBER, false),
            new Operator("NumericLessThanEquals", ValueType.NUMBER, false),
            new Operator("NumericGreaterThan", ValueType.NUMBER, false),
            new Operator("NumericGreaterThanEquals", ValueType.NUMBER, false),
            new Operator("DateEquals", ValueType.DATE, false),
            new Operator("DateNotEquals", ValueType.DATE, true),
            new Operator("DateLessThan", ValueType.DATE, false),
            new Operator("DateLessThanEquals", ValueType.DATE, false),
            new Operator("DateGreaterThan", ValueType.DATE, false),
            new Operator("DateGreaterThanEquals", ValueType.DATE, false),
            new Operator("Bool", ValueType.BOOLEAN, false),
            new Operator("IpAddress", ValueType.IP, false),
            new Operator("NotIpAddress", ValueType.IP, true))
            .collect(Collectors.toUnmodifiableMap(op -> op.name().toLowerCase(Locale.ROOT), Function.identity()));

    private ConditionOperators() {
    }

    /** Every operator, without qualifiers. */
    public static java.util.Collection<Operator> all() {
        return BY_NAME.values();
    }

    /** The operator named {@code name} once any set qualifier is removed. */
    public static Optional<Operator> find(String name) {
        return Optional.ofNullable(BY_NAME.get(withoutQualifier(name).toLowerCase(Locale.ROOT)));
    }

    /** The qualifier of {@code name} ({@link #FOR_ANY_VALUE}, {@link #FOR_ALL_VALUES}) or "" when it has none. */
    public static String qualifier(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith(FOR_ANY_VALUE.toLowerCase(Locale.ROOT))) {
            return FOR_ANY_VALUE;
        }
        if (lower.startsWith(FOR_ALL_VALUES.toLowerCase(Locale.ROOT))) {
            return FOR_ALL_VALUES;
        }
        return "";
    }

    public static String withoutQualifier(String name) {
        return name.substring(qualifier(name).length());
    }
}
