package fcperm.policy.eval;

import fcperm.policy.model.Condition;
import fcperm.policy.parse.ConditionOperators;
import fcperm.policy.parse.ConditionOperators.Operator;
import fcperm.policy.parse.ConditionValues;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * One condition prepared for evaluation: its values parsed once into the operator's type. Semantics
 * (ram-policy.md §1.5): the listed values are OR-ed; a negated operator passes only when no value matches (NOR);
 * a key the request does not carry fails a positive operator and passes a negated one (unless
 * {@link EvaluationOptions.MissingKey#NEVER_PASSES}); {@code ForAnyValue:} needs one request value to match,
 * {@code ForAllValues:} every request value (and passes when there are none).
 */
final class CompiledCondition {

    /** Lower-cased once: request context keys are stored lower-cased (keys compare without case). */
    private final String key;
    private final String qualifier;
    private final Operator operator;
    /** Whether one request value matches one listed value, by the operator's positive form. */
    private final List<Predicate<String>> valueTests;
    /** Whether every request value must pass (ForAllValues:, and negated operators) rather than one. */
    private final boolean every;
    private final boolean passesWhenKeyMissing;

    private CompiledCondition(String key, String qualifier, Operator operator, List<Predicate<String>> valueTests,
                              EvaluationOptions.MissingKey missingKey) {
        this.key = key.toLowerCase(java.util.Locale.ROOT);
        this.qualifier = qualifier;
        this.operator = operator;
        this.valueTests = valueTests;
        this.every = qualifier.equals(ConditionOperators.FOR_ALL_VALUES) || (qualifier.isEmpty() && operator.negated());
        this.passesWhenKeyMissing = every && missingKey == EvaluationOptions.MissingKey.NEGATED_OPERATORS_PASS;
    }

    static CompiledCondition compile(Condition condition, EvaluationOptions.MissingKey missingKey) {
        Operator operator = ConditionOperators.find(condition.operator()).orElseThrow(
                () -> new IllegalArgumentException("unknown condition operator " + condition.operator()));
        String base = operator.name();
        List<Predicate<String>> tests = new ArrayList<>();
        for (String value : condition.values()) {
            tests.add(test(base, value));
        }
        return new CompiledCondition(condition.key(), ConditionOperators.qualifier(condition.operator()), operator, tests,
                missingKey);
    }

    private static Predicate<String> test(String operator, String listed) {
        return switch (operator) {
            case "StringEquals", "StringNotEquals" -> listed::equals;
            case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase" -> listed::equalsIgnoreCase;
            case "StringLike", "StringNotLike" -> Wildcard.caseSensitive(listed)::matches;
            case "NumericEquals", "NumericNotEquals" -> numeric(listed, c -> c == 0);
            case "NumericLessThan" -> numeric(listed, c -> c < 0);
            case "NumericLessThanEquals" -> numeric(listed, c -> c <= 0);
            case "NumericGreaterThan" -> numeric(listed, c -> c > 0);
            case "NumericGreaterThanEquals" -> numeric(listed, c -> c >= 0);
            case "DateEquals", "DateNotEquals" -> date(listed, c -> c == 0);
            case "DateLessThan" -> date(listed, c -> c < 0);
            case "DateLessThanEquals" -> date(listed, c -> c <= 0);
            case "DateGreaterThan" -> date(listed, c -> c > 0);
            case "DateGreaterThanEquals" -> date(listed, c -> c >= 0);
            case "Bool" -> {
                Optional<Boolean> expected = ConditionValues.bool(listed);
                yield actual -> expected.isPresent() && expected.equals(ConditionValues.bool(actual));
            }
            case "IpAddress", "NotIpAddress" -> {
                Optional<ConditionValues.Cidr> range = ConditionValues.cidr(listed);
                yield actual -> range.isPresent() && ConditionValues.address(actual).map(range.get()::contains).orElse(false);
            }
            default -> throw new IllegalArgumentException("unknown condition operator " + operator);
        };
    }

    /** {@code compared} receives (request value) compared to (listed value). */
    private static Predicate<String> numeric(String listed, IntPredicate compared) {
        Optional<BigDecimal> expected = ConditionValues.number(listed);
        return actual -> expected.isPresent()
                && ConditionValues.number(actual).map(a -> compared.test(a.compareTo(expected.get()))).orElse(false);
    }

    private static Predicate<String> date(String listed, IntPredicate compared) {
        Optional<Instant> expected = ConditionValues.date(listed);
        return actual -> expected.isPresent()
                && ConditionValues.date(actual).map(a -> compared.test(a.compareTo(expected.get()))).orElse(false);
    }

    boolean passes(AccessRequest request) {
        List<String> actual = request.context().getOrDefault(key, List.of());
        if (actual.isEmpty()) {
            return passesWhenKeyMissing;
        }
        for (String value : actual) {
            boolean passes = valuePasses(value);
            if (every && !passes) {
                return false;
            }
            if (!every && passes) {
                return true;
            }
        }
        return every;
    }

    /** For one request value: positive operators need a listed value to match, negated ones none (NOR). */
    private boolean valuePasses(String value) {
        boolean anyMatch = false;
        for (Predicate<String> test : valueTests) {
            if (test.test(value)) {
                anyMatch = true;
                break;
            }
        }
        return operator.negated() != anyMatch;
    }
}
