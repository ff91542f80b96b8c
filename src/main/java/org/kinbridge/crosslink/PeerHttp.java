package org.kinbridge.crosslink;

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
import org.kinbridge.crosslink.protocol.PeerUrls;
import org.kinbridge.crosslink.protocol.Protocol;

/** HTTP to peer products: timeouts, no redirects, a size cap; only https (or loopback) addresses. */
@ApplicationScoped
public class PeerHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BYTES = 2 * 1024 * 1024;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** A peer's answer: status, body text and the error code of a JSON error body, if any. */
    public record Reply(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }

        String errorCode() {
            try {
                Object error = JSONObjectUtils.parse(body).get("error");
                return error == null ? "" : String.valueOf(error);
            } catch (ParseException | RuntimeException e) {
                return "";
            }
        }

        String detail() {
            try {
                Object detail = JSONObjectUtils.parse(body).get("detail");
                return detail == null ? "HTTP " + status : String.valueOf(detail);
            } catch (ParseException | RuntimeException e) {
                return "HTTP " + status;
            }
        }
    }

    public Map<String, Object> getJson(String url) {
        Reply reply = send(HttpRequest.newBuilder(checked(url)).header("Accept", "application/json").GET());
        if (!reply.ok()) {
            throw new PeerUnreachableException("The other product answered HTTP " + reply.status() + " at " + url + ".");
        }
        try {
            return JSONObjectUtils.parse(reply.body());
        } catch (ParseException e) {
            throw new PeerUnreachableException("The other product's answer at " + url + " is not JSON.");
        }
    }

    /** Posts a compact JWS; any HTTP answer is returned, only a failure to talk at all throws. */
    public Reply postJose(String url, String jws) {
        return send(HttpRequest.newBuilder(checked(url)).header("Content-Type", Protocol.MEDIA_TYPE)
                .header("Accept", Protocol.MEDIA_TYPE + ", application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jws)));
    }

    private static URI checked(String url) {
        if (!PeerUrls.isAllowed(url)) {
            throw new PeerUnreachableException("The other product's address must be https://.");
        }
        return URI.create(url);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<InputStream> response = client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new PeerUnreachableException("The other product's answer is too large.");
                }
                return new Reply(response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new PeerUnreachableException("The other product could not be reached (" + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnreachableException("The call to the other product was interrupted.");
        }
    }
}
