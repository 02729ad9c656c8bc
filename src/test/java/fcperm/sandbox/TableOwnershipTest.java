package fcperm.sandbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each table of the sandbox's store is owned by one package: only that package's SQL names it. Package imports
 * cannot show a table shared through SQL strings (that is how identity state once leaked into five services), so
 * this reads the SQL in the sources: the string literals, searched for a table after FROM, JOIN, INTO or UPDATE,
 * or a literal that is a table's name alone.
 */
class TableOwnershipTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path SOURCES = MAIN.resolve("fcperm/sandbox");
    private static final Path MIGRATIONS = Path.of("src/main/resources/fcperm/sandbox/store/migrations");
    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?(\\w+)");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:\\\\.|[^\"\\\\])*)\"");

    @Test
    void everyTableIsNamedInTheSqlOfOnePackageOnly() throws IOException {
        Map<String, Set<String>> owners = owners(tables(), sourcesByPackage());

        assertThat(owners).as("the tables of the migrations").isNotEmpty();
        assertThat(owners).allSatisfy((table, packages) -> assertThat(packages)
                .as("packages whose SQL names the table " + table).hasSizeLessThanOrEqualTo(1));
        assertThat(owners.get("policy_attachment")).containsExactly("fcperm.sandbox.identity");
        assertThat(owners.get("oss_bucket")).containsExactly("fcperm.sandbox.oss");
    }

    @Test
    void aTableNamedInTwoPackagesIsFound() {
        Map<String, List<String>> sources = Map.of(
                "fcperm.sandbox.identity", List.of("tx.update(\"INSERT INTO resource_membership (service) VALUES (?)\");"),
                "fcperm.sandbox.oss", List.of("String sql = \"SELECT b.name FROM oss_bucket b LEFT JOIN"
                        + " resource_membership m ON m.resource_id = b.name\";"),
                "fcperm.sandbox.fc", List.of("String table = \"account\"; log(\"the account has no key\");"));

        Map<String, Set<String>> owners = owners(Set.of("resource_membership", "oss_bucket", "account"), sources);

        assertThat(owners.get("resource_membership")).containsExactly("fcperm.sandbox.identity", "fcperm.sandbox.oss");
        assertThat(owners.get("oss_bucket")).containsExactly("fcperm.sandbox.oss");
        assertThat(owners.get("account")).containsExactly("fcperm.sandbox.fc");
    }

    /** For each table, the packages whose string literals name it in SQL. */
    private static Map<String, Set<String>> owners(Set<String> tables, Map<String, List<String>> sourcesByPackage) {
        Map<String, Set<String>> owners = new TreeMap<>();
        tables.forEach(table -> owners.put(table, new TreeSet<>()));
        sourcesByPackage.forEach((pkg, sources) -> {
            for (String source : sources) {
                Matcher literal = STRING_LITERAL.matcher(source);
                while (literal.find()) {
                    for (String table : tables) {
                        if (namesTable(literal.group(1), table)) {
                            owners.get(table).add(pkg);
                        }
                    }
                }
            }
        });
        return owners;
    }

    private static boolean namesTable(String literal, String table) {
        return literal.equals(table)
                || Pattern.compile("\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+" + table + "\\b").matcher(literal).find();
    }

    private static Set<String> tables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher create = CREATE_TABLE.matcher(Files.readString(file));
                while (create.find()) {
                    tables.add(create.group(1));
                }
            }
        }
        return tables;
    }

    private static Map<String, List<String>> sourcesByPackage() throws IOException {
        Map<String, List<String>> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
                sources.computeIfAbsent(pkg, p -> new ArrayList<>()).add(Files.readString(file));
            }
        }
        return sources;
    }
}
