package org.kinbridge.family;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.kinbridge.school.TenantService;
import org.kinbridge.shared.InvalidRequestException;
import org.kinbridge.shared.TenantId;

/** Operator API: a tenant's parent-child links, as CSV (CONTRACT.md) or paged JSON. */
@Path("api/v1/tenants/{tenantId}/guardianships")
public class GuardianshipResource {

    private static final int MAX_LIMIT = 1000;

    @Inject
    private TenantService tenants;

    @Inject
    private GuardianLinks links;

    @GET
    public Response list(@PathParam("tenantId") String tenantId, @QueryParam("format") @DefaultValue("json") String format,
                         @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
        TenantId tenant = tenants.require(tenantId).id();
        if (format.equalsIgnoreCase("csv")) {
            StreamingOutput body = out -> links.writeCsv(tenant, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
            return Response.ok(body, "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"guardianships.csv\"")
                    .build();
        }
        if (!format.equalsIgnoreCase("json")) {
            throw new InvalidRequestException("invalid_format", "format is csv or json.");
        }
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("invalid_paging", "offset is 0 or more and limit 1 to " + MAX_LIMIT + ".");
        }
        List<Map<String, Object>> page = links.page(tenant, offset, limit).stream()
                .map(link -> Map.<String, Object>of("studentSourcedId", link.studentSourcedId(),
                        "guardianSourcedId", link.guardianSourcedId(), "guardianRole", link.guardianRole(),
                        "status", link.active() ? "active" : "inactive", "source", link.source().name(),
                        "sourceRef", link.sourceRef()))
                .toList();
        return Response.ok(Map.of("items", page, "offset", offset, "limit", limit, "total", links.count(tenant)),
                "application/json").build();
    }
}
