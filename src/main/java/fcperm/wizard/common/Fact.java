package fcperm.wizard.common;

/** A labelled value on an information card: the bundle key of the label, and the value as shown. */
public record Fact(String labelKey, String value) {
}
