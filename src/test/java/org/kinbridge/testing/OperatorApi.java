package org.kinbridge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The operator API as an operator's script uses it, with the bearer token. */
public final class OperatorApi {

    private static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED", "HELD", "DISCARDED");

    private final Http http;
    private final String base;
    private final String authorization;

    public OperatorApi(Http http, String base, String token) {
        this.http = http;
        this.base = base;
        this.authorization = Http.bearer(token);
    }

    public String createTenant(String name) {
        HttpResponse<String> response = http.postJson(base + "/api/v1/tenants", "{\"name\":\"" + name + "\"}", "Authorization", authorization);
        assertEquals(201, response.statusCode(), response.body());
        return (String) json(response).get("id");
    }

    /** A new school with the test LMS registered and its admin launched from it (close it to stop the LMS). */
    public LaunchedSchool launchedSchool(String name) {
        return LaunchedSchool.create(this, new LtiFlow(http, base), name);
    }

    /** Registers the test platform for the tenant (201): its launches then land in that tenant. */
    public void registerPlatform(String tenant, TestPlatform platform) {
        HttpResponse<String> response = http.postJson(base + "/api/v1/tenants/" + tenant + "/platforms", platform.registrationJson(),
                "Authorization", authorization);
        assertEquals(201, response.statusCode(), response.body());
    }

    public HttpResponse<String> upload(String tenant, byte[] zip) {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/" + tenant + "/roster/imports"))
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)),
                "Authorization", authorization);
    }

    /** Uploads a package and waits until its import finishes; returns the final status document. */
    public Map<String, Object> importAndWait(String tenant, byte[] zip) {
        HttpResponse<String> accepted = upload(tenant, zip);
        assertEquals(202, accepted.statusCode(), accepted.body());
        return awaitImport(tenant, (String) json(accepted).get("id"));
    }

    /** Imports one of the repository's oneroster-samples/ folders and fails unless the import succeeds. */
    public void importSample(String tenant, String sample) {
        Map<String, Object> done = importAndWait(tenant, OneRosterZip.fromFolder(OneRosterZip.sample(sample)).bytes());
        assertEquals("SUCCEEDED", done.get("status"), done.toString());
    }

    public Map<String, Object> awaitImport(String tenant, String importId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> status = json(get("/api/v1/tenants/" + tenant + "/roster/imports/" + importId));
            if (FINISHED.contains(status.get("status"))) {
                return status;
            }
            sleep(100);
        }
        throw new AssertionError("Import " + importId + " did not finish within 120 s");
    }

    public HttpResponse<String> post(String path) {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()),
                "Authorization", authorization);
    }

    public HttpResponse<String> get(String path) {
        return http.get(base + path, "Authorization", authorization);
    }

    /** The guardianship export's rows (header dropped), sorted. */
    public List<String> guardianships(String tenant) {
        HttpResponse<String> csv = get("/api/v1/tenants/" + tenant + "/guardianships?format=csv");
        assertEquals(200, csv.statusCode(), csv.body());
        String[] lines = csv.body().split("\r\n");
        assertEquals("studentSourcedId,guardianSourcedId,guardianRole,status", lines[0]);
        return java.util.Arrays.stream(lines).skip(1).filter(l -> !l.isBlank()).sorted().toList();
    }

    /** Only the active links, without the status column, sorted. */
    public List<String> activeLinks(String tenant) {
        return guardianships(tenant).stream().filter(l -> l.endsWith(",active"))
                .map(l -> l.substring(0, l.lastIndexOf(','))).sorted().toList();
    }

    public static Map<String, Object> json(HttpResponse<String> response) {
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
