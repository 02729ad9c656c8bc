package fcperm.app;

import fcperm.cloud.TrustPolicies;
import fcperm.policy.parse.ParseResult;
import fcperm.policy.parse.PolicyParser;
import fcperm.wizard.steps.permissions.Preset;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What README.md, README.zh-CN.md and docs/ promise stays true: the README opens the way scripts read it, the example
 * policies are valid and match what the app writes, the permission table lists exactly the actions of
 * docs/operator-policy.json, both READMEs show the same commands and point at files that exist, docs/README.md lists
 * every file of docs/, and every document and section the code cites exists.
 */
class DocumentationTest {

    private static final Path README = Path.of("README.md");
    private static final Path README_ZH = Path.of("README.zh-CN.md");
    private static final Path DOCS = Path.of("docs");
    private static final Path DOCS_INDEX = DOCS.resolve("README.md");
    /**
     * A document named in code ({@code wire-protocols.md}, {@code docs/wire-protocols.md}) or a section mark
     * ({@code §5.4}, or a range {@code §5.4–5.5}); a section mark cites the last document named before it.
     */
    private static final Pattern CITATION = Pattern.compile("(?<document>(?:[\\w.-]+/)*[\\w.-]+\\.md)\\b"
            + "|§ ?(?<from>\\d+(?:\\.\\d+)*)(?:[–-](?<to>\\d+(?:\\.\\d+)*))?");
    /** A heading that starts with its section number: {@code ## 5. OSS}, {@code ### 5.4 Signature V1}. */
    private static final Pattern NUMBERED_HEADING = Pattern.compile("#{1,6} (\\d+(?:\\.\\d+)*)\\.? .*");
    /** Design notes that were renamed when they moved into docs/, as code still names them. */
    private static final Map<String, String> RENAMED = Map.of("sdk-capture.md", "sdk-notes.md");
    private static final Pattern ACTION = Pattern.compile("`([a-z]+:[A-Za-z]+)`");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void readmeOpensWithOneSentenceThenTheLaunchAndTestCommands() throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        int open = lines.indexOf("```sh");
        int close = open + 1 + lines.subList(open + 1, lines.size()).indexOf("```");
        List<String> before = lines.subList(0, open).stream().filter(line -> !line.isBlank()).toList();
        List<String> block = lines.subList(open + 1, close);

