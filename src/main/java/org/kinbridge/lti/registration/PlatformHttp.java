package org.kinbridge.lti.registration;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Small JSON calls to a platform, with timeouts and a size cap; failures become a plain refusal. */
@ApplicationScoped
public class PlatformHttp {

    private static final Logger LOG = Logger.getLogger(PlatformHttp.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BYTES = 256 * 1024;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public Map<String, Object> getJson(String url, String what) {
        return send(HttpRequest.newBuilder(checked(url, what)).GET(), what);
    }

    public Map<String, Object> postJson(String url, Optional<String> bearer, Map<String, Object> body, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(checked(url, what))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(body)));
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return send(request, what);
    }

    private static URI checked(String url, String what) {
        if (url == null || !PlatformEndpoints.isAllowedUrl(url)) {
            throw new RegistrationLinkRefusedException("The platform's " + what + " address must be https://.");
        }
        return URI.create(url);
    }

    private Map<String, Object> send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<InputStream> response = client.send(
                    request.timeout(TIMEOUT).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new RegistrationLinkRefusedException("The platform's " + what + " answer is too large.");
                }
                if (response.statusCode() / 100 != 2) {
                    LOG.log(Level.WARNING, "Platform {0} answered HTTP {1}", new Object[] {what, response.statusCode()});
                    throw new RegistrationLinkRefusedException("The platform refused the " + what
                            + " request (HTTP " + response.statusCode() + ").");
                }
                return JSONObjectUtils.parse(new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException | ParseException e) {
            LOG.log(Level.WARNING, "Platform {0} call failed: {1}", new Object[] {what, e.toString()});
            throw new RegistrationLinkRefusedException("The platform's " + what + " could not be read.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistrationLinkRefusedException("The platform's " + what + " call was interrupted.");
        }
    }
}
