package org.kinbridge.web.panel;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the panel's static files (ES modules, styles, images) from {@code src/main/webapp/panel}.
 * The JAX-RS application owns every path, so static files come through here rather than the default servlet.
 */
@Path("panel")
public class StaticAssetResource {

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*\\.[a-z]+");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    @Context
    private ServletContext servletContext;

    @GET
    @Path("{file: .+}")
    public Response file(@PathParam("file") String file) {
        String extension = file.substring(file.lastIndexOf('.') + 1);
        if (!SAFE_PATH.matcher(file).matches() || !TYPES.containsKey(extension)) {
            throw new NotFoundException();
        }
        InputStream content = servletContext.getResourceAsStream("/panel/" + file);
        if (content == null) {
            throw new NotFoundException();
        }
        return Response.ok(content, TYPES.get(extension))
                .header("Cache-Control", "no-cache")
                .build();
    }
}
