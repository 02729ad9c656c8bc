package fcperm.cloud.sts;

import com.aliyun.credentials.exception.CredentialException;
import com.aliyun.credentials.models.CredentialModel;
import com.aliyun.credentials.provider.RefreshResult;
import com.aliyun.credentials.provider.SessionCredentialsProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.cloud.CloudException;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The External mode of the aliyun CLI, which the credentials library does not have: runs the profile's
 * {@code process_command} and reads what it prints as a profile of mode AK or StsToken (docs/cli-profiles.md). The
 * library's cache keeps the key: an AccessKey for good, an STS token until {@code sts_expiration} when the process
 * gives it, otherwise for ten minutes (the shortest STS token lives fifteen).
 */
final class ExternalProcess extends SessionCredentialsProvider {

    static final Duration TOKEN_WITHOUT_EXPIRY = Duration.ofMinutes(10);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String command;

    ExternalProcess(String command) {
        super(new Settings());
        this.command = command;
    }

    @Override
    public RefreshResult<CredentialModel> refreshCredentials() {
        try {
            return read(run());
        } catch (CloudException e) {
            throw new CredentialException(e.userMessage(), e);
        }
    }

    private byte[] run() throws CloudException {
        Process process;
        try {
            process = new ProcessBuilder(words(command)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw refused("cannot be started (" + e.getMessage() + ")", e);
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            byte[] printed = out.readAllBytes();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw refused("did not end within a minute", null);
            }
            if (process.exitValue() != 0) {
                throw refused("ended with exit code " + process.exitValue() + "; run it yourself to see why", null);
            }
            return printed;
        } catch (IOException e) {
            throw refused("could not be read (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw refused("was interrupted", e);
        }
    }

    /** The printed profile; what is wrong with it is named by field, never by value. */
    private RefreshResult<CredentialModel> read(byte[] printed) throws CloudException {
        JsonNode profile;
        try {
            profile = JSON.readTree(printed);
        } catch (IOException e) {
            throw refused("did not print JSON", null);
        }
        String mode = profile.path("mode").asText("AK");
        String id = profile.path("access_key_id").asText("");
        String secret = profile.path("access_key_secret").asText("");
        String token = profile.path("sts_token").asText("");
        if (!mode.equals("AK") && !mode.equals("StsToken")) {
            throw refused("printed mode " + mode + "; it may print AK or StsToken", null);
        }
        if (id.isEmpty() || secret.isEmpty() || mode.equals("StsToken") && token.isEmpty()) {
            throw refused("printed no access_key_id, access_key_secret" + (mode.equals("StsToken") ? " or sts_token" : ""),
                    null);
        }
        CredentialModel.Builder key = CredentialModel.builder().accessKeyId(id).accessKeySecret(secret)
                .providerName("external");
        if (mode.equals("AK")) {
            return RefreshResult.builder(key.type("access_key").build()).build();
        }
        long expiration = profile.path("sts_expiration").asLong(0) * 1000;
        long stale = expiration > 0 ? getStaleTime(expiration)
                : System.currentTimeMillis() + TOKEN_WITHOUT_EXPIRY.toMillis();
        return RefreshResult.builder(key.type("sts").securityToken(token).expiration(expiration).build())
                .staleTime(stale).build();
    }

    private CloudException refused(String what, Throwable cause) {
        return new CloudException("run the External profile's process_command", "ExternalCredentialsFailed", 0, "",
                "The credentials command \"" + words(command).get(0) + "\" " + what + ". It must print the JSON of "
                        + "an AK or StsToken profile and exit with 0.", cause);
    }

    /** The command split into words as a shell would for plain words and quoted ones (no expansion). */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : command.strip().toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words.isEmpty() ? List.of("") : words;
    }

    @Override
    public String getProviderName() {
        return "external";
    }

    /** The library's defaults: run again by the caller that finds the key stale, never in the background. */
    private static final class Settings extends SessionCredentialsProvider.BuilderImpl<ExternalProcess, Settings> {
        @Override
        public ExternalProcess build() {
            throw new UnsupportedOperationException("built by its constructor");
        }
    }
}
