package io.cxscore.publish.webhook;

import io.cxscore.publish.gaps.Owner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where an owner's updates are posted, and the secret they are signed with. Both come from
 * environment variables only, and neither is ever printed: a Slack webhook URL is itself a credential.
 *
 * <p>For owner team {@code docs-team}: {@code CX_WEBHOOK_URL_DOCS_TEAM} and
 * {@code CX_WEBHOOK_SECRET_DOCS_TEAM}, else the shared {@code CX_WEBHOOK_URL} and
 * {@code CX_WEBHOOK_SECRET}. An owner with no URL gets no webhook; a URL without a secret is an error,
 * because unsigned updates cannot be told from forged ones.
 */
public final class WebhookTarget {
    private final String ownerTeam;
    private final URI url;
    private final byte[] secret;

    public WebhookTarget(String ownerTeam, URI url, byte[] secret) {
        if (url == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw new IllegalArgumentException("the webhook URL for " + ownerTeam + " must be http or https");
        }
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the webhook secret for " + ownerTeam + " must be at least 16 bytes");
        }
        this.ownerTeam = ownerTeam;
        this.url = url;
        this.secret = secret.clone();
    }

    public static Optional<WebhookTarget> fromEnvironment(Owner owner, Map<String, String> env) {
        String suffix = owner.slug().toUpperCase(Locale.ROOT).replace('-', '_');
        String urlVar = env.containsKey("CX_WEBHOOK_URL_" + suffix) ? "CX_WEBHOOK_URL_" + suffix : "CX_WEBHOOK_URL";
        String url = env.get(urlVar);
        if (url == null || url.isBlank()) return Optional.empty();
        String secretVar = env.containsKey("CX_WEBHOOK_SECRET_" + suffix) ? "CX_WEBHOOK_SECRET_" + suffix : "CX_WEBHOOK_SECRET";
        String secret = env.get(secretVar);
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(urlVar + " is set but " + secretVar
                    + " is not: webhook updates are always signed");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(urlVar + " is not a valid URL", e); // the value itself is not echoed
        }
        return Optional.of(new WebhookTarget(owner.team(), uri, secret.getBytes(StandardCharsets.UTF_8)));
    }

    public String ownerTeam() {
        return ownerTeam;
    }

    URI url() {
        return url;
    }

    byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "webhook of " + ownerTeam + " (URL and secret withheld)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookTarget t && ownerTeam.equals(t.ownerTeam) && url.equals(t.url)
                && Arrays.equals(secret, t.secret);
    }

    @Override
    public int hashCode() {
        return ownerTeam.hashCode();
    }
}
