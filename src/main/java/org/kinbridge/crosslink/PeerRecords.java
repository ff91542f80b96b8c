package org.kinbridge.crosslink;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.kinbridge.crosslink.protocol.CrossLinkMessage;
import org.kinbridge.crosslink.protocol.MessageRefusedException;
import org.kinbridge.crosslink.protocol.MessageType;
import org.kinbridge.shared.ProblemKind;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;
import org.kinbridge.shared.persistence.JdbcBatch;

/**
 * The cached copy of a linked peer's feed: replaced whole by each complete pull (every page checked) while the link is LINKED,
 * removed in the transaction that unlinks. Read by the panel, always with its source.
 */
@ApplicationScoped
public class PeerRecords {

    /** A district-sized feed (about a record per student); more is not kept. */
    static final int MAX_RECORDS = 200_000;

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PeerEvents peerEvents;

    @Inject
    private CrossLinkSettings settings;

    @Inject
    private Clock clock;

    /** One record of the other side's data, as the panel shows it. */
    public record PeerRecord(String studentSourcedId, String type, Map<String, Object> data, String fetchedAt, String source,
                             String peerUrl, String linkId) {
    }

    /** One record of a peer's feed as it will be kept: the student, the record's type and its data as JSON. */
    public record FeedRecord(String studentSourcedId, String type, String dataJson) {
    }

    /** One checked page of a peer's feed: its acceptable records, and the cursor of the page after it, if any. */
    public record FeedPage(List<FeedRecord> records, Optional<String> next) {
    }

    /**
     * Checks one feed answer (signature, recipient, time, jti, that it answers {@code requestId} for this school)
     * and keeps its well-formed records: typed, about one student, data within 20,000 characters.
     */
    @Transactional
    public FeedPage check(TenantId tenant, String requestId, SignedJWT jwt, JWKSet keys) {
        PeerEvents.Received received = peerEvents.open(jwt, keys);
        CrossLinkMessage answer = received.message();
        if (answer.type() != MessageType.FEED_RESPONSE || !requestId.equals(answer.text("in_reply_to"))
                || !received.tenant().equals(tenant)) {
            throw new MessageRefusedException(ProblemKind.INVALID, "unexpected_answer", "The peer's answer is not the feed we asked for.");
        }
        List<FeedRecord> kept = new ArrayList<>();
        if (answer.data().get("records") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> record && record.get("sourcedId") instanceof String student
                        && record.get("type") instanceof String type && record.get("data") instanceof Map<?, ?> data
                        && !student.isBlank() && student.length() <= 255 && !type.isBlank() && type.length() <= 100) {
                    @SuppressWarnings("unchecked")
                    String json = JSONObjectUtils.toJSONString((Map<String, ?>) data);
                    if (json.length() <= 20000) {
                        kept.add(new FeedRecord(student, type, json));
                    }
                }
            }
        }
        Optional<String> next = answer.data().get("next") instanceof String cursor && !cursor.isBlank() && cursor.length() <= 255
                ? Optional.of(cursor) : Optional.empty();
        return new FeedPage(kept, next);
    }

    /**
     * Replaces the cached copy with every page's records (the first of each student and type, at most
     * {@value #MAX_RECORDS}) if the link is still LINKED in the round they were asked for.
     *
     * @return the records kept
     */
    @Transactional
    public int replace(TenantId tenant, String linkId, String handshake, List<FeedRecord> fetched) {
        CrossLink link = em.find(CrossLink.class, linkId);
        if (link == null || !link.tenant().equals(tenant) || link.state() != LinkState.LINKED || !link.handshakeId().equals(handshake)) {
            return 0; // unlinked meanwhile: nothing is kept
        }
        removeAll(tenant, linkId);
        Instant now = clock.instant();
        Map<String, FeedRecord> once = new LinkedHashMap<>();
        for (FeedRecord record : fetched) {
            if (once.size() == MAX_RECORDS) {
                break;
            }
            once.putIfAbsent(record.studentSourcedId() + "\n" + record.type(), record);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO crosslink_record (tenant_id, link_id, "
                     + "student_sourced_id, record_type, data_json, fetched_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            JdbcBatch.run(insert, new ArrayList<>(once.values()), record -> {
                insert.setString(1, tenant.value());
                insert.setString(2, linkId);
                insert.setString(3, record.studentSourcedId());
                insert.setString(4, record.type());
                insert.setString(5, record.dataJson());
                insert.setTimestamp(6, Timestamp.from(now));
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the peer's records", e);
        }
        link.feedFetched(now, now.plus(settings.feedInterval()));
        return once.size();
    }

    @Transactional
    public void failed(TenantId tenant, String linkId, String error) {
        CrossLink link = em.find(CrossLink.class, linkId);
        if (link != null && link.tenant().equals(tenant) && link.state() == LinkState.LINKED) {
            link.feedFailed(error, clock.instant().plus(Duration.ofSeconds(30)));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int removeAll(TenantId tenant, String linkId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM crosslink_record WHERE tenant_id = ? AND link_id = ?")) {
            delete.setString(1, tenant.value());
            delete.setString(2, linkId);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remove the peer's records", e);
        }
    }

    /** The other products' data held for this school, optionally for one student, from LINKED links only. */
    @Transactional
    public List<PeerRecord> records(TenantId tenant, Optional<String> student) {
        List<PeerRecord> records = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT r.student_sourced_id, r.record_type, r.data_json, "
                     + "r.fetched_at, l.peer_school_name, l.peer_url, l.id FROM crosslink_record r JOIN crosslink l "
                     + "ON l.id = r.link_id AND l.tenant_id = r.tenant_id WHERE r.tenant_id = ? AND l.state = 'LINKED'"
                     + (student.isPresent() ? " AND r.student_sourced_id = ?" : "")
                     + " ORDER BY r.student_sourced_id, l.peer_url, r.record_type")) {
            select.setMaxRows(5000);
            select.setString(1, tenant.value());
            if (student.isPresent()) {
                select.setString(2, student.get());
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String source = rs.getString(5) == null || rs.getString(5).isBlank() ? rs.getString(6) : rs.getString(5);
                    records.add(new PeerRecord(rs.getString(1), rs.getString(2), JSONObjectUtils.parse(rs.getString(3)),
                            rs.getTimestamp(4).toInstant().toString(), source, rs.getString(6), rs.getString(7)));
                }
            }
        } catch (SQLException | ParseException e) {
            throw new IllegalStateException("Could not read the peer's records", e);
        }
        return records;
    }
}
