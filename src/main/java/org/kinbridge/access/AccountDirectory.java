package org.kinbridge.access;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.kinbridge.shared.InvalidRequestException;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;

/** Lists parent accounts by tab with search and paging done by the database, and counts each tab. */
@ApplicationScoped
public class AccountDirectory {

    static final int MAX_SELECTION = 100_000;

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    public record Page(List<AccountRow> items, int total, int offset, int limit) {
    }

    /** Which accounts a bulk action is about: listed ids, or everything a tab and search match. */
    public record Selection(List<String> people, String tab, String q, boolean all) {
    }

    @Transactional
    public Page page(TenantId tenant, AccountTab tab, String query, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 200) {
            throw new InvalidRequestException("invalid_paging", "offset is 0 or more and limit 1 to 200.");
        }
        List<Object> params = new ArrayList<>();
        String where = where(tenant, tab, query, params);
        try (Connection connection = dataSource.getConnection()) {
            int total = Sql.list(connection, "SELECT COUNT(*)" + where, params, rs -> rs.getInt(1)).get(0);
            params.add(limit);
            params.add(offset);
            Instant now = clock.instant();
            List<AccountRow> items = Sql.list(connection, "SELECT a.person_sourced_id, p.given_name, p.family_name, p.email, "
                    + "a.username, a.state, a.reasons, a.mail_status, a.mail_error, a.activation_expires_at, a.last_invited_at, "
                    + "a.activated_at, a.invite_channel" + where
                    + " ORDER BY p.family_key, p.given_key, a.person_sourced_id LIMIT ? OFFSET ?", params, rs -> row(rs, now));
            return new Page(items, total, offset, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list parent accounts", e);
        }
    }

    /** Accounts per tab. */
    @Transactional
    public Map<AccountTab, Integer> counts(TenantId tenant) {
        Map<AccountTab, Integer> counts = new EnumMap<>(AccountTab.class);
        for (AccountTab tab : AccountTab.values()) {
            counts.put(tab, 0);
        }
        try (Connection connection = dataSource.getConnection()) {
            Sql.list(connection, "SELECT state, CASE WHEN reasons = '' THEN 0 ELSE 1 END, COUNT(*) FROM parent_account "
                    + "WHERE tenant_id = ? GROUP BY state, CASE WHEN reasons = '' THEN 0 ELSE 1 END", List.of(tenant.value()), rs -> {
                        AccountState state = AccountState.valueOf(rs.getString(1));
                        boolean clean = rs.getInt(2) == 0;
                        int n = rs.getInt(3);
                        switch (state) {
                            case READY_TO_PROVISION -> counts.merge(AccountTab.PROVISION, n, Integer::sum);
                            case INVITED, ACTIVE, SUSPENDED -> counts.merge(AccountTab.ACTIVE, n, Integer::sum);
                            case READY_TO_REVOKE -> counts.merge(AccountTab.REVOKE, n, Integer::sum);
                            case NOT_ELIGIBLE -> counts.merge(AccountTab.NOT_ELIGIBLE, n, Integer::sum);
                            case REVOKED -> {
                                counts.merge(AccountTab.REVOKED, n, Integer::sum);
                                if (clean) {
                                    counts.merge(AccountTab.PROVISION, n, Integer::sum);
                                }
                            }
                        }
                        return 1;
                    });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count parent accounts", e);
        }
        return counts;
    }

    /** The person ids a selection names, checked against the tenant (unknown ids are dropped by the action). */
    @Transactional
    public List<String> resolve(TenantId tenant, Selection selection) {
        if (selection == null) {
            throw new InvalidRequestException("invalid_selection", "Select people, or all of a tab.");
        }
        if (!selection.all()) {
            List<String> people = selection.people() == null ? List.of() : selection.people().stream().distinct().toList();
            if (people.isEmpty() || people.size() > MAX_SELECTION) {
                throw new InvalidRequestException("invalid_selection", "Select 1 to " + MAX_SELECTION + " people.");
            }
            return people;
        }
        List<Object> params = new ArrayList<>();
        String where = where(tenant, AccountTab.of(selection.tab()), selection.q(), params);
        try (Connection connection = dataSource.getConnection()) {
            params.add(MAX_SELECTION);
            return Sql.list(connection, "SELECT a.person_sourced_id" + where + " ORDER BY a.person_sourced_id LIMIT ?", params,
                    rs -> rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not resolve the selection", e);
        }
    }

    private static String where(TenantId tenant, AccountTab tab, String query, List<Object> params) {
        StringBuilder where = new StringBuilder(" FROM parent_account a JOIN person p ON p.tenant_id = a.tenant_id "
                + "AND p.sourced_id = a.person_sourced_id WHERE a.tenant_id = ? AND ").append(tab.condition);
        params.add(tenant.value());
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        if (!q.isEmpty()) {
            String prefix = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.append(" AND (p.family_key LIKE ? OR p.given_key LIKE ? OR p.username_key LIKE ? OR a.username LIKE ? "
                    + "OR a.person_sourced_id = ?)");
            params.addAll(List.of(prefix, prefix, prefix, prefix, query.trim()));
        }
        return where.toString();
    }

    private static AccountRow row(ResultSet rs, Instant now) throws SQLException {
        AccountState state = AccountState.valueOf(rs.getString(6));
        List<AccountRow.Reason> reasons = RevokeReason.parse(rs.getString(7)).stream()
                .map(r -> new AccountRow.Reason(r.name(), r.text())).toList();
        Instant expires = Sql.instant(rs, "activation_expires_at");
        String mail = rs.getString(8);
        String inviteStatus = "";
        if (state == AccountState.INVITED) {
            if ("BOUNCED".equals(mail)) {
                inviteStatus = "BOUNCED";
            } else if (expires == null || expires.isBefore(now)) {
                inviteStatus = "EXPIRED";
            } else {
                inviteStatus = "LETTER".equals(rs.getString(13)) ? "LETTER" : mail == null ? "" : mail;
            }
        } else if ("BOUNCED".equals(mail) && state != AccountState.REVOKED) {
            inviteStatus = "BOUNCED";
        }
        return new AccountRow(rs.getString(1), Sql.name(rs.getString(2), rs.getString(3), rs.getString(1)), rs.getString(4),
                rs.getString(5), state, reasons, inviteStatus, rs.getString(9), Sql.instant(rs, "last_invited_at"),
                Sql.instant(rs, "activated_at"));
    }
}
