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
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.kinbridge.family.RosterPerson;
import org.kinbridge.shared.InvalidRequestException;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;
import org.kinbridge.shared.persistence.IdChunks;
import org.kinbridge.shared.persistence.PlannerSettings;
import org.kinbridge.shared.persistence.Sql;

/**
 * Lists parent accounts by tab with search and paging done by the database, and counts each tab. A tab is one range of
 * {@code ix_account_list} in list order (family name, given name, sourcedId, all kept on parent_account), so a page
 * reads its rows from that index and joins person only for the rows it shows. Pages go by offset, or by keyset from a
 * cursor ({@code next}/{@code previous} of the page before), which costs the same however deep the page is.
 */
@ApplicationScoped
public class AccountDirectory {

    static final int MAX_SELECTION = 100_000;
    /** A search counts its matches up to here and then says "at least": counting every match would read the whole tab. */
    static final int SEARCH_COUNT_CAP = 1000;

    private static final String LIST_ORDER = "a.family_key, a.given_key, a.person_sourced_id";
    private static final String REVERSE_ORDER = "a.family_key DESC, a.given_key DESC, a.person_sourced_id DESC";
    private static final String DETAILS = "SELECT a.person_sourced_id, p.given_name, p.family_name, p.email, a.username, "
            + "a.state, a.reasons, a.mail_status, a.mail_error, a.activation_expires_at, a.last_invited_at, a.activated_at, "
            + "a.invite_channel FROM parent_account a JOIN person p ON p.tenant_id = a.tenant_id AND p.sourced_id = a.person_sourced_id "
            + "WHERE a.tenant_id = ? AND a.person_sourced_id IN ";

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    /**
     * One page of a tab.
     *
     * @param total           accounts in the tab matching the search; with {@code totalIsEstimate} at least that many
     * @param offset          the position of the first item, or null for a page asked for by cursor
     * @param next            the cursor for the page after this one ({@code after=}), null on the last page
     * @param previous        the cursor for the page before this one ({@code before=}), null on the first page
     */
    public record Page(List<AccountRow> items, int total, boolean totalIsEstimate, Integer offset, int limit, String next,
                       String previous) {
    }

    /** Where a page starts: at an offset, or just after or before a cursor. */
    public record Start(int offset, Optional<String> after, Optional<String> before) {

        public static Start at(int offset, String after, String before) {
            return new Start(offset, Optional.ofNullable(after).filter(s -> !s.isBlank()),
                    Optional.ofNullable(before).filter(s -> !s.isBlank()));
        }
    }

    /** Which accounts a bulk action is about: listed ids, or everything a tab and search match. */
    public record Selection(List<String> people, String tab, String q, boolean all) {
    }

    /** The accounts a tab and search select: a condition on parent_account alone, plus the roster username via person. */
    private record Filter(String from, List<Object> params, boolean search) {

        static Filter of(TenantId tenant, AccountTab tab, String query) {
            List<Object> params = new ArrayList<>(List.of(tenant.value()));
            StringBuilder from = new StringBuilder(" FROM parent_account a WHERE a.tenant_id = ? AND ").append(tab.condition);
            String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
            if (!q.isEmpty()) {
                String prefix = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                from.append(" AND (a.family_key LIKE ? OR a.given_key LIKE ? OR a.username LIKE ? OR a.person_sourced_id = ? "
                        + "OR a.person_sourced_id IN (SELECT p.sourced_id FROM person p WHERE p.tenant_id = ? AND p.username_key LIKE ?))");
                params.addAll(List.of(prefix, prefix, prefix, query.trim(), tenant.value(), prefix));
            }
            return new Filter(from.toString(), params, !q.isEmpty());
        }

