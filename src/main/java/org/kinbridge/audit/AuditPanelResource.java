package org.kinbridge.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.kinbridge.shared.Caller;
import org.kinbridge.shared.CurrentCaller;
import org.kinbridge.shared.InvalidRequestException;

/** The admin panel's Audit page: entries filtered by person, action and date (UTC days), and the same as CSV. */
@Path("api/panel/audit")
public class AuditPanelResource {

    @Inject
    private CurrentCaller currentCaller;

    @Inject
    private AuditLog audit;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public AuditLog.Page search(@QueryParam("person") String person, @QueryParam("action") String action,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        Caller caller = admin();
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new InvalidRequestException("invalid_paging", "offset is 0 or more and limit 1 to 500.");
        }
        return audit.search(caller.tenant(), filter(person, action, from, to), offset, limit);
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("person") String person, @QueryParam("action") String action,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        Caller caller = admin();
        AuditLog.Filter filter = filter(person, action, from, to);
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write("at,actor,action,subject,detail\r\n");
            try {
                audit.forEach(caller.tenant(), filter, entry -> {
                    try {
                        writer.write(entry.at() + "," + csv(entry.actor()) + "," + csv(entry.action()) + "," + csv(entry.subject())
                                + "," + csv(entry.detail()) + "\r\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } finally {
                writer.flush();
            }
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    /** Quotes a cell, and defuses values a spreadsheet would run as a formula. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static AuditLog.Filter filter(String person, String action, String from, String to) {
        return new AuditLog.Filter(person, action, day(from, 0), day(to, 1));
    }

    private static Instant day(String value, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("invalid_date", "Dates are YYYY-MM-DD.");
        }
    }

    private Caller admin() {
        Caller caller = currentCaller.require();
        caller.requireSchoolAdmin();
        return caller;
    }
}
