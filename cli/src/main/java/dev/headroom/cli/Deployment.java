package dev.headroom.cli;

import picocli.CommandLine.Option;

import java.net.URI;

/** Where a running deployment answers: the generator, and the aggregator unless both sit behind one address. */
final class Deployment {

    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:HEADROOM_URL}",
            description = "Base URL of the deployment's prompt generator (default: env HEADROOM_URL).")
    URI url;

    @Option(names = "--aggregator-url", paramLabel = "URL", defaultValue = "${env:HEADROOM_AGGREGATOR_URL}",
            description = "Base URL of its aggregator (default: env HEADROOM_AGGREGATOR_URL, else --url).")
    URI aggregatorUrl;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:HEADROOM_TOKEN}",
            description = "The deployment's API token, needed to submit runs (default: env HEADROOM_TOKEN, which "
                    + "unlike this option stays out of the process list).")
    String token;

    /** Whether a deployment was named; an empty --url (or HEADROOM_URL) names none. */
    boolean given() {
        return url != null && !url.toString().isEmpty();
    }

    /** The client of the deployment; a user mistake (one line) when none was named. */
    HeadroomClient client() {
        if (!given()) {
            throw new IllegalArgumentException("no deployment: pass --url (or set HEADROOM_URL); the embedded stack "
                    + "lives only while `headroom run` or `headroom demo` runs");
        }
        return new HeadroomClient(url, aggregatorUrl == null || aggregatorUrl.toString().isEmpty() ? url : aggregatorUrl,
                token == null || token.isEmpty() ? null : token);
    }
}