        assertThat(before).hasSize(2);
        assertThat(before.get(0)).startsWith("# ");
        assertThat(before.get(1)).endsWith(".").doesNotContain(". ");
        assertThat(block.stream().filter(line -> !line.startsWith("#")).toList())
                .containsExactly("./fcperm", "mvn verify");
        assertThat(block.get(0)).startsWith("#");
    }

    @Test
    void examplePoliciesAreValidWithoutWarnings() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            List<Path> policies = files.filter(file -> file.toString().endsWith(".json")).toList();
            assertThat(policies).isNotEmpty();
            for (Path file : policies) {
                ParseResult parsed = parse(file);
                assertThat(parsed.errors()).as(file.toString()).isEmpty();
                assertThat(parsed.warnings()).as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void exampleTrustPolicyIsTheOneTheAppGivesANewRole() throws IOException {
        assertThat(parse(Path.of("docs", "fc-trust-policy.json")).document())
                .isEqualTo(PolicyParser.parseTrustPolicy(TrustPolicies.FUNCTION_COMPUTE).document());
    }

    @Test
    void exampleWritePolicyIsWhatTheWritePresetMakes() throws IOException {
        String preset = new Preset.OssWrite("my-bucket", "fcperm-probe/").document("1234567890123456");

        assertThat(parse(Path.of("docs", "probe-write-policy.json")).document())
                .isEqualTo(PolicyParser.parse(preset).document());
    }

    @Test
    void permissionTablesListExactlyTheActionsOfTheOperatorPolicy() throws IOException {
        Set<String> granted = new TreeSet<>();
        PolicyParser.parse(Files.readString(OperatorPolicyTest.POLICY)).orThrow().statements()
                .forEach(statement -> granted.addAll(statement.actions()));

        for (Path readme : List.of(README, README_ZH)) {
            String text = Files.readString(readme, StandardCharsets.UTF_8);
            int start = text.indexOf("<!-- operator-permissions");
            int end = text.indexOf("<!-- /operator-permissions -->");
            assertThat(start).as(readme + " marks its permission table").isNotNegative().isLessThan(end);
            Set<String> listed = new TreeSet<>();
            Matcher action = ACTION.matcher(text.substring(text.indexOf("-->", start), end));
            while (action.find()) {
                listed.add(action.group(1));
            }
            assertThat(listed).as(readme.toString()).isEqualTo(granted);
        }
    }

    @Test
    void chineseReadmeShowsTheSameCommandsAndSectionsAndLinks() throws IOException {
        String english = Files.readString(README, StandardCharsets.UTF_8);
        String chinese = Files.readString(README_ZH, StandardCharsets.UTF_8);

        assertThat(codeLines(chinese)).isEqualTo(codeLines(english));
        assertThat(headingLevels(chinese)).isEqualTo(headingLevels(english));
        Set<String> englishLinks = links(english);
        englishLinks.remove(README_ZH.toString());
        Set<String> chineseLinks = links(chinese);
        chineseLinks.remove(README.toString());
        assertThat(chineseLinks).isEqualTo(englishLinks);
        assertThat(links(english)).contains(README_ZH.toString());
        assertThat(links(chinese)).contains(README.toString());
    }

    @Test
    void everyFileTheReadmesLinkToExists() throws IOException {
        for (Path readme : List.of(README, README_ZH)) {
            for (String target : links(Files.readString(readme, StandardCharsets.UTF_8))) {
                assertThat(Path.of(target)).as(readme + " links to " + target).exists();
            }
        }
    }

    @Test
    void everyDocumentAndSectionTheCodeCitesExists() throws IOException {
        List<String> broken = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".json")).toList()) {
                Path document = null;
                Matcher citation = CITATION.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (citation.find()) {
                    if (citation.group("document") != null) {
                        document = cited(citation.group("document"));
                        if (!Files.exists(document)) {
                            broken.add(file + " cites " + citation.group("document") + ", which is not in the repository");
                        }
                    } else if (document == null) {
                        broken.add(file + " cites §" + citation.group("from") + " without naming the document");
                    } else if (Files.exists(document)) {
                        Set<String> sections = sections(document);
                        for (String section : Stream.of(citation.group("from"), citation.group("to"))
                                .filter(Objects::nonNull).toList()) {
                            if (!sections.contains(section)) {
                                broken.add(file + " cites " + document + " §" + section + ", which has no such heading");
                            }
                        }
                    }
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void docsIndexListsEveryFileOfDocsAndBothReadmesLinkToIt() throws IOException {
        Set<String> listed = links(Files.readString(DOCS_INDEX, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(DOCS)) {
            assertThat(listed).containsAll(files.filter(file -> !file.equals(DOCS_INDEX))
                    .map(file -> file.getFileName().toString()).toList());
        }
        for (Path readme : List.of(README, README_ZH)) {
            assertThat(links(Files.readString(readme, StandardCharsets.UTF_8))).as(readme.toString())
                    .contains(DOCS_INDEX.toString());
        }
    }

    /** Where a document named in code is: a path from the repository root, or a bare name of a file in docs/. */
    private static Path cited(String name) {
        if (name.contains("/")) {
            return Path.of(name);
        }
        Path inDocs = DOCS.resolve(RENAMED.getOrDefault(name, name));
        return Files.exists(inDocs) ? inDocs : Path.of(name);
    }

    /** The section numbers of a document's numbered headings. */
    private static Set<String> sections(Path document) throws IOException {
        return lines(Files.readString(document, StandardCharsets.UTF_8), false).stream()
                .map(NUMBERED_HEADING::matcher).filter(Matcher::matches).map(heading -> heading.group(1))
                .collect(toSet());
    }

    private static ParseResult parse(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return file.getFileName().toString().contains("trust") ? PolicyParser.parseTrustPolicy(text)
                : PolicyParser.parse(text);
    }

    /** The lines of every fenced block that are neither blank nor shell comments: commands, JSON, sample output. */
    private static List<String> codeLines(String markdown) {
        return lines(markdown, true).stream().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.replaceAll("\\s+#.*$", "")).toList();
    }

    /** The level of each heading, in order: the same outline in both languages. */
    private static List<Integer> headingLevels(String markdown) {
        return lines(markdown, false).stream().filter(line -> line.matches("#{1,6} .*"))
                .map(line -> line.indexOf(' ')).toList();
    }

    /** The lines inside fenced blocks, or those outside them (fence lines themselves left out). */
    private static List<String> lines(String markdown, boolean fenced) {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                inside = !inside;
            } else if (inside == fenced) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Relative link and image targets (web addresses and in-page anchors left out). */
    private static Set<String> links(String markdown) {
        Set<String> targets = new LinkedHashSet<>();
        Matcher link = LINK.matcher(markdown);
        while (link.find()) {
            if (!link.group(1).contains("://")) {
                targets.add(link.group(1));
            }
        }
        return targets;
    }
}
