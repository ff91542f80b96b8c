package org.kinbridge.roster;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.kinbridge.roster.csv.ImportIssue;

/** An import as the operator API and the Imports panel show it (CONTRACT.md's status shape). */
public record ImportView(String id, String status, String mode, String fileName, long fileSize, String requestedBy,
                         String createdAt, String finishedAt, String rerunOf, Map<String, Object> progress,
                         Map<String, Object> counts, int issueCount, List<ImportIssue> warnings, List<String> errors,
                         String heldReason) {

    static final int WARNINGS_SHOWN = 100;

    public static ImportView of(RosterImport run, List<ImportIssue> issues) {
        return new ImportView(run.id(), run.status().name(), run.mode().orElse(null), run.fileName(), run.fileSize(),
                run.requestedBy(), run.createdAt().toString(), run.finishedAt().map(Object::toString).orElse(null),
                run.rerunOf().orElse(null), json(run.progress().orElse(null)), json(run.counts().orElse(null)),
                run.issueCount(), issues.subList(0, Math.min(issues.size(), WARNINGS_SHOWN)),
                run.error().map(List::of).orElse(List.of()), run.heldReason().orElse(null));
    }

    private static Map<String, Object> json(String value) {
        if (value == null) {
            return Map.of();
        }
        try {
            return JSONObjectUtils.parse(value);
        } catch (ParseException e) {
            return Map.of();
        }
    }
}