        List<Object> params(Object... more) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(Arrays.asList(more));
            return all;
        }
    }

    private record Total(int count, boolean estimate) {
    }

    @Transactional
    public Page page(TenantId tenant, AccountTab tab, String query, Start start, int limit) {
        if (start.offset() < 0 || limit < 1 || limit > 200 || (start.after().isPresent() && start.before().isPresent())) {
            throw new InvalidRequestException("invalid_paging", "offset is 0 or more, limit 1 to 200, and at most one of after and before.");
        }
        Filter filter = Filter.of(tenant, tab, query);
        try (Connection connection = dataSource.getConnection();
             PlannerSettings indexOrder = PlannerSettings.preferIndexOrder(connection)) {
            Total total = count(connection, filter);
            if (start.after().isPresent()) {
                List<AccountCursor> keys = keys(connection, filter, start.after(), false, limit + 1, 0);
                boolean more = trim(keys, limit);
                return page(connection, tenant, total, null, limit, keys, more, !keys.isEmpty());
            }
            if (start.before().isPresent()) {
                List<AccountCursor> keys = keys(connection, filter, start.before(), true, limit + 1, 0);
                boolean more = trim(keys, limit);
                Collections.reverse(keys);
                return page(connection, tenant, total, null, limit, keys, !keys.isEmpty(), more);
            }
            int offset = start.offset();
            int end = Math.min(total.count(), offset + limit);
            if (!total.estimate() && offset > total.count() / 2 && offset < end) {
                // Deep pages are read backwards from the tab's end, so no offset walks more than half the tab.
                List<AccountCursor> keys = keys(connection, filter, Optional.empty(), true, end - offset, total.count() - end);
                Collections.reverse(keys);
                return page(connection, tenant, total, offset, limit, keys, end < total.count(), true);
            }
            List<AccountCursor> keys = keys(connection, filter, Optional.empty(), false, limit + 1, offset);
            boolean more = trim(keys, limit);
            return page(connection, tenant, total, offset, limit, keys, more, offset > 0 && !keys.isEmpty());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list parent accounts", e);
        }
    }

    private Page page(Connection connection, TenantId tenant, Total total, Integer offset, int limit, List<AccountCursor> shown,
                      boolean hasNext, boolean hasPrevious) throws SQLException {
        return new Page(details(connection, tenant, shown), total.count(), total.estimate(), offset, limit,
                hasNext ? shown.get(shown.size() - 1).encode() : null, hasPrevious ? shown.get(0).encode() : null);
    }

    /** Drops the one key read beyond the page; says whether there was one. */
    private static boolean trim(List<AccountCursor> keys, int limit) {
        if (keys.size() <= limit) {
            return false;
        }
        keys.subList(limit, keys.size()).clear();
        return true;
    }

    /** Exact for a tab; for a search, exact up to {@link #SEARCH_COUNT_CAP} matches and an estimate beyond. */
    private static Total count(Connection connection, Filter filter) throws SQLException {
        if (!filter.search()) {
            return new Total(Sql.list(connection, "SELECT COUNT(*)" + filter.from(), filter.params(), rs -> rs.getInt(1)).get(0), false);
        }
        int found = Sql.list(connection, "SELECT COUNT(*) FROM (SELECT a.person_sourced_id" + filter.from() + " FETCH FIRST ? ROWS ONLY) m",
                filter.params(SEARCH_COUNT_CAP + 1), rs -> rs.getInt(1)).get(0);
        return found > SEARCH_COUNT_CAP ? new Total(SEARCH_COUNT_CAP, true) : new Total(found, false);
    }

    /** The list keys of a window of the tab, read from its index forwards or backwards, optionally from a cursor on. */
    private static List<AccountCursor> keys(Connection connection, Filter filter, Optional<String> cursor, boolean backwards,
                                            int limit, int offset) throws SQLException {
        List<Object> params = filter.params();
        StringBuilder sql = new StringBuilder("SELECT a.family_key, a.given_key, a.person_sourced_id").append(filter.from());
        if (cursor.isPresent()) {
            sql.append(" AND (a.family_key, a.given_key, a.person_sourced_id) ").append(backwards ? "<" : ">").append(" (?, ?, ?)");
            params.addAll(AccountCursor.parse(cursor.get()).values());
        }
        sql.append(" ORDER BY ").append(backwards ? REVERSE_ORDER : LIST_ORDER).append(" OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
        params.add(offset);
        params.add(limit);
        return Sql.list(connection, sql.toString(), params, rs -> new AccountCursor(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** The rows shown, in the keys' order: person is read for these few accounts only. */
    private List<AccountRow> details(Connection connection, TenantId tenant, List<AccountCursor> keys) throws SQLException {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(tenant.value()));
        keys.forEach(key -> params.add(key.person()));
        Instant now = clock.instant();
        Map<String, AccountRow> rows = new HashMap<>();
        Sql.list(connection, DETAILS + Sql.placeholders(keys.size()), params,
                rs -> rows.put(rs.getString(1), row(rs, now)));
        return keys.stream().map(key -> rows.get(key.person())).filter(Objects::nonNull).toList();
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

    /** The account states of these adults, by sourcedId; adults without an account are absent. */
    @Transactional
    public Map<String, AccountState> states(TenantId tenant, Collection<String> adults) {
        Map<String, AccountState> states = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            IdChunks.query(connection, "SELECT person_sourced_id, state FROM parent_account WHERE tenant_id = ? "
                    + "AND person_sourced_id IN (" + IdChunks.IDS + ")", tenant.value(), adults,
                    rs -> states.put(rs.getString(1), AccountState.valueOf(rs.getString(2))));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read parent account states", e);
        }
        return states;
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
        Filter filter = Filter.of(tenant, AccountTab.of(selection.tab()), selection.q());
        try (Connection connection = dataSource.getConnection()) {
            return Sql.list(connection, "SELECT a.person_sourced_id" + filter.from() + " ORDER BY a.person_sourced_id FETCH FIRST ? ROWS ONLY",
                    filter.params(MAX_SELECTION), rs -> rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not resolve the selection", e);
        }
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
        return new AccountRow(rs.getString(1), RosterPerson.displayName(rs.getString(2), rs.getString(3), rs.getString(1)), rs.getString(4),
                rs.getString(5), state, reasons, inviteStatus, rs.getString(9), Sql.instant(rs, "last_invited_at"),
                Sql.instant(rs, "activated_at"));
    }
}
