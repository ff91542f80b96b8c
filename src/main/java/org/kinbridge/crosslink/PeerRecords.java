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

/**
 * The cached copy of a linked peer's feed: replaced whole by each signed answer while the link is LINKED,
 * removed in the transaction that unlinks. Read by the panel, always with its source.
 */
@ApplicationScoped
public class PeerRecords {

    private static final int MAX_RECORDS = 20000;

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

    /** Checks a feed answer and, if the link is still the same LINKED round, replaces the cached copy. */
    @Transactional
    public int replace(TenantId tenant, String linkId, String handshake, String requestId, SignedJWT jwt, JWKSet keys) {
        PeerEvents.Received received = peerEvents.open(jwt, keys);
        CrossLinkMessage answer = received.message();
        if (answer.type() != MessageType.FEED_RESPONSE || !requestId.equals(answer.text("in_reply_to"))
                || !received.tenant().equals(tenant)) {
            throw new MessageRefusedException(ProblemKind.INVALID, "unexpected_answer", "The peer's answer is not the feed we asked for.");
        }
        CrossLink link = em.find(CrossLink.class, linkId);
        if (link == null || !link.tenant().equals(tenant) || link.state() != LinkState.LINKED || !link.handshakeId().equals(handshake)) {
            return 0; // unlinked meanwhile: nothing is kept
        }
        removeAll(tenant, linkId);
        Instant now = clock.instant();
        int stored = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO crosslink_record (tenant_id, link_id, "
                     + "student_sourced_id, record_type, data_json, fetched_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            Object records = answer.data().get("records");
            if (records instanceof List<?> list) {
                java.util.Set<String> keysSeen = new java.util.HashSet<>();
                for (Object item : list) {
                    if (stored >= MAX_RECORDS || !(item instanceof Map<?, ?> record)) {
                        continue;
                    }
                    Object student = record.get("sourcedId");
                    Object type = record.get("type");
                    Object data = record.get("data");
                    if (!(student instanceof String s) || !(type instanceof String t) || !(data instanceof Map<?, ?> d)
                            || s.isBlank() || s.length() > 255 || t.isBlank() || t.length() > 100 || !keysSeen.add(s + "\n" + t)) {
                        continue;
                    }
                    @SuppressWarnings("unchecked")
                    String json = JSONObjectUtils.toJSONString((Map<String, ?>) d);
                    if (json.length() > 20000) {
                        continue;
                    }
                    insert.setString(1, tenant.value());
                    insert.setString(2, linkId);
                    insert.setString(3, s);
                    insert.setString(4, t);
                    insert.setString(5, json);
                    insert.setTimestamp(6, Timestamp.from(now));
                    insert.addBatch();
                    stored++;
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the peer's records", e);
        }
        link.feedFetched(now, now.plus(settings.feedInterval()));
        return stored;
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
