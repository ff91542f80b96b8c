package org.kinbridge.web.errors;

import static org.kinbridge.shared.Html.escape;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kinbridge.shared.ContentSecurityPolicy;
import org.kinbridge.shared.Html;

/** Builds error answers in the form the caller expects: JSON for APIs, an HTML page for browser flows. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response of(UriInfo uri, int status, String error, String detail) {
        String path = uri == null ? "" : uri.getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.startsWith("lti/") || path.startsWith("demo")) {
            return html(uri, status, detail);
        }
        return json(status, error, detail);
    }

    public static Response json(int status, String error, String detail) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static Response html(UriInfo uri, int status, String detail) {
        String base = uri == null ? "" : stripSlash(uri.getBaseUri().toString());
        String body = "<main class=\"card error\" id=\"kb-error\">\n<h1>Kinbridge could not open</h1>\n"
                + "<p class=\"reason\">" + escape(detail) + "</p>\n"
                + "<p>If this keeps happening, ask your school's LMS administrator to check the Kinbridge set-up.</p>\n</main>";
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.framedByAnyone())
                .header("Cache-Control", "no-store")
                .entity(Html.page(base, "Kinbridge could not open", "", body))
                .build();
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
